// A bounded load run: many connections of product reads and cart writes against one Kiosk
// server on PostgreSQL, counting every answer by status class. The server must answer no
// 5xx under load (pool waits are not outages). A bare Hono hello-world under the same load,
// in the same run, is the reference.
// Usage: BENCH_DATABASE_URL=postgres://… node bench/server/load.mjs
//          [--connections 200] [--duration 15] [--record]
// A fresh database is created on that server for the run and dropped after it.
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import {
  api,
  cartLines,
  recordSection,
  startHello,
  startKiosk,
  stop,
  storefrontHeaders,
  withFreshDatabase,
} from './processes.mjs';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '15' },
    connections: { type: 'string', default: '200' },
    record: { type: 'boolean', default: false },
  },
});
const duration = Number(values.duration);
const connections = Number(values.connections);
const serverUrl = process.env.BENCH_DATABASE_URL;
if (!serverUrl) {
  console.error('Set BENCH_DATABASE_URL=postgres://… (the load run is for PostgreSQL).');
  process.exit(2);
}
const headers = storefrontHeaders;
/** Carts the writes spread over, as many shoppers would (one cart per connection would also do). */
const CARTS = 50;

/** Runs autocannon and counts answers by status class (autocannon's own counters are coarse). */
async function load(title, opts) {
  const classes = { '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0 };
  const instance = autocannon({ connections, duration, ...opts });
  instance.on('response', (_client, status) => {
    classes[`${String(status)[0]}xx`] = (classes[`${String(status)[0]}xx`] ?? 0) + 1;
  });
  const result = await instance;
  const row = {
    title,
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result.requests.total,
    ...classes,
    errors: result.errors + result.timeouts,
  };
  console.log(
    `${title.padEnd(48)} ${String(row.rps).padStart(6)} req/s  p50 ${row.p50} ms  p99 ${row.p99} ms  ` +
      `2xx ${row['2xx']} 4xx ${row['4xx']} 5xx ${row['5xx']} errors ${row.errors}`,
  );
  return row;
}

async function kioskRun(db) {
  // One IP plays every shopper here: the per-IP write limits are raised for the run (a real
  // deployment keeps its defaults; the limits themselves are tested in the server suite).
  const { child, base } = await startKiosk(db, {
    KIOSK_RATE_LIMITS: 'carts=1000000/1m,cart-lines=1000000/1m',
  });
  try {
    const handles = (await api(base, '/v1/products?first=20')).items.map((p) => p.handle);
    const product = await api(base, `/v1/products/${handles[0]}`);
    const variant = product.variants.find((v) => v.quantityAvailable >= 2) ?? product.variants[0];
    const lines = await cartLines(base, variant.id, CARTS);
    let n = 0;
    // Each connection loops: read a product, read another, change a cart line's quantity.
    const read = {
      method: 'GET',
      setupRequest: (req) => ({ ...req, path: `/v1/products/${handles[n++ % handles.length]}` }),
    };
    const write = {
      method: 'PATCH',
      setupRequest: (req) => {
        const i = n++;
        return {
          ...req,
          path: lines[i % lines.length],
          headers: { ...headers, 'idempotency-key': `load-${process.pid}-${i}` },
          body: JSON.stringify({ quantity: (i % 2) + 1 }),
        };
      },
    };
    return await load('Kiosk (PostgreSQL): product reads + cart writes', {
      url: base,
      headers,
      requests: [read, read, write],
    });
  } finally {
    await stop(child);
  }
}

const rows = [];
{
  const { child, url } = await startHello();
  try {
    rows.push(await load('bare Hono hello-world', { url }));
  } finally {
    await stop(child);
  }
}
rows.push(await withFreshDatabase(serverUrl, 'kiosk_load', kioskRun));

const kiosk = rows[1];
if (kiosk['5xx'] > 0 || kiosk.errors > 0) {
  console.error(
    `FAIL: ${kiosk['5xx']} × 5xx and ${kiosk.errors} socket errors or timeouts under load`,
  );
  process.exitCode = 1;
}

if (values.record) {
  const table = [
    '<!-- load:start -->',
    `Recorded ${new Date().toISOString().slice(0, 10)} on this 2-core machine, Node ${process.version}, ` +
      `${connections} connections × ${duration} s, autocannon on loopback, one server process, ` +
      'PostgreSQL on the same machine, default pool (10 connections).',
    '',
    '| scenario | requests | requests/s | p50 ms | p99 ms | 2xx | 4xx | 5xx | socket errors |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map(
      (r) =>
        `| ${r.title} | ${r.total} | ${r.rps} | ${r.p50} | ${r.p99} | ${r['2xx']} | ${r['4xx']} | ${r['5xx']} | ${r.errors} |`,
    ),
    '<!-- load:end -->',
  ].join('\n');
  recordSection(
    'load',
    table,
    '## Server under load (`node bench/server/load.mjs --record`)\n\n200 connections for 15 s of product reads and cart line writes on PostgreSQL: the\nserver must answer no 5xx (waiting for a pooled connection is not an outage).',
  );
}
