import { atom, onMount } from 'nanostores';
import { currentAttribution } from './attribution.js';
import { invalid, KioskError } from './errors.js';
import { type Http, newIdempotencyKey } from './http.js';
import { isCurrencyOption, isLocaleTag, resolveCurrency, resolveLocale } from './locale.js';
import { fromMinor, sum, times, toMinor } from './money.js';
import type { KeyValue } from './persist.js';
import { isAttributionCode, MAX_LINE_QUANTITY } from './rules.js';
import type { Cart, CartLine, Checkout, Product } from './types.js';

/**
 * A cart write, kept (and persisted) until the server has it; the key makes replays safe.
 * `tab` is the client that sends it: other tabs only show it, so a write goes out once.
 * `fresh`: the cart it was meant for had been ordered, so it goes into a new cart.
 */
type Op = { key: string; tab: string; fresh?: true } & (
  | { kind: 'add'; variantId: string; quantity: number; ref?: string; refAt?: string }
  | { kind: 'update'; lineId: string; quantity: number; variantId?: string }
  | { kind: 'points'; points: number }
);

/** Where the hosted checkout page leads back to, and what it is told about the shop's page. */
export interface CheckoutOptions {
  /**
   * The page the hosted checkout page leads back to (default: this page, in browsers); it
   * must be on one of the store's allowed origins. null: no way back.
   */
  returnTo?: string | null;
  /**
   * The language of the hosted page (BCP 47, or 'auto'), e.g. the widget's resolved locale,
   * so an Arabic page opens an Arabic, right-to-left checkout. Default: the client's.
   */
  locale?: string;
  /**
   * The currency the page showed prices in (ISO 4217, or 'auto'). The order is charged in
   * the cart's currency; when that is another one, the hosted page says so.
   */
  currency?: string;
}

interface CartContext {
  http: Http;
  kv: KeyValue;
  currency: () => string | undefined;
  /** The client's language, passed on to the hosted checkout page. */
  locale: string;
  signedIn: () => boolean;
  /** A product the page already loaded that holds this variant, for optimistic lines. */
  productOf: (variantId: string) => Product | undefined;
  onChange: (cart: Cart | null) => void;
  onError: (error: KioskError) => void;
}

const isOffline = () => globalThis.navigator?.onLine === false;

/** Id prefix of a line shown before the server has it (an optimistic add). */
const PENDING = 'pending:';

/**
 * Whether `line` is shown before the server has it (an optimistic add): its id is provisional
 * and changes when the server answers. Callers ask this instead of reading the id's format.
 */
export const isPendingLine = (line: Pick<CartLine, 'id'>): boolean => line.id.startsWith(PENDING);

/** The line an update means: by id, or by variant for a line that was pending when asked. */
const isLine = (line: CartLine, op: { lineId: string; variantId?: string }) =>
  line.id === op.lineId ||
  (op.variantId !== undefined && op.lineId.startsWith(PENDING) && line.variantId === op.variantId);

function parse<T>(value: string | null): T | null {
  try {
    return value ? (JSON.parse(value) as T) : null;
  } catch {
    return null;
  }
}

/**
 * The cart: one store for every widget. Writes apply at once (optimistically) over the
 * last cart the server confirmed, are sent one at a time in order, and roll back if the
 * server refuses them. Writes made offline wait in a persisted queue and go out, in order
 * and once each (idempotency keys), when the network is back.
 */
