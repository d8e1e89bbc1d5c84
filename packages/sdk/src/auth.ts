import type { WritableAtom } from 'nanostores';
import { invalid, KioskError } from './errors.js';
import type { components } from './generated/api.js';
import type { Http } from './http.js';
import type { KeyValue } from './persist.js';
import { challengeOf, randomString } from './pkce.js';
import type { Reads } from './reads.js';
import type { Passkey, Session } from './types.js';

type TokenRequest = components['schemas']['TokenRequest'];
type TokenResponse = components['schemas']['TokenResponse'];

/** What the hosted sign-in page posts to the window that opened it. */
type HostedMessage = {
  state?: string;
  away?: boolean;
  code?: string;
  error?: string;
  error_description?: string;
} & ({ type: 'kiosk:authorization_pending' } | { type: 'kiosk:authorization_response' });

/** What tabs tell each other about the session (over the client's BroadcastChannel). */
export type AuthMessage =
  | { type: 'session'; session?: Session; token?: { token: string; expiresAt: number } | null }
  | { type: 'logout' };

export interface AuthContext {
  /** An Http without the customer's token (the OAuth endpoints take none). */
  http: Http;
  /** The client's Http, with the store key and the customer's token (their own /me routes). */
  api: Http;
  /** The client's session store (created by the client, so it exists before this module loads). */
  $session: WritableAtom<Session | null>;
  /** The client's shared reads and products: who is signed in changes what products say (member prices). */
  reads: Pick<Reads, 'clear'>;
  products: { forget(): void };
  /** The channel tabs share the session on (browsers only); the client routes its messages here. */
  channel: BroadcastChannel | null;
  storeKey: string;
  kv: KeyValue;
  /** Runs after every sign-in: merge the guest cart, load the balance. */
  signedIn: (session: Session) => Promise<void>;
  signedOut: () => void;
  onError: (error: KioskError) => void;
}

export const win = () => (typeof window === 'undefined' ? undefined : window);
const SSO_TOKEN_TYPE = 'urn:kiosk:params:oauth:token-type:session_token';

/**
 * Customer sign-in: OAuth 2.0 authorization code + PKCE through the server's hosted page.
 * The access token lives in memory only. In browsers the refresh token is an HttpOnly
 * cookie on the API origin (scripts never see it); elsewhere it is kept in `storage`.
 * Refreshes run one at a time, across tabs too (Web Locks), and tabs share the session.
 *
 * Guests never need this: the client imports this module (a separate chunk for bundlers) on
 * the first sign-in call, when a stored session or a redirect's `?code` is there at start-up,
 * or when another tab announces a session.
 */
