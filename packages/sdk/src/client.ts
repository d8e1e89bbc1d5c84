import { atom } from 'nanostores';
import type { AuthMessage, AuthResource } from './auth.js';
import { createCart } from './cart.js';
import type { CheckoutOptions } from './cart-checkout.js';
import { invalid, KioskError, toKioskError } from './errors.js';
import { createEmitter } from './events.js';
import { createHttp } from './http.js';
import { isLocaleTag, resolveCurrency, resolveLocale } from './locale.js';
import { createKeyValue } from './persist.js';
import { createProducts } from './products.js';
import { createReads } from './reads.js';
import type { RecommendationOptions, Recommendations } from './recommendations.js';
import type { Cart, Passkey, PointsSummary, Session, StoreConfig } from './types.js';

export interface ClientOptions {
  /** The Kiosk API's origin, e.g. https://api.brand.example */
  endpoint: string;
  /** The store's publishable key (pk_…). */
  storeKey: string;
  /** BCP 47 tag, or 'auto' (navigator.languages). */
  locale?: 'auto' | string;
  /** ISO 4217 code, or 'auto' (from the locale's region). */
  currency?: 'auto' | string;
  /** Where the cart id, offline writes and (outside browsers) the refresh token live; null = memory. */
  storage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null;
  fetch?: typeof fetch;
}

/** Events for analytics and logging: `kiosk.on('cart', ({ cart }) => …)`. */
export interface KioskEvents extends Record<string, unknown> {
  cart: { cart: Cart | null };
  login: Session;
  logout: Record<string, never>;
  checkout: { orderId: string; checkoutUrl: string };
  error: { error: KioskError };
}

const win = () => (typeof window === 'undefined' ? undefined : window);

/**
 * Imports a part of the SDK once, on first use, so a page downloads only what it runs
 * (bundlers emit each as its own chunk). A failed import (offline) is a retryable
 * KioskError, and the next call tries again.
 */
function lazy<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= load().catch((cause: unknown) => {
      loading = undefined;
      throw new KioskError({
        code: 'network_error',
        message: 'A Kiosk SDK part could not load.',
        retryable: true,
        cause,
      });
    }));
}

/**
 * Methods of a part loaded on first use (`lazy`), to call at once: each waits for the part,
 * then calls the method. They are typed as the part declares them. (One helper for every
 * part and its keys: the core is on a byte budget.)
 */
function deferred<R, K extends keyof R & string>(part: () => Promise<R>, ...keys: K[]): Pick<R, K> {
  const methods = {} as Record<K, unknown>;
  // TypeScript cannot follow a call through `R[K]`; the return type says what this is.
  for (const key of keys) {
    methods[key] = (...args: never[]) =>
      part().then((p) => (p[key] as (...args: never[]) => unknown)(...args));
  }
  return methods as Pick<R, K>;
}

/** The page came back from the hosted sign-in page (redirect mode) with ?code=…&state=…. */
function returningFromSignIn(storeKey: string): boolean {
  const w = win();
  if (!w?.document) return false;
  try {
    const query = new URL(w.location.href).searchParams;
    return (
      query.has('code') &&
      query.has('state') &&
      w.sessionStorage.getItem(`kiosk:pkce:${storeKey}`) !== null
    );
  } catch {
    return false; // storage blocked: no redirect sign-in could have started here
  }
}

function defaultStorage(): ClientOptions['storage'] {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // blocked (sandboxed iframe, privacy settings)
  }
}

