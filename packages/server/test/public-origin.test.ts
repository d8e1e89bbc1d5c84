import { execFile } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { promisify } from 'node:util';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { createApp } from '../src/app.js';
import { images, productImages } from '../src/db/schema/index.js';
import { createLogger } from '../src/log.js';
import { listenUrls, publicOrigins } from '../src/public-origins.js';
import { type RunningServer, startServer } from '../src/server.js';
import {
  createTestCustomer,
  createTestProduct,
  createTestStore,
  type TestApp,
  useTestApp,
} from './harness.js';
import { killHard, startServerProcess } from './server-process.js';

const t = useTestApp();
const PRIMARY = 'https://api.brand.example';
const SECOND = 'https://api.brand.example.cn';
const EVIL = 'evil.example';
/** The servers below open this run's database ('memory://' starts a fresh PGlite). */
const databaseUrl = inject('databaseUrl');

interface Answer {
  status: number;
  text: string;
  headers: Headers;
}

function appWith(t: TestApp, urls: string[]) {
  return createApp({
    db: t.db,
    log: createLogger('silent'),
    now: t.now,
    publicOrigins: publicOrigins(urls),
  });
}

/** A request to the in-process app as it would arrive with `Host: host`. */
async function call(
  app: ReturnType<typeof appWith>,
  host: string,
  path: string,
  init: RequestInit = {},
): Promise<Answer> {
  const res = await app.request(`http://${host}${path}`, init);
  return { status: res.status, text: await res.text(), headers: res.headers };
}

function expectNoHost(answer: Answer, host: string, what: string) {
  expect(answer.text, what).not.toContain(host);
  for (const [name, value] of answer.headers) expect(value, `${what}: ${name}`).not.toContain(host);
}

async function shop(t: TestApp) {
  const s = await createTestStore(t.db);
  const p = await createTestProduct(t.db, s.store, { handle: 'tee' });
  const imageId = randomUUID();
  await t.db.insert(images).values({
    id: imageId,
    storeId: s.store.id,
    contentType: 'image/svg+xml',
    data: new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'),
    width: 1,
    height: 1,
  });
  await t.db
    .insert(productImages)
    .values({ id: randomUUID(), storeId: s.store.id, productId: p.id, imageId });
  return { ...s, product: p };
}

