import { invalid, KioskError } from './errors.js';
import { NOTIFICATION_TOPICS } from './generated/rules.js';
import type { Http } from './http.js';
import type { KeyValue } from './persist.js';

// The notification routes are another part's (SPEC-notifications.md, "Public API"). Until they
// are in the server's OpenAPI document these shapes are written from the spec and requests go
// through the untyped `http.send`; once generated, they become `Schemas[…]` and `http.request`.

/** What a shopper can be told about (CONTRACT §6), as the server defines it. */
export type NotificationTopic = (typeof NOTIFICATION_TOPICS)[number];
export type NotificationChannel = 'push' | 'email';

/** One thing a shopper asked to be told about, on one channel. */
export interface NotificationSubscription {
  id: string;
  topic: NotificationTopic;
  channel: NotificationChannel;
  product?: { id: string; handle: string; title: string } | null;
  /** For the email channel: the address the messages go to. */
  email?: string;
  /** `pending`: a typed email address not confirmed yet (double opt-in). */
  status: 'active' | 'pending';
  /** Removes this one without signing in (kept by the SDK on this device for a guest). */
  unsubscribeToken?: string;
}

/** The store's notification set-up (`GET /v1/notifications/config`). */
export interface NotificationsConfig {
  vapidPublicKey: string;
  topics: NotificationTopic[];
  channels: { push: boolean; email: boolean };
}

export interface SubscribeOptions {
  topic: NotificationTopic;
  /** The product (handle or id) for back-in-stock and price-drop. */
  product?: string;
  channel: NotificationChannel;
  /** For the email channel: a signed-in shopper's own is used when left out. */
  email?: string;
  /**
   * For push: the URL of the brand's copy of kiosk-sw.js on the page's own origin (the
   * script tag's `data-service-worker`).
   */
  serviceWorker?: string;
}

/** Guests' unsubscribe tokens on this device, by subscription id. */
const TOKENS = 'notifications';

/** The page's URL as a message's link should open it: without Kiosk's own parameters. */
function landingUrl(): string | undefined {
  const href = globalThis.location?.href;
  if (!href) return undefined;
  const url = new URL(href);
  for (const key of [...url.searchParams.keys()]) {
    if (key.startsWith('kiosk_')) url.searchParams.delete(key);
  }
  url.hash = '';
  return url.href;
}

/**
 * What kiosk-sw.js keeps to renew the browser's push subscription when its push service
 * rotates it (`pushsubscriptionchange`, where no page is open): which store to tell, and the
 * endpoint it knows. The worker's own message type; kiosk-sw.ts reads the same shape.
 */
export interface PushStoreMessage {
  kiosk: 'push-store';
  api: string;
  storeKey: string;
  endpoint: string;
}

/**
 * Registers the brand's service worker and answers its (new or existing) push subscription;
 * tells the worker which store it is for.
 */
async function pushSubscription(
  serviceWorker: string | undefined,
  vapidPublicKey: () => Promise<string>,
  store: { api: string; storeKey: string },
) {
  const container = globalThis.navigator?.serviceWorker;
  if (!serviceWorker || !container || typeof PushManager === 'undefined') {
    throw new KioskError({
      code: 'push_unavailable',
      message:
        'Web push needs a browser with push and the site’s service worker (data-service-worker).',
    });
  }
  const applicationServerKey = await vapidPublicKey();
  const registration = await container.register(serviceWorker);
  // pushManager.subscribe needs an active worker: a first registration is still installing.
  while (!registration.active) {
    const worker = registration.installing ?? registration.waiting;
    if (!worker) break;
    await new Promise((resolve) => worker.addEventListener('statechange', resolve, { once: true }));
  }
  try {
    const subscription =
      (await registration.pushManager.getSubscription()) ??
      (await registration.pushManager.subscribe({
        userVisibleOnly: true,
        applicationServerKey,
      }));
    const json = subscription.toJSON() as {
      endpoint: string;
      keys: { p256dh: string; auth: string };
    };
    const message: PushStoreMessage = { kiosk: 'push-store', ...store, endpoint: json.endpoint };
    registration.active?.postMessage(message);
    return json;
  } catch (cause) {
    const denied = Notification.permission === 'denied';
    throw new KioskError({
      code: denied ? 'permission_denied' : 'push_unavailable',
      message: denied
        ? 'Notifications are blocked for this site.'
        : 'The browser could not subscribe to push messages.',
      cause,
    });
  }
}

