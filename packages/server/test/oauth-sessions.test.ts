import { describe, expect, it } from 'vitest';
import { refreshTokens } from '../src/db/schema/index.js';
import { createTestStore, useTestApp } from './harness.js';
import { postForm, refresh, SHOP, signUpAndRedeem } from './oauth-fixtures.js';

const t = useTestApp();

describe('POST /oauth/token: refresh_token', () => {
  it('rotates the refresh token on every use', async () => {
    const s = await createTestStore(t.current.db);
    const { res } = await signUpAndRedeem(t.current, s);
    const first = res.body.refresh_token;
    const r1 = await refresh(t.current, s.pk, first);
    expect(r1.status).toBe(200);
    expect(r1.body.refresh_token).not.toBe(first);
    expect(r1.body.access_token).toBeTruthy();
    expect(r1.body.customer.email).toBe(res.body.customer.email);
    const r2 = await refresh(t.current, s.pk, r1.body.refresh_token);
    expect(r2.status).toBe(200);
  });

  it('revokes the whole family when a rotated token is used again', async () => {
    const s = await createTestStore(t.current.db);
    const { res } = await signUpAndRedeem(t.current, s);
    const old = res.body.refresh_token;
    const rotated = await refresh(t.current, s.pk, old);
    const replay = await refresh(t.current, s.pk, old);
    expect(replay.status).toBe(400);
    expect(replay.body.error).toBe('invalid_grant');
    const current = await refresh(t.current, s.pk, rotated.body.refresh_token);
    expect(current.body.error).toBe('invalid_grant');
    const rows = await t.current.db.select().from(refreshTokens);
    expect(rows.every((r) => r.revokedAt !== null)).toBe(true);
  });

  it('lets exactly one of two concurrent refreshes of the same token succeed', async () => {
    const s = await createTestStore(t.current.db);
    const { res } = await signUpAndRedeem(t.current, s);
    const once = () => refresh(t.current, s.pk, res.body.refresh_token);
    const results = await Promise.all([once(), once()]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 400]);
    // The loser looks like a replay: the family (the winner's new token too) is revoked.
    const winner = results.find((r) => r.status === 200)!;
    const after = await refresh(t.current, s.pk, winner.body.refresh_token);
    expect(after.body.error).toBe('invalid_grant');
  });

  it('expires refresh tokens after 30 days', async () => {
    const s = await createTestStore(t.current.db);
    const { res } = await signUpAndRedeem(t.current, s);
    t.current.advanceClock(30 * 24 * 3600 * 1000 + 1000);
    const r = await refresh(t.current, s.pk, res.body.refresh_token);
    expect(r.body.error).toBe('invalid_grant');
  });

  it("refuses another store's refresh token", async () => {
    const s = await createTestStore(t.current.db);
    const other = await createTestStore(t.current.db);
    const { res } = await signUpAndRedeem(t.current, s);
    const r = await refresh(t.current, other.pk, res.body.refresh_token);
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
    const refreshed = await refresh(t.current, s.pk, undefined, { origin: SHOP, cookie });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refresh_token).toBeUndefined();
    expect(refreshed.headers.get('access-control-allow-origin')).toBe(SHOP);
    expect(refreshed.headers.get('access-control-allow-credentials')).toBe('true');
    const next = cookieOf(refreshed).split(';')[0]!;
    expect(next).not.toBe(cookie);

    const noOrigin = await refresh(t.current, s.pk, undefined, { cookie: next });
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
    const after = await refresh(t.current, s.pk, undefined, { origin: SHOP, cookie: next });
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
    const refreshed = await refresh(t.current, s.pk, res.body.refresh_token);
    expect(refreshed.body.error).toBe('invalid_grant');
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
