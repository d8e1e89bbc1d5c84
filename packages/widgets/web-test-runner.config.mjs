// Element tests in real Chromium (Debian's), against the real Kiosk server started here.
// Commands for tests: `kiosk-outage` takes a relay to the API down or up (the "API goes down and
// comes back" tests use it, so the shared server stays up for everything else),
// `grant-clipboard` lets the page use the clipboard, `kiosk-passkey` signs a customer up
// with a passkey on the hosted sign-in page (test/passkey-ceremony.mjs), `kiosk-route`
// makes the page's requests to some URLs fail as offline, or wait until let through (a lazily
// loaded chunk that can't load, or is still loading), and for web push `grant-notifications`,
// `kiosk-push` (a push message to the page's service worker) and `kiosk-receipts` (what the
// worker reported; test/push-service.mjs); `kiosk-follow` answers a short link's redirect
// (status and Location, which a page's fetch cannot read across origins).
import { connect, createServer } from 'node:net';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { chromiumLaunchOptions } from '../../scripts/chromium.mjs';
import { freePort } from '../../scripts/free-port.mjs';
import { startMailSink } from '../../scripts/mail-sink.mjs';
// The workspace's server by path, not as a package: @kiosk/server depends on @kiosk/widgets
// (its share pages render cards with @kiosk/widgets/ssr), so a dependency back would be a cycle.
import { createLogger, seedTestFixtures, startServer } from '../server/dist/index.js';
import { addPasskey } from './test/passkey-ceremony.mjs';
import { deliverPush, dispatchNotificationEvent, startReceipts } from './test/push-service.mjs';

const port = await freePort();
const origin = `http://127.0.0.1:${port}`;
// Mail goes to a real SMTP server on loopback (a guest's "Notify me" by email sends a double opt-in).
const mail = await startMailSink();
const serverOptions = {
  db: 'memory://',
  seed: 'demo',
  allowOrigins: [origin],
  log: createLogger('silent'),
  smtpUrl: mail.smtpUrl,
  mailFrom: 'Kiosk tests <no-reply@kiosk.test>',
};
const api = await startServer({ ...serverOptions, port: 0 });
// The hostile-content reviews the tests render (never in the demo the pages show).
await seedTestFixtures(api.database.db);

// The service worker's receipts land here (test/push-service.mjs).
const receipts = await startReceipts();

const outagePort = await freePort();
const apiPort = Number(new URL(api.url).port);
const sockets = new Set();
// The "API that goes down": a TCP relay to the real server. Down closes the listener and every
// open connection (requests fail like a dead host); up listens again. Nothing to start or seed.
const relay = createServer((client) => {
  const upstream = connect(apiPort, '127.0.0.1');
  for (const s of [client, upstream]) {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => {
      client.destroy();
      upstream.destroy();
    });
  }
  client.pipe(upstream).pipe(client);
});
let relayUp = false;
async function setRelay(up) {
  if (up && !relayUp) {
    await new Promise((resolve) => relay.listen(outagePort, '127.0.0.1', resolve));
  } else if (!up && relayUp) {
    const closed = new Promise((resolve) => relay.close(resolve));
    for (const s of sockets) s.destroy();
    await closed;
  }
  relayUp = up;
}

const heldRequests = new Map();
/** `fail`: requests matching `glob` fail as offline; `hold`: they wait; `pass`: all go through. */
async function routeRequests(page, { glob, mode }) {
  for (const route of heldRequests.get(glob) ?? []) await route.continue();
  heldRequests.set(glob, []);
  await page.unroute(glob);
  if (mode === 'fail') await page.route(glob, (route) => route.abort('internetdisconnected'));
  if (mode === 'hold') await page.route(glob, (route) => heldRequests.get(glob).push(route));
}

function kioskCommands() {
  return {
    name: 'kiosk-commands',
    async executeCommand({ command, payload, session }) {
      if (command === 'kiosk-outage') {
        await setRelay(Boolean(payload?.up));
        return `http://127.0.0.1:${outagePort}`;
      }
      if (command === 'grant-clipboard') {
        const page = session.browser.getPage(session.id);
        await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
        return true;
      }
      if (command === 'kiosk-route') {
        await routeRequests(session.browser.getPage(session.id), payload);
        return true;
      }
      if (command === 'grant-notifications') {
        const page = session.browser.getPage(session.id);
        await page.context().grantPermissions(['notifications'], { origin });
        return true;
      }
      if (command === 'kiosk-receipts') {
        return { url: receipts.url, received: receipts.received };
      }
      if (command === 'kiosk-push') {
        const page = session.browser.getPage(session.id);
        await deliverPush(page, new URL(payload.scope, origin).href, payload.data);
        return true;
      }
      if (command === 'kiosk-notification-event') {
        const page = session.browser.getPage(session.id);
        const { scope, tag, type } = payload;
        return dispatchNotificationEvent(page, new URL(scope, origin).href, tag, type);
      }
      if (command === 'kiosk-follow') {
        // Where a short link leads: its redirect, read where no CORS hides the Location.
        const res = await fetch(payload.url, { redirect: 'manual' });
        return { status: res.status, location: res.headers.get('location') };
      }
      if (command === 'kiosk-passkey') {
        await addPasskey({ api: api.url, redirectUri: `${origin}/callback`, ...payload });
        return true;
      }
      return undefined;
    },
  };
}

/** The page every test file runs in: the API's URL in a meta tag (no inline script, for CSP). */
const page = (testFramework, head = '') => `<!doctype html>
<html lang="en"><head>
<meta name="kiosk-endpoint" content="${api.url}">
${head}
<script src="/packages/widgets/test/process-env.js"></script>
</head><body>
<script type="module" src="${testFramework}"></script>
</body></html>`;

const csp = [
  "default-src 'self'",
  `script-src 'self'`,
  `style-src 'self'`,
  `img-src 'self' ${api.url}`,
  `connect-src 'self' ws://127.0.0.1:${port} ${api.url}`,
].join('; ');

export default {
  files: ['src/**/*.test.ts', 'test/**/*.test.ts', '!test/csp/**'],
  nodeResolve: true,
  port,
  hostname: '127.0.0.1',
  rootDir: '../..',
  concurrency: 2,
  // The whole run's limit, not a test's: 35 files take ~1.5 min on an idle machine and more
  // on a shared, loaded one, where the default 2 minutes failed a run whose every test passed.
  testsFinishTimeout: 600_000,
  plugins: [
    esbuildPlugin({
      ts: true,
      target: 'es2022',
      tsconfig: new URL('./tsconfig.json', import.meta.url).pathname,
    }),
    kioskCommands(),
  ],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: chromiumLaunchOptions,
    }),
  ],
  groups: [
    {
      name: 'csp',
      files: 'test/csp/**/*.test.ts',
      testRunnerHtml: (testFramework) =>
        page(testFramework, `<meta http-equiv="Content-Security-Policy" content="${csp}">`),
    },
  ],
  testRunnerHtml: (testFramework) => page(testFramework),
  testFramework: { config: { timeout: 20000 } },
};

process.once('exit', () => {
  void api.close();
  relay.close();
  receipts.server.close();
  void mail.close();
});