export function createCart(ctx: CartContext) {
  let confirmed = parse<Cart>(ctx.kv.get('cart'));
  const tab = newIdempotencyKey();
  // Writes left by an earlier page load are this tab's to send now.
  let queue: Op[] = (parse<Op[]>(ctx.kv.get('queue')) ?? []).map((op) => ({ ...op, tab }));
  const $cart = atom<Cart | null>(null);
  /** Writes not yet confirmed by the server (waiting for the network when offline). */
  const $pending = atom(queue.length);
  let sending: Promise<void> | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let retryDelay = 1000;

  const render = () => $cart.set(queue.reduce(applyOp, confirmed));

  function confirm(cart: Cart | null) {
    confirmed = cart;
    ctx.kv.set('cart', cart ? JSON.stringify(cart) : null);
    render();
    ctx.onChange(cart);
  }

  function saveQueue() {
    ctx.kv.set('queue', queue.length ? JSON.stringify(queue) : null);
    $pending.set(queue.length);
  }

  function applyOp(cart: Cart | null, op: Op): Cart | null {
    const base: Cart = cart ?? {
      id: '',
      currency: ctx.currency() ?? '',
      customerId: null,
      lines: [],
      itemCount: 0,
      subtotal: { amount: '0', currency: ctx.currency() ?? '' },
      discount: { amount: '0', currency: ctx.currency() ?? '' },
      total: { amount: '0', currency: ctx.currency() ?? '' },
      pointsRedeemed: 0,
      pointsToEarn: 0,
      updatedAt: '',
    };
    let lines = base.lines;
    if (op.kind === 'add') {
      const existing = lines.find((l) => l.variantId === op.variantId);
      if (existing) {
        lines = lines.map((l) => (l === existing ? withQuantity(l, l.quantity + op.quantity) : l));
      } else {
        const line = provisionalLine(op);
        if (line) lines = [...lines, line];
      }
    } else if (op.kind === 'update') {
      lines = lines
        .map((l) => (isLine(l, op) ? withQuantity(l, op.quantity) : l))
        .filter((l) => l.quantity > 0);
    } else {
      return { ...base, pointsRedeemed: op.points };
    }
    return retotal({ ...base, lines });
  }

  function provisionalLine(op: Extract<Op, { kind: 'add' }>): CartLine | null {
    const product = ctx.productOf(op.variantId);
    const variant = product?.variants.find((v) => v.id === op.variantId);
    if (!product || !variant) return null;
    return {
      id: `${PENDING}${op.key}`,
      productId: product.id,
      variantId: variant.id,
      title: product.title,
      variantTitle: variant.title,
      handle: product.handle,
      // As the server does: the variant's own picture, else the product's first.
      image: variant.image ?? product.images[0] ?? null,
      quantity: op.quantity,
      unitPrice: variant.price,
      lineTotal: times(variant.price, op.quantity),
      compareAtPrice: variant.compareAtPrice,
      available: variant.quantityAvailable,
      ref: op.ref ?? null,
    };
  }

  function withQuantity(line: CartLine, quantity: number): CartLine {
    return { ...line, quantity, lineTotal: times(line.unitPrice, quantity) };
  }

  function retotal(cart: Cart): Cart {
    const sameCurrency = cart.lines.every((l) => l.unitPrice.currency === cart.subtotal.currency);
    const itemCount = cart.lines.reduce((n, l) => n + l.quantity, 0);
    if (!sameCurrency || cart.lines.length === 0) return { ...cart, itemCount };
    const digits = toMinor(cart.lines[0]!.unitPrice).digits;
    const subtotal = sum(
      cart.lines.map((l) => l.lineTotal),
      cart.subtotal.currency,
      digits,
    );
    const total = fromMinor(
      Math.max(0, toMinor(subtotal).minor - toMinor(cart.discount).minor),
      digits,
      cart.subtotal.currency,
    );
    return { ...cart, itemCount, subtotal, total };
  }

  async function ensureCart(key: string): Promise<string> {
    if (confirmed?.id) return confirmed.id;
    const { data } = await ctx.http.request<Cart>('/v1/carts', {
      method: 'POST',
      body: ctx.currency() ? { currency: ctx.currency() } : {},
      idempotencyKey: `${key}:create`,
    });
    confirmed = data;
    return data.id;
  }

  async function send(op: Op): Promise<Cart> {
    // A write replayed into a new cart is another request: it needs its own key.
    const key = op.fresh ? `${op.key}:fresh` : op.key;
    const id = await ensureCart(key);
    const options = { idempotencyKey: key, retry: true } as const;
    if (op.kind === 'add') {
      return (
        await ctx.http.request<Cart>(`/v1/carts/${id}/lines`, {
          ...options,
          method: 'POST',
          body: {
            variantId: op.variantId,
            quantity: op.quantity,
            ...(op.ref ? { ref: op.ref } : {}),
            ...(op.ref && op.refAt ? { refAt: op.refAt } : {}),
          },
        })
      ).data;
    }
    if (op.kind === 'update') {
      const lineId = confirmed?.lines.find((l) => isLine(l, op))?.id ?? op.lineId;
      return (
        await ctx.http.request<Cart>(`/v1/carts/${id}/lines/${lineId}`, {
          ...options,
          method: 'PATCH',
          body: { quantity: op.quantity },
        })
      ).data;
    }
    return (
      await ctx.http.request<Cart>(`/v1/carts/${id}/points`, {
        ...options,
        method: 'PUT',
        body: { points: op.points },
      })
    ).data;
  }

  /** Sends queued writes in order until the queue is empty or the network fails. */
  function flush(): Promise<void> {
    // `.finally` runs after the assignment, even when there is nothing to send.
    sending ??= sendQueued().finally(() => {
      sending = null;
    });
    return sending;
  }

  async function sendQueued(): Promise<void> {
    try {
      // Only this tab's writes: another tab's are shown here but sent by that tab.
      for (let op = queue[0]; op?.tab === tab; op = queue[0]) {
        if (isOffline()) {
          throw new KioskError({ code: 'offline', message: 'Offline.', retryable: true });
        }
        try {
          const cart = await send(op);
          queue = queue.filter((q) => q.key !== op.key);
          saveQueue();
          confirm(cart);
        } catch (error) {
          const e = toKioskError(error);
          if (e.retryable) throw e;
          if (e.code === 'cart_not_active') {
            // The cart was ordered and paid meanwhile (another tab, or before the shopper came
            // back): start a new one. An add goes into it; a change to the old lines cannot.
            confirm(null);
            if (op.kind === 'add' && !op.fresh) {
              queue = queue.map((q) => (q.key === op.key ? { ...q, fresh: true } : q));
              saveQueue();
              continue;
            }
          }
          // Refused: drop the write, so the optimistic change rolls back.
          queue = queue.filter((q) => q.key !== op.key);
          saveQueue();
          render();
          failures.get(op.key)?.(e);
          ctx.onError(e);
          if (e.code === 'cart_not_found') confirm(null);
        }
      }
      retryDelay = 1000;
    } catch {
      scheduleRetry();
    }
  }

  function scheduleRetry() {
    clearTimeout(retryTimer);
    retryTimer = setTimeout(() => void flush(), retryDelay);
    (retryTimer as { unref?: () => void }).unref?.();
    retryDelay = Math.min(retryDelay * 2, 30_000);
  }

  globalThis.addEventListener?.('online', () => void flush());
  // Back from the payment page through the back/forward cache: the page's state is as it
  // was when the shopper left, so ask whether the cart has been paid for meanwhile.
  globalThis.addEventListener?.('pageshow', (event) => {
    if ((event as PageTransitionEvent).persisted) void refresh();
  });

  // Per-op rejection callbacks, so the caller of a refused write gets its error.
  const failures = new Map<string, (e: KioskError) => void>();

  async function enqueue(op: Op): Promise<Cart | null> {
    queue = [...queue, op];
    saveQueue();
    render();
    const refused = new Promise<never>((_, reject) => failures.set(op.key, reject));
    try {
      await Promise.race([flush(), refused]);
      // Still queued: offline. The write is kept and will be sent; the page shows it already.
      if (queue.some((q) => q.key === op.key)) return $cart.get();
      return confirmed;
    } finally {
      failures.delete(op.key);
    }
  }

  async function refresh(): Promise<Cart | null> {
    const id = confirmed?.id;
    if (!id) return null;
    try {
      const { data } = await ctx.http.request<Cart>(`/v1/carts/${id}`);
      confirm(data);
      return data;
    } catch (error) {
      const e = toKioskError(error);
      // Gone, or ordered and paid (the shopper is back from the payment page): a new cart
      // starts with the next add.
      if (e.code === 'cart_not_found' || e.code === 'cart_not_active') confirm(null);
      else ctx.onError(e);
      return confirmed;
    }
  }

  // Another tab changed the cart: take its version.
  ctx.kv.watch((key, value) => {
    if (key === 'cart') {
      confirmed = parse<Cart>(value);
      render();
    } else if (key === 'queue') {
      queue = parse<Op[]>(value) ?? [];
      $pending.set(queue.length);
      render();
    }
  });

  onMount($cart, () => {
    render();
    if (queue.length) void flush();
    else void refresh();
  });
  render();

  const positiveInt = (n: unknown, min: number) =>
    typeof n === 'number' && Number.isInteger(n) && n >= min && n <= MAX_LINE_QUANTITY;

  return {
    $cart,
    $pending,
    add(variantId: string, quantity = 1, options: { ref?: string } = {}) {
      if (typeof variantId !== 'string' || !variantId) {
        return Promise.reject(invalid('A variant id is required.', 'variantId'));
      }
      if (!positiveInt(quantity, 1)) {
        return Promise.reject(
          invalid(`Quantity must be a whole number from 1 to ${MAX_LINE_QUANTITY}.`, 'quantity'),
        );
      }
      const ref = options.ref ?? undefined;
      if (ref !== undefined && !isAttributionCode(ref)) {
        return Promise.reject(
          invalid('A ref is 1–64 letters, digits, ., _ or - (an attribution code).', 'ref'),
        );
      }
      // The ref of a followed link goes with when it was followed: the store's window decides.
      const followed = ref ? currentAttribution() : undefined;
      return enqueue({
        kind: 'add',
        key: newIdempotencyKey(),
        tab,
        variantId,
        quantity,
        ...(ref ? { ref } : {}),
        ...(followed && followed.code === ref
          ? { refAt: new Date(followed.at).toISOString() }
          : {}),
      });
    },
    update(lineId: string, quantity: number) {
      if (typeof lineId !== 'string' || !lineId) {
        return Promise.reject(invalid('A line id is required.', 'lineId'));
      }
      if (!positiveInt(quantity, 0)) {
        return Promise.reject(
          invalid(`Quantity must be a whole number from 0 to ${MAX_LINE_QUANTITY}.`, 'quantity'),
        );
      }
      // A line still being added has a provisional id: the write follows its variant.
      const variantId = lineId.startsWith(PENDING)
        ? $cart.get()?.lines.find((l) => l.id === lineId)?.variantId
        : undefined;
      return enqueue({
        kind: 'update',
        key: newIdempotencyKey(),
        tab,
        lineId,
        quantity,
        ...(variantId ? { variantId } : {}),
      });
    },
    remove(lineId: string) {
      return this.update(lineId, 0);
    },
    redeemPoints(points: number) {
      if (!ctx.signedIn()) {
        return Promise.reject(
          new KioskError({
            code: 'unauthenticated',
            message: 'Sign in to use points.',
            status: 401,
          }),
        );
      }
      if (typeof points !== 'number' || !Number.isInteger(points) || points < 0) {
        return Promise.reject(invalid('Points must be a whole number, 0 or more.', 'points'));
      }
      return enqueue({ kind: 'points', key: newIdempotencyKey(), tab, points });
    },
    /**
     * Checks the cart out into a pending order and answers where to pay for it. The cart
     * stays as it is until the order is paid (the shopper may come back and change it; a new
     * checkout then replaces the order). See CheckoutOptions for where the hosted page leads
     * back to and the language and currency it is told about.
     */
    async checkout(options: CheckoutOptions = {}): Promise<Checkout> {
      if (options.locale !== undefined && !isLocaleTag(options.locale)) {
        throw invalid('locale must be a BCP 47 language tag.', 'locale');
      }
      if (options.currency !== undefined && !isCurrencyOption(options.currency)) {
        throw invalid('currency must be an ISO 4217 code.', 'currency');
      }
      await flush();
      if (queue.length) {
        throw new KioskError({
          code: 'offline',
          message: 'Reconnect to check out.',
          retryable: true,
        });
      }
      if (!confirmed?.id || confirmed.lines.length === 0) {
        throw new KioskError({ code: 'empty_cart', message: 'The cart is empty.', status: 422 });
      }
      let data: Checkout;
      try {
        ({ data } = await ctx.http.request<Checkout>(`/v1/carts/${confirmed.id}/checkout`, {
          method: 'POST',
          body: {},
        }));
      } catch (error) {
        // Already ordered and paid (in another tab): this cart is done.
        if (toKioskError(error).code === 'cart_not_active') confirm(null);
        throw error;
      }
      const url = new URL(data.checkoutUrl);
      const locale = options.locale === undefined ? ctx.locale : resolveLocale(options.locale);
      url.searchParams.set('locale', locale);
      const currency =
        options.currency === undefined ? undefined : resolveCurrency(options.currency, locale);
      if (currency) url.searchParams.set('currency', currency);
      // Only a page has a place to return to (Deno throws on `location` without --location).
      const returnTo =
        options.returnTo === undefined
          ? globalThis.document && globalThis.location.href.split('#')[0]
          : options.returnTo;
      if (returnTo) url.searchParams.set('return_to', returnTo);
      return { orderId: data.orderId, checkoutUrl: url.toString() };
    },
    refresh,
    /** Takes the cart the server gave after sign-out (null: a new guest cart starts). */
    adopt: confirm,
    /**
     * After sign-in: the guest cart, its queued writes sent first, becomes (or joins) the
     * customer's cart on the server, and this client follows the merged cart.
     */
    async mergeIntoCustomer(): Promise<void> {
      await flush();
      const id = confirmed?.id;
      const { data } = await ctx.http.request<Cart>('/v1/carts/merge', {
        method: 'POST',
        body: id ? { cartId: id } : {},
      });
      confirm(data);
    },
  };
}

export type CartResource = ReturnType<typeof createCart>;

export function toKioskError(error: unknown): KioskError {
  return error instanceof KioskError
    ? error
    : new KioskError({ code: 'unknown_error', message: String(error), cause: error });
}