/** GET with a chosen Host header (fetch does not let a caller set it). */
function getWithHost(url: string, path: string, host: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${url}${path}`, { headers: { host } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => {
        body += d;
      });
      res.on('end', () => resolve(body));
    });
    req.on('error', reject);
    req.end();
  });
}

const issuer = async (url: string, host: string) =>
  JSON.parse(await getWithHost(url, '/.well-known/oauth-authorization-server', host)).issuer;

describe('the Host header never ends up in answers', () => {
  it('answers a forged Host with the primary public URL everywhere it names the server', {
    timeout: 60_000,
  }, async () => {
    const s = await shop(t.current);
    const app = appWith(t.current, [PRIMARY, SECOND]);
    const key = { 'x-kiosk-key': s.pk };
    const customer = await createTestCustomer(t.current, s.store);
    const signedIn = { ...key, authorization: `Bearer ${customer.token}` };
    const json = (body: unknown) => JSON.stringify(body);
    const post = (headers: Record<string, string>, body: unknown): RequestInit => ({
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: json(body),
    });

    const answers: Record<string, Answer> = {};
    answers.products = await call(app, EVIL, '/v1/products', { headers: key });
    answers.product = await call(app, EVIL, '/v1/products/tee', { headers: key });
    answers.batch = await call(app, EVIL, '/v1/products/batch?ids=tee', { headers: key });
    answers.metadata = await call(app, EVIL, '/.well-known/oauth-authorization-server');
    answers.openapi = await call(app, EVIL, '/openapi.json');
    const cart = await call(app, EVIL, '/v1/carts', post(signedIn, {}));
    const cartId = JSON.parse(cart.text).id;
    answers.cartLine = await call(
      app,
      EVIL,
      `/v1/carts/${cartId}/lines`,
      post(signedIn, { variantId: s.product.variantIds[0] }),
    );
    answers.checkout = await call(app, EVIL, `/v1/carts/${cartId}/checkout`, post(signedIn, {}));
    const orderId = JSON.parse(answers.checkout.text).orderId;
    answers.order = await call(app, EVIL, `/v1/orders/${orderId}`, { headers: signedIn });
    answers.checkoutPage = await call(app, EVIL, `/checkout/${orderId}`);
    answers.adminProduct = await call(app, EVIL, `/admin/v1/products/${s.product.id}`, {
      headers: { authorization: `Bearer ${s.sk}` },
    });

    // The issuer in an access token (single sign-on exchange) and in an authorization answer.
    const minted = await call(
      app,
      EVIL,
      '/admin/v1/customers/session-tokens',
      post({ authorization: `Bearer ${s.sk}` }, { email: 'sso@example.com' }),
    );
    answers.token = await call(app, EVIL, '/oauth/token', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
        subject_token: JSON.parse(minted.text).token,
        subject_token_type: 'urn:kiosk:params:oauth:token-type:session_token',
        client_id: s.pk,
      }).toString(),
    });
    const accessToken = JSON.parse(answers.token.text).access_token as string;
    const claims = JSON.parse(Buffer.from(accessToken.split('.')[1]!, 'base64url').toString());
    expect(claims.iss).toBe(PRIMARY);
    const challenge = createHash('sha256').update('x'.repeat(43)).digest('base64url');
    answers.authorizeRedirect = await call(
      app,
      EVIL,
      `/oauth/authorize?${new URLSearchParams({
        // A wrong response_type is answered by redirecting back with an error and `iss`.
        response_type: 'token',
        client_id: s.pk,
        redirect_uri: 'https://shop.example/callback',
        code_challenge: challenge,
        code_challenge_method: 'S256',
        state: 'state-host-test',
      })}`,
    );

    for (const [what, answer] of Object.entries(answers)) {
      expect(answer.status, what).toBeLessThan(400);
      expectNoHost(answer, EVIL, what);
    }
    expect(JSON.parse(answers.metadata.text).issuer).toBe(PRIMARY);
    expect(JSON.parse(answers.openapi.text).servers).toEqual([{ url: PRIMARY }]);
    expect(JSON.parse(answers.product.text).images[0].url).toMatch(`${PRIMARY}/images/`);
    expect(JSON.parse(answers.checkout.text).checkoutUrl).toBe(`${PRIMARY}/checkout/${orderId}`);
    const location = answers.authorizeRedirect.headers.get('location');
    expect(answers.authorizeRedirect.status).toBe(302);
    expect(new URL(location!).searchParams.get('iss')).toBe(PRIMARY);
  });

  it('names each configured host by itself, and a product ETag never crosses hosts', async () => {
    await shop(t.current);
    const s = await shop(t.current);
    const app = appWith(t.current, [PRIMARY, SECOND]);
    const headers = { 'x-kiosk-key': s.pk };
    const read = (host: string, extra: Record<string, string> = {}) =>
      call(app, host, '/v1/products/tee', { headers: { ...headers, ...extra } });

    const primary = await read('api.brand.example');
    const second = await read('api.brand.example.cn');
    const evil = await read(EVIL);
    expect(JSON.parse(primary.text).images[0].url).toMatch(`${PRIMARY}/images/`);
    expect(JSON.parse(second.text).images[0].url).toMatch(`${SECOND}/images/`);
    // A forged host gets exactly the primary's answer: nothing new for a cache to hold.
    expect(evil.text).toBe(primary.text);
    expect(evil.headers.get('etag')).toBe(primary.headers.get('etag'));
    expect(second.headers.get('etag')).not.toBe(primary.headers.get('etag'));
    // One host's validator does not get a 304 from another host: its body differs.
    const crossed = await read('api.brand.example.cn', {
      'if-none-match': primary.headers.get('etag')!,
    });
    expect(crossed.status).toBe(200);
    expect(JSON.parse(crossed.text).images[0].url).toMatch(`${SECOND}/images/`);
  });
});

describe('public URLs of a running server', () => {
  let server: RunningServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('without a configured URL, answers with the address it listens on', {
    timeout: 60_000,
  }, async () => {
    server = await startServer({ db: databaseUrl, port: 0, log: createLogger('silent') });
    const { port } = new URL(server.url);
    expect(await issuer(server.url, EVIL)).toBe(server.url);
    expect(await issuer(server.url, `${EVIL}:${port}`)).toBe(server.url);
    // Other names of the loopback address it listens on are its own.
    expect(await issuer(server.url, `localhost:${port}`)).toBe(`http://localhost:${port}`);
    expect(await issuer(server.url, `127.0.0.1:${port}`)).toBe(server.url);
  });

  it('with configured URLs, answers with the one the request came to, else the first', {
    timeout: 60_000,
  }, async () => {
    server = await startServer({
      db: databaseUrl,
      port: 0,
      publicUrls: [`${PRIMARY}/`, SECOND],
      log: createLogger('silent'),
    });
    expect(await issuer(server.url, EVIL)).toBe(PRIMARY);
    expect(await issuer(server.url, new URL(server.url).host)).toBe(PRIMARY);
    expect(await issuer(server.url, 'API.brand.example.CN')).toBe(SECOND);
  });

  it('lists the listening addresses when none is configured', () => {
    expect(listenUrls('127.0.0.1', 8787)).toEqual([
      'http://127.0.0.1:8787',
      'http://localhost:8787',
      'http://[::1]:8787',
    ]);
    expect(listenUrls('10.0.0.5', 8787)).toEqual(['http://10.0.0.5:8787']);
    const wildcard = listenUrls('0.0.0.0', 8787);
    expect(wildcard[0]).toBe('http://localhost:8787');
    expect(wildcard).toContain('http://127.0.0.1:8787');
  });
});

describe('kiosk-server --public-url / KIOSK_PUBLIC_URL', () => {
  const cwd = new URL('..', import.meta.url).pathname;

  it('takes several URLs, comma-separated in the environment', { timeout: 90_000 }, async () => {
    const { url, child } = await startServerProcess(databaseUrl, [], {
      KIOSK_PUBLIC_URL: `${PRIMARY}, ${SECOND}`,
    });
    try {
      expect(await issuer(url, EVIL)).toBe(PRIMARY);
      expect(await issuer(url, 'api.brand.example.cn')).toBe(SECOND);
    } finally {
      await killHard(child);
    }
  });

  it('refuses a URL that is not http(s)', { timeout: 30_000 }, async () => {
    const failed = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'src/cli.ts', '--db', 'memory://', '--public-url', 'ftp://files.example'],
      { cwd, timeout: 25_000 },
    ).catch((e) => e);
    expect(failed.code).toBe(2);
    expect(failed.stderr).toContain('ftp://files.example');
  });
});
