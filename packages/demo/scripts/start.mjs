#!/usr/bin/env node
import { randomBytes } from 'node:crypto';
// `pnpm start`: builds the demo pages with Vite for the API's URL, starts the Kiosk API
// (embedded PGlite in ./.kiosk-data, demo seed) and serves the pages under a strict CSP.
//
//   node packages/demo/scripts/start.mjs [--port 4173] [--api-port 8787] [--mail-port 2525]
//                                        [--idp-port 8789] [--push-port 8790] [--payments-port 8791]
//                                        [--host 127.0.0.1]
//                                        [--db <dir|postgres-url|memory://>] [--no-build] [--e2e]
//
// The API mails sign-in codes to a local mail catcher (SMTP on --mail-port) whose inbox the
// demo serves at /mail/. Demo ID (scripts/demo-idp.mjs), a local OpenID Connect provider,
// listens on --idp-port and is enabled for the demo's stores: "Continue with Demo ID" on the
// hosted sign-in page. A local Web Push service listens on --push-port (127.0.0.1): the pushes
// the API sends to subscriptions there, decrypted, are in the inbox at /push/. A local
// payment network (TestPaymentNetwork, 127.0.0.1:--payments-port) runs the checkout's test
// wallet (its approval page) and test voucher (its page, where a "bank" pays it), and signs
// its webhooks to the API with a secret made at each start.
//
// A port in use ends it with one line that names the port and the option to choose another.
//
// --e2e (the end-to-end tests): a fresh temporary database, its own build folder (dist-e2e),
// POST /__e2e/api/stop|start on the demo server to take the API down and bring it back, and
// PUT /__e2e/pages/<name>.html for pages a test writes (served from the demo's origin), and
// POST /__e2e/push/subscribe: a browser-like subscription (P-256 keys) on the local push service.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createLogger, startServer } from '@kiosk/server';
import { TestPaymentNetwork } from '@kiosk/server/testing';
import { brandPageRoutes } from './brand-page.mjs';
import { startMailCatcher } from './mail-catcher.mjs';
import { merchantRoutes } from './merchant-routes.mjs';
import { startPushInbox } from './push-inbox.mjs';
import { contentSecurityPolicy, serveDemo } from './serve.mjs';

const demo = fileURLToPath(new URL('..', import.meta.url));
const repo = join(demo, '..', '..');
const cdn = join(repo, 'packages', 'widgets', 'dist', 'cdn');

const usage =
  'Usage: node packages/demo/scripts/start.mjs [--port 4173] [--api-port 8787] [--mail-port 2525] [--idp-port 8789]\n' +
  '         [--push-port 8790] [--payments-port 8791] [--host 127.0.0.1]\n' +
  '         [--db <dir|postgres-url|memory://>] [--no-build] [--e2e]';

/** Ends the start with one line on stderr (and the usage), not a stack trace. */
function fail(message, { withUsage = false } = {}) {
  process.stderr.write(`${message}\n${withUsage ? `${usage}\n` : ''}`);
  process.exit(1);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      port: { type: 'string' },
      'api-port': { type: 'string' },
      'mail-port': { type: 'string' },
      'idp-port': { type: 'string' },
      'push-port': { type: 'string' },
      'payments-port': { type: 'string' },
      host: { type: 'string' },
      db: { type: 'string' },
      build: { type: 'boolean', default: true },
      'no-build': { type: 'boolean' },
      e2e: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  }));
} catch (error) {
  fail(error.message, { withUsage: true });
}
if (values.help) {
  process.stdout.write(`${usage}\n`);
  process.exit(0);
}

/** A port from an option or the environment: a whole number 1–65535, or a line saying which is wrong. */
function portOf(value, option) {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    fail(`${option} ${value}: not a port (a whole number from 1 to 65535).`, { withUsage: true });
  }
  return port;
}

const e2e = values.e2e ?? false;
const host = values.host ?? process.env.HOST ?? '127.0.0.1';
const port = portOf(values.port ?? process.env.DEMO_PORT ?? 4173, '--port');
const apiPort = portOf(values['api-port'] ?? process.env.PORT ?? 8787, '--api-port');
const mailPort = portOf(
  values['mail-port'] ?? process.env.KIOSK_DEMO_MAIL_PORT ?? 2525,
  '--mail-port',
);
const idpPort = portOf(values['idp-port'] ?? process.env.IDP_PORT ?? apiPort + 2, '--idp-port');
const pushPort = portOf(
  values['push-port'] ?? process.env.KIOSK_DEMO_PUSH_PORT ?? apiPort + 3,
  '--push-port',
);
const paymentsPort = portOf(
  values['payments-port'] ?? process.env.KIOSK_DEMO_PAYMENTS_PORT ?? apiPort + 4,
  '--payments-port',
);
// On loopback the pages and the API are named `localhost`: a secure context where passkeys
// work (WebAuthn refuses an IP address as its relying party), while the servers still listen
// on the address given.
const loopback = ['127.0.0.1', 'localhost', '::1'].includes(host);
const hostInUrl = loopback ? 'localhost' : host.includes(':') ? `[${host}]` : host;
const demoOrigin = `http://${hostInUrl}:${port}`;
const apiUrl = `http://${hostInUrl}:${apiPort}`;
const outDir = join(demo, e2e ? 'dist-e2e' : 'dist');

