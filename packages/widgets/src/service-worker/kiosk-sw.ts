/**
 * kiosk-sw.js, the service worker a brand serves from its own origin (CONTRACT §6,
 * `data-service-worker`): shows Kiosk's pushed messages and reports to the store what became
 * of each (delivered, clicked, dismissed), so a campaign's counts are real; and when the
 * browser's push service rotates the subscription, renews it and tells the stores. Nothing
 * else: no fetch handler, so it can sit beside a site's own worker logic untouched.
 * Built on its own (scripts/build.mjs) as a classic script: every browser runs it.
 */

import type { PushStoreMessage } from '@kiosk/sdk';

/** What the server pushes (the payload, JSON; SPEC "Push payload"). */
interface Message {
  id: string;
  title: string;
  body?: string;
  /** The deep link: the product's page with `kiosk_product` and `kiosk_campaign`. */
  url: string;
  icon?: string;
  image?: string;
  tag?: string;
  receipt: { endpoint: string; token: string };
}

/** What a shown notification keeps for its click and close. */
type Shown = Pick<Message, 'id' | 'url' | 'receipt'>;

// The service worker global's types (lib "webworker") clash with the DOM lib the widgets
// compile with: the few members used here, declared as the spec has them.
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface PushEvent extends ExtendableEvent {
  readonly data: { json(): unknown } | null;
}
interface NotificationEvent extends ExtendableEvent {
  readonly notification: Notification & { data: Shown | null };
}
interface PushSubscriptionChangeEvent extends ExtendableEvent {
  readonly oldSubscription: PushSubscription | null;
  readonly newSubscription: PushSubscription | null;
}
interface ExtendableMessageEvent extends ExtendableEvent {
  readonly data: unknown;
}
interface WindowClient {
  readonly url: string;
  focus(): Promise<WindowClient>;
}
interface ServiceWorkerScope {
  registration: ServiceWorkerRegistration;
  clients: {
    matchAll(options: { type: 'window'; includeUncontrolled: boolean }): Promise<WindowClient[]>;
    openWindow(url: string): Promise<WindowClient | null>;
  };
  addEventListener(type: 'push', listener: (event: PushEvent) => void): void;
  addEventListener(
    type: 'notificationclick' | 'notificationclose',
    listener: (event: NotificationEvent) => void,
  ): void;
  addEventListener(
    type: 'pushsubscriptionchange',
    listener: (event: PushSubscriptionChangeEvent) => void,
  ): void;
  addEventListener(type: 'message', listener: (event: ExtendableMessageEvent) => void): void;
}
const sw = self as unknown as ServiceWorkerScope;

/** Tells the store what became of a message; a lost receipt only loses a count. */
async function receipt(message: Shown, event: 'delivered' | 'clicked' | 'dismissed') {
  try {
    await fetch(message.receipt.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ message: message.id, token: message.receipt.token, event }),
    });
  } catch {
    // offline or the store unreachable: the message itself was shown
  }
}

function isMessage(data: unknown): data is Message {
  const m = data as Partial<Message> | null;
  return typeof m?.id === 'string' && typeof m.title === 'string' && typeof m.url === 'string';
}

sw.addEventListener('push', (event) => {
  let message: unknown;
  try {
    message = event.data?.json();
  } catch {
    return; // not a Kiosk message (another sender on the same worker): not ours to show
  }
  if (!isMessage(message)) return;
  const { id, title, body, icon, image, tag, url, receipt: r } = message;
  const shown: Shown = { id, url, receipt: r };
  event.waitUntil(
    Promise.all([
      sw.registration.showNotification(title, {
        body,
        icon,
        tag: tag ?? id,
        data: shown,
        // `image` is in the Notifications standard, not (any more) in TypeScript's DOM types.
        ...(image ? { image } : {}),
      } as NotificationOptions),
      receipt(shown, 'delivered'),
    ]),
  );
});

// Tested with events made in the worker (kiosk-sw.test.ts): no browser automation can press a
// system notification, and a made event carries no user activation, so the window opening is
// the one step only a shopper's real click exercises.
sw.addEventListener('notificationclick', (event) => {
  const shown = event.notification.data;
  event.notification.close();
  if (!shown?.url) return;
  event.waitUntil(
    Promise.all([
      // A tab already at the link is brought forward; otherwise the link opens in a new one.
      sw.clients
        .matchAll({ type: 'window', includeUncontrolled: true })
        .then((open) => {
          const tab = open.find((c) => c.url === shown.url);
          return tab ? tab.focus() : sw.clients.openWindow(shown.url);
        })
        .catch(() => null),
      receipt(shown, 'clicked'),
    ]),
  );
});

