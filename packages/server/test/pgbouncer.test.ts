// The server behind Debian's pgbouncer (1.18) in transaction pooling mode, as production runs
// it: two instances starting at once (migrations under one lock), many more client connections
// than server connections, concurrent cart writes over both, an idempotent retry, checkout and
// payment, and a restart. Installed by scripts/ensure-tools.sh; the bouncer is started here on
// loopback in front of the run's PostgreSQL, in a database of its own.
import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freePort } from '../../../scripts/free-port.mjs';
import { isPostgresUrl } from '../src/db/index.js';
import { createLogger } from '../src/log.js';
import { type RunningServer, startServer } from '../src/server.js';

const databaseUrl = inject('databaseUrl');
const PGBOUNCER = '/usr/sbin/pgbouncer';

/** Starts pgbouncer in front of `upstream`'s server; resolves once it accepts connections. */
async function startBouncer(upstream: URL) {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-pgbouncer-'));
  chmodSync(dir, 0o755); // read by the unprivileged user pgbouncer switches to
  const port = await freePort();
  writeFileSync(join(dir, 'users.txt'), `"${upstream.username || 'postgres'}" ""\n`);
  writeFileSync(
    join(dir, 'pgbouncer.ini'),
    [
      '[databases]',
      `* = host=${upstream.hostname} port=${upstream.port || 5432}`,
      '[pgbouncer]',
      'listen_addr = 127.0.0.1',
      `listen_port = ${port}`,
      'unix_socket_dir =',
      'auth_type = trust',
      `auth_file = ${join(dir, 'users.txt')}`,
      'pool_mode = transaction',
      // Far fewer server connections than the instances' pools (10 each): they share them.
      'default_pool_size = 3',
      'max_client_conn = 200',
      // pgbouncer 1.18 refuses startup parameters it does not know; these two are set on the
      // role in production (docs/server/running.md), here PostgreSQL's defaults apply.
      'ignore_startup_parameters = extra_float_digits,statement_timeout,idle_in_transaction_session_timeout',
    ].join('\n'),
  );
  // pgbouncer will not run as root: it then switches to the postgres user.
  const asRoot = process.getuid?.() === 0 ? ['-u', 'postgres'] : [];
  const child = spawn(PGBOUNCER, [...asRoot, join(dir, 'pgbouncer.ini')], { stdio: 'ignore' });
  for (let i = 0; i < 100; i++) {
    const probe = new pg.Client({
      host: '127.0.0.1',
      port,
      user: upstream.username,
      database: 'postgres',
    });
    try {
      await probe.connect();
      await probe.end();
      return { port, child, dir };
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  child.kill();
  throw new Error('pgbouncer did not start');
}

const json = { 'content-type': 'application/json', 'x-kiosk-key': 'pk_test_aurora' };

interface Answer {
  id: string;
  variants: { id: string; quantityAvailable: number }[];
  lines: { quantity: number }[];
  orderId: string;
  status: string;
}
const read = async (res: Response | Promise<Response>) => (await (await res).json()) as Answer;

// A pooler sits in front of a PostgreSQL server: there is none in the PGlite run.
describe.runIf(isPostgresUrl(databaseUrl))('behind pgbouncer, transaction pooling', () => {
  const upstream = new URL(databaseUrl);
  const name = `kiosk_pgbouncer_${process.pid}`;
  let bouncer: { port: number; child: ChildProcess; dir: string };
  let through: string;
  const servers: RunningServer[] = [];

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
    await admin.end();
    bouncer = await startBouncer(upstream);
    through = `postgres://${upstream.username || 'postgres'}@127.0.0.1:${bouncer.port}/${name}`;
    // As docs/server/running.md says to run it there: statements unnamed, LISTEN past the pooler.
    const direct = new URL(databaseUrl);
    direct.pathname = `/${name}`;
    process.env.KIOSK_DB_PREPARE = 'off';
    process.env.KIOSK_DB_LISTEN_URL = direct.toString();
  });

  afterAll(async () => {
    delete process.env.KIOSK_DB_PREPARE;
    delete process.env.KIOSK_DB_LISTEN_URL;
    for (const s of servers) await s.close();
    bouncer?.child.kill();
    if (bouncer) rmSync(bouncer.dir, { recursive: true, force: true });
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  });

  const start = (seed: boolean, productCacheMs?: number) =>
    startServer({
      db: through,
      port: 0,
      log: createLogger('silent'),
      ...(seed ? { seed: 'demo' as const } : {}),
      ...(productCacheMs === undefined ? {} : { productCacheMs }),
    }).then((s) => {
      servers.push(s);
      return s;
    });

  it('serves two instances that started at once, writes and reads spread over both', async () => {
    // Both migrate at once through the bouncer: one waits for the other's lock.
    const [a, b] = await Promise.all([start(true), start(false)]);
    const product = await read(fetch(`${b.url}/v1/products/aurora-classic-tee`, { headers: json }));
    const variant = product.variants.find((v) => v.quantityAvailable >= 40)!;
    expect(variant, 'a variant with stock for the adds').toBeTruthy();

    const cart = await read(
      fetch(`${a.url}/v1/carts`, { method: 'POST', headers: json, body: '{}' }),
    );
    // Forty adds at once over 20 client connections sharing 3 server connections.
    const adds = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        fetch(`${(i % 2 ? a : b).url}/v1/carts/${cart.id}/lines`, {
          method: 'POST',
          headers: { ...json, 'idempotency-key': `add-${i}` },
          body: JSON.stringify({ variantId: variant.id, quantity: 1 }),
        }),
      ),
    );
    expect(adds.map((r) => r.status).filter((s) => s >= 300)).toEqual([]);
    // A retry of one of them is its first answer, not a 41st add.
    const retry = await fetch(`${a.url}/v1/carts/${cart.id}/lines`, {
      method: 'POST',
      headers: { ...json, 'idempotency-key': 'add-7' },
      body: JSON.stringify({ variantId: variant.id, quantity: 1 }),
    });
    expect(retry.status).toBeLessThan(300);
    const after = await read(fetch(`${b.url}/v1/carts/${cart.id}`, { headers: json }));
    expect(after.lines).toHaveLength(1);
    expect(after.lines[0]!.quantity).toBe(40);

    const checkout = await fetch(`${b.url}/v1/carts/${cart.id}/checkout`, {
      method: 'POST',
      headers: { ...json, 'idempotency-key': 'checkout-1' },
      body: '{}',
    });
    expect(checkout.status).toBe(201);
    const { orderId } = await read(checkout);
    // A price change on one instance is what the other answers next (LISTEN past the pooler).
    expect(
      (await read(fetch(`${b.url}/v1/products/aurora-classic-tee`, { headers: json }))).id,
    ).toBe(product.id);
    const changed = await fetch(`${a.url}/admin/v1/products/${product.id}/variants/${variant.id}`, {
      method: 'PATCH',
      headers: { authorization: 'Bearer sk_test_aurora', 'content-type': 'application/json' },
      body: JSON.stringify({ prices: { USD: '31.00' } }),
    });
    expect(changed.status).toBe(200);
    const priceOnB = async () => {
      const fresh = await read(
        fetch(`${b.url}/v1/products/aurora-classic-tee?currency=USD`, { headers: json }),
      );
      return (
        fresh as unknown as { variants: { id: string; price: { amount: string } }[] }
      ).variants.find((v) => v.id === variant.id)!.price.amount;
    };
    for (let i = 0; i < 50 && (await priceOnB()) !== '31.00'; i++) {
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(await priceOnB()).toBe('31.00');

    const paid = await fetch(`${a.url}/admin/v1/orders/${orderId}/mark-paid`, {
      method: 'POST',
      headers: { authorization: 'Bearer sk_test_aurora', 'idempotency-key': 'pay-1' },
    });
    expect(paid.status).toBe(200);
    expect((await read(paid)).status).toBe('paid');
  }, 60_000);

  it('starts again through the bouncer (the migration lock was not left behind) and serves uncached reads', async () => {
    // No product cache: every read runs the prepared product statement, on whichever server
    // connection pgbouncer hands out (named, it would not exist on most of them).
    const again = await start(false, 0);
    expect((await fetch(`${again.url}/healthz`)).status).toBe(200);
    const reads = await Promise.all(
      Array.from({ length: 60 }, () =>
        fetch(`${again.url}/v1/products/aurora-classic-tee`, { headers: json }),
      ),
    );
    expect(reads.map((r) => r.status).filter((status) => status !== 200)).toEqual([]);
  }, 30_000);
});
