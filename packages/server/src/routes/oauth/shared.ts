import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { type AppContext, type AppEnv, publicOrigin } from '../../context.js';
import { selfOrigins } from '../../hosted/same-origin.js';
import { findUnstorable } from '../../middleware/storable-text.js';
import { CODE_CHALLENGE } from '../../services/auth/pkce.js';
import { findStoreByPublishableKey, type Store } from '../../services/stores.js';

/** The store a client_id (its publishable key) names, if any. */
export async function findClient(c: AppContext, clientId: unknown): Promise<Store | undefined> {
  if (typeof clientId !== 'string' || !clientId.startsWith('pk_') || clientId.length > 200) {
    return undefined;
  }
  return findStoreByPublishableKey(c.var.deps.db, clientId);
}

/**
 * Token, revoke and poll requests from a browser must come from a page of the client's
 * store: the Origin header is set by the browser and cannot be forged by a page.
 */
export function originAllowed(c: AppContext, store: Store): boolean {
  const origin = c.req.header('origin');
  return !origin || store.allowedOrigins.includes(origin) || selfOrigins(c).has(origin);
}

/** RFC 6749 §5.2 error body, never cached. */
export function oauthError(
  c: Context<AppEnv>,
  error: string,
  description: string,
  status: ContentfulStatusCode = 400,
) {
  c.header('Cache-Control', 'no-store');
  c.header('Pragma', 'no-cache');
  return c.json({ error, error_description: description }, status);
}

/**
 * Reads a token-endpoint style body: form-encoded (RFC 6749) or JSON, string values only,
 * each parameter at most once (§3.2). Null when the body is neither.
 */
export async function readParams(c: AppContext): Promise<Record<string, string> | null> {
  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  const params: Record<string, string> = {};
  if (type === 'application/x-www-form-urlencoded') {
    const search = new URLSearchParams(await c.req.text());
    for (const [key, value] of search) {
      if (key in params) return null;
      params[key] = value;
    }
    return params;
  }
  if (type === 'application/json') {
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      return null;
    }
    if (!body || typeof body !== 'object' || Array.isArray(body)) return null;
    for (const [key, value] of Object.entries(body)) {
      if (value === undefined || value === null) continue;
      if (typeof value !== 'string') return null;
      params[key] = value;
    }
    return params;
  }
  return null;
}

// --- The refresh-token cookie (browser mode) ---------------------------------------

/** A cookie of one store's on the API origin, where every store's cookies sit side by side. */
export function storeCookieName(prefix: string, store: Store): string {
  return `${prefix}_${store.id.replace(/-/g, '').slice(0, 16)}`;
}

/** One cookie per store on the API origin, so two stores' sessions do not overwrite each other. */
export function refreshCookieName(store: Store): string {
  return storeCookieName('kiosk_rt', store);
}

export function setRefreshCookie(c: AppContext, store: Store, token: string, maxAge: number) {
  setCookie(c, refreshCookieName(store), token, {
    httpOnly: true,
    secure: true,
    sameSite: 'None',
    partitioned: true,
    path: '/oauth',
    maxAge,
  });
}

export function clearRefreshCookie(c: AppContext, store: Store) {
  setRefreshCookie(c, store, '', 0);
}

/**
 * The cookie is read only on a CORS request from one of the store's own origins: a form
 * posted cross-site carries the cookie too, and must not be able to rotate it away.
 */
export function readRefreshCookie(c: AppContext, store: Store): string | undefined {
  const origin = c.req.header('origin');
  if (!origin || !store.allowedOrigins.includes(origin)) return undefined;
  return getCookie(c, refreshCookieName(store)) || undefined;
}

// --- The authorization request (GET and POST /oauth/authorize) -----------------------

export type ResponseMode = 'query' | 'web_message';

export interface AuthorizationRequest {
  store: Store;
  clientId: string;
  redirectUri: string;
  redirectOrigin: string;
  responseMode: ResponseMode;
  state: string;
  codeChallenge: string;
  uiLocales: string | undefined;
  prompt: string | undefined;
}

