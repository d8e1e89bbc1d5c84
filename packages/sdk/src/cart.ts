import { atom, onMount } from 'nanostores';
import { type Attribution, currentAttribution, followedLink } from './attribution.js';
import { type CheckoutOptions, checkCheckoutOptions, hostedCheckout } from './cart-checkout.js';
import { applyOp, type Catalog, isLine, isPendingLine, type Op } from './cart-lines.js';
import { invalid, KioskError, toKioskError } from './errors.js';
import { type Http, newIdempotencyKey } from './http.js';
import type { KeyValue } from './persist.js';
import { isAttributionCode, MAX_LINE_QUANTITY } from './rules.js';
import type { Cart, Checkout } from './types.js';

interface CartContext extends Catalog {
  http: Http;
  kv: KeyValue;
  /** The client's language, passed on to the hosted checkout page. */
  locale: string;
  signedIn: () => boolean;
  onChange: (cart: Cart | null) => void;
  onError: (error: KioskError) => void;
}

const isOffline = () => globalThis.navigator?.onLine === false;

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

  const render = () => $cart.set(queue.reduce((cart, op) => applyOp(cart, op, ctx), confirmed));

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

  async function ensureCart(key: string): Promise<string> {
    if (confirmed?.id) return confirmed.id;
    const data = await ctx.http.request('/v1/carts', {
      method: 'POST',
      // No currency: the store's default (JSON leaves the undefined out).
      body: { currency: ctx.currency() },
      idempotencyKey: `${key}:create`,
    });
    confirmed = data;
    return data.id;
  }

  /** Sends one queued write; the server answers with the cart as it now is. */
  async function send(op: Op): Promise<Cart> {
    // A write replayed into a new cart is another request: it needs its own key.
    const key = op.fresh ? `${op.key}:fresh` : op.key;
    const id = await ensureCart(key);
    const options = { idempotencyKey: key, retry: true, params: { id } } as const;
    if (op.kind === 'add') {
      return ctx.http.request('/v1/carts/{id}/lines', {
        ...options,
        method: 'POST',
        // Unset fields are undefined, which JSON leaves out.
        body: {
          variantId: op.variantId,
          quantity: op.quantity,
          ref: op.ref,
          refAt: op.refAt,
          campaign: op.campaign,
          campaignAt: op.campaignAt,
        },
      });
    }
    if (op.kind === 'update') {
      const lineId = confirmed?.lines.find((l) => isLine(l, op))?.id ?? op.lineId;
      return ctx.http.request('/v1/carts/{id}/lines/{lineId}', {
        ...options,
        method: 'PATCH',
        params: { id, lineId },
        body: { quantity: op.quantity },
      });
    }
    return ctx.http.request('/v1/carts/{id}/points', {
      ...options,
      method: 'PUT',
      body: { points: op.points },
    });
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
      const data = await ctx.http.request('/v1/carts/{id}', { params: { id } });
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
    add(variantId: string, quantity = 1, options: { ref?: string; campaign?: string } = {}) {
      if (typeof variantId !== 'string' || !variantId) {
        return Promise.reject(invalid('variantId is required.', 'variantId'));
      }
      if (!positiveInt(quantity, 1)) {
        return Promise.reject(
          invalid(`Quantity must be a whole number, 1–${MAX_LINE_QUANTITY}.`, 'quantity'),
        );
      }
      for (const field of ['ref', 'campaign'] as const) {
        const code = options[field];
        if (code != null && !isAttributionCode(code)) {
          return Promise.reject(
            invalid(`A ${field} must be 1–64 letters, digits, ., _ or -.`, field),
          );
        }
      }
      const ref = options.ref || undefined;
      // The ref of a followed link goes with when it was followed: the store's window decides.
      const followed = ref ? currentAttribution() : undefined;
      // A message's link (?kiosk_campaign=) is credited on any add, on this page or a later one.
      const message = options.campaign ? undefined : followedLink('kiosk_campaign');
      const at = (link: Attribution | undefined) => link && new Date(link.at).toISOString();
      return enqueue({
        kind: 'add',
        key: newIdempotencyKey(),
        tab,
        variantId,
        quantity,
        ref,
        refAt: followed?.code === ref ? at(followed) : undefined,
        campaign: options.campaign || message?.code,
        campaignAt: at(message),
      });
    },
    update(lineId: string, quantity: number) {
      if (typeof lineId !== 'string' || !lineId) {
        return Promise.reject(invalid('lineId is required.', 'lineId'));
      }
      if (!positiveInt(quantity, 0)) {
        return Promise.reject(
          invalid(`Quantity must be a whole number, 0–${MAX_LINE_QUANTITY}.`, 'quantity'),
        );
      }
      // A line still being added has a provisional id: the write follows its variant.
      const variantId = isPendingLine({ id: lineId })
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
      checkCheckoutOptions(options);
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
      const order = await ctx.http
        .request('/v1/carts/{id}/checkout', {
          method: 'POST',
          params: { id: confirmed.id },
          body: {},
        })
        .catch((error: unknown) => {
          // Already ordered and paid (in another tab): this cart is done.
          if (toKioskError(error).code === 'cart_not_active') confirm(null);
          throw error;
        });
      return hostedCheckout(order, options, ctx.locale);
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
      const data = await ctx.http.request('/v1/carts/merge', {
        method: 'POST',
        body: id ? { cartId: id } : {},
      });
      confirm(data);
    },
  };
}

export type CartResource = ReturnType<typeof createCart>;