if (!existsSync(join(cdn, 'kiosk.js'))) {
  console.error(
    'packages/widgets/dist/cdn/kiosk.js is missing: build the packages first (pnpm build, or pnpm start at the repo root).',
  );
  process.exit(1);
}

/**
 * A port something else listens on ends the start in one line naming it and the option that
 * picks another. Both are tried before the build and the database, so the answer is quick.
 */
const ports = {
  '--port': [port, 'the demo pages'],
  '--api-port': [apiPort, 'the API'],
  '--mail-port': [mailPort, 'the mail catcher'],
  '--idp-port': [idpPort, 'Demo ID, the local identity provider'],
  // The push service listens on loopback whatever --host says (TestPushService).
  '--push-port': [pushPort, 'the push service', '127.0.0.1'],
  '--payments-port': [paymentsPort, 'the test payment network', '127.0.0.1'],
};
function portTaken(error, option) {
  if (error?.code !== 'EADDRINUSE') throw error;
  const [taken, what, on = host] = ports[option];
  fail(
    `Port ${taken} on ${on} (${what}) is in use by another program: stop it, or choose another port with ${option} <port>.`,
  );
}
for (const option of Object.keys(ports)) {
  const probe = createNetServer();
  await new Promise((resolve, reject) => {
    probe.once('error', reject).listen(ports[option][0], ports[option][2] ?? host, resolve);
  }).catch((error) => portTaken(error, option));
  await new Promise((resolve) => probe.close(resolve));
}

let tempDir;
let db = values.db ?? process.env.DATABASE_URL ?? process.env.KIOSK_DATA_DIR;
if (e2e && !values.db) {
  tempDir = await mkdtemp(join(tmpdir(), 'kiosk-e2e-'));
  db = tempDir;
}
db ??= join(repo, '.kiosk-data');

// 1. The pages, built for this API's URL (the HTML and the module pages name it).
if (values.build && !values['no-build']) {
  const { build } = await import('vite');
  process.env.KIOSK_ENDPOINT = apiUrl;
  process.env.KIOSK_DEMO_OUT = outDir;
  await build({ configFile: join(demo, 'vite.config.ts'), logLevel: 'error' });
}

// 2. The mail catcher, then the API that mails to it. Every name of the demo's origin
// (localhost and 127.0.0.1) may call the API.
const mail = await startMailCatcher({ host, port: mailPort }).catch((error) =>
  portTaken(error, '--mail-port'),
);
// The local push service: what the API pushes to subscriptions on it is in the inbox at /push/.
const push = await startPushInbox({ port: pushPort }).catch(async (error) => {
  await mail.close();
  portTaken(error, '--push-port');
});
// The payment network the checkout's test wallet and voucher run on; a new shared secret
// each start (the stores' keys at the network derive from it).
const payments = await TestPaymentNetwork.start({
  port: paymentsPort,
  secret: randomBytes(32).toString('base64url'),
}).catch(async (error) => {
  await mail.close();
  await push.close();
  portTaken(error, '--payments-port');
});
const allowOrigins = [
  ...new Set([demoOrigin, `http://localhost:${port}`, `http://127.0.0.1:${port}`]),
];
const log = createLogger(process.env.LOG_LEVEL ?? (e2e ? 'silent' : 'warn'));
const apiOptions = {
  db,
  port: apiPort,
  host,
  seed: 'demo',
  allowOrigins,
  log,
  smtpUrl: mail.smtpUrl,
  mailFrom: 'Kiosk demo <no-reply@kiosk.test>',
  paymentNetwork: payments.config,
};
let api = await startServer(apiOptions).catch((error) => portTaken(error, '--api-port'));

// 2b. Demo ID, the local identity provider, enabled for both demo stores. Kiosk accepts a
// plain-HTTP issuer on loopback only, so a demo on another interface goes without it.
// Loaded here, not at the top: oidc-provider prints a warning on Node 20 as it loads, which
// must not precede a port's one-line error.
const demoIdp = loopback ? await import('./demo-idp.mjs') : null;
const idp = demoIdp
  ? await demoIdp
      .startDemoIdp({ host, urlHost: hostInUrl, port: idpPort, apiUrl })
      .catch((error) => portTaken(error, '--idp-port'))
  : null;
