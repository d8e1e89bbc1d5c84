import * as oidc from 'openid-client';
import type { IdentityProviderRow } from '../../db/schema/index.js';

/** Seconds before a provider that does not answer counts as down. */
const TIMEOUT_SECONDS = 8;
/** Discovery documents are fetched again after this long (keys rotate, endpoints move). */
const DISCOVERY_TTL_MS = 10 * 60 * 1000;

const configurations = new Map<string, { config: oidc.Configuration; expires: number }>();

/**
 * The openid-client configuration of a provider, from its discovery document. Only a
 * successful discovery is cached, so a provider that was down is tried again next time.
 */
export async function providerConfiguration(
  provider: IdentityProviderRow,
): Promise<oidc.Configuration> {
  const key = JSON.stringify([
    provider.storeId,
    provider.slug,
    provider.updatedAt.getTime(),
    provider.issuer,
  ]);
  const cached = configurations.get(key);
  if (cached && cached.expires > Date.now()) return cached.config;
  // Plain HTTP is accepted for loopback issuers only (the admin API checks that).
  const insecure = new URL(provider.issuer).protocol === 'http:';
  const config = await oidc.discovery(
    new URL(provider.issuer),
    provider.clientId,
    undefined,
    oidc.ClientSecretPost(provider.clientSecret),
    {
      timeout: TIMEOUT_SECONDS,
      ...(insecure ? { execute: [oidc.allowInsecureRequests] } : {}),
    },
  );
  config.timeout = TIMEOUT_SECONDS;
  // Entries of edited or deleted providers are never asked for again: drop the stale ones.
  for (const [k, v] of configurations) if (v.expires <= Date.now()) configurations.delete(k);
  configurations.set(key, { config, expires: Date.now() + DISCOVERY_TTL_MS });
  return config;
}

/** The authorization request to the provider: code flow, PKCE S256, a nonce. */
export async function upstreamAuthorizationUrl(
  config: oidc.Configuration,
  provider: IdentityProviderRow,
  redirectUri: string,
  state: string,
  codeVerifier: string,
  nonce: string,
): Promise<URL> {
  return oidc.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    response_type: 'code',
    scope: provider.scopes.join(' '),
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
}

export const newCodeVerifier = oidc.randomPKCECodeVerifier;
export const newNonce = oidc.randomNonce;

/**
 * Redeems the provider's answer (the callback URL): checks state, issuer, PKCE and nonce,
 * and validates the ID token (signature, audience, expiry) — all through openid-client.
 */
export async function redeemUpstreamAnswer(
  config: oidc.Configuration,
  callbackUrl: URL,
  checks: { state: string; codeVerifier: string; nonce: string },
) {
  const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
    expectedState: checks.state,
    pkceCodeVerifier: checks.codeVerifier,
    expectedNonce: checks.nonce,
    idTokenExpected: true,
  });
  const claims = tokens.claims();
  if (!claims) throw new Error('The provider sent no ID token.');
  return claims;
}

/** The shopper said no (or the provider refused) at the provider, as opposed to a failure. */
export function isUpstreamRefusal(err: unknown): boolean {
  return err instanceof oidc.AuthorizationResponseError;
}
