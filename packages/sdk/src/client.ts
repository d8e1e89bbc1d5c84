import { createAuth } from './auth.js';
import { createCart } from './cart.js';
import { invalid, type KioskError } from './errors.js';
import { createEmitter } from './events.js';
import { createHttp } from './http.js';
import { resolveCurrency, resolveLocale } from './locale.js';
import { createKeyValue } from './persist.js';
import { createPoints } from './points.js';
import { createProducts } from './products.js';
import { createReads } from './reads.js';
import { createReviews } from './reviews.js';
import type { Cart, Session } from './types.js';

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

function defaultStorage(): ClientOptions['storage'] {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // blocked (sandboxed iframe, privacy settings)
  }
}

export function createClient(options: ClientOptions) {
  if (!options || typeof options.endpoint !== 'string' || !/^https?:\/\//.test(options.endpoint)) {
    throw invalid('endpoint must be the http(s) origin of the Kiosk API.', 'endpoint');
  }
  if (typeof options.storeKey !== 'string' || !options.storeKey.startsWith('pk_')) {
    throw invalid('storeKey must be a publishable key (pk_…).', 'storeKey');
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

  const http = createHttp({
    endpoint,
    fetch: fetchFn,
    onError,
    headers: async () => {
      const token = await auth.accessToken();
      return { 'x-kiosk-key': storeKey, ...(token ? { authorization: `Bearer ${token}` } : {}) };
    },
  });
  const reads = createReads(http);
  const products = createProducts(http, reads, () => currency);
  const signedIn = () => auth.$session.get() !== null;
  const cart = createCart({
    http,
    kv,
    currency: () => currency,
    signedIn,
    productOf: products.productOfVariant,
    onChange: (c) => events.emit('cart', { cart: c }),
    onError,
  });
  const points = createPoints(http, signedIn);
  const auth = createAuth({
    http: createHttp({ endpoint, fetch: fetchFn, onError, headers: () => ({}) }),
    storeKey,
    kv,
    onError,
    async signedIn(session) {
      events.emit('login', { customer: session.customer });
      // The guest cart becomes (or joins) the customer's cart.
      await cart.flush();
      const merged = await http.request<Cart>('/v1/carts/merge', {
        method: 'POST',
        body: cart.id() ? { cartId: cart.id() } : {},
      });
      cart.adopt(merged.data);
      await points.refresh().catch(onError);
    },
    signedOut() {
      // The customer's cart stays theirs: this browser starts a new guest cart.
      cart.adopt(null);
      points.clear();
      events.emit('logout', {});
    },
  });
  const reviews = createReviews(http, reads);

  const ready = auth.restore();

  return {
    endpoint,
    storeKey,
    locale,
    currency,
    products,
    cart: {
      $cart: cart.$cart,
      $pending: cart.$pending,
      add: cart.add,
      update: cart.update,
      remove: cart.remove,
      redeemPoints: cart.redeemPoints,
      refresh: cart.refresh,
      async checkout() {
        const result = await cart.checkout();
        events.emit('checkout', result);
        await points.refresh().catch(onError);
        return result;
      },
    },
    auth: {
      $session: auth.$session,
      login: auth.login,
      signInWithToken: auth.signInWithToken,
      logout: auth.logout,
    },
    points: {
      $balance: points.$balance,
      $summary: points.$summary,
      history: points.history,
      refresh: points.refresh,
    },
    reviews,
    on: events.on,
    /** Resolves once a stored session has been restored (or found absent). */
    ready,
  };
}

export type KioskClient = ReturnType<typeof createClient>;
