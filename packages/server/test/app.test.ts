import { describe, expect, it } from 'vitest';
import { createTestStore, useTestApp } from './harness.js';

const t = useTestApp();

describe('the app', () => {
  it('answers /healthz once the database is ready', async () => {
    const res = await t.current.request('/healthz');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('serves an OpenAPI 3.1 document', async () => {
    const res = await t.current.request('/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    expect(res.body.paths['/healthz']).toBeDefined();
    expect(res.body.components.securitySchemes.storeKey).toMatchObject({ name: 'X-Kiosk-Key' });
  });

  it('answers unknown routes with a JSON 404', async () => {
    const res = await t.current.request('/nope');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
  });

  it('refuses storefront requests without a valid key', async () => {
    const none = await t.current.request('/v1/anything');
    expect(none.status).toBe(401);
    expect(none.body.error.code).toBe('invalid_key');
    const wrong = await t.current.request('/v1/anything', { key: 'pk_nope' });
    expect(wrong.body.error.code).toBe('invalid_key');
  });

  it('refuses admin requests without the secret key, even with the publishable one', async () => {
    const { pk } = await createTestStore(t.current.db);
    const res = await t.current.request('/admin/v1/anything', { token: pk });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('invalid_key');
  });

  it('answers CORS preflights only for origins some store allows', async () => {
    await createTestStore(t.current.db, { allowedOrigins: ['https://shop.example'] });
    const preflight = (origin: string) =>
      t.current.request('/v1/products', {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'GET' },
      });
    const ok = await preflight('https://shop.example');
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    const evil = await preflight('https://evil.example');
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
  });

  it("refuses a request from an origin another store allows but this one doesn't", async () => {
    await createTestStore(t.current.db, { allowedOrigins: ['https://a.example'] });
    const b = await createTestStore(t.current.db, { allowedOrigins: ['https://b.example'] });
    const res = await t.current.request('/v1/anything', {
      key: b.pk,
      headers: { origin: 'https://a.example' },
    });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('origin_not_allowed');
  });

  it('logs one JSON line per request without query strings or keys', async () => {
    const { pk } = await createTestStore(t.current.db);
    await t.current.request('/v1/anything?secret=abc', { key: pk });
    const line = t.current.logs.map((l) => JSON.parse(l)).find((l) => l.msg === 'request');
    expect(line).toMatchObject({ method: 'GET', path: '/v1/anything', status: 404 });
    expect(t.current.logs.join('\n')).not.toContain(pk);
    expect(t.current.logs.join('\n')).not.toContain('secret=abc');
  });
});

describe('the OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const { Validator } = await import('@seriousme/openapi-schema-validator');
    const doc = (await t.current.request('/openapi.json')).body;
    const result = await new Validator().validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('names every operation with a unique camelCase operationId, for generated clients', async () => {
    const doc = (await t.current.request('/openapi.json')).body;
    const methods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
    const operations = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(
      ([path, item]) =>
        methods
          .filter((m) => item[m])
          .map((m) => ({
            at: `${m} ${path}`,
            id: (item[m] as { operationId?: string }).operationId,
          })),
    );
    expect(operations.length).toBeGreaterThan(40);
    expect(operations.filter((o) => !/^[a-z][a-zA-Z]+$/.test(o.id ?? ''))).toEqual([]);
    const ids = operations.map((o) => o.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });
});
