// Admission on embedded PGlite (middleware/admission.ts): a few requests run at once, a few wait
// in order, the rest are told 503 at once, before anything has run.
import { request } from 'node:http';
import { Hono } from 'hono';
import { describe, expect, inject, it } from 'vitest';
import { isPostgresUrl } from '../src/db/index.js';
import { createLogger } from '../src/log.js';
import { admission } from '../src/middleware/admission.js';
import { startServer } from '../src/server.js';

/** A Hono app behind admission whose requests each run until the test lets them finish. */
function heldApp(limits: Parameters<typeof admission>[0]) {
  const release = new Map<string, () => void>();
  const started: string[] = [];
  let running = 0;
  let most = 0;
  const app = new Hono();
  app.onError((err, c) => c.json({ code: (err as { code?: string }).code }, 503));
  app.use('*', admission(limits));
  app.get('/:name', async (c) => {
    const name = c.req.param('name');
    started.push(name);
    most = Math.max(most, ++running);
    await new Promise<void>((resolve) => release.set(name, resolve));
    running--;
    return c.text(name);
  });
  const send = (name: string) => app.request(`/${name}`);
  const until = async (check: () => boolean) => {
    for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
    expect(check()).toBe(true);
  };
  return { send, started, release, until, most: () => most };
}

describe('admission', () => {
  it('runs `running` at once, the next in order, and refuses at once beyond the line', async () => {
    const app = heldApp({ running: 1, queued: 2, waitMs: 10_000 });
    const a = app.send('a');
    await app.until(() => app.started.length === 1);
    const b = app.send('b');
    const c = app.send('c');
    // a runs, b and c wait: the line is full.
    const d = await app.send('d');
    expect(d.status).toBe(503);
    expect(app.started).toEqual(['a']);

    app.release.get('a')!();
    expect(await (await a).text()).toBe('a');
    await app.until(() => app.started.length === 2);
    app.release.get('b')!();
    await app.until(() => app.started.length === 3);
    app.release.get('c')!();
    expect(await (await b).text()).toBe('b');
    expect(await (await c).text()).toBe('c');
    expect(app.started).toEqual(['a', 'b', 'c']);
    expect(app.most()).toBe(1);
  });

  it('tells one that waited too long to retry, and never runs it', async () => {
    const app = heldApp({ running: 1, queued: 5, waitMs: 50 });
    const a = app.send('a');
    await app.until(() => app.started.length === 1);
    const late = await app.send('late');
    expect(late.status).toBe(503);
    app.release.get('a')!();
    await a;
    expect(app.started).toEqual(['a']);
  });
});

/** A GET on a connection of its own: status, headers and body. */
function get(url: string) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>(
    (resolve, reject) => {
      const req = request(url, { agent: false });
      req.on('response', (res) => {
        let body = '';
        res.on('data', (chunk) => {
          body += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
      });
      req.on('error', reject);
      req.end();
    },
  );
}

// The server turns admission on for PGlite only: PostgreSQL's pool and gate bound the waiting.
// With no room in line, every request is told to retry, deterministically.
describe('the server', () => {
  it('on PGlite, answers beyond its line with 503 and Retry-After; never the health check', async () => {
    const onPglite = !isPostgresUrl(inject('databaseUrl'));
    const server = await startServer({
      db: onPglite ? 'memory://' : inject('databaseUrl'),
      port: 0,
      log: createLogger('silent'),
      admission: { running: 1, queued: 0, waitMs: 1000 },
    });
    try {
      const answer = await get(`${server.url}/v1/products`);
      if (onPglite) {
        expect(answer.status).toBe(503);
        expect(answer.headers['retry-after']).toBe('1');
        expect(JSON.parse(answer.body).error.code).toBe('service_unavailable');
      } else {
        expect(answer.status, 'no admission line on PostgreSQL').toBe(401); // no store key
      }
      expect((await get(`${server.url}/healthz`)).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});