export function createClient(options: ClientOptions) {
  if (!options || typeof options.endpoint !== 'string' || !/^https?:\/\//.test(options.endpoint)) {
    throw invalid("endpoint must be the Kiosk API's http(s) origin.", 'endpoint');
  }
  if (typeof options.storeKey !== 'string' || !options.storeKey.startsWith('pk_')) {
    throw invalid('storeKey must be a publishable pk_… key.', 'storeKey');
  }
  const { endpoint, storeKey } = options;
  const fetchFn = options.fetch ?? globalThis.fetch.bind(globalThis);
  const kv = createKeyValue(
    options.storage === undefined ? (defaultStorage() ?? null) : options.storage,
    storeKey,
  );
  const events = createEmitter<KioskEvents>();
  const onError = (error: KioskError) => events.emit('error', { error });
  const locale = resolveLocale(options.locale);
  const currency = resolveCurrency(options.currency, locale);

  // The stores are here, so widgets subscribe at once; the code behind sign-in, points and
  // reviews loads on first use (guests on a product page never download it).
  const $session = atom<Session | null>(null);
  const $balance = atom<number | null>(null);
  const $summary = atom<PointsSummary | null>(null);
  let auth: AuthResource | undefined;

  const http = createHttp({
    endpoint,
    fetch: fetchFn,
    onError,
    headers: async () => {
      const token = auth ? await auth.accessToken() : null;
      return { 'x-kiosk-key': storeKey, ...(token ? { authorization: `Bearer ${token}` } : {}) };
    },
  });
  const reads = createReads(http);
  const products = createProducts(http, reads, () => currency);
  const signedIn = () => $session.get() !== null;
  const cart = createCart({
    http,
    kv,
    currency: () => currency,
    locale,
    signedIn,
    productOf: products.productOfVariant,
    onChange: (c) => events.emit('cart', { cart: c }),
    onError,
  });

  const points = lazy(() =>
    import('./points.js').then((m) => m.createPoints(http, $balance, $summary)),
  );
  async function refreshPoints(): Promise<PointsSummary | null> {
    if (!signedIn()) {
      $balance.set(null);
      $summary.set(null);
      return null;
    }
    return (await points()).refresh();
  }
  const reviews = lazy(() => import('./reviews.js').then((m) => m.createReviews(http, reads)));
  const notifications = lazy(() =>
    import('./notifications.js').then((m) =>
      m.createNotifications(http, kv, locale, signedIn, storeKey),
    ),
  );

  const share = lazy(() => import('./share.js').then((m) => m.createShare(http)));
  const orders = lazy(() => import('./orders.js').then((m) => m.createOrders(http)));

  // Tabs share the session over this channel (browsers only).
  const channel =
    win()?.document && typeof BroadcastChannel === 'function'
      ? new BroadcastChannel(`kiosk:auth:${storeKey}`)
      : null;
  const loadAuth = lazy(async () => {
    const { createAuth } = await import('./auth.js');
    auth = createAuth({
      http: createHttp({ endpoint, fetch: fetchFn, onError, headers: () => ({}) }),
      api: http,
      $session,
      reads,
      products,
      channel,
      storeKey,
      kv,
      onError,
      async signedIn(session) {
        events.emit('login', { customer: session.customer });
        await cart.mergeIntoCustomer();
        await refreshPoints().catch(onError);
      },
      signedOut() {
        // The customer's cart stays theirs: this browser starts a new guest cart.
        cart.adopt(null);
        $balance.set(null);
        $summary.set(null);
        events.emit('logout', {});
      },
    });
    return auth;
  });
  let authWanted = false;
  const withAuth = () => {
    authWanted = true;
    return loadAuth();
  };
  channel?.addEventListener('message', (event: MessageEvent<AuthMessage>) => {
    // Another tab signed in: this one follows. A sign-out only matters once auth is loaded.
    if (authWanted || event.data.type === 'session') {
      withAuth().then((a) => a.receive(event.data), onError);
    }
  });

  // A session to restore (stored hint, or back from the hosted page): load auth at once.
  const ready: Promise<void> =
    kv.get('session') !== null || returningFromSignIn(storeKey)
      ? withAuth().then(
          (a) => a.restore(),
          (error: unknown) => onError(toKioskError(error)),
        )
      : Promise.resolve();

  return {
    endpoint,
    storeKey,
    locale,
    currency,
    products: Object.assign(products, {
      /** Products to show beside one (or for the shopper); its code loads on the first call. */
      recommendations: (options: RecommendationOptions): Promise<Recommendations> =>
        lazy(() => import('./recommendations.js'))().then((m) =>
          m.recommend(http, products, currency, options),
        ),
    }),
    store: {
      /**
       * The store's public configuration (`GET /v1/store`): currencies, locales, points terms,
       * attribution window. Kept briefly and revalidated with its ETag, like product reads.
       */
      get: (): Promise<StoreConfig> => reads.get('/v1/store'),
    },
    // The cart's own methods, but for what only the client calls (the type leaves those out:
    // a spread, not a list of them, as the core is on a byte budget).
    cart: {
      ...cart,
      /** See the cart's checkout: the cart stays until the order is paid. */
      async checkout(options?: CheckoutOptions) {
        const result = await cart.checkout(options);
        events.emit('checkout', result);
        await refreshPoints().catch(onError);
        return result;
      },
    } as Omit<typeof cart, 'adopt' | 'mergeIntoCustomer'>,
    auth: {
      $session,
      /**
       * Signs in through the hosted page. Call it from a click handler: the popup opens
       * before anything is awaited, so no popup blocker stops it. `locale` (a BCP 47 tag,
       * default the client's) is the language the hosted page speaks: pass the page's, e.g.
       * a widget's resolved locale, so an Arabic page opens an Arabic, right-to-left sign-in.
       * `provider` (an upstream identity provider's id, e.g. `google`) goes straight to it.
       */
      login(
        options: { mode?: 'popup' | 'redirect'; locale?: string; provider?: string } = {},
      ): Promise<Session> {
        if (options.locale !== undefined && !isLocaleTag(options.locale)) {
          return Promise.reject(invalid('locale must be a BCP 47 language tag.', 'locale'));
        }
        const { provider } = options;
        const w = win();
        if (!w) {
          return Promise.reject(
            new KioskError({
              code: 'unsupported',
              message: 'login() needs a browser; use signInWithToken().',
            }),
          );
        }
        const popup =
          options.mode === 'redirect'
            ? null
            : w.open('about:blank', 'kiosk-login', 'popup,width=480,height=720');
        return withAuth().then(
          (a) =>
            a.login(
              popup,
              options.locale === undefined ? locale : resolveLocale(options.locale),
              provider,
            ),
          (error: unknown) => {
            popup?.close();
            throw error;
          },
        );
      },
      /** Signs in with a single sign-on token the brand's server minted with the secret key. */
      signInWithToken: (token: string): Promise<Session> =>
        withAuth().then((a) => a.signInWithToken(token)),
      /** Signs out here and in the site's other tabs, and revokes the refresh token. */
      logout: (): Promise<void> => withAuth().then((a) => a.logout()),
      /** The signed-in shopper's passkeys (name, created, last used). */
      passkeys: (): Promise<Passkey[]> => withAuth().then((a) => a.passkeys()),
      /** Removes one of the signed-in shopper's passkeys. */
      removePasskey: (id: string): Promise<void> => withAuth().then((a) => a.removePasskey(id)),
    },
    points: {
      $balance,
      /** Balance, pending points, lifetime points, tier and what expires next. */
      $summary,
      /** history; membership: tier, perks, progress, paid plan (`membership({ month, day })` sets the birthday). */
      ...deferred(points, 'history', 'membership'),
      refresh: refreshPoints,
    },
    reviews: deferred(reviews, 'summary', 'list', 'submit', 'vote', 'unvote', 'mine'),
    /** Opt-in messages by push or email (CONTRACT §6); its code loads on the first call. */
    notifications: deferred(notifications, 'config', 'subscribe', 'list', 'unsubscribe'),
    /**
     * The signed-in customer's orders, one order by id, returns, and the hosted orders page
     * (CONTRACT §8); its code loads on the first call.
     */
    orders: deferred(orders, 'list', 'get', 'requestReturn', 'pageUrl'),
    /** Short links to products' share pages, with QR codes; its code loads on the first call. */
    share: deferred(share, 'link'),
    on: events.on,
    /** Resolves once a stored session has been restored (or found absent). */
    ready,
  };
}

export type KioskClient = ReturnType<typeof createClient>;
