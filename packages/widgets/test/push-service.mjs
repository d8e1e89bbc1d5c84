// What web-test-runner's commands need for web push tests, on loopback: a receipts endpoint that
// records what the service worker posts (the store's route is another part's), and delivery of a
// push message to the page's service worker through the DevTools protocol, as the browser's
// push service would hand it over.
import { createServer } from 'node:http';

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
 * Hands `data` to the service worker registered for `scope` (an absolute URL) in `page`'s
 * browser, as a push message: ServiceWorker.deliverPushMessage.
 */
export async function deliverPush(page, scope, data) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const registrations = new Promise((resolve) => {
      cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations: all }) => {
        const mine = all.find((r) => r.scopeURL === scope && !r.isDeleted);
        if (mine) resolve(mine);
      });
    });
    await cdp.send('ServiceWorker.enable');
    const registration = await registrations;
    await cdp.send('ServiceWorker.deliverPushMessage', {
      origin: new URL(scope).origin,
      registrationId: registration.registrationId,
      data,
    });
  } finally {
    await cdp.detach();
  }
}
