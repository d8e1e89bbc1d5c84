// The demo's push service: the loopback Web Push service of @kiosk/server/testing (it checks
// the API's VAPID signature and decrypts each push as a browser would) and an inbox page the
// demo serves at /push/ — what the API pushed, without a real browser push service. A
// browser's own PushManager subscribes at its vendor's service, which a demo offline cannot
// reach; subscriptions with an endpoint here (the end-to-end tests make them) land here.
import { TestPushService } from '@kiosk/server/testing';
import { escapeHtml, inboxRoutes } from './mail-catcher.mjs';

const KEEP = 50;

/** Starts the push service on 127.0.0.1:port; `routes` answers GET /push/ and /push/messages.json. */
export async function startPushInbox({ port }) {
  const service = await TestPushService.start(port);
  const inbox = [];
  service.onPush(({ endpoint, payload }) => {
    inbox.unshift({ endpoint, at: new Date().toISOString(), payload });
    inbox.length = Math.min(inbox.length, KEEP);
  });

  function page() {
    const items = inbox.map(({ endpoint, at, payload }) => {
      const url = typeof payload.url === 'string' ? payload.url : '';
      // Only a web link is made clickable: the payload is the API's, but the page must not
      // turn a `javascript:` URL into a link.
      const link = /^https?:\/\//.test(url)
        ? `<p><a href="${escapeHtml(url)}">${escapeHtml(url)}</a></p>`
        : `<p>${escapeHtml(url)}</p>`;
      return `<article class="panel"><h2>${escapeHtml(payload.title)}</h2>
<p class="muted">To ${escapeHtml(endpoint)} · ${escapeHtml(at)}</p>
<p>${escapeHtml(payload.body)}</p>
${link}</article>`;
    });
    return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Push inbox · Kiosk demo</title></head>
<body><main><h1>Push inbox</h1>
<p>Every web push the demo API sent to the local push service (newest first, the last ${KEEP}),
decrypted as the browser would. Reload to see new ones.</p>
${items.join('\n') || '<p class="muted">No push messages yet.</p>'}</main></body></html>`;
  }

  return {
    service,
    origin: service.origin,
    routes: inboxRoutes('/push/', () => inbox, page),
    close: () => service.close(),
  };
}
