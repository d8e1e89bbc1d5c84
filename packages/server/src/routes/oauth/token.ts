import { type AppContext, publicOrigin } from '../../context.js';
import { findUnstorable } from '../../middleware/storable-text.js';
import { createRouter } from '../../openapi.js';
import { signAccessToken } from '../../services/access-tokens.js';
import { pollAuthorizationCode, redeemAuthorizationCode } from '../../services/auth/codes.js';
import { CODE_VERIFIER } from '../../services/auth/pkce.js';
import {
  type IssuedRefreshToken,
  issueRefreshToken,
  REFRESH_TOKEN_TTL_SECONDS,
  revokeRefreshToken,
  rotateRefreshToken,
} from '../../services/auth/refresh-tokens.js';
import { redeemSessionToken } from '../../services/auth/session-tokens.js';
import { findCustomer } from '../../services/customers.js';
import type { Store } from '../../services/stores.js';
import {
  clearRefreshCookie,
  findClient,
  oauthError,
  originAllowed,
  readParams,
  readRefreshCookie,
  setRefreshCookie,
} from './shared.js';

/** POST /oauth/token (RFC 6749 §3.2, 8693), /oauth/revoke (RFC 7009), /oauth/poll. */
export const tokenRoutes = createRouter();

export const TOKEN_EXCHANGE_GRANT = 'urn:ietf:params:oauth:grant-type:token-exchange';
export const SESSION_TOKEN_TYPE = 'urn:kiosk:params:oauth:token-type:session_token';
const ACCESS_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:access_token';

type Params = Record<string, string>;
type ClientResult = { store: Store; params: Params } | { response: Response };

/** Reads the body and identifies the client (its store) and checks the browser's origin. */
async function client(c: AppContext): Promise<ClientResult> {
  const params = await readParams(c);
  if (!params) {
    return {
      response: oauthError(
        c,
        'invalid_request',
        'Send application/x-www-form-urlencoded or JSON with string values, each parameter once.',
      ),
    };
  }
  const unreadable = findUnstorable(params);
  if (unreadable) {
    return {
      response: oauthError(c, 'invalid_request', `${unreadable.path}: ${unreadable.message}`),
    };
  }
  if (!params.client_id) {
    return { response: oauthError(c, 'invalid_request', 'client_id is required.') };
  }
  const store = await findClient(c, params.client_id);
  if (!store) return { response: oauthError(c, 'invalid_client', 'Unknown client_id.') };
  c.set('store', store);
  if (!originAllowed(c, store)) {
    return {
      response: oauthError(c, 'invalid_client', 'This origin is not allowed for this client.', 403),
    };
  }
  return { store, params };
}

async function tokenResponse(
  c: AppContext,
  store: Store,
  customerId: string,
  refresh: IssuedRefreshToken,
  cookieMode: boolean,
  extra: Record<string, string> = {},
) {
  const { deps } = c.var;
  const now = deps.now();
  const customer = await findCustomer(deps.db, store.id, customerId);
  if (!customer) return oauthError(c, 'invalid_grant', 'The customer no longer exists.');
  const access = await signAccessToken(store, customerId, publicOrigin(c), now);
  c.header('Cache-Control', 'no-store');
  c.header('Pragma', 'no-cache');
  if (cookieMode) {
    // Each refresh token lives exactly REFRESH_TOKEN_TTL_SECONDS from its issue (just now).
    setRefreshCookie(c, store, refresh.token, REFRESH_TOKEN_TTL_SECONDS);
  }
  return c.json(
    {
      access_token: access.token,
      token_type: 'Bearer',
      expires_in: access.expiresIn,
      ...(cookieMode ? {} : { refresh_token: refresh.token }),
      ...extra,
      customer: { id: customer.id, email: customer.email, name: customer.name },
    },
    200,
  );
}

