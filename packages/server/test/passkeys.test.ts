import { createHash, randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { customers, passkeys, webauthnChallenges } from '../src/db/schema/index.js';
import { purgeSignInChallengesJob } from '../src/jobs/purge-sign-in-challenges.js';
import { signAccessToken } from '../src/services/access-tokens.js';
import { TestAuthenticator } from '../src/testing/webauthn-authenticator.js';
import { createTestStore, runJob, type TestStore, useTestApp } from './harness.js';

const t = useTestApp();

const SELF = 'http://localhost';
const REDIRECT = 'https://shop.example/auth/callback';
/** A browser whose page script found a platform authenticator. */
const CAPABLE = { origin: SELF, cookie: 'kiosk_passkey_capable=1' };
const PASSWORD = 'correct horse battery';

function authParams(pk: string): Record<string, string> {
  const verifier = randomBytes(32).toString('base64url');
  return {
    response_type: 'code',
    client_id: pk,
    redirect_uri: REDIRECT,
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
    state: `state-${randomBytes(8).toString('hex')}`,
  };
}

function post(path: string, fields: Record<string, string>, headers: Record<string, string>) {
  return t.current.request(path, {
    method: 'POST',
    body: new URLSearchParams(fields).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
  });
}

function attr(page: string, pattern: string): string {
  const raw = new RegExp(pattern).exec(page)?.[1];
  if (raw === undefined) throw new Error(`no ${pattern} in the page`);
  return raw
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** The code in the redirect to the client, or undefined when the client was not answered. */
function codeOf(res: { status: number; headers: Headers }): string | undefined {
  if (res.status !== 302) return undefined;
  return new URL(res.headers.get('location')!).searchParams.get('code') ?? undefined;
}

async function signUp(params: Record<string, string>, headers: Record<string, string> = CAPABLE) {
  const email = `ann-${randomBytes(4).toString('hex')}@example.com`;
  const res = await post(
    '/oauth/authorize',
    { ...params, intent: 'create', email, password: PASSWORD, name: 'Ann' },
    headers,
  );
  return { res, email };
}

/** Signs up on the hosted page and adds a passkey at the interstitial. */
async function signUpWithPasskey(s: TestStore, authenticator = new TestAuthenticator()) {
  const params = authParams(s.pk);
  const { res, email } = await signUp(params);
  expect(res.status).toBe(200);
  const options = JSON.parse(attr(res.body, 'data-options="([^"]*)"'));
  expect(options.rp.id).toBe('localhost');
  expect(options.authenticatorSelection).toMatchObject({
    residentKey: 'required',
    userVerification: 'required',
  });
  const added = await post(
    '/oauth/passkeys/register',
    {
      ...params,
      passkey_challenge: attr(res.body, 'name="passkey_challenge" value="([^"]*)"'),
      passkey_response: JSON.stringify(authenticator.register(options)),
    },
    CAPABLE,
  );
  expect(codeOf(added)).toBeTruthy();
  const [customer] = await t.current.db.select().from(customers).where(eq(customers.email, email));
  return { authenticator, customer: customer!, email };
}

async function challengeFor(params: Record<string, string>) {
  const res = await post('/oauth/passkeys/options', params, { origin: SELF });
  expect(res.status).toBe(200);
  expect(res.body.rpId).toBe('localhost');
  return res.body.challenge as string;
}

/** A passkey sign-in as the page script does it: a challenge, then the signed answer. */
async function passkeySignIn(
  s: TestStore,
  authenticator: TestAuthenticator,
  sign: (challenge: string) => unknown = (challenge) => authenticator.assert(challenge),
) {
  const params = authParams(s.pk);
  const challenge = await challengeFor(params);
  const fields = {
    ...params,
    passkey_challenge: challenge,
    passkey_response: JSON.stringify(sign(challenge)),
  };
  return { res: await post('/oauth/passkeys/authenticate', fields, CAPABLE), fields };
}

describe('the hosted sign-in page offers passkeys', () => {
  it('lets the email field autofill passkeys and has a passkey button and scripts', async () => {
    const s = await createTestStore(t.current.db);
    const q = new URLSearchParams(authParams(s.pk));
    const page: string = (await t.current.request(`/oauth/authorize?${q}`)).body;
    expect(page).toMatch(/id="email"[^>]*autocomplete="username webauthn"/);
    expect(page).toContain('id="kiosk-passkey-button"');
    expect(page).toContain('<script src="/assets/simplewebauthn-browser.js" defer></script>');
    expect(page).toContain('<script src="/assets/passkeys.js" defer></script>');
    expect(page).not.toMatch(/<script>(?!<)/);
  });

  it('says nothing of passkeys when the store has turned them off', async () => {
    const s = await createTestStore(t.current.db, {
      settings: { signInMethods: { passkeys: false } },
    });
    const params = authParams(s.pk);
    const page: string = (
      await t.current.request(`/oauth/authorize?${new URLSearchParams(params)}`)
    ).body;
    expect(page).toMatch(/id="email"[^>]*autocomplete="email"/);
    expect(page).not.toContain('kiosk-passkey');
    // No interstitial either, and no challenges.
    expect(codeOf((await signUp(params)).res)).toBeTruthy();
    const options = await post('/oauth/passkeys/options', authParams(s.pk), { origin: SELF });
    expect(options.status).toBe(403);
  });

  it('serves @simplewebauthn/browser from the installed package', async () => {
    const res = await t.current.request('/assets/simplewebauthn-browser.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/javascript');
    expect(res.body).toContain('SimpleWebAuthnBrowser');
  });
});

describe('the "add a passkey" interstitial', () => {
  it('comes after a sign-in on a device with a platform authenticator, and adds the passkey', async () => {
    const s = await createTestStore(t.current.db);
    const { customer } = await signUpWithPasskey(s);
    const rows = await t.current.db.select().from(passkeys).where(eq(passkeys.storeId, s.store.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ customerId: customer.id, counter: 0 });
    // Signed in again with the password: not offered a second time.
    const params = authParams(s.pk);
    const again = await post(
      '/oauth/authorize',
      { ...params, intent: 'signin', email: customer.email, password: PASSWORD },
      CAPABLE,
    );
    expect(codeOf(again)).toBeTruthy();
  });

  it('"Not now" answers the client without adding anything', async () => {
    const s = await createTestStore(t.current.db);
    const params = authParams(s.pk);
    const { res } = await signUp(params);
    expect(res.body).toContain('Sign in faster next time: add a passkey');
    const challenge = attr(res.body, 'name="passkey_challenge" value="([^"]*)"');
    const skip = await post(
      '/oauth/passkeys/register',
      { ...params, passkey_challenge: challenge },
      CAPABLE,
    );
    expect(codeOf(skip)).toBeTruthy();
    expect(await t.current.db.select().from(passkeys)).toHaveLength(0);
    // The challenge was the proof of that one sign-in: it does not work twice.
    const replay = await post(
      '/oauth/passkeys/register',
      { ...params, passkey_challenge: challenge },
      CAPABLE,
    );
    expect(replay.status).toBe(400);
    expect(replay.body).toContain('This page has expired');
  });

  it('"Not now" holds on this device for 30 days, for that store only', async () => {
    const s = await createTestStore(t.current.db);
    const other = await createTestStore(t.current.db);
    const params = authParams(s.pk);
    const { res, email } = await signUp(params);
    const skip = await post(
      '/oauth/passkeys/register',
      { ...params, passkey_challenge: attr(res.body, 'name="passkey_challenge" value="([^"]*)"') },
      CAPABLE,
    );
    expect(codeOf(skip)).toBeTruthy();
    const set = skip.headers.get('set-cookie') ?? '';
    expect(set).toMatch(
      /^kiosk_pk_later_[0-9a-f]{16}=1; Max-Age=2592000; Path=\/oauth; HttpOnly; SameSite=Lax$/,
    );
    const declined = { ...CAPABLE, cookie: `${CAPABLE.cookie}; ${set.split(';')[0]}` };
    const signInAgain = (headers: Record<string, string>) =>
      post(
        '/oauth/authorize',
        { ...authParams(s.pk), intent: 'signin', email, password: PASSWORD },
        headers,
      );

    // The next sign-in on this device goes straight back to the shop...
    expect(codeOf(await signInAgain(declined))).toBeTruthy();
    // ...while another store on the same server still offers its own passkey...
    expect((await signUp(authParams(other.pk), declined)).res.body).toContain(
      'Sign in faster next time: add a passkey',
    );
    // ...and once the cookie has expired (Max-Age above), the offer is back.
    expect((await signInAgain(CAPABLE)).body).toContain('Sign in faster next time: add a passkey');
  });

  it('adding a passkey does not count as "Not now"', async () => {
    const s = await createTestStore(t.current.db);
    const params = authParams(s.pk);
    const { res } = await signUp(params);
    const options = JSON.parse(attr(res.body, 'data-options="([^"]*)"'));
    const added = await post(
      '/oauth/passkeys/register',
      {
        ...params,
        passkey_challenge: options.challenge,
        passkey_response: JSON.stringify(new TestAuthenticator().register(options)),
      },
      CAPABLE,
    );
    expect(codeOf(added)).toBeTruthy();
    expect(added.headers.get('set-cookie')).toBeNull();
  });

  it('is not shown where the page script found no platform authenticator', async () => {
    const s = await createTestStore(t.current.db);
    const { res } = await signUp(authParams(s.pk), { origin: SELF });
    expect(codeOf(res)).toBeTruthy();
  });

  it('cannot finish another authorization request', async () => {
    const s = await createTestStore(t.current.db);
    const params = authParams(s.pk);
    const { res } = await signUp(params);
    const challenge = attr(res.body, 'name="passkey_challenge" value="([^"]*)"');
    const other = await post(
      '/oauth/passkeys/register',
      { ...authParams(s.pk), passkey_challenge: challenge },
      CAPABLE,
    );
    expect(other.status).toBe(400);
    expect(codeOf(other)).toBeUndefined();
  });
});

describe('signing in with a passkey', () => {
  it('signs in with one passkey assertion, and counts it', async () => {
    const s = await createTestStore(t.current.db);
    const { authenticator, customer } = await signUpWithPasskey(s);
    const { res } = await passkeySignIn(s, authenticator);
    expect(codeOf(res)).toBeTruthy();
    const [row] = await t.current.db
      .select()
      .from(passkeys)
      .where(eq(passkeys.customerId, customer.id));
    expect(row!.counter).toBe(1);
    expect(row!.lastUsedAt).toBeInstanceOf(Date);
  });

  it('refuses a replayed challenge', async () => {
    const s = await createTestStore(t.current.db);
    const { authenticator } = await signUpWithPasskey(s);
    const { res, fields } = await passkeySignIn(s, authenticator);
    expect(codeOf(res)).toBeTruthy();
    const replay = await post('/oauth/passkeys/authenticate', fields, CAPABLE);
    expect(replay.status).toBe(400);
    expect(replay.body).toContain('This page has expired');
  });

  it('refuses an answer to another challenge', async () => {
    const s = await createTestStore(t.current.db);
    const { authenticator } = await signUpWithPasskey(s);
    const { res } = await passkeySignIn(s, authenticator, () =>
      authenticator.assert(randomBytes(32).toString('base64url')),
    );
    expect(res.status).toBe(401);
    expect(res.body).toContain('The passkey could not be verified');
  });

  it('refuses a challenge that has expired or was never given', async () => {
    const s = await createTestStore(t.current.db);
    const { authenticator } = await signUpWithPasskey(s);
    const params = authParams(s.pk);
    const challenge = await challengeFor(params);
    const answer = (c: string) =>
      post(
        '/oauth/passkeys/authenticate',
        {
          ...params,
          passkey_challenge: c,
          passkey_response: JSON.stringify(authenticator.assert(c)),
        },
        CAPABLE,
      );
    t.current.advanceClock(6 * 60 * 1000);
    expect((await answer(challenge)).status).toBe(400);
    expect((await answer(randomBytes(32).toString('base64url'))).status).toBe(400);
  });

  it('deletes challenges once they have expired, and only then', async () => {
    const s = await createTestStore(t.current.db);
    await signUpWithPasskey(s);
    await challengeFor(authParams(s.pk));
    const left = async () =>
      (
        await t.current.db
          .select({ id: webauthnChallenges.id })
          .from(webauthnChallenges)
          .where(eq(webauthnChallenges.storeId, s.store.id))
      ).length;
    const before = await left();
    expect(before).toBeGreaterThan(0);
    expect(await runJob(t.current, purgeSignInChallengesJob)).toBe(0);
    expect(await left()).toBe(before);
    t.current.advanceClock(6 * 60 * 1000);
    expect(await runJob(t.current, purgeSignInChallengesJob)).toBeGreaterThanOrEqual(before);
    expect(await left()).toBe(0);
  });

  it("never accepts a passkey made for another store's page", async () => {
    const a = await createTestStore(t.current.db);
    const b = await createTestStore(t.current.db);
    const { authenticator } = await signUpWithPasskey(a);
    const { res } = await passkeySignIn(b, authenticator);
    expect(res.status).toBe(401);
    expect(res.body).toContain('This passkey is not registered with this store');
  });

  it('refuses an unknown credential', async () => {
    const s = await createTestStore(t.current.db);
    await signUpWithPasskey(s);
    const { res } = await passkeySignIn(s, new TestAuthenticator());
    expect(res.status).toBe(401);
    expect(res.body).toContain('This passkey is not registered with this store');
  });

  it('refuses a signature counter that did not go up (a cloned authenticator)', async () => {
    const s = await createTestStore(t.current.db);
    const { authenticator } = await signUpWithPasskey(s);
    expect(codeOf((await passkeySignIn(s, authenticator)).res)).toBeTruthy();
    const { res } = await passkeySignIn(s, authenticator, (challenge) =>
      authenticator.assert(challenge, { countUp: false }),
    );
    expect(res.status).toBe(401);
  });

  it('refuses an answer signed for another origin', async () => {
    const s = await createTestStore(t.current.db);
    const { authenticator } = await signUpWithPasskey(s);
    const phished = Object.assign(Object.create(authenticator), { origin: 'https://evil.example' });
    const { res } = await passkeySignIn(s, authenticator, (challenge) =>
      TestAuthenticator.prototype.assert.call(phished, challenge),
    );
    expect(res.status).toBe(401);
  });

  it('answers junk and foreign posts with a page, never a 500', async () => {
    const s = await createTestStore(t.current.db);
    const params = authParams(s.pk);
    const challenge = await challengeFor(params);
    for (const passkey_response of ['', '{', '[]', '{"id":1}', '{"id":"x","response":{}}']) {
      const res = await post(
        '/oauth/passkeys/authenticate',
        { ...params, passkey_challenge: challenge, passkey_response },
        CAPABLE,
      );
      expect(res.status, passkey_response).toBeGreaterThanOrEqual(400);
      expect(res.status, passkey_response).toBeLessThan(500);
    }
    const foreign = await post('/oauth/passkeys/authenticate', params, {
      origin: 'https://evil.example',
    });
    expect(foreign.status).toBe(400);
    const options = await post('/oauth/passkeys/options', params, {
      origin: 'https://evil.example',
    });
    expect(options.status).toBe(403);
    expect(options.body.error.code).toBe('forbidden');
  });
});

describe('GET/DELETE /v1/customers/me/passkeys', () => {
  async function tokenFor(s: TestStore, customerId: string) {
    return (await signAccessToken(s.store, customerId, SELF, t.current.now())).token;
  }

  it('lists the shopper’s passkeys and removes one, which then stops working', async () => {
    const s = await createTestStore(t.current.db);
    const { authenticator, customer } = await signUpWithPasskey(s);
    const token = await tokenFor(s, customer.id);
    const list = await t.current.request('/v1/customers/me/passkeys', { key: s.pk, token });
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).toMatchObject({ name: expect.any(String), lastUsedAt: null });
    expect(Object.keys(list.body.items[0]).sort()).toEqual([
      'createdAt',
      'id',
      'lastUsedAt',
      'name',
    ]);
    const id = list.body.items[0].id;

    const removed = await t.current.request(`/v1/customers/me/passkeys/${id}`, {
      method: 'DELETE',
      key: s.pk,
      token,
    });
    expect(removed.status).toBe(204);
    const again = await t.current.request(`/v1/customers/me/passkeys/${id}`, {
      method: 'DELETE',
      key: s.pk,
      token,
    });
    expect(again.status).toBe(404);
    expect(again.body.error.code).toBe('passkey_not_found');
    expect((await passkeySignIn(s, authenticator)).res.status).toBe(401);
  });

  it("never shows or removes another shopper's passkey", async () => {
    const s = await createTestStore(t.current.db);
    const { customer } = await signUpWithPasskey(s);
    const other = await signUpWithPasskey(s);
    const token = await tokenFor(s, other.customer.id);
    const [mine] = await t.current.db
      .select()
      .from(passkeys)
      .where(and(eq(passkeys.storeId, s.store.id), eq(passkeys.customerId, customer.id)));
    const list = await t.current.request('/v1/customers/me/passkeys', { key: s.pk, token });
    expect(list.body.items.map((p: { id: string }) => p.id)).not.toContain(mine!.id);
    const res = await t.current.request(`/v1/customers/me/passkeys/${mine!.id}`, {
      method: 'DELETE',
      key: s.pk,
      token,
    });
    expect(res.status).toBe(404);
  });

  it('needs a signed-in shopper', async () => {
    const s = await createTestStore(t.current.db);
    expect((await t.current.request('/v1/customers/me/passkeys', { key: s.pk })).status).toBe(401);
    const bad = await t.current.request('/v1/customers/me/passkeys/not-a-uuid', {
      method: 'DELETE',
      key: s.pk,
      token: await tokenFor(s, (await signUpWithPasskey(s)).customer.id),
    });
    expect(bad.status).toBe(400);
  });
});
