// What web-test-runner's commands need for web push tests, on loopback: a receipts endpoint that
// records what the service worker posts (the store's route is another part's), and delivery of a
// push message to the page's service worker through the DevTools protocol, as the browser's
// push service would hand it over.
import { createServer } from 'node:http';

export { deliverPush } from '../../../scripts/deliver-push.mjs';

/** Starts the receipts endpoint: `{ url, received }`, `received` the JSON bodies so far. */
export async function startReceipts() {
  const received = [];
  const server = createServer((req, res) => {
    // The worker runs on the page's origin, the endpoint is another: CORS as the API does it.
    res.setHeader('access-control-allow-origin', req.headers.origin ?? '*');
    res.setHeader('access-control-allow-headers', 'content-type');
    res.setHeader('access-control-allow-methods', 'POST');
    if (req.method !== 'POST') return res.writeHead(204).end();
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      received.push(JSON.parse(body));
      res.writeHead(204).end();
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/v1/notifications/receipts`,
    received,
    server,
  };
}

/**
 * A shopper's click on (or dismissal of) the notification tagged `tag`, as `type`
 * ('notificationclick' | 'notificationclose') in the page's real service worker at `scope`.
 * No browser automation can press a system notification (web-platform-tests/wpt#51125), so the
 * event is made in the worker with the real notification; its `waitUntil` is collected and
 * awaited, as the browser would keep the worker alive for it. Such an event carries no user
 * activation: `clients.openWindow` is refused, so what is checked is what the handler does
 * besides (the notification closed, the receipt sent). Returns the tags still shown.
 */
export async function dispatchNotificationEvent(page, scope, tag, type) {
  const worker = page
    .context()
    .serviceWorkers()
    .find((w) => w.url().startsWith(scope));
  if (!worker) throw new Error(`no service worker at ${scope}`);
  return worker.evaluate(
    async ({ tag, type }) => {
      const [notification] = await self.registration.getNotifications({ tag });
      if (!notification) throw new Error(`no notification tagged ${tag}`);
      const waits = [];
      const event = new NotificationEvent(type, { notification });
      Object.defineProperty(event, 'waitUntil', { value: (p) => waits.push(p) });
      self.dispatchEvent(event);
      await Promise.all(waits);
      return (await self.registration.getNotifications()).map((n) => n.tag);
    },
    { tag, type },
  );
}
