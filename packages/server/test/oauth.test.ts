import { createHash, randomBytes, scryptSync } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { authCodes, customers, rateLimits, refreshTokens } from '../src/db/schema/index.js';
import { createLogger } from '../src/log.js';
import { RedisRateLimiter } from '../src/rate-limit/redis.js';
import { needsRehash } from '../src/services/passwords.js';
import {
  createTestApp,
  createTestStore,
  type TestApp,
  type TestStore,
  useTestApp,
} from './harness.js';

const t = useTestApp();

const SELF = 'http://localhost';
const SHOP = 'https://shop.example';
const REDIRECT = `${SHOP}/auth/callback`;

function pkce() {
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  return { verifier, challenge };
}

function authParams(pk: string, challenge: string, extra: Record<string, string> = {}) {
  return {
    response_type: 'code',
    client_id: pk,
    redirect_uri: REDIRECT,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state: `state-${randomBytes(8).toString('hex')}`,
    ...extra,
  };
}

function authorizeUrl(params: Record<string, string>) {
  return `/oauth/authorize?${new URLSearchParams(params).toString()}`;
}

function postForm(
  app: TestApp,
  path: string,
  fields: Record<string, string>,
  headers: Record<string, string> = { origin: SELF },
  ip?: string,
) {
  return app.request(path, {
    method: 'POST',
    body: new URLSearchParams(fields).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    ...(ip ? { ip } : {}),
  });
}

/** The sign-in form as a browser would post it: hidden fields plus what the shopper typed. */
function submit(
  app: TestApp,
  params: Record<string, string>,
  form: { intent?: 'signin' | 'create'; email: string; password: string; name?: string },
  headers?: Record<string, string>,
  ip?: string,
) {
  return postForm(
    app,
    '/oauth/authorize',
    { ...params, intent: form.intent ?? 'signin', ...form, name: form.name ?? '' },
    headers,
    ip,
  );
}

function dataAttr(page: string, name: string): string | undefined {
  return new RegExp(`data-${name}="([^"]*)"`).exec(page)?.[1];
}

function token(app: TestApp, body: Record<string, string>, headers: Record<string, string> = {}) {
  return postForm(app, '/oauth/token', body, headers);
}

/** Signs up through the popup flow and redeems the code: the whole thing the SDK does. */
async function signUpAndRedeem(
  app: TestApp,
  s: TestStore,
  email = `ann-${randomBytes(4).toString('hex')}@example.com`,
  extra: Record<string, string> = {},
) {
  const { verifier, challenge } = pkce();
  const params = authParams(s.pk, challenge, { response_mode: 'web_message' });
  const page = await submit(app, params, {
    intent: 'create',
    email,
    password: 'correct horse battery',
    name: 'Ann',
  });
  expect(page.status).toBe(200);
  const code = dataAttr(page.body, 'code')!;
  const res = await token(app, {
    grant_type: 'authorization_code',
    code,
    code_verifier: verifier,
    redirect_uri: REDIRECT,
    client_id: s.pk,
    ...extra,
  });
  expect(res.status).toBe(200);
  return { res, code, verifier, email, params };
}

describe('authorization server metadata (RFC 8414)', () => {
  it('describes the endpoints and what they support', async () => {
    const res = await t.current.request('/.well-known/oauth-authorization-server');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      issuer: SELF,
      authorization_endpoint: `${SELF}/oauth/authorize`,
      token_endpoint: `${SELF}/oauth/token`,
      revocation_endpoint: `${SELF}/oauth/revoke`,
      response_types_supported: ['code'],
      grant_types_supported: [
        'authorization_code',
        'refresh_token',
        'urn:ietf:params:oauth:grant-type:token-exchange',
      ],
      code_challenge_methods_supported: ['S256'],
      token_endpoint_auth_methods_supported: ['none'],
      response_modes_supported: ['query', 'web_message'],
    });
    expect(res.body.ui_locales_supported).toEqual(
      expect.arrayContaining(['en', 'zh-CN', 'es', 'fr', 'de', 'ru', 'pt-BR', 'ar']),
    );
  });

  it('is in the OpenAPI document with the OAuth endpoints', async () => {
    const res = await t.current.request('/openapi.json');
    for (const path of [
      '/.well-known/oauth-authorization-server',
      '/oauth/authorize',
      '/oauth/token',
      '/oauth/revoke',
      '/oauth/poll',
    ]) {
      expect(res.body.paths[path], path).toBeDefined();
    }
  });
});