sw.addEventListener('notificationclose', (event) => {
  const shown = event.notification.data;
  if (shown?.id) event.waitUntil(receipt(shown, 'dismissed'));
});

/**
 * What renewing needs when no page is open: the stores this browser's subscription was sent
 * to (API origin and publishable key, in the order they subscribed) and the endpoint they
 * know. The SDK posts it on every push subscribe (PushStoreMessage); it is kept in Cache
 * Storage, since a worker's globals die with it.
 */
interface PushStores {
  endpoint: string;
  stores: { api: string; storeKey: string }[];
}
const STATE_CACHE = 'kiosk-sw';
const STATE_KEY = 'kiosk-sw/push-stores';

async function readState(): Promise<PushStores | undefined> {
  const saved = await (await caches.open(STATE_CACHE)).match(STATE_KEY);
  return saved ? ((await saved.json()) as PushStores) : undefined;
}

async function writeState(state: PushStores): Promise<void> {
  const body = JSON.stringify(state);
  await (await caches.open(STATE_CACHE)).put(
    STATE_KEY,
    new Response(body, { headers: { 'content-type': 'application/json' } }),
  );
}

function isPushStoreMessage(data: unknown): data is PushStoreMessage {
  const m = data as Partial<PushStoreMessage> | null;
  return (
    m?.kiosk === 'push-store' &&
    typeof m.api === 'string' &&
    typeof m.storeKey === 'string' &&
    typeof m.endpoint === 'string'
  );
}

/** Updates of the state, one after another: two at once would each lose the other's store. */
let updates: Promise<unknown> = Promise.resolve();
function updateState(change: (state: PushStores | undefined) => PushStores | undefined) {
  updates = updates
    .then(readState)
    .then((state) => {
      const next = change(state);
      return next && writeState(next);
    })
    .catch(() => undefined); // storage unavailable: renewing will find nothing, as before
  return updates;
}

sw.addEventListener('message', (event) => {
  const m = event.data;
  if (!isPushStoreMessage(m)) return; // the site's own messages: not ours
  const store = { api: m.api, storeKey: m.storeKey };
  event.waitUntil(
    updateState((state) => {
      const stores = state?.stores ?? [];
      const known = stores.some((s) => s.api === m.api && s.storeKey === m.storeKey);
      return { endpoint: m.endpoint, stores: known ? stores : [...stores, store] };
    }),
  );
});

/**
 * The key to subscribe again with: the old subscription's, else the store's VAPID key. One
 * browser subscription serves every store on the origin (the SDK reuses it), made by the
 * first store that subscribed, so that store's key.
 */
async function serverKey(old: PushSubscription | null, state: PushStores) {
  const key = old?.options.applicationServerKey;
  if (key) return key;
  const first = state.stores[0]!;
  const res = await fetch(`${first.api}/v1/notifications/config`, {
    headers: { 'x-kiosk-key': first.storeKey },
  });
  return ((await res.json()) as { vapidPublicKey: string }).vapidPublicKey;
}

/**
 * The push service retired this browser's subscription (`pushsubscriptionchange`): subscribe
 * again (unless the browser already did) and tell each store, which moves its subscriptions
 * to the new endpoint (POST /v1/notifications/subscriptions/renew; the old endpoint, known
 * only to the browser and the store, is the proof). Untested in a browser: Chromium has no
 * way to fire this event (not even over the DevTools protocol), so the server's side is
 * what the tests cover (packages/server/test/notifications-renew.test.ts).
 */
async function renew(event: PushSubscriptionChangeEvent) {
  const state = await readState();
  const oldEndpoint = event.oldSubscription?.endpoint ?? state?.endpoint;
  if (!state || state.stores.length === 0 || !oldEndpoint) return;
  const next =
    event.newSubscription ??
    (await sw.registration.pushManager.subscribe({
      userVisibleOnly: true,
      applicationServerKey: await serverKey(event.oldSubscription, state),
    }));
  await updateState((now) => now && { ...now, endpoint: next.endpoint });
  const body = JSON.stringify({ oldEndpoint, push: next.toJSON() });
  await Promise.all(
    state.stores.map(
      ({ api, storeKey }) =>
        fetch(`${api}/v1/notifications/subscriptions/renew`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-kiosk-key': storeKey },
          body,
        }).catch(() => null), // that store unreachable: its messages wait for a new subscribe
    ),
  );
}

sw.addEventListener('pushsubscriptionchange', (event) => event.waitUntil(renew(event)));
