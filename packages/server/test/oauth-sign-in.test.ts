import { randomBytes, scryptSync } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { authCodes, customers } from '../src/db/schema/index.js';
import { needsRehash } from '../src/services/passwords.js';
import { createTestStore, useTestApp } from './harness.js';
import {
  authParams,
  dataAttr,
  pkce,
  REDIRECT,
  SELF,
  SHOP,
  signUpAndRedeem,
  submit,
  token,
} from './oauth-fixtures.js';

const t = useTestApp();

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