/**
 * Opt-in notifications: subscribing by push or email, listing and removing. The client
 * imports this module on the first notifications call (a separate chunk for bundlers).
 */
export function createNotifications(
  http: Http,
  kv: KeyValue,
  locale: string,
  signedIn: () => boolean,
  storeKey: string,
) {
  let config: Promise<NotificationsConfig> | undefined;
  const tokens = (): Record<string, string> => {
    try {
      return JSON.parse(kv.get(TOKENS) ?? '{}') as Record<string, string>;
    } catch {
      return {};
    }
  };
  const keepToken = (id: string, token: string | null) => {
    const { [id]: _, ...rest } = tokens();
    const next = token ? { ...rest, [id]: token } : rest;
    kv.set(TOKENS, Object.keys(next).length ? JSON.stringify(next) : null);
  };

  const resource = {
    /** The store's set-up: the VAPID key, the topics and which channels it offers. */
    config(): Promise<NotificationsConfig> {
      config ??= http.send('/v1/notifications/config').then(
        (res) => res.data as NotificationsConfig,
        (error: unknown) => {
          config = undefined; // the next call asks again
          throw error;
        },
      );
      return config;
    },

    /**
     * Subscribes this shopper to `topic` (of `product`). Push: registers the brand's service
     * worker, asks the browser for a push subscription (the permission prompt: call it from a
     * click) and sends it. Email: a typed address gets a confirmation mail (status
     * `pending`); a signed-in shopper's own is active at once.
     */
    async subscribe(options: SubscribeOptions): Promise<NotificationSubscription> {
      const { topic, product, channel, email } = options ?? ({} as SubscribeOptions);
      if (!NOTIFICATION_TOPICS.includes(topic)) {
        throw invalid(`topic must be one of ${NOTIFICATION_TOPICS.join(', ')}.`, 'topic');
      }
      if (channel !== 'push' && channel !== 'email') {
        throw invalid("channel must be 'push' or 'email'.", 'channel');
      }
      if (channel === 'email' && !(email ? /^[^\s@]+@[^\s@]+$/.test(email) : signedIn())) {
        throw invalid('An email address is needed (or sign in).', 'email');
      }
      const push =
        channel === 'push'
          ? await pushSubscription(
              options.serviceWorker,
              () => resource.config().then((c) => c.vapidPublicKey),
              { api: http.endpoint, storeKey },
            )
          : undefined;
      const { data } = await http.send('/v1/notifications/subscriptions', {
        method: 'POST',
        body: {
          topic,
          product,
          channel,
          email: channel === 'email' ? email : undefined,
          push,
          locale,
          timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
          landingUrl: landingUrl(),
        },
      });
      const subscription = data as NotificationSubscription;
      if (subscription.unsubscribeToken) keepToken(subscription.id, subscription.unsubscribeToken);
      return subscription;
    },

    /**
     * What this shopper is subscribed to: a signed-in shopper's own (every channel and device),
     * and those this device subscribed as a guest.
     */
    async list(): Promise<NotificationSubscription[]> {
      const mine = signedIn()
        ? (
            (await http.send('/v1/notifications/subscriptions')).data as {
              items: NotificationSubscription[];
            }
          ).items
        : [];
      // Those this device subscribed as a guest, by the tokens it kept: one request for all.
      const kept = Object.entries(tokens()).filter(([id]) => !mine.some((s) => s.id === id));
      if (!kept.length) return mine;
      const { data } = await http.send('/v1/notifications/subscriptions/lookup', {
        method: 'POST',
        body: { tokens: kept.map(([, token]) => token) },
      });
      const guest = (data as { items: NotificationSubscription[] }).items;
      // Removed elsewhere (a mail's unsubscribe link): forget its token.
      for (const [id] of kept) if (!guest.some((s) => s.id === id)) keepToken(id, null);
      return [...mine, ...guest];
    },

    /** Removes one: the signed-in shopper's, or one this device holds the token of. */
    async unsubscribe(id: string): Promise<void> {
      if (typeof id !== 'string' || !id) throw invalid('A subscription id is required.', 'id');
      const token = tokens()[id];
      await http.send('/v1/notifications/subscriptions/{id}', {
        method: 'DELETE',
        params: { id },
        ...(token ? { headers: { 'x-kiosk-unsubscribe-token': token } } : {}),
      });
      keepToken(id, null);
    },
  };
  return resource;
}

export type NotificationsResource = ReturnType<typeof createNotifications>;