export type AuthorizationCheck =
  /** Nowhere safe to send the shopper back to: an error page, never a redirect. */
  | {
      kind: 'fatal';
      reason: 'invalidClient' | 'invalidRedirect' | 'invalidRequest';
      detail: string;
    }
  /** The redirect URI is trusted: the error goes back to the client (RFC 6749 §4.1.2.1). */
  | {
      kind: 'client_error';
      request: Pick<
        AuthorizationRequest,
        'store' | 'redirectUri' | 'redirectOrigin' | 'responseMode' | 'state'
      >;
      error: string;
      description: string;
    }
  | { kind: 'ok'; request: AuthorizationRequest };

const STATE = /^[\x20-\x7e]{8,512}$/;

function one(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Validates the authorization request parameters, from the query or the form's hidden fields. */
export async function checkAuthorizationRequest(
  c: AppContext,
  params: Record<string, unknown>,
): Promise<AuthorizationCheck> {
  // Before any lookup: PostgreSQL cannot compare or store such a string (the form's
  // fields come here too, so this covers email, name and password).
  const unreadable = findUnstorable(params);
  if (unreadable) {
    return {
      kind: 'fatal',
      reason: 'invalidRequest',
      detail: `${unreadable.path}: ${unreadable.message}`,
    };
  }
  const store = await findClient(c, params.client_id);
  if (!store) {
    return { kind: 'fatal', reason: 'invalidClient', detail: 'Unknown client_id.' };
  }
  const redirectUri = one(params.redirect_uri);
  let redirectOrigin: string | undefined;
  try {
    const url = redirectUri && redirectUri.length <= 2048 ? new URL(redirectUri) : undefined;
    if (url && (url.protocol === 'https:' || url.protocol === 'http:') && !url.hash) {
      redirectOrigin = url.origin;
    }
  } catch {
    redirectOrigin = undefined;
  }
  if (!redirectUri || !redirectOrigin || !store.allowedOrigins.includes(redirectOrigin)) {
    return {
      kind: 'fatal',
      reason: 'invalidRedirect',
      detail: "redirect_uri must be an absolute URL on one of the store's allowed origins.",
    };
  }
  const mode = one(params.response_mode) ?? 'query';
  if (mode !== 'query' && mode !== 'web_message') {
    return {
      kind: 'fatal',
      reason: 'invalidRequest',
      detail: 'response_mode must be query or web_message.',
    };
  }
  const state = one(params.state);
  if (!state || !STATE.test(state)) {
    return {
      kind: 'fatal',
      reason: 'invalidRequest',
      detail: 'state is required: 8 to 512 printable characters.',
    };
  }
  const base = { store, redirectUri, redirectOrigin, responseMode: mode, state } as const;
  const fail = (error: string, description: string): AuthorizationCheck => ({
    kind: 'client_error',
    request: base,
    error,
    description,
  });
  if (one(params.response_type) !== 'code') {
    return fail('unsupported_response_type', 'response_type must be code.');
  }
  if (one(params.code_challenge_method) !== 'S256') {
    return fail('invalid_request', 'code_challenge_method must be S256.');
  }
  const codeChallenge = one(params.code_challenge);
  if (!codeChallenge || !CODE_CHALLENGE.test(codeChallenge)) {
    return fail('invalid_request', 'code_challenge must be 43 to 128 base64url characters.');
  }
  const prompt = one(params.prompt);
  if (prompt?.split(' ').includes('none')) {
    return fail('login_required', 'The customer must sign in.');
  }
  const uiLocales = one(params.ui_locales)?.slice(0, 200);
  return {
    kind: 'ok',
    request: { ...base, clientId: store.publishableKey, codeChallenge, uiLocales, prompt },
  };
}

/**
 * The parameters that make `req` again, for a link or a later step to carry (the intent
 * toggle, a provider's button, a round trip to an upstream provider, an emailed link).
 */
export function authorizationParams(req: AuthorizationRequest): Record<string, string> {
  return {
    response_type: 'code',
    client_id: req.clientId,
    redirect_uri: req.redirectUri,
    code_challenge: req.codeChallenge,
    code_challenge_method: 'S256',
    state: req.state,
    response_mode: req.responseMode,
    ...(req.uiLocales ? { ui_locales: req.uiLocales } : {}),
  };
}

/** redirect_uri with the response parameters added to its query (RFC 6749 §4.1.2). */
export function redirectWith(
  c: AppContext,
  redirectUri: string,
  params: Record<string, string>,
): string {
  const url = new URL(redirectUri);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  url.searchParams.set('iss', publicOrigin(c));
  return url.toString();
}
