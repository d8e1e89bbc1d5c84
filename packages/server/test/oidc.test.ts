import { createHash, randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authCodes, customerIdentities, customers, oidcPending } from '../src/db/schema/index.js';
import { createTestCustomer, createTestStore, type TestStore, useTestApp } from './harness.js';
import { browseIdp, IDP_CLIENT, startTestIdp, type TestIdp } from './upstream-idp.js';

const t = useTestApp();

const SELF = 'http://localhost';
const CALLBACK = `${SELF}/oauth/providers/google/callback`;
const REDIRECT = 'https://shop.example/auth/callback';

let idp: TestIdp;
beforeAll(async () => {
  idp = await startTestIdp(CALLBACK);
});
afterAll(() => idp.close());

/** Creates or replaces the store's "Google" (the test IdP unless another issuer is given). */
function putGoogle(s: TestStore, body: { issuer?: string; enabled?: boolean } = {}) {
  return t.current.request('/admin/v1/identity-providers/google', {
    method: 'PUT',
    token: s.sk,
    body: { name: 'Google', issuer: idp.issuer, ...IDP_CLIENT, ...body },
  });
}

async function storeWithGoogle(issuer = idp.issuer): Promise<TestStore> {
  const s = await createTestStore(t.current.db);
  expect((await putGoogle(s, { issuer })).status).toBe(201);
  return s;
}

function authorizePath(s: TestStore, extra: Record<string, string> = {}) {
  const challenge = createHash('sha256')
    .update(randomBytes(32).toString('base64url'))
    .digest('base64url');
  const params = new URLSearchParams({
    response_type: 'code',
    client_id: s.pk,
    redirect_uri: REDIRECT,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state: `state-${randomBytes(8).toString('hex')}`,
    ...extra,
  });
  return { path: `/oauth/authorize?${params}`, state: params.get('state')! };
}

/** Kiosk → IdP → Kiosk's callback URL (not yet opened). */
async function toCallback(s: TestStore, extra: Record<string, string> = {}) {
  const { path, state } = authorizePath(s, { provider: 'google', ...extra });
  const start = await t.current.request(path);
  expect(start.status).toBe(302);
  const location = start.headers.get('location')!;
  expect(location.startsWith(`${idp.issuer}/`)).toBe(true);
  const callback = await browseIdp(location, CALLBACK);
  return { callback: callback.slice(SELF.length), state };
}

/** The whole round trip; the customer the Kiosk code was issued to, if any. */
async function signInThroughIdp(s: TestStore) {
  const { callback, state } = await toCallback(s);
  const res = await t.current.request(callback);
  const [code] = await t.current.db.select().from(authCodes).where(eq(authCodes.state, state));
  return { res, customerId: code?.customerId, callback };
}