describe('GET /oauth/authorize: the hosted sign-in page', () => {
  it('renders an accessible form with the OAuth parameters in hidden fields', async () => {
    const s = await createTestStore(t.current.db);
    const params = authParams(s.pk, pkce().challenge);
    const res = await t.current.request(authorizeUrl(params));
    expect(res.status).toBe(200);
    const page: string = res.body;
    expect(page).toContain('<html lang="en" dir="ltr">');
    expect(page).toContain(s.store.name);
    expect(page).toMatch(/<label for="email">Email<\/label>/);
    expect(page).toMatch(/<label for="password">Password<\/label>/);
    // Passkeys are on by default: the browser may offer them in the email field's autofill.
    expect(page).toMatch(/id="email"[^>]*autocomplete="username webauthn"/);
    expect(page).toMatch(/id="password"[^>]*autocomplete="current-password"/);
    expect(page).not.toMatch(/autocomplete="off"|onpaste|onpaste/i);
    expect(page).toContain('role="alert"');
    expect(page).toContain(`name="state" value="${params.state}"`);
    expect(page).toContain(`name="code_challenge" value="${params.code_challenge}"`);
    expect(page).toMatch(/<form id="kiosk-signin" method="post" action="\/oauth\/authorize">/);
    expect(page).toContain('<script src="/assets/signin.js" defer></script>');
    expect(page).not.toMatch(/<script>(?!<)/); // no inline script
    // The toggle to "Create account" is a plain link: keyboard and no-JS friendly.
    expect(page).toMatch(/<a href="\/oauth\/authorize\?[^"]*prompt=create[^"]*">/);
  });

  it('sends the hosted-page security headers, with form-action for the redirect origin', async () => {
    const s = await createTestStore(t.current.db);
    const res = await t.current.request(authorizeUrl(authParams(s.pk, pkce().challenge)));
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain(`form-action 'self' ${SHOP}`);
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('shows the create-account form with prompt=create', async () => {
    const s = await createTestStore(t.current.db);
    const res = await t.current.request(
      authorizeUrl(authParams(s.pk, pkce().challenge, { prompt: 'create' })),
    );
    expect(res.body).toMatch(/<label for="name">Name<\/label>/);
    expect(res.body).toMatch(/id="name"[^>]*autocomplete="name"/);
    expect(res.body).toMatch(/id="password"[^>]*autocomplete="new-password"[^>]*minlength="8"/);
    expect(res.body).toMatch(/aria-describedby="password-hint"/);
    expect(res.body).toContain('name="intent" value="create"');
  });

  it('speaks the ui_locales language, then Accept-Language; Arabic is right-to-left', async () => {
    const s = await createTestStore(t.current.db);
    const ar = await t.current.request(
      authorizeUrl(authParams(s.pk, pkce().challenge, { ui_locales: 'ar' })),
      { headers: { 'accept-language': 'fr' } },
    );
    expect(ar.body).toContain('<html lang="ar" dir="rtl">');
    expect(ar.body).toContain('كلمة المرور');
    const fr = await t.current.request(authorizeUrl(authParams(s.pk, pkce().challenge)), {
      headers: { 'accept-language': 'fr-CA,fr;q=0.9,en;q=0.5' },
    });
    expect(fr.body).toContain('<html lang="fr" dir="ltr">');
    expect(fr.body).toContain('Mot de passe');
    const zh = await t.current.request(
      authorizeUrl(authParams(s.pk, pkce().challenge, { ui_locales: 'zh-CN' })),
    );
    expect(zh.body).toContain('密码');
  });

  it('escapes the store name and echoed input', async () => {
    const s = await createTestStore(t.current.db, { name: '<img src=x onerror=alert(1)> & "Co"' });
    const params = authParams(s.pk, pkce().challenge);
    const page = await t.current.request(authorizeUrl(params));
    expect(page.body).not.toContain('<img src=x');
    expect(page.body).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;Co&quot;');

    const echoed = await submit(t.current, params, {
      email: '"><script>alert(1)</script>@x.example',
      password: 'whatever-password',
    });
    expect(echoed.status).toBe(401);
    expect(echoed.body).not.toContain('<script>alert(1)</script>');
    expect(echoed.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('refuses an unknown client with an error page, never a redirect', async () => {
    const res = await t.current.request(authorizeUrl(authParams('pk_nope', pkce().challenge)));
    expect(res.status).toBe(400);
    expect(res.headers.get('location')).toBeNull();
    expect(res.body).toContain('This sign-in link does not work');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
  });

  it('refuses a redirect_uri whose origin the store does not allow exactly', async () => {
    const s = await createTestStore(t.current.db);
    for (const redirect of [
      'https://evil.example/cb',
      'https://shop.example.evil.example/cb',
      'http://shop.example/cb',
      'https://shop.example:8443/cb',
      'https://shop.example/cb#fragment',
      'javascript:alert(1)',
      '/relative',
    ]) {
      const res = await t.current.request(
        authorizeUrl({ ...authParams(s.pk, pkce().challenge), redirect_uri: redirect }),
      );
      expect(res.status, redirect).toBe(400);
      expect(res.headers.get('location'), redirect).toBeNull();
      expect(res.body).toContain('not allowed for this shop');
    }
  });

  it('refuses the plain PKCE method and bad challenges by telling the client (RFC 6749 §4.1.2.1)', async () => {
    const s = await createTestStore(t.current.db);
    const { challenge } = pkce();
    for (const bad of [
      { code_challenge_method: 'plain' },
      { code_challenge: 'too-short' },
      { code_challenge: `${challenge}+/=` },
      { response_type: 'token' },
    ]) {
      const params = { ...authParams(s.pk, challenge), ...bad };
      const res = await t.current.request(authorizeUrl(params));
      expect(res.status, JSON.stringify(bad)).toBe(302);
      const location = new URL(res.headers.get('location')!);
      expect(location.origin + location.pathname).toBe(REDIRECT);
      expect(location.searchParams.get('state')).toBe(params.state);
      expect(location.searchParams.get('error')).toMatch(
        /invalid_request|unsupported_response_type/,
      );
      expect(location.searchParams.get('code')).toBeNull();
    }
    const noMethod = authParams(s.pk, challenge) as Record<string, string>;
    delete noMethod.code_challenge_method;
    const res = await t.current.request(authorizeUrl(noMethod));
    expect(new URL(res.headers.get('location')!).searchParams.get('error')).toBe('invalid_request');
  });

  it('sends request errors to the opener in web_message mode', async () => {
    const s = await createTestStore(t.current.db);
    const params = authParams(s.pk, pkce().challenge, {
      response_mode: 'web_message',
      code_challenge_method: 'plain',
    });
    const res = await t.current.request(authorizeUrl(params));
    expect(res.status).toBe(200);
    expect(dataAttr(res.body, 'error')).toBe('invalid_request');
    expect(dataAttr(res.body, 'origin')).toBe(SHOP);
    expect(dataAttr(res.body, 'state')).toBe(params.state);
    expect(dataAttr(res.body, 'code')).toBeUndefined();
  });

  it('requires a state of 8 to 512 characters (error page)', async () => {
    const s = await createTestStore(t.current.db);
    for (const state of ['', 'short', 'x'.repeat(513)]) {
      const res = await t.current.request(
        authorizeUrl({ ...authParams(s.pk, pkce().challenge), state }),
      );
      expect(res.status).toBe(400);
      expect(res.headers.get('location')).toBeNull();
    }
  });
});

describe('POST /oauth/authorize: signing in and creating an account', () => {
  it('runs the popup flow: sign up, web_message page, token exchange with the verifier', async () => {
    const s = await createTestStore(t.current.db);
    const { verifier, challenge } = pkce();
    const params = authParams(s.pk, challenge, { response_mode: 'web_message' });
    const page = await submit(t.current, params, {
      intent: 'create',
      email: '  Ann@Example.COM ',
      password: 'correct horse battery',
      name: 'Ann Lee',
    });
    expect(page.status).toBe(200);
    const body: string = page.body;
    const code = dataAttr(body, 'code')!;
    expect(code).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(dataAttr(body, 'origin')).toBe(SHOP);
    expect(dataAttr(body, 'state')).toBe(params.state);
    // The code is in the data attribute only, read by the same-origin script.
    expect(body.split(code).length - 1).toBe(1);
    expect(body).toContain('<script src="/assets/oauth-callback.js" defer></script>');
    expect(body).toContain('You can close this window and return to the shop.');
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");

    const script = await t.current.request('/assets/oauth-callback.js');
    expect(script.status).toBe(200);
    expect(script.body).toContain("type: 'kiosk:authorization_response'");
    expect(script.body).toContain('opener.postMessage(message, origin)');

    const res = await token(t.current, {
      grant_type: 'authorization_code',
      code,
      code_verifier: verifier,
      redirect_uri: REDIRECT,
      client_id: s.pk,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.body).toMatchObject({
      token_type: 'Bearer',
      expires_in: 900,
      customer: { email: 'ann@example.com', name: 'Ann Lee' },
    });
    expect(res.body.refresh_token).toMatch(/^krt_/);

    const me = await t.current.request('/v1/customers/me', {
      key: s.pk,
      token: res.body.access_token,
    });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: res.body.customer.id, email: 'ann@example.com' });

    // Stored hashed: neither the password nor the code is in the database.
    const [row] = await t.current.db.select().from(customers).where(eq(customers.id, me.body.id));
    expect(row!.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    const codes = await t.current.db.select().from(authCodes);
    expect(codes[0]!.codeHash).not.toBe(code);
    expect(codes[0]!.pollableCode).toBeNull();
  });

  it('redirects with code, state and iss in query mode, and accepts a JSON token request', async () => {
    const s = await createTestStore(t.current.db);
    const { email } = await signUpAndRedeem(t.current, s);
    const { verifier, challenge } = pkce();
    const params = authParams(s.pk, challenge);
    const res = await submit(t.current, params, { email, password: 'correct horse battery' });
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location')!);
    expect(location.origin + location.pathname).toBe(REDIRECT);
    expect(location.searchParams.get('state')).toBe(params.state);
    expect(location.searchParams.get('iss')).toBe(SELF);
    const code = location.searchParams.get('code')!;

    const tokens = await t.current.request('/oauth/token', {
      body: {
        grant_type: 'authorization_code',
        code,
        code_verifier: verifier,
        redirect_uri: REDIRECT,
        client_id: s.pk,
      },
    });
    expect(tokens.status).toBe(200);
    expect(tokens.body.customer.email).toBe(email);
  });

  it('keeps query parameters already on the redirect_uri', async () => {
    const s = await createTestStore(t.current.db);
    const { email } = await signUpAndRedeem(t.current, s);
    const params = authParams(s.pk, pkce().challenge, { redirect_uri: `${REDIRECT}?from=cart` });
    const res = await submit(t.current, params, { email, password: 'correct horse battery' });
    const location = new URL(res.headers.get('location')!);
    expect(location.searchParams.get('from')).toBe('cart');
    expect(location.searchParams.get('code')).toBeTruthy();
  });

  it('re-shows the form with an announced, translated error for a wrong password', async () => {
    const s = await createTestStore(t.current.db);
    const { email } = await signUpAndRedeem(t.current, s);
    const params = authParams(s.pk, pkce().challenge, { ui_locales: 'es' });
    const res = await submit(t.current, params, { email, password: 'wrong password!' });
    expect(res.status).toBe(401);
    expect(res.body).toContain(
      'role="alert">El correo electrónico o la contraseña no son correctos.</p>',
    );
    expect(res.body).toMatch(/id="password"[^>]*aria-invalid="true" aria-describedby="form-error"/);
    expect(res.body).toContain(`value="${email}"`);
    expect(res.body).not.toContain('wrong password!');
    expect(res.headers.get('location')).toBeNull();
  });

  it('signs in with a first-release scrypt (N=2^15) hash and replaces it with argon2id', async () => {
    const s = await createTestStore(t.current.db);
    const salt = randomBytes(16);
    const key = scryptSync('correct horse battery', salt, 32, {
      N: 2 ** 15,
      r: 8,
      p: 1,
      maxmem: 64 * 1024 * 1024,
    });
    const legacy = `scrypt$15$8$1$${salt.toString('base64url')}$${key.toString('base64url')}`;
    const email = 'legacy@example.com';
    await t.current.db
      .insert(customers)
      .values({ id: crypto.randomUUID(), storeId: s.store.id, email, passwordHash: legacy });
    const stored = async () =>
      (await t.current.db.select().from(customers).where(eq(customers.email, email)))[0]!
        .passwordHash!;
    const params = authParams(s.pk, pkce().challenge);

    const wrong = await submit(t.current, params, { email, password: 'not the password' });
    expect(wrong.status).toBe(401);
    expect(await stored()).toBe(legacy);

    const first = await submit(t.current, params, { email, password: 'correct horse battery' });
    expect(first.status).toBe(302);
    const current = await stored();
    expect(current).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(needsRehash(current)).toBe(false);

    const again = await submit(t.current, params, { email, password: 'correct horse battery' });
    expect(again.status).toBe(302);
    expect(await stored()).toBe(current);
  });

  it('validates the create form: name, email, password of 8+ characters, email taken', async () => {
    const s = await createTestStore(t.current.db);
    const params = authParams(s.pk, pkce().challenge);
    const short = await submit(t.current, params, {
      intent: 'create',
      email: 'bo@example.com',
      password: 'short',
      name: 'Bo',
    });
    expect(short.status).toBe(400);
    expect(short.body).toContain('Use at least 8 characters.');
    expect(short.body).toMatch(
      /id="password"[^>]*aria-invalid="true" aria-describedby="password-hint form-error"/,
    );
    const noName = await submit(t.current, params, {
      intent: 'create',
      email: 'bo@example.com',
      password: 'long enough',
      name: '  ',
    });
    expect(noName.status).toBe(400);
    expect(noName.body).toMatch(/id="name"[^>]*aria-invalid="true"/);
    const badEmail = await submit(t.current, params, {
      intent: 'create',
      email: 'not-an-email',
      password: 'long enough',
      name: 'Bo',
    });
    expect(badEmail.status).toBe(400);
    expect(badEmail.body).toMatch(/id="email"[^>]*aria-invalid="true"/);
    expect(await t.current.db.select().from(customers)).toHaveLength(0);

    await signUpAndRedeem(t.current, s, 'bo@example.com');
    const taken = await submit(t.current, params, {
      intent: 'create',
      email: 'BO@example.com',
      password: 'another password',
      name: 'Mallory',
    });
    expect(taken.status).toBe(409);
    expect(taken.body).toContain('An account with this email already exists');
    expect(await t.current.db.select().from(customers)).toHaveLength(1);
  });

  it('refuses a form posted from another origin (CSRF) and accepts Sec-Fetch-Site same-origin', async () => {
    const s = await createTestStore(t.current.db);
    const params = authParams(s.pk, pkce().challenge);
    const form = {
      intent: 'create' as const,
      email: 'cy@example.com',
      password: 'long enough',
      name: 'Cy',
    };
    const evil = await submit(t.current, params, form, { origin: 'https://evil.example' });
    expect(evil.status).toBe(400);
    const none = await submit(t.current, params, form, {});
    expect(none.status).toBe(400);
    const nullOrigin = await submit(t.current, params, form, {
      origin: 'null',
      'sec-fetch-site': 'cross-site',
    });
    expect(nullOrigin.status).toBe(400);
    expect(await t.current.db.select().from(customers)).toHaveLength(0);
    // Under the page's no-referrer policy a browser sends Origin: null for its own form.
    const ok = await submit(t.current, params, form, {
      origin: 'null',
      'sec-fetch-site': 'same-origin',
    });
    expect(ok.status).toBe(302);
  });

  it('re-validates the hidden OAuth fields on POST', async () => {
    const s = await createTestStore(t.current.db);
    const params = authParams(s.pk, pkce().challenge, { redirect_uri: 'https://evil.example/cb' });
    const res = await submit(t.current, params, {
      intent: 'create',
      email: 'dee@example.com',
      password: 'long enough',
      name: 'Dee',
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('location')).toBeNull();
    expect(await t.current.db.select().from(customers)).toHaveLength(0);
  });
});

describe('POST /oauth/poll: the fallback when the popup lost its opener', () => {
  it('answers pending, then the code exactly once, then nothing', async () => {
    const s = await createTestStore(t.current.db);
    const { verifier, challenge } = pkce();
    const params = authParams(s.pk, challenge, { response_mode: 'web_message' });
    const poll = () =>
      t.current.request('/oauth/poll', {
        body: { client_id: s.pk, state: params.state },
        headers: { origin: SHOP },
      });

    const pending = await poll();
    expect(pending.status).toBe(400);
    expect(pending.body.error).toBe('authorization_pending');

    await submit(t.current, params, {
      intent: 'create',
      email: 'eve@example.com',
      password: 'long enough',
      name: 'Eve',
    });
    const [first, second] = await Promise.all([poll(), poll()]);
    const ready = [first, second].filter((r) => r.status === 200);
    expect(ready).toHaveLength(1);
    expect(ready[0]!.headers.get('access-control-allow-origin')).toBe(SHOP);
    const gone = await poll();
    expect(gone.status).toBe(400);
    expect(gone.body.error).toBe('invalid_request');

    const tokens = await token(t.current, {
      grant_type: 'authorization_code',
      code: ready[0]!.body.code,
      code_verifier: verifier,
      redirect_uri: REDIRECT,
      client_id: s.pk,
    });
    expect(tokens.status).toBe(200);
  });

  it('does not hand out codes of query-mode sign-ins, nor to another store', async () => {
    const s = await createTestStore(t.current.db);
    const other = await createTestStore(t.current.db);
    const { email } = await signUpAndRedeem(t.current, s);
    const params = authParams(s.pk, pkce().challenge);
    await submit(t.current, params, { email, password: 'correct horse battery' });
    const res = await t.current.request('/oauth/poll', {
      body: { client_id: s.pk, state: params.state },
    });
    expect(res.body.error).toBe('invalid_request');
    const web = authParams(s.pk, pkce().challenge, { response_mode: 'web_message' });
    await submit(t.current, web, { email, password: 'correct horse battery' });
    const foreign = await t.current.request('/oauth/poll', {
      body: { client_id: other.pk, state: web.state },
    });
    expect(foreign.body.error).toBe('authorization_pending');
    const unknown = await t.current.request('/oauth/poll', {
      body: { client_id: 'pk_nope', state: web.state },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toBe('invalid_client');
  });
});

describe('POST /oauth/token: authorization_code', () => {
  async function freshCode(s: TestStore) {
    const { email } = await signUpAndRedeem(t.current, s);
    const { verifier, challenge } = pkce();
    const params = authParams(s.pk, challenge);
    const res = await submit(t.current, params, { email, password: 'correct horse battery' });
    const code = new URL(res.headers.get('location')!).searchParams.get('code')!;
    return { code, verifier };
  }

  it('refuses a wrong verifier, and the code is spent', async () => {
    const s = await createTestStore(t.current.db);
    const { code, verifier } = await freshCode(s);
    const base = {
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT,
      client_id: s.pk,
    };
    const wrong = await token(t.current, { ...base, code_verifier: pkce().verifier });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toBe('invalid_grant');
    const again = await token(t.current, { ...base, code_verifier: verifier });
    expect(again.body.error).toBe('invalid_grant');
  });

  it('refuses a different redirect_uri', async () => {
    const s = await createTestStore(t.current.db);
    const { code, verifier } = await freshCode(s);
    const res = await token(t.current, {
      grant_type: 'authorization_code',
      code,
      code_verifier: verifier,
      redirect_uri: `${SHOP}/other`,
      client_id: s.pk,
    });
    expect(res.body).toMatchObject({ error: 'invalid_grant' });
  });

  it('refuses a reused code and revokes the tokens the first use got', async () => {
    const s = await createTestStore(t.current.db);
    const { code, verifier } = await freshCode(s);
    const body = {
      grant_type: 'authorization_code',
      code,
      code_verifier: verifier,
      redirect_uri: REDIRECT,
      client_id: s.pk,
    };
    const first = await token(t.current, body);
    expect(first.status).toBe(200);
    const second = await token(t.current, body);
    expect(second.status).toBe(400);
    expect(second.body.error).toBe('invalid_grant');
    const refresh = await token(t.current, {
      grant_type: 'refresh_token',
      refresh_token: first.body.refresh_token,
      client_id: s.pk,
    });
    expect(refresh.body.error).toBe('invalid_grant');
  });

  it('refuses an expired code, and a code of another store', async () => {
    const s = await createTestStore(t.current.db);
    const other = await createTestStore(t.current.db);
    const { code, verifier } = await freshCode(s);
    const body = {
      grant_type: 'authorization_code',
      code,
      code_verifier: verifier,
      redirect_uri: REDIRECT,
    };
    const foreign = await token(t.current, { ...body, client_id: other.pk });
    expect(foreign.body.error).toBe('invalid_grant');
    t.current.advanceClock(11 * 60 * 1000);
    const expired = await token(t.current, { ...body, client_id: s.pk });
    expect(expired.body.error).toBe('invalid_grant');
  });

  it('answers malformed requests with RFC 6749 errors', async () => {
    const s = await createTestStore(t.current.db);
    const cases: [Record<string, string>, string][] = [
      [{ grant_type: 'password', client_id: s.pk }, 'unsupported_grant_type'],
      [{ client_id: s.pk }, 'invalid_request'],
      [{ grant_type: 'authorization_code' }, 'invalid_request'],
      [{ grant_type: 'authorization_code', client_id: 'pk_nope' }, 'invalid_client'],
      [{ grant_type: 'authorization_code', client_id: s.pk, code: 'x' }, 'invalid_request'],
      [
        {
          grant_type: 'authorization_code',
          client_id: s.pk,
          code: 'x',
          redirect_uri: REDIRECT,
          code_verifier: 'short',
        },
        'invalid_request',
      ],
    ];
    for (const [body, error] of cases) {
      const res = await token(t.current, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error, JSON.stringify(body)).toBe(error);
      expect(typeof res.body.error_description).toBe('string');
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
    const text = await t.current.request('/oauth/token', {
      body: 'grant_type=refresh_token',
      headers: { 'content-type': 'text/plain' },
    });
    expect(text.body.error).toBe('invalid_request');
    const badJson = await t.current.request('/oauth/token', { body: '{' });
    expect(badJson.body.error).toBe('invalid_request');
    const dup = await t.current.request('/oauth/token', {
      body: `grant_type=refresh_token&client_id=${s.pk}&client_id=${s.pk}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(dup.body.error).toBe('invalid_request');
  });

  it('refuses token requests from an origin the store does not allow', async () => {
    const s = await createTestStore(t.current.db);
    const other = await createTestStore(t.current.db, {
      allowedOrigins: ['https://other.example'],
    });
    const res = await token(
      t.current,
      { grant_type: 'refresh_token', refresh_token: 'krt_x', client_id: s.pk },
      { origin: 'https://other.example' },
    );
    expect(res.status).toBe(403);
    expect(res.body.error).toBe('invalid_client');
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(other).toBeDefined();
  });
});

describe('POST /oauth/token: refresh_token', () => {
  it('rotates the refresh token on every use', async () => {
    const s = await createTestStore(t.current.db);
    const { res } = await signUpAndRedeem(t.current, s);
    const first = res.body.refresh_token;
    const r1 = await token(t.current, {
      grant_type: 'refresh_token',
      refresh_token: first,
      client_id: s.pk,
    });
    expect(r1.status).toBe(200);
    expect(r1.body.refresh_token).not.toBe(first);
    expect(r1.body.access_token).toBeTruthy();
    expect(r1.body.customer.email).toBe(res.body.customer.email);
    const r2 = await token(t.current, {
      grant_type: 'refresh_token',
      refresh_token: r1.body.refresh_token,
      client_id: s.pk,
    });
    expect(r2.status).toBe(200);
  });

  it('revokes the whole family when a rotated token is used again', async () => {
    const s = await createTestStore(t.current.db);
    const { res } = await signUpAndRedeem(t.current, s);
    const old = res.body.refresh_token;
    const rotated = await token(t.current, {
      grant_type: 'refresh_token',
      refresh_token: old,
      client_id: s.pk,
    });
    const replay = await token(t.current, {
      grant_type: 'refresh_token',
      refresh_token: old,
      client_id: s.pk,
    });
    expect(replay.status).toBe(400);
    expect(replay.body.error).toBe('invalid_grant');
    const current = await token(t.current, {
      grant_type: 'refresh_token',
      refresh_token: rotated.body.refresh_token,
      client_id: s.pk,
    });
    expect(current.body.error).toBe('invalid_grant');
    const rows = await t.current.db.select().from(refreshTokens);
    expect(rows.every((r) => r.revokedAt !== null)).toBe(true);
  });

  it('lets exactly one of two concurrent refreshes of the same token succeed', async () => {
    const s = await createTestStore(t.current.db);
    const { res } = await signUpAndRedeem(t.current, s);
    const body = {
      grant_type: 'refresh_token',
      refresh_token: res.body.refresh_token,
      client_id: s.pk,
    };
    const results = await Promise.all([token(t.current, body), token(t.current, body)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 400]);
    // The loser looks like a replay: the family (the winner's new token too) is revoked.
    const winner = results.find((r) => r.status === 200)!;
    const after = await token(t.current, { ...body, refresh_token: winner.body.refresh_token });
    expect(after.body.error).toBe('invalid_grant');
  });

  it('expires refresh tokens after 30 days', async () => {
    const s = await createTestStore(t.current.db);
    const { res } = await signUpAndRedeem(t.current, s);
    t.current.advanceClock(30 * 24 * 3600 * 1000 + 1000);
    const r = await token(t.current, {
      grant_type: 'refresh_token',
      refresh_token: res.body.refresh_token,
      client_id: s.pk,
    });
    expect(r.body.error).toBe('invalid_grant');
  });

  it("refuses another store's refresh token", async () => {
    const s = await createTestStore(t.current.db);
    const other = await createTestStore(t.current.db);
    const { res } = await signUpAndRedeem(t.current, s);
    const r = await token(t.current, {
      grant_type: 'refresh_token',
      refresh_token: res.body.refresh_token,
      client_id: other.pk,
    });
    expect(r.body.error).toBe('invalid_grant');
  });
});

describe('cookie mode (browsers)', () => {
  function cookieOf(res: { headers: Headers }) {
    return res.headers.get('set-cookie') ?? '';
  }

  it('puts the refresh token only in an HttpOnly, Partitioned cookie and refreshes from it', async () => {
    const s = await createTestStore(t.current.db);
    const { res } = await signUpAndRedeem(t.current, s, undefined, {
      refresh_token_mode: 'cookie',
    });
    expect(res.body.refresh_token).toBeUndefined();
    expect(res.body.access_token).toBeTruthy();
    const setCookie = cookieOf(res);
    const name = `kiosk_rt_${s.store.id.replace(/-/g, '').slice(0, 16)}`;
    expect(setCookie).toMatch(new RegExp(`^${name}=krt_`));
    for (const attr of [
      'HttpOnly',
      'Secure',
      'SameSite=None',
      'Partitioned',
      'Path=/oauth',
      'Max-Age=2592000',
    ]) {
      expect(setCookie).toContain(attr);
    }
    const cookie = setCookie.split(';')[0]!;

    // Without a refresh_token parameter the cookie is read — from the store's own origin only.
    const refreshed = await token(
      t.current,
      { grant_type: 'refresh_token', client_id: s.pk },
      { origin: SHOP, cookie },
    );
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refresh_token).toBeUndefined();
    expect(refreshed.headers.get('access-control-allow-origin')).toBe(SHOP);
    expect(refreshed.headers.get('access-control-allow-credentials')).toBe('true');
    const next = cookieOf(refreshed).split(';')[0]!;
    expect(next).not.toBe(cookie);

    const noOrigin = await token(
      t.current,
      { grant_type: 'refresh_token', client_id: s.pk },
      { cookie: next },
    );
    expect(noOrigin.body.error).toBe('invalid_request');

    // Revoking with the cookie ends the session and clears the cookie.
    const revoked = await postForm(
      t.current,
      '/oauth/revoke',
      { client_id: s.pk },
      { origin: SHOP, cookie: next },
    );
    expect(revoked.status).toBe(200);
    expect(cookieOf(revoked)).toMatch(new RegExp(`^${name}=; Max-Age=0; Path=/oauth`));
    const after = await token(
      t.current,
      { grant_type: 'refresh_token', client_id: s.pk },
      { origin: SHOP, cookie: next },
    );
    expect(after.body.error).toBe('invalid_grant');
  });
});

describe('POST /oauth/revoke (RFC 7009)', () => {
  it('revokes the refresh token family, and answers 200 for unknown tokens', async () => {
    const s = await createTestStore(t.current.db);
    const { res } = await signUpAndRedeem(t.current, s);
    const revoked = await postForm(
      t.current,
      '/oauth/revoke',
      { token: res.body.refresh_token, token_type_hint: 'refresh_token', client_id: s.pk },
      {},
    );
    expect(revoked.status).toBe(200);
    const refresh = await token(t.current, {
      grant_type: 'refresh_token',
      refresh_token: res.body.refresh_token,
      client_id: s.pk,
    });
    expect(refresh.body.error).toBe('invalid_grant');
    const unknown = await postForm(
      t.current,
      '/oauth/revoke',
      { token: 'krt_nope', client_id: s.pk },
      {},
    );
    expect(unknown.status).toBe(200);
    const noClient = await postForm(t.current, '/oauth/revoke', { token: 'krt_nope' }, {});
    expect(noClient.body.error).toBe('invalid_request');
  });
});

describe('access tokens', () => {
  it('expire after 15 minutes (401 invalid_token) and mean nothing to another store', async () => {
    const a = await createTestStore(t.current.db);
    const b = await createTestStore(t.current.db);
    const { res } = await signUpAndRedeem(t.current, a);
    const at = res.body.access_token;
    const other = await t.current.request('/v1/customers/me', { key: b.pk, token: at });
    expect(other.status).toBe(401);
    expect(other.body.error.code).toBe('invalid_token');
    t.current.advanceClock(15 * 60 * 1000 + 1000);
    const expired = await t.current.request('/v1/customers/me', { key: a.pk, token: at });
    expect(expired.status).toBe(401);
    expect(expired.body.error.code).toBe('invalid_token');
  });
});

describe('sign-in rate limiting', () => {
  async function setup() {
    const s = await createTestStore(t.current.db);
    const { email } = await signUpAndRedeem(t.current, s);
    const params = authParams(s.pk, pkce().challenge);
    return { s, email, params };
  }

  it('answers 429 (translated) after 5 failures for an email in 15 minutes, even with the right password', async () => {
    const { email, params } = await setup();
    for (let i = 0; i < 5; i++) {
      const r = await submit(t.current, params, { email, password: `wrong-${i}-password` });
      expect(r.status).toBe(401);
    }
    const blocked = await submit(
      t.current,
      { ...params, ui_locales: 'de' },
      { email: email.toUpperCase(), password: 'correct horse battery' },
    );
    expect(blocked.status).toBe(429);
    expect(blocked.body).toContain('Zu viele Versuche');
    // The window opened at the first failure: it ends at most 15 minutes from now.
    const retryAfter = Number(blocked.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(800);
    expect(retryAfter).toBeLessThanOrEqual(900);
    t.current.advanceClock(15 * 60 * 1000 + 1000);
    const later = await submit(t.current, params, { email, password: 'correct horse battery' });
    expect(later.status).toBe(302);
  });

  it("a success clears the email's failures but not the IP's", async () => {
    const { s, email, params } = await setup();
    const env = { incoming: { socket: { remoteAddress: '203.0.113.7' } } };
    const fromIp = (form: { email: string; password: string }) =>
      t.current.app.request(
        '/oauth/authorize',
        {
          method: 'POST',
          body: new URLSearchParams({ ...params, intent: 'signin', ...form }).toString(),
          headers: { 'content-type': 'application/x-www-form-urlencoded', origin: SELF },
        },
        env,
      );
    for (let i = 0; i < 4; i++) await fromIp({ email, password: 'wrong password' });
    expect((await fromIp({ email, password: 'correct horse battery' })).status).toBe(302);
    for (let i = 0; i < 4; i++) {
      expect((await fromIp({ email, password: 'wrong password' })).status).toBe(401);
    }
    // 8 failures so far from this IP; 22 more on other emails reach the IP limit of 30.
    for (let i = 0; i < 22; i++) {
      const r = await fromIp({ email: `nobody${i}@example.com`, password: 'wrong password' });
      expect(r.status).toBe(401);
    }
    const blocked = await fromIp({ email: 'fresh@example.com', password: 'whatever-password' });
    expect(blocked.status).toBe(429);
    // A success on the attacker's own account does not reset the IP budget.
    expect((await fromIp({ email, password: 'correct horse battery' })).status).toBe(429);
    // Another IP is not affected.
    const elsewhere = await t.current.app.request(
      '/oauth/authorize',
      {
        method: 'POST',
        body: new URLSearchParams({
          ...params,
          intent: 'signin',
          email,
          password: 'correct horse battery',
        }).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: SELF },
      },
      { incoming: { socket: { remoteAddress: '198.51.100.1' } } },
    );
    expect(elsewhere.status).toBe(302);
    expect(s).toBeDefined();
  }, 90_000);
});

describe('account creation limit', () => {
  it('limits accounts created per address and store, with the translated 429 page', async () => {
    const app = await createTestApp({
      resetDatabase: false,
      rateLimits: { accounts: { limit: 2, windowMs: 15 * 60 * 1000 } },
    });
    const s = await createTestStore(app.db);
    const create = (n: number, ip: string) =>
      submit(
        app,
        authParams(s.pk, pkce().challenge, { ui_locales: 'fr' }),
        { intent: 'create', email: `new-${n}@example.com`, password: 'long enough', name: 'N' },
        undefined,
        ip,
      );
    expect((await create(1, '203.0.113.60')).status).toBe(302);
    expect((await create(2, '203.0.113.60')).status).toBe(302);
    const refused = await create(3, '203.0.113.60');
    expect(refused.status).toBe(429);
    expect(refused.body).toContain('Trop de tentatives');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(
      await app.db.select().from(customers).where(eq(customers.email, 'new-3@example.com')),
    ).toEqual([]);
    expect((await create(3, '203.0.113.61')).status).toBe(302);
  });
});

/** How many answers had each status, e.g. { 401: 5, 429: 35 }. */
function statusCounts(responses: { status: number }[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const { status } of responses) counts[status] = (counts[status] ?? 0) + 1;
  return counts;
}

/**
 * The throttle holds under concurrency: guesses are counted before their password is
 * checked, so a burst gets exactly the limit's worth of checks (401) and the rest are 429.
 */
function throttlesConcurrentGuesses(app: () => TestApp, counters: 'database' | 'redis') {
  it('checks 5 of 40 concurrent guesses for one email, then refuses the right password too', async () => {
    const s = await createTestStore(app().db);
    const { email } = await signUpAndRedeem(app(), s);
    const params = authParams(s.pk, pkce().challenge);
    const guesses = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        submit(app(), params, { email, password: `wrong guess ${i}` }, undefined, '203.0.113.10'),
      ),
    );
    expect(statusCounts(guesses)).toEqual({ 401: 5, 429: 35 });
    // Locked: a second burst, half of it with the right password, from another address.
    const again = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        submit(
          app(),
          params,
          { email, password: i % 2 ? 'correct horse battery' : `wrong again ${i}` },
          undefined,
          '203.0.113.11',
        ),
      ),
    );
    expect(statusCounts(again)).toEqual({ 429: 20 });
    const rows = await app().db.select().from(rateLimits);
    expect(rows.length > 0).toBe(counters === 'database');
  }, 60_000);

  it('checks 30 of 100 concurrent guesses on different emails from one address', async () => {
    const s = await createTestStore(app().db);
    const { email } = await signUpAndRedeem(app(), s);
    const params = authParams(s.pk, pkce().challenge);
    const ip = '198.51.100.20';
    const guesses = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        submit(
          app(),
          params,
          { email: `guess-${i}@example.com`, password: 'wrong' },
          undefined,
          ip,
        ),
      ),
    );
    expect(statusCounts(guesses)).toEqual({ 401: 30, 429: 70 });
    const right = { email, password: 'correct horse battery' };
    expect((await submit(app(), params, right, undefined, ip)).status).toBe(429);
    expect((await submit(app(), params, right, undefined, '198.51.100.21')).status).toBe(302);
  }, 60_000);
}

describe('sign-in throttling under concurrency, counters in the database', () => {
  throttlesConcurrentGuesses(() => t.current, 'database');
});

const redisUrl = process.env.KIOSK_TEST_REDIS_URL;
describe.skipIf(!redisUrl)('sign-in throttling under concurrency, counters in Redis', () => {
  let redis: RedisRateLimiter;
  let app: TestApp;
  beforeAll(async () => {
    redis = await RedisRateLimiter.connect(redisUrl!, createLogger('silent'));
  });
  afterAll(() => redis.close());
  beforeEach(async () => {
    app = await createTestApp({ rateLimiter: redis, resetDatabase: false });
  });
  throttlesConcurrentGuesses(() => app, 'redis');
});

describe('logs', () => {
  it('contain no password, code, verifier or token after a full flow', async () => {
    const s = await createTestStore(t.current.db);
    const { res, code, verifier } = await signUpAndRedeem(t.current, s, 'logged@example.com');
    const refreshed = await token(t.current, {
      grant_type: 'refresh_token',
      refresh_token: res.body.refresh_token,
      client_id: s.pk,
    });
    await t.current.request('/v1/customers/me', { key: s.pk, token: refreshed.body.access_token });
    const logs = t.current.logs.join('\n');
    expect(t.current.logs.length).toBeGreaterThan(3);
    for (const secret of [
      'correct horse battery',
      code,
      verifier,
      res.body.access_token,
      res.body.refresh_token,
      refreshed.body.refresh_token,
      refreshed.body.access_token,
    ]) {
      expect(logs).not.toContain(secret);
    }
  });
});