tokenRoutes.post('/token', async (c) => {
  const result = await client(c);
  if ('response' in result) return result.response;
  const { store, params } = result;
  const { deps } = c.var;
  const now = deps.now();
  const cookieMode = params.refresh_token_mode === 'cookie';

  switch (params.grant_type) {
    case 'authorization_code': {
      const { code, code_verifier: verifier, redirect_uri: redirectUri } = params;
      if (!code || !verifier || !redirectUri) {
        return oauthError(
          c,
          'invalid_request',
          'code, code_verifier and redirect_uri are required.',
        );
      }
      if (!CODE_VERIFIER.test(verifier)) {
        return oauthError(c, 'invalid_request', 'code_verifier must be 43 to 128 characters.');
      }
      const redeemed = await redeemAuthorizationCode(
        deps.db,
        store.id,
        { code, redirectUri, codeVerifier: verifier },
        now,
      );
      if (!redeemed.ok) return oauthError(c, 'invalid_grant', redeemed.description);
      // The family is the code's id, so a replayed code can revoke what it issued.
      const refresh = await issueRefreshToken(
        deps.db,
        { storeId: store.id, customerId: redeemed.customerId, familyId: redeemed.codeId },
        now,
      );
      return tokenResponse(c, store, redeemed.customerId, refresh, cookieMode);
    }
    case 'refresh_token': {
      let token = params.refresh_token;
      let fromCookie = false;
      if (!token) {
        token = readRefreshCookie(c, store);
        fromCookie = Boolean(token);
      }
      if (!token) return oauthError(c, 'invalid_request', 'refresh_token is required.');
      const rotated = await rotateRefreshToken(deps.db, store.id, token, now);
      if (!rotated.ok) {
        if (fromCookie) clearRefreshCookie(c, store);
        return oauthError(
          c,
          'invalid_grant',
          rotated.reused
            ? 'The refresh token was already used; the session has been revoked.'
            : 'The refresh token is invalid, expired or revoked.',
        );
      }
      return tokenResponse(c, store, rotated.customerId, rotated.next, cookieMode || fromCookie);
    }
    case TOKEN_EXCHANGE_GRANT: {
      if (!params.subject_token || params.subject_token_type !== SESSION_TOKEN_TYPE) {
        return oauthError(
          c,
          'invalid_request',
          `subject_token and subject_token_type=${SESSION_TOKEN_TYPE} are required.`,
        );
      }
      const session = await redeemSessionToken(deps.db, store.id, params.subject_token, now);
      if (!session) {
        return oauthError(c, 'invalid_grant', 'The session token is invalid, used or expired.');
      }
      const refresh = await issueRefreshToken(
        deps.db,
        { storeId: store.id, customerId: session.customerId, familyId: session.id },
        now,
      );
      return tokenResponse(c, store, session.customerId, refresh, cookieMode, {
        issued_token_type: ACCESS_TOKEN_TYPE,
      });
    }
    case undefined:
    case '':
      return oauthError(c, 'invalid_request', 'grant_type is required.');
    default:
      return oauthError(c, 'unsupported_grant_type', 'This grant type is not supported.');
  }
});

tokenRoutes.post('/revoke', async (c) => {
  const result = await client(c);
  if ('response' in result) return result.response;
  const { store, params } = result;
  const { deps } = c.var;
  const token = params.token || readRefreshCookie(c, store);
  // RFC 7009 §2.2: unknown or already invalid tokens are not an error. Access tokens
  // cannot be revoked (they are self-contained) and expire within 15 minutes.
  if (token) await revokeRefreshToken(deps.db, store.id, token, deps.now());
  clearRefreshCookie(c, store);
  c.header('Cache-Control', 'no-store');
  return c.json({}, 200);
});

tokenRoutes.post('/poll', async (c) => {
  const result = await client(c);
  if ('response' in result) return result.response;
  const { store, params } = result;
  const state = params.state;
  if (!state || state.length < 8 || state.length > 512) {
    return oauthError(c, 'invalid_request', 'state is required.');
  }
  const polled = await pollAuthorizationCode(c.var.deps.db, store.id, state, c.var.deps.now());
  c.header('Cache-Control', 'no-store');
  if (polled.status === 'ready') return c.json({ code: polled.code }, 200);
  if (polled.status === 'pending') {
    return oauthError(c, 'authorization_pending', 'The customer has not finished signing in.');
  }
  return oauthError(c, 'invalid_request', 'Nothing to collect for this state.');
});
