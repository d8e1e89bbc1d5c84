import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../src/log.js';
import { type RunningServer, startServer } from '../src/server.js';

// The real HTTP server, as `kiosk-server --seed demo --allow-origin …` starts it. It has its
// own in-memory PGlite (the shared test database is reset between tests).
describe('startServer', () => {
  let server: RunningServer;
  const logs: string[] = [];

  beforeAll(async () => {
    server = await startServer({
      db: 'memory://',
      port: 0,
      seed: 'demo',
      allowOrigins: ['https://brand.example'],
      log: createLogger('info', (l) => logs.push(l)),
    });
  });
  afterAll(() => server?.close());

  it('listens on a free port and is healthy', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toBeTruthy();
  });

  it('serves the demo store with its fixed test key', async () => {
    const res = await fetch(`${server.url}/v1/store`, {
      headers: { 'x-kiosk-key': 'pk_test_aurora' },
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { handle: string }).handle).toBe('aurora');
  });

  it('adds --allow-origin to every seeded store', async () => {
    for (const key of ['pk_test_aurora', 'pk_test_borealis']) {
      const res = await fetch(`${server.url}/v1/store`, {
        headers: { 'x-kiosk-key': key, origin: 'https://brand.example' },
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('access-control-allow-origin')).toBe('https://brand.example');
    }
  });

  it('refuses oversized bodies with 413 before reading them', async () => {
    const res = await fetch(`${server.url}/v1/carts`, {
      method: 'POST',
      headers: { 'x-kiosk-key': 'pk_test_aurora', 'content-type': 'application/json' },
      body: JSON.stringify({ junk: 'x'.repeat(100_000) }),
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe(
      'payload_too_large',
    );
  });

  it('answers junk JSON with 400 invalid_json', async () => {
    const res = await fetch(`${server.url}/v1/carts`, {
      method: 'POST',
      headers: { 'x-kiosk-key': 'pk_test_aurora', 'content-type': 'application/json' },
      body: '{"currency":',
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('invalid_json');
  });

  it('logs structured lines that carry no key', () => {
    expect(logs.length).toBeGreaterThan(0);
    for (const line of logs) expect(() => JSON.parse(line)).not.toThrow();
    expect(logs.join('\n')).not.toContain('pk_test_aurora');
  });
});