describe('sign-in through an upstream OpenID Connect provider', () => {
  it('shows "Continue with Google" on the sign-in page, linking to the provider', async () => {
    const s = await storeWithGoogle();
    const page = await t.current.request(authorizePath(s).path);
    expect(page.status).toBe(200);
    const body = String(page.body);
    expect(body).toContain('Continue with Google');
    expect(body).toMatch(/href="\/oauth\/authorize\?[^"]*provider=google/);
    const fr = await t.current.request(authorizePath(s, { ui_locales: 'fr' }).path);
    expect(String(fr.body)).toContain('Continuer avec Google');
    const none = await createTestStore(t.current.db);
    expect(String((await t.current.request(authorizePath(none).path)).body)).not.toContain(
      'kiosk-upstream',
    );
  });

  it('gives a new shopper an account from the verified claims, and the same one next time', async () => {
    const s = await storeWithGoogle();
    idp.signInAs('sub-new', { email: 'New@Example.com', email_verified: true, name: 'Nia New' });
    const first = await signInThroughIdp(s);
    expect(first.res.status).toBe(302);
    const location = new URL(first.res.headers.get('location')!);
    expect(location.origin + location.pathname).toBe(REDIRECT);
    expect(location.searchParams.get('code')).toBeTruthy();
    const [customer] = await t.current.db
      .select()
      .from(customers)
      .where(eq(customers.id, first.customerId!));
    expect(customer).toMatchObject({ email: 'new@example.com', name: 'Nia New' });

    // The provider now reports another email: the link (issuer, sub) still decides.
    idp.signInAs('sub-new', { email: 'other@example.com', email_verified: true });
    const again = await signInThroughIdp(s);
    expect(again.customerId).toBe(first.customerId);
  });

  it('links a verified email to the existing account', async () => {
    const s = await storeWithGoogle();
    const existing = await createTestCustomer(t.current, s.store, { email: 'ann@example.com' });
    idp.signInAs('sub-ann', { email: 'ann@example.com', email_verified: true });
    const { res, customerId } = await signInThroughIdp(s);
    expect(res.status).toBe(302);
    expect(customerId).toBe(existing.id);
    const links = await t.current.db.select().from(customerIdentities);
    expect(links).toMatchObject([
      { issuer: idp.issuer, subject: 'sub-ann', customerId: existing.id },
    ]);
  });

  it('never links an unverified email, and makes no account from one', async () => {
    const s = await storeWithGoogle();
    const existing = await createTestCustomer(t.current, s.store, { email: 'bob@example.com' });
    idp.signInAs('sub-mallory', { email: 'bob@example.com', email_verified: false });
    const taken = await signInThroughIdp(s);
    expect(taken.res.status).toBe(400);
    expect(String(taken.res.body)).toContain('Google did not confirm an email address');
    expect(taken.customerId).toBeUndefined();

    idp.signInAs('sub-fresh', { email: 'fresh@example.com' });
    const fresh = await signInThroughIdp(s);
    expect(fresh.res.status).toBe(400);
    expect(fresh.customerId).toBeUndefined();
    expect(await t.current.db.select().from(customerIdentities)).toEqual([]);
    const all = await t.current.db.select().from(customers);
    expect(all.map((c) => c.id)).toEqual([existing.id]);
  });

  it('refuses a replayed callback', async () => {
    const s = await storeWithGoogle();
    idp.signInAs('sub-replay', { email: 'replay@example.com', email_verified: true });
    const { res, callback } = await signInThroughIdp(s);
    expect(res.status).toBe(302);
    const replay = await t.current.request(callback);
    expect(replay.status).toBe(400);
    expect(String(replay.body)).toContain('expired or was already used');
  });

  it("refuses an answer at another provider's callback URL (mix-up)", async () => {
    const s = await storeWithGoogle();
    const { callback } = await toCallback(s);
    expect(callback.startsWith('/oauth/providers/google/callback?')).toBe(true);
    const elsewhere = callback.replace('/providers/google/', '/providers/huawei/');
    const res = await t.current.request(elsewhere);
    expect(res.status).toBe(400);
    const codes = await t.current.db
      .select()
      .from(authCodes)
      .where(eq(authCodes.storeId, s.store.id));
    expect(codes).toHaveLength(0);
    // The sign-in it belonged to is over: the right URL now finds nothing either.
    expect((await t.current.request(callback)).status).toBe(400);
  });

  it('refuses a tampered state', async () => {
    const s = await storeWithGoogle();
    idp.signInAs('sub-tamper', { email: 'tamper@example.com', email_verified: true });
    const { callback, state } = await toCallback(s);
    const url = new URL(callback, SELF);
    url.searchParams.set('state', `${url.searchParams.get('state')}x`);
    const res = await t.current.request(url.pathname + url.search);
    expect(res.status).toBe(400);
    expect(String(res.body)).toContain('expired or was already used');
    expect(await t.current.db.select().from(authCodes).where(eq(authCodes.state, state))).toEqual(
      [],
    );
  });

  it('refuses an ID token with the wrong nonce', async () => {
    const s = await storeWithGoogle();
    idp.signInAs('sub-nonce', { email: 'nonce@example.com', email_verified: true });
    const { callback, state } = await toCallback(s, { ui_locales: 'de' });
    // As if the token had been minted for another sign-in than the one waiting here.
    await t.current.db.update(oidcPending).set({ nonce: 'another-sign-in-nonce' });
    const res = await t.current.request(callback);
    expect(res.status).toBe(400);
    expect(String(res.body)).toContain('Die Anmeldung mit Google hat nicht geklappt');
    expect(await t.current.db.select().from(authCodes).where(eq(authCodes.state, state))).toEqual(
      [],
    );
    expect(t.current.logs.join('\n')).not.toMatch(/code=|id_token|eyJ/);
  });

  it('says so, translated, when the provider answers with an error', async () => {
    const s = await storeWithGoogle();
    const start = await t.current.request(
      authorizePath(s, { provider: 'google', ui_locales: 'es' }).path,
    );
    const sent = new URL(start.headers.get('location')!);
    const back = new URLSearchParams({
      error: 'access_denied',
      state: sent.searchParams.get('state')!,
      iss: idp.issuer,
    });
    const res = await t.current.request(`/oauth/providers/google/callback?${back}`);
    expect(res.status).toBe(400);
    expect(String(res.body)).toContain('Se canceló el inicio de sesión con Google');
    expect(String(res.body)).toContain('Continuar con Google');
  });

  it('says so, translated, when the provider is down', async () => {
    const s = await storeWithGoogle('http://127.0.0.1:9');
    const res = await t.current.request(
      authorizePath(s, { provider: 'google', ui_locales: 'fr' }).path,
    );
    expect(res.status).toBe(503);
    expect(String(res.body)).toContain('Google est injoignable pour le moment');
  });

  it('hides a switched-off provider and refuses it like an unknown one, until it is back on', async () => {
    const s = await storeWithGoogle();
    const switchTo = async (enabled: boolean) => {
      const res = await putGoogle(s, { enabled });
      expect(res.status).toBe(200);
      expect(res.body.enabled).toBe(enabled);
    };
    await switchTo(false);
    const page = String((await t.current.request(authorizePath(s).path)).body);
    expect(page).not.toContain('Continue with Google');
    expect(page).not.toContain('kiosk-upstream');
    const refused = await t.current.request(authorizePath(s, { provider: 'google' }).path);
    expect(refused.status).toBe(400);
    expect(String(refused.body)).toContain('This way of signing in is not available');

    await switchTo(true);
    expect(String((await t.current.request(authorizePath(s).path)).body)).toContain(
      'Continue with Google',
    );
    idp.signInAs('sub-back', { email: 'back@example.com', email_verified: true });
    const { res, customerId } = await signInThroughIdp(s);
    expect(res.status).toBe(302);
    expect(customerId).toBeTruthy();
  });

  it('refuses the way back from a provider switched off during the round trip', async () => {
    const s = await storeWithGoogle();
    idp.signInAs('sub-off', { email: 'off@example.com', email_verified: true });
    const { callback, state } = await toCallback(s);
    expect((await putGoogle(s, { enabled: false })).status).toBe(200);
    const res = await t.current.request(callback);
    expect(res.status).toBe(400);
    expect(String(res.body)).toContain('This way of signing in is not available');
    expect(await t.current.db.select().from(authCodes).where(eq(authCodes.state, state))).toEqual(
      [],
    );
  });

  it('refuses an unknown provider on the page, not with a 500', async () => {
    const s = await storeWithGoogle();
    const res = await t.current.request(authorizePath(s, { provider: 'nope' }).path);
    expect(res.status).toBe(400);
    expect(String(res.body)).toContain('This way of signing in is not available');
  });
});