for (const key of idp ? ['sk_test_aurora', 'sk_test_borealis'] : []) {
  await demoIdp.enableDemoIdp(apiUrl, key, idp.provider);
}

// 3. The pages (and, for the tests, a switch to stop and restart the API on the same port and data,
// and pages a test writes itself: PUT /__e2e/pages/<name>.html stores one, GET serves it like
// any demo page, from this origin and under the same CSP, e.g. a post with a pasted snippet).
const testPages = new Map();
async function e2eRoutes(req, res) {
  if (!e2e || !req.url?.startsWith('/__e2e/')) return false;
  // A page's own query (a message's deep link: ?kiosk_product=…) is the page's to read.
  const page = /^\/__e2e\/pages\/([\w-]+\.html)(?:\?|$)/.exec(req.url)?.[1];
  if (page && req.method === 'PUT') {
    let html = '';
    for await (const chunk of req) html += chunk;
    testPages.set(page, html);
    res.writeHead(204).end();
    return true;
  }
  if (page && req.method === 'GET' && testPages.has(page)) {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(testPages.get(page));
    return true;
  }
  if (req.method === 'POST' && req.url === '/__e2e/push/subscribe') {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(push.service.subscribe()));
    return true;
  }
  if (req.method !== 'POST' || !req.url.startsWith('/__e2e/api/')) return false;
  const action = req.url.slice('/__e2e/api/'.length);
  if (action === 'stop' && api) {
    await api.close();
    api = null;
  } else if (action === 'start' && !api) {
    api = await startServer(apiOptions);
  }
  res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ up: !!api }));
  return true;
}
// The merchant page's "send a promotion", with Aurora's secret key on this side only.
const merchant = merchantRoutes({ apiUrl, secretKey: 'sk_test_aurora' });
const apiOrigins = loopback ? `${apiUrl} http://127.0.0.1:${apiPort}` : apiUrl;
const brand = brandPageRoutes({
  dist: outDir,
  apiUrl,
  storeKey: 'pk_test_aurora',
  csp: contentSecurityPolicy(apiOrigins),
  pageUrl: `http://${hostInUrl}:${port}/brand.html`,
});
const web = await serveDemo({
  dist: outDir,
  cdn,
  // On loopback the API names itself 127.0.0.1 where no request's Host says otherwise: in the
  // receipt endpoint of the messages it pushes, which kiosk-sw.js fetches under this CSP.
  api: apiOrigins,
  host,
  port,
  routes: async (req, res) =>
    (await mail.routes(req, res)) ||
    (await push.routes(req, res)) ||
    (await merchant(req, res)) ||
    (await brand(req, res)) ||
    e2eRoutes(req, res),
}).catch(async (error) => {
  await api?.close();
  await mail.close();
  await push.close();
  await payments.close();
  portTaken(error, '--port');
});

process.stdout.write(
  `\nKiosk demo   ${demoOrigin}/\n` +
    `  brand site        ${demoOrigin}/brand.html\n` +
    `  influencer post   ${demoOrigin}/influencer.html?kiosk_ref=ana\n` +
    `  developer app     ${demoOrigin}/app.html\n` +
    `  snippet builder   ${demoOrigin}/builder.html\n` +
    `  elements, live    ${demoOrigin}/elements.html\n` +
    `  mail inbox        ${demoOrigin}/mail/   (sign-in codes the API mailed)\n` +
    `  push inbox        ${demoOrigin}/push/   (web pushes to the local push service ${push.origin})\n` +
    `  merchant          ${demoOrigin}/merchant.html   (send a promotion, analytics, creator links)\n` +
    `Kiosk API    ${apiUrl}   (OpenAPI ${apiUrl}/openapi.json)\n` +
    (idp
      ? `Demo ID      ${idp.issuer}   (a local identity provider: "Continue with Demo ID")\n`
      : '') +
    `Payments     ${payments.origin}   (test wallet and voucher: approve, cancel, pay at a "bank")\n` +
    `Database     ${db === tempDir ? `${db} (temporary)` : db}\n` +
    `Test keys    pk_test_aurora / sk_test_aurora, pk_test_borealis · test card 4242 4242 4242 4242\n\n`,
);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await new Promise((resolve) => web.close(resolve));
  web.closeAllConnections?.();
  await idp?.close();
  await api?.close();
  await mail.close();
  await push.close();
  await payments.close();
  if (tempDir) await rm(tempDir, { recursive: true, force: true });
  process.exit(0);
}
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
