import { describe, expect, it } from 'vitest';
import { createTestCustomer, createTestStore, useTestApp } from './harness.js';

const t = useTestApp();

describe('GET /v1/customers/me', () => {
  it('returns the signed-in customer', async () => {
    const s = await createTestStore(t.current.db);
    const c = await createTestCustomer(t.current, s.store, { name: 'Ann' });
    const res = await t.current.request('/v1/customers/me', { key: s.pk, token: c.token });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      id: c.id,
      email: c.email,
      name: 'Ann',
      personalization: true,
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
  });

  it('needs a customer token: 401 unauthenticated without, invalid_token with a bad one', async () => {
    const s = await createTestStore(t.current.db);
    const none = await t.current.request('/v1/customers/me', { key: s.pk });
    expect(none.status).toBe(401);
    expect(none.body.error.code).toBe('unauthenticated');
    const bad = await t.current.request('/v1/customers/me', { key: s.pk, token: 'not.a.jwt' });
    expect(bad.status).toBe(401);
    expect(bad.body.error.code).toBe('invalid_token');
  });

  it("refuses a token of store A on store B's key", async () => {
    const a = await createTestStore(t.current.db);
    const b = await createTestStore(t.current.db);
    const c = await createTestCustomer(t.current, a.store);
    const res = await t.current.request('/v1/customers/me', { key: b.pk, token: c.token });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('invalid_token');
  });
});

describe('PATCH /v1/customers/me', () => {
  it('renames the customer (trimmed, 1 to 100 characters)', async () => {
    const s = await createTestStore(t.current.db);
    const c = await createTestCustomer(t.current, s.store);
    const res = await t.current.request('/v1/customers/me', {
      method: 'PATCH',
      key: s.pk,
      token: c.token,
      body: { name: '  Zoë Ångström  ' },
    });
    expect(res.status).toBe(200);
    expect(res.body.name).toBe('Zoë Ångström');
    const me = await t.current.request('/v1/customers/me', { key: s.pk, token: c.token });
    expect(me.body.name).toBe('Zoë Ångström');
  });

  it('refuses empty, too long, non-string names and a guest', async () => {
    const s = await createTestStore(t.current.db);
    const c = await createTestCustomer(t.current, s.store, { name: 'Keep' });
    for (const body of [
      { name: '' },
      { name: '   ' },
      { name: 'x'.repeat(101) },
      { name: 5 },
      {},
      { name: 'a\u0000b' },
    ]) {
      const res = await t.current.request('/v1/customers/me', {
        method: 'PATCH',
        key: s.pk,
        token: c.token,
        body,
      });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
    }
    const guest = await t.current.request('/v1/customers/me', {
      method: 'PATCH',
      key: s.pk,
      body: { name: 'Guest' },
    });
    expect(guest.status).toBe(401);
    const me = await t.current.request('/v1/customers/me', { key: s.pk, token: c.token });
    expect(me.body.name).toBe('Keep');
  });
});
