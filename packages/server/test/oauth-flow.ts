import { createHash, randomBytes } from 'node:crypto';

/** The client of the OAuth tests: a shop origin and its callback. */
export const SHOP = 'https://shop.example';
export const REDIRECT = `${SHOP}/auth/callback`;

export function pkce() {
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  return { verifier, challenge };
}

/** An authorization request's parameters, with a fresh state. */
export function authParams(pk: string, challenge: string, extra: Record<string, string> = {}) {
  return {
    response_type: 'code',
    client_id: pk,
    redirect_uri: REDIRECT,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state: `state-${randomBytes(8).toString('hex')}`,
    ...extra,
  };
}