export function createAuth(ctx: AuthContext) {
  const { $session, channel } = ctx;
  const browser = !!win()?.document;
  const origin = new URL(ctx.http.endpoint).origin;
  let access: { token: string; expiresAt: number } | null = null;
  let refreshing: Promise<string | null> | null = null;

  function adopt(session: Session | null, token: { token: string; expiresAt: number } | null) {
    access = token;
    ctx.kv.set('session', session ? JSON.stringify(session) : null);
    if ($session.get()?.customer.id !== session?.customer.id) {
      ctx.reads.clear();
      ctx.products.forget();
    }
    $session.set(session);
  }

  async function accept(data: TokenResponse, announce = true) {
    const session = { customer: data.customer };
    const token = { token: data.access_token, expiresAt: Date.now() + data.expires_in * 1000 };
    if (data.refresh_token) ctx.kv.set('refresh', data.refresh_token);
    const wasSignedIn = $session.get() !== null;
    adopt(session, token);
    if (announce) channel?.postMessage({ type: 'session', session, token });
    if (!wasSignedIn) await ctx.signedIn(session);
  }

  function tokenRequest(form: Omit<TokenRequest, 'client_id' | 'refresh_token_mode'>) {
    return ctx.http.request('/oauth/token', {
      method: 'POST',
      form: {
        client_id: ctx.storeKey,
        ...form,
        ...(browser ? { refresh_token_mode: 'cookie' } : {}),
      },
      credentials: 'include',
    });
  }

  async function refreshNow(): Promise<string | null> {
    const stored = ctx.kv.get('refresh');
    if (!browser && !stored) return null;
    try {
      const data = await tokenRequest({
        grant_type: 'refresh_token',
        ...(stored && !browser ? { refresh_token: stored } : {}),
      });
      await accept(data);
      return data.access_token;
    } catch (error) {
      const e = error as KioskError;
      if (!e.retryable) signOutLocally(true);
      else ctx.onError(e);
      return null;
    }
  }

  /** One refresh at a time: in this tab (a shared promise) and across tabs (a Web Lock). */
  function refresh(): Promise<string | null> {
    const locks = win()?.navigator.locks;
    const run = (): Promise<string | null> =>
      // Another tab may have refreshed while this one waited for the lock.
      access && access.expiresAt - Date.now() > 30_000
        ? Promise.resolve(access.token)
        : refreshNow();
    const started: Promise<string | null> =
      refreshing ??
      (locks
        ? (locks.request(`kiosk:refresh:${ctx.storeKey}`, run) as unknown as Promise<string | null>)
        : run()
      ).finally(() => {
        refreshing = null;
      });
    refreshing = started;
    return started;
  }

  function signOutLocally(announce: boolean) {
    const was = $session.get() !== null;
    ctx.kv.set('refresh', null);
    adopt(null, null);
    if (announce) channel?.postMessage({ type: 'logout' });
    if (was) ctx.signedOut();
  }

  /** Another tab signed in (or refreshed) or signed out. */
  function receive(data: AuthMessage) {
    if (data.type === 'session' && data.session) {
      const was = $session.get() !== null;
      adopt(data.session, data.token ?? null);
      if (!was) void ctx.signedIn(data.session);
    } else if (data.type === 'logout') {
      signOutLocally(false);
    }
  }

  function authorizeUrl(params: Record<string, string>) {
    const url = new URL('/oauth/authorize', origin);
    url.search = new URLSearchParams({
      response_type: 'code',
      client_id: ctx.storeKey,
      code_challenge_method: 'S256',
      ...params,
    }).toString();
    return url.toString();
  }

  /**
   * Waits for the popup's answer: postMessage from the API origin, or the poll fallback.
   * Each hosted page says it is open (`kiosk:authorization_pending`), so once one has, a
   * closed popup means the shopper closed it, and the sign-in ends at once, unless the
   * page said it may finish elsewhere (`away`: at an identity provider, whose
   * Cross-Origin-Opener-Policy cuts the popup off from us, or through an emailed link).
   */
  function waitForCode(popup: Window, state: string): Promise<string> {
    const w = win()!;
    return new Promise<string>((resolve, reject) => {
      let closedSince = 0;
      // How long a closed popup may still be signing in: until a page is heard, or while the
      // last one heard says it may finish elsewhere, 3 minutes; otherwise not at all.
      let patience = 180_000;
      const finish = (fn: () => void) => {
        w.removeEventListener('message', onMessage);
        clearInterval(timer);
        fn();
      };
      const fail = (code: string, message: string) =>
        finish(() => reject(new KioskError({ code, message })));
      const onMessage = ({ origin: from, data }: MessageEvent<HostedMessage | null>) => {
        if (from !== origin || data?.state !== state) return;
        const { code, error } = data;
        if (data.type === 'kiosk:authorization_pending') patience = data.away ? 180_000 : 0;
        else if (code) finish(() => resolve(code));
        else if (error) fail(error, data.error_description || error);
      };
      w.addEventListener('message', onMessage);
      // Without an opener (a strict Cross-Origin-Opener-Policy, an in-app browser) the popup
      // looks closed to us; ask the server under `state` until the shopper is done.
      const timer = setInterval(async () => {
        if (!popup.closed) return;
        closedSince ||= Date.now();
        try {
          const data = await ctx.http.request('/oauth/poll', {
            method: 'POST',
            body: { client_id: ctx.storeKey, state },
            retry: false,
          });
          finish(() => resolve(data.code));
        } catch (error) {
          const pending = (error as KioskError).code === 'authorization_pending';
          if (!pending || Date.now() - closedSince >= patience) {
            fail('login_cancelled', 'Sign-in was not completed.');
          }
        }
      }, 1500);
    });
  }

  async function redirectLogin(
    params: { verifier: string; state: string; redirectUri: string },
    locale: string,
    provider: Record<string, string>,
  ) {
    const w = win()!;
    w.sessionStorage.setItem(`kiosk:pkce:${ctx.storeKey}`, JSON.stringify(params));
    w.location.assign(
      authorizeUrl({
        redirect_uri: params.redirectUri,
        state: params.state,
        code_challenge: await challengeOf(params.verifier),
        response_mode: 'query',
        ui_locales: locale,
        ...provider,
      }),
    );
  }

  /** Completes a redirect sign-in when the page was loaded with ?code=…&state=…. */
  async function completeRedirect() {
    const w = win();
    if (!w) return;
    const url = new URL(w.location.href);
    const code = url.searchParams.get('code');
    const state = url.searchParams.get('state');
    const saved = w.sessionStorage.getItem(`kiosk:pkce:${ctx.storeKey}`);
    if (!code || !state || !saved) return;
    const pkce = JSON.parse(saved) as { verifier: string; state: string; redirectUri: string };
    if (pkce.state !== state) return;
    w.sessionStorage.removeItem(`kiosk:pkce:${ctx.storeKey}`);
    url.searchParams.delete('code');
    url.searchParams.delete('state');
    w.history.replaceState(w.history.state, '', url);
    const data = await tokenRequest({
      grant_type: 'authorization_code',
      code,
      code_verifier: pkce.verifier,
      redirect_uri: pkce.redirectUri,
    });
    await accept(data);
  }

  return {
    receive,
    /** The current access token, refreshed first when it is about to expire. */
    async accessToken(): Promise<string | null> {
      if (access && access.expiresAt - Date.now() > 30_000) return access.token;
      if (!$session.get()) return null;
      return refresh();
    },
    /**
     * Signs in through the hosted page, in `popup` (opened by the client in the click that
     * called `login()`, before this module loaded, so no popup blocker stops it), or by
     * leaving the page when there is none (redirect mode, popups blocked). The hosted page
     * speaks `locale` (OpenID's `ui_locales`), in its direction. `provider` (the slug of one
     * of the store's upstream identity providers) skips the page's choices and goes there.
     */
    login(popup: Window | null, locale: string, provider?: string): Promise<Session> {
      // Checked here, not in the client's core (its size budget): the caller closes the popup.
      if (provider !== undefined && !/^[a-z0-9][a-z0-9-]{0,39}$/.test(provider)) {
        return Promise.reject(invalid('provider must be an identity provider id.', 'provider'));
      }
      const w = win()!;
      const upstream: Record<string, string> = provider ? { provider } : {};
      const verifier = randomString(32);
      const state = randomString(16);
      const redirectUri = w.location.origin + w.location.pathname;
      if (!popup) {
        // Redirect mode, or popups are blocked (some in-app webviews): leave the page.
        return redirectLogin({ verifier, state, redirectUri }, locale, upstream).then(
          () => new Promise<Session>(() => {}),
        );
      }
      return (async () => {
        popup.location.href = authorizeUrl({
          redirect_uri: redirectUri,
          state,
          code_challenge: await challengeOf(verifier),
          response_mode: 'web_message',
          ui_locales: locale,
          ...upstream,
        });
        const code = await waitForCode(popup, state);
        const data = await tokenRequest({
          grant_type: 'authorization_code',
          code,
          code_verifier: verifier,
          redirect_uri: redirectUri,
        });
        await accept(data);
        return { customer: data.customer };
      })();
    },
    async signInWithToken(token: string): Promise<Session> {
      if (typeof token !== 'string' || !token)
        throw invalid('A session token is required.', 'token');
      const data = await tokenRequest({
        grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
        subject_token: token,
        subject_token_type: SSO_TOKEN_TYPE,
      });
      await accept(data);
      return { customer: data.customer };
    },
    async logout(): Promise<void> {
      const stored = ctx.kv.get('refresh');
      try {
        await ctx.http.request('/oauth/revoke', {
          method: 'POST',
          form: { client_id: ctx.storeKey, ...(stored ? { token: stored } : {}) },
          credentials: 'include',
        });
      } finally {
        signOutLocally(true);
      }
    },
    /** The signed-in shopper's passkeys: added on the hosted sign-in page, removable here. */
    async passkeys(): Promise<Passkey[]> {
      return (await ctx.api.request('/v1/customers/me/passkeys', { method: 'GET' })).items;
    },
    /** Removes one of the shopper's passkeys (`passkey_not_found` if it is not theirs). */
    async removePasskey(id: string): Promise<void> {
      await ctx.api.request('/v1/customers/me/passkeys/{id}', {
        method: 'DELETE',
        params: { id },
      });
    },
    /** Restores a session after a reload (refresh cookie or stored refresh token). */
    async restore(): Promise<void> {
      try {
        await completeRedirect();
      } catch (error) {
        ctx.onError(error as KioskError);
      }
      if (!$session.get() && ctx.kv.get('session')) await refresh();
    },
  };
}

export type AuthResource = ReturnType<typeof createAuth>;
