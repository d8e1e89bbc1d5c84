import { describe, expect, it } from 'vitest';
import { createTestStore, type TestApp, useTestApp } from './harness.js';

const t = useTestApp();

const GOOGLE = {
  name: 'Google',
  issuer: 'https://accounts.google.com',
  clientId: 'client-123.apps.googleusercontent.com',
  clientSecret: 'GOCSPX-very-secret',
};

function put(app: TestApp, sk: string, id: string, body: unknown) {
  return app.request(`/admin/v1/identity-providers/${id}`, { method: 'PUT', token: sk, body });
}

describe('admin identity providers', () => {
  it('creates, replaces, lists, reads and deletes a provider; the secret is write-only', async () => {
    const s = await createTestStore(t.current.db);
    const created = await put(t.current, s.sk, 'google', GOOGLE);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      id: 'google',
      name: 'Google',
      issuer: GOOGLE.issuer,
      clientId: GOOGLE.clientId,
      scopes: ['openid', 'email', 'profile'],
      enabled: true,
      // What the store registers at the provider: this provider's own callback.
      redirectUri: 'http://localhost/oauth/providers/google/callback',
    });
    const replaced = await put(t.current, s.sk, 'google', {
      ...GOOGLE,
      name: 'Google account',
      scopes: ['email'],
    });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({ name: 'Google account', scopes: ['openid', 'email'] });

    const list = await t.current.request('/admin/v1/identity-providers', { token: s.sk });
    expect(list.status).toBe(200);
    expect(list.body.data.map((p: { id: string }) => p.id)).toEqual(['google']);
    const one = await t.current.request('/admin/v1/identity-providers/google', { token: s.sk });
    expect(one.body.name).toBe('Google account');

    const answers = JSON.stringify([created.body, replaced.body, list.body, one.body]);
    expect(answers).not.toContain('GOCSPX');
    expect(answers).not.toMatch(/clientSecret/);
    expect(t.current.logs.join('\n')).not.toContain('GOCSPX');

    const gone = await t.current.request('/admin/v1/identity-providers/google', {
      method: 'DELETE',
      token: s.sk,
    });
    expect(gone.status).toBe(204);
    const missing = await t.current.request('/admin/v1/identity-providers/google', {
      token: s.sk,
    });
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('identity_provider_not_found');
  });

  it('switches a provider off and on again, keeping its configuration', async () => {
    const s = await createTestStore(t.current.db);
    expect((await put(t.current, s.sk, 'google', GOOGLE)).status).toBe(201);
    const off = await put(t.current, s.sk, 'google', { ...GOOGLE, enabled: false });
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({ id: 'google', name: 'Google', enabled: false });
    const list = await t.current.request('/admin/v1/identity-providers', { token: s.sk });
    expect(list.body.data).toMatchObject([{ id: 'google', enabled: false }]);
    const one = await t.current.request('/admin/v1/identity-providers/google', { token: s.sk });
    expect(one.body).toMatchObject({ clientId: GOOGLE.clientId, enabled: false });
    // The body replaces the provider: without `enabled` it is on again.
    const on = await put(t.current, s.sk, 'google', GOOGLE);
    expect(on.body.enabled).toBe(true);
    const junk = await put(t.current, s.sk, 'google', { ...GOOGLE, enabled: 'no' });
    expect(junk.status).toBe(400);
  });

  it("keeps each store's providers apart", async () => {
    const a = await createTestStore(t.current.db, { handle: 'a' });
    const b = await createTestStore(t.current.db, { handle: 'b' });
    expect((await put(t.current, a.sk, 'google', GOOGLE)).status).toBe(201);
    const fromB = await t.current.request('/admin/v1/identity-providers/google', { token: b.sk });
    expect(fromB.status).toBe(404);
    const del = await t.current.request('/admin/v1/identity-providers/google', {
      method: 'DELETE',
      token: b.sk,
    });
    expect(del.status).toBe(404);
    expect((await t.current.request('/admin/v1/identity-providers', { token: b.sk })).body).toEqual(
      { data: [] },
    );
  });

  it('validates the slug and the body', async () => {
    const s = await createTestStore(t.current.db);
    const bad: [string, unknown][] = [
      ['Google', GOOGLE],
      ['-google', GOOGLE],
      ['google', { ...GOOGLE, issuer: 'http://accounts.example.com' }],
      ['google', { ...GOOGLE, issuer: 'https://idp.example?x=1' }],
      ['google', { ...GOOGLE, issuer: 'not a url' }],
      ['google', { ...GOOGLE, name: '' }],
      ['google', { ...GOOGLE, clientSecret: '' }],
      ['google', { ...GOOGLE, clientId: undefined }],
      ['google', { ...GOOGLE, scopes: ['has space'] }],
    ];
    for (const [id, body] of bad) {
      const res = await put(t.current, s.sk, id, body);
      expect(res.status, `${id} ${JSON.stringify(body)}`).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
    }
    const loopback = await put(t.current, s.sk, 'dev', {
      ...GOOGLE,
      issuer: 'http://127.0.0.1:4000',
    });
    expect(loopback.status).toBe(201);
  });

  it('needs the secret key', async () => {
    const s = await createTestStore(t.current.db);
    const res = await t.current.request('/admin/v1/identity-providers', { key: s.pk });
    expect(res.status).toBe(401);
    expect((await put(t.current, s.pk, 'google', GOOGLE)).status).toBe(401);
  });
});
