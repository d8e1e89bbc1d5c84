/**
 * kiosk-sw.js, the service worker a brand serves from its own origin (CONTRACT §6,
 * `data-service-worker`): shows Kiosk's pushed messages and reports to the store what became
 * of each (delivered, clicked, dismissed), so a campaign's counts are real. Nothing else: no
 * caching, no fetch handler, so it can sit beside a site's own worker logic untouched.
 * Built on its own (scripts/build.mjs) as a classic script: every browser runs it.
 */

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
