import { describe, expect, it } from 'vitest';
import { customers, idempotencyKeys, sessionTokens } from '../src/db/schema/index.js';
import { createTestStore, type TestApp, useTestApp } from './harness.js';

const t = useTestApp();

const EXCHANGE = 'urn:ietf:params:oauth:grant-type:token-exchange';
const SESSION = 'urn:kiosk:params:oauth:token-type:session_token';

function mint(app: TestApp, sk: string, body: unknown) {
  return app.request('/admin/v1/customers/session-tokens', { token: sk, body });
}

function exchange(
  app: TestApp,
  pk: string,
  subjectToken: string,
  extra: Record<string, string> = {},
) {
  return app.request('/oauth/token', {
    body: new URLSearchParams({
      grant_type: EXCHANGE,
      subject_token: subjectToken,
      subject_token_type: SESSION,
      client_id: pk,
      ...extra,
    }).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
}

describe('single sign-on session tokens', () => {
  it('mints a token (creating the customer) that signs in once', async () => {
    const s = await createTestStore(t.current.db);
    const minted = await mint(t.current, s.sk, { email: '  Brand.User@Example.com', name: 'Bea' });
    expect(minted.status).toBe(201);
    expect(minted.body.token).toMatch(/^kst_/);
    expect(new Date(minted.body.expiresAt).getTime() - t.current.now().getTime()).toBeGreaterThan(
      4 * 60 * 1000,
    );
    expect(minted.headers.get('cache-control')).toBe('no-store');

    const res = await exchange(t.current, s.pk, minted.body.token);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      token_type: 'Bearer',
      expires_in: 900,
      issued_token_type: 'urn:ietf:params:oauth:token-type:access_token',
      customer: { email: 'brand.user@example.com', name: 'Bea' },
    });
    expect(res.body.refresh_token).toMatch(/^krt_/);
    const me = await t.current.request('/v1/customers/me', {
      key: s.pk,
      token: res.body.access_token,
    });
    expect(me.body.email).toBe('brand.user@example.com');

    const again = await exchange(t.current, s.pk, minted.body.token);
    expect(again.status).toBe(400);
    expect(again.body.error).toBe('invalid_grant');

    // Stored hashed.
    const [row] = await t.current.db.select().from(sessionTokens);
    expect(row!.tokenHash).not.toContain(minted.body.token);
    expect(JSON.stringify(row)).not.toContain(minted.body.token);
  });

  it('reuses the existing customer for the same email, and its refresh token rotates', async () => {
    const s = await createTestStore(t.current.db);
    const one = await mint(t.current, s.sk, { email: 'same@example.com', name: 'First' });
    const two = await mint(t.current, s.sk, { email: 'SAME@example.com' });
    const a = await exchange(t.current, s.pk, one.body.token);
    const b = await exchange(t.current, s.pk, two.body.token);
    expect(a.body.customer.id).toBe(b.body.customer.id);
    expect(b.body.customer.name).toBe('First');
    expect(await t.current.db.select().from(customers)).toHaveLength(1);
    const refreshed = await t.current.request('/oauth/token', {
      body: { grant_type: 'refresh_token', refresh_token: b.body.refresh_token, client_id: s.pk },
    });
    expect(refreshed.status).toBe(200);
  });

  it('expires after 5 minutes', async () => {
    const s = await createTestStore(t.current.db);
    const minted = await mint(t.current, s.sk, { email: 'late@example.com' });
    t.current.advanceClock(5 * 60 * 1000 + 1000);
    const res = await exchange(t.current, s.pk, minted.body.token);
    expect(res.body.error).toBe('invalid_grant');
  });

  it("is refused by another store's client_id", async () => {
    const a = await createTestStore(t.current.db);
    const b = await createTestStore(t.current.db);
    const minted = await mint(t.current, a.sk, { email: 'x@example.com' });
    const res = await exchange(t.current, b.pk, minted.body.token);
    expect(res.body.error).toBe('invalid_grant');
    // …and was not spent by that attempt.
    expect((await exchange(t.current, a.pk, minted.body.token)).status).toBe(200);
  });

  it('validates the exchange request', async () => {
    const s = await createTestStore(t.current.db);
    const minted = await mint(t.current, s.sk, { email: 'v@example.com' });
    const wrongType = await exchange(t.current, s.pk, minted.body.token, {
      subject_token_type: 'urn:ietf:params:oauth:token-type:access_token',
    });
    expect(wrongType.body.error).toBe('invalid_request');
    const unknown = await exchange(t.current, s.pk, 'kst_nope');
    expect(unknown.body.error).toBe('invalid_grant');
  });

  it('puts the refresh token in the cookie in cookie mode', async () => {
    const s = await createTestStore(t.current.db);
    const minted = await mint(t.current, s.sk, { email: 'c@example.com' });
    const res = await exchange(t.current, s.pk, minted.body.token, {
      refresh_token_mode: 'cookie',
    });
    expect(res.body.refresh_token).toBeUndefined();
    expect(res.headers.get('set-cookie')).toMatch(
      /^kiosk_rt_\w+=krt_.*HttpOnly; Secure; SameSite=None; Partitioned/,
    );
  });

  it('needs the secret key and a valid email', async () => {
    const s = await createTestStore(t.current.db);
    const withPk = await mint(t.current, s.pk, { email: 'a@example.com' });
    expect(withPk.status).toBe(401);
    for (const body of [
      {},
      { email: 'nope' },
      { email: 'a@example.com', name: 'x'.repeat(101) },
      { email: 7 },
    ]) {
      const res = await mint(t.current, s.sk, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
    }
    expect(await t.current.db.select().from(customers)).toHaveLength(0);
  });

  it('keeps the token out of the logs', async () => {
    const s = await createTestStore(t.current.db);
    const minted = await mint(t.current, s.sk, { email: 'log@example.com' });
    const res = await exchange(t.current, s.pk, minted.body.token);
    const logs = t.current.logs.join('\n');
    expect(logs).not.toContain(minted.body.token);
    expect(logs).not.toContain(res.body.access_token);
    expect(logs).not.toContain(res.body.refresh_token);
  });

  it('never stores a session token for idempotent replay', async () => {
    const s = await createTestStore(t.current.db);
    const headers = { 'idempotency-key': 'sso-1' };
    const first = await t.current.request('/admin/v1/customers/session-tokens', {
      token: s.sk,
      body: { email: 'replay@example.com' },
      headers,
    });
    expect(first.status).toBe(201);
    const stored = await t.current.db.select().from(idempotencyKeys);
    expect(JSON.stringify(stored)).not.toContain(first.body.token);
    const again = await t.current.request('/admin/v1/customers/session-tokens', {
      token: s.sk,
      body: { email: 'replay@example.com' },
      headers,
    });
    expect(again.status).toBe(201);
    expect(again.body.token).not.toBe(first.body.token);
  });
});
