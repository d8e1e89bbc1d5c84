import { describe, expect, it } from 'vitest';
import { createTestStore, type TestStore, useTestApp } from './harness.js';

const t = useTestApp();

const create = (s: TestStore, body: unknown) =>
  t.current.request('/admin/v1/webhooks', { token: s.sk, body });

describe('webhook endpoints (admin)', () => {
  it('creates an endpoint with a Standard Webhooks secret shown once, lists and deletes it', async () => {
    const s = await createTestStore(t.current.db);
    const res = await create(s, {
      url: 'http://127.0.0.1:9/hooks',
      events: ['order.paid', 'order.created', 'order.paid'],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      url: 'http://127.0.0.1:9/hooks',
      events: ['order.paid', 'order.created'],
    });
    expect(res.body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(Date.parse(res.body.createdAt)).not.toBeNaN();
    expect(res.body.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(Buffer.from(res.body.secret.slice(6), 'base64').length).toBeGreaterThanOrEqual(24);

    const other = await create(s, { url: 'http://127.0.0.1:9/other', events: ['order.refunded'] });
    expect(other.body.secret).not.toBe(res.body.secret);

    const list = await t.current.request('/admin/v1/webhooks', { token: s.sk });
    expect(list.status).toBe(200);
    expect(list.body.items.map((e: { id: string }) => e.id)).toEqual([other.body.id, res.body.id]);
    expect(JSON.stringify(list.body)).not.toContain('whsec_');
    for (const item of list.body.items) expect(item).not.toHaveProperty('secret');

    const del = await t.current.request(`/admin/v1/webhooks/${res.body.id}`, {
      token: s.sk,
      method: 'DELETE',
    });
    expect(del.status).toBe(204);
    const again = await t.current.request(`/admin/v1/webhooks/${res.body.id}`, {
      token: s.sk,
      method: 'DELETE',
    });
    expect(again.status).toBe(404);
    expect(again.body.error.code).toBe('webhook_not_found');
    const after = await t.current.request('/admin/v1/webhooks', { token: s.sk });
    expect(after.body.items.map((e: { id: string }) => e.id)).toEqual([other.body.id]);
  });

  it('pages the list with a cursor', async () => {
    const s = await createTestStore(t.current.db);
    for (let i = 0; i < 3; i++) {
      t.current.advanceClock(1000);
      expect(
        (await create(s, { url: `http://127.0.0.1:9/${i}`, events: ['order.paid'] })).status,
      ).toBe(201);
    }
    const first = await t.current.request('/admin/v1/webhooks?first=2', { token: s.sk });
    expect(first.body.items.map((e: { url: string }) => e.url)).toEqual([
      'http://127.0.0.1:9/2',
      'http://127.0.0.1:9/1',
    ]);
    const next = await t.current.request(
      `/admin/v1/webhooks?first=2&after=${first.body.nextCursor}`,
      { token: s.sk },
    );
    expect(next.body.items.map((e: { url: string }) => e.url)).toEqual(['http://127.0.0.1:9/0']);
    expect(next.body.nextCursor).toBeNull();
  });

  it("keeps each store's endpoints to itself", async () => {
    const a = await createTestStore(t.current.db);
    const b = await createTestStore(t.current.db);
    const mine = await create(a, { url: 'http://127.0.0.1:9/a', events: ['order.paid'] });
    const list = await t.current.request('/admin/v1/webhooks', { token: b.sk });
    expect(list.body.items).toEqual([]);
    const del = await t.current.request(`/admin/v1/webhooks/${mine.body.id}`, {
      token: b.sk,
      method: 'DELETE',
    });
    expect(del.status).toBe(404);
    const deliveries = await t.current.request(`/admin/v1/webhooks/${mine.body.id}/deliveries`, {
      token: b.sk,
    });
    expect(deliveries.status).toBe(404);
    expect(deliveries.body.error.code).toBe('webhook_not_found');
    const still = await t.current.request('/admin/v1/webhooks', { token: a.sk });
    expect(still.body.items).toHaveLength(1);
  });

  it('needs the secret key', async () => {
    const s = await createTestStore(t.current.db);
    const res = await t.current.request('/admin/v1/webhooks', {
      token: s.pk,
      body: { url: 'http://127.0.0.1:9/', events: ['order.paid'] },
    });
    expect(res.status).toBe(401);
    expect((await t.current.request('/admin/v1/webhooks')).status).toBe(401);
  });

  it.each([
    ['an unknown event', { url: 'http://127.0.0.1:9/', events: ['order.shipped'] }, 'events.0'],
    ['no events', { url: 'http://127.0.0.1:9/', events: [] }, 'events'],
    ['events not a list', { url: 'http://127.0.0.1:9/', events: 'order.paid' }, 'events'],
    ['no url', { events: ['order.paid'] }, 'url'],
    ['a url that is a number', { url: 42, events: ['order.paid'] }, 'url'],
    ['not a URL', { url: 'not a url', events: ['order.paid'] }, 'url'],
    ['an ftp URL', { url: 'ftp://example.com/x', events: ['order.paid'] }, 'url'],
    ['a javascript: URL', { url: 'javascript:alert(1)', events: ['order.paid'] }, 'url'],
    ['a password in the URL', { url: 'https://u:p@example.com/', events: ['order.paid'] }, 'url'],
    [
      'a URL too long',
      { url: `https://example.com/${'a'.repeat(2000)}`, events: ['order.paid'] },
      'url',
    ],
    ['an unknown field', { url: 'http://127.0.0.1:9/', events: ['order.paid'], secret: 'x' }, ''],
  ])('refuses %s with validation_failed', async (_, body, path) => {
    const s = await createTestStore(t.current.db);
    const res = await create(s, body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
  });

  it.each([
    ['a JSON string', '"hello"'],
    ['a list', '[1,2]'],
    ['broken JSON', '{"url":'],
    ['null', 'null'],
  ])('refuses %s as a body with a 400', async (_, raw) => {
    const s = await createTestStore(t.current.db);
    const res = await create(s, raw);
    expect(res.status).toBe(400);
    expect(['validation_failed', 'invalid_json']).toContain(res.body.error.code);
  });

  it('refuses a malformed id with a 400, not a 500', async () => {
    const s = await createTestStore(t.current.db);
    const res = await t.current.request('/admin/v1/webhooks/nope', {
      token: s.sk,
      method: 'DELETE',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
  });

  it.each([
    'http://example.com/hooks',
    'https://127.0.0.1/hooks',
    'https://127.1.2.3:8443/hooks',
    'https://2130706433/hooks',
    'https://10.0.0.5/hooks',
    'https://172.16.0.1/hooks',
    'https://192.168.1.1/hooks',
    'https://169.254.169.254/latest/meta-data',
    'https://100.64.0.1/hooks',
    'https://0.0.0.0/hooks',
    'https://[::1]/hooks',
    'https://[::ffff:127.0.0.1]/hooks',
    'https://[fd00::1]/hooks',
    'https://[fe80::1]/hooks',
    'https://localhost/hooks',
    'https://api.localhost/hooks',
  ])('a live store may not send to %s', async (url) => {
    const s = await createTestStore(t.current.db, { mode: 'live' });
    const res = await create(s, { url, events: ['order.paid'] });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.details[0].path).toBe('url');
  });

  it('a live store may send to a public https URL; a test store also to loopback over http', async () => {
    const live = await createTestStore(t.current.db, { mode: 'live' });
    expect(
      (await create(live, { url: 'https://hooks.example.com/k', events: ['order.paid'] })).status,
    ).toBe(201);
    expect(
      (await create(live, { url: 'https://93.184.215.14/k', events: ['order.paid'] })).status,
    ).toBe(201);
    const test = await createTestStore(t.current.db);
    expect(
      (await create(test, { url: 'http://127.0.0.1:8080/k', events: ['order.paid'] })).status,
    ).toBe(201);
    expect(
      (await create(test, { url: 'http://localhost:8080/k', events: ['order.paid'] })).status,
    ).toBe(201);
  });

  it('keeps a store to 16 endpoints', async () => {
    const s = await createTestStore(t.current.db);
    const all = await Promise.all(
      Array.from({ length: 18 }, (_, i) =>
        create(s, { url: `http://127.0.0.1:9/${i}`, events: ['order.paid'] }),
      ),
    );
    expect(all.filter((r) => r.status === 201)).toHaveLength(16);
    const refused = all.filter((r) => r.status !== 201);
    expect(refused.map((r) => r.status)).toEqual([422, 422]);
    expect(refused[0]!.body.error.code).toBe('webhook_limit_reached');
  });
});
