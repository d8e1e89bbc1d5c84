import { createHash, randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import type { TestApp, TestStore } from './harness.js';

/**
 * The OAuth flow as the SDK and a browser drive it (PKCE, the hosted sign-in form, the
 * token endpoint), shared by the oauth-*.test.ts files.
 */

export const SELF = 'http://localhost';
export const SHOP = 'https://shop.example';
export const REDIRECT = `${SHOP}/auth/callback`;

export function pkce() {
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  return { verifier, challenge };
}

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

export function authorizeUrl(params: Record<string, string>) {
  return `/oauth/authorize?${new URLSearchParams(params).toString()}`;
}

export function postForm(
  app: TestApp,
  path: string,
  fields: Record<string, string>,
  headers: Record<string, string> = { origin: SELF },
  ip?: string,
) {
  return app.request(path, {
    method: 'POST',
    body: new URLSearchParams(fields).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    ...(ip ? { ip } : {}),
  });
}

/** The sign-in form as a browser would post it: hidden fields plus what the shopper typed. */
export function submit(
  app: TestApp,
  params: Record<string, string>,
  form: { intent?: 'signin' | 'create'; email: string; password: string; name?: string },
  headers?: Record<string, string>,
  ip?: string,
) {
  return postForm(
    app,
    '/oauth/authorize',
    { ...params, intent: form.intent ?? 'signin', ...form, name: form.name ?? '' },
    headers,
    ip,
  );
}

export function dataAttr(page: string, name: string): string | undefined {
  return new RegExp(`data-${name}="([^"]*)"`).exec(page)?.[1];
}

export function token(
  app: TestApp,
  body: Record<string, string>,
  headers: Record<string, string> = {},
) {
  return postForm(app, '/oauth/token', body, headers);
}

/**
 * A refresh at the token endpoint: with the refresh token in the body, or, with none, from
 * the cookie a browser sends in `headers` (cookie mode).
 */
export function refresh(
  app: TestApp,
  pk: string,
  refreshToken?: string,
  headers: Record<string, string> = {},
) {
  const body = { grant_type: 'refresh_token', client_id: pk };
  return token(
    app,
    refreshToken === undefined ? body : { ...body, refresh_token: refreshToken },
    headers,
  );
}

/** Signs up through the popup flow and redeems the code: the whole thing the SDK does. */
export async function signUpAndRedeem(
  app: TestApp,
  s: TestStore,
  email = `ann-${randomBytes(4).toString('hex')}@example.com`,
  extra: Record<string, string> = {},
) {
  const { verifier, challenge } = pkce();
  const params = authParams(s.pk, challenge, { response_mode: 'web_message' });
  const page = await submit(app, params, {
    intent: 'create',
    email,
    password: 'correct horse battery',
    name: 'Ann',
  });
  expect(page.status).toBe(200);
  const code = dataAttr(page.body, 'code')!;
  const res = await token(app, {
    grant_type: 'authorization_code',
    code,
    code_verifier: verifier,
    redirect_uri: REDIRECT,
    client_id: s.pk,
    ...extra,
  });
  expect(res.status).toBe(200);
  return { res, code, verifier, email, params };
}
