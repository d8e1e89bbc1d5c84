// Server throughput on loopback: a bare Hono hello-world and the Kiosk server (product reads,
// cart writes) measured in the same run with autocannon, each server in its own process.
// Usage: node bench/server/run.mjs [--duration 8] [--connections 16] [--record | --goals]
//   BENCH_DATABASE_URL=postgres://… also measures Kiosk on PostgreSQL (in a fresh database
//   made for the run), beside the one-query floor (floor.mjs) on the same data.
//   --goals measures only the goal pairs side by side (needs BENCH_DATABASE_URL), for
//   trying a change; it records nothing.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import {
  api,
  cartLines,
  countingHeaders,
  startFloor,
  startHello,
  startKiosk,
  stop,
  storefrontHeaders,
  withFreshDatabase,
} from './processes.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '8' },
    connections: { type: 'string', default: '16' },
    record: { type: 'boolean', default: false },
    goals: { type: 'boolean', default: false },
  },
});
const duration = Number(values.duration);
const connections = Number(values.connections);

/**
 * The statements one request of a scenario runs (the server counts them when started with
 * KIOSK_COUNT_STATEMENTS=1: X-Kiosk-Statements), asked before the load: the second of two
 * requests, so what the caches keep (the store of the key) is kept as under load. '' for a
 * server that does not count (the references).
 */
async function statementsOf(opts) {
  let statements = '';
  for (let i = 0; i < 2; i++) {
    const request = opts.requests?.[0]?.setupRequest?.({ headers: opts.headers }) ?? {};
    const res = await fetch(opts.url, {
      method: opts.method ?? 'GET',
      headers: { ...(request.headers ?? opts.headers), ...countingHeaders },
      body: request.body,
    });
    await res.arrayBuffer();
    statements = res.headers.get('x-kiosk-statements') ?? '';
  }
  return statements;
}

async function load(title, opts) {
  const statements = await statementsOf(opts);
  const result = await autocannon({ connections, duration, ...opts });
  const row = {
    title,
    statements,
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
  console.log(
    `${title.padEnd(52)} ${String(row.rps).padStart(7)} req/s  p50 ${row.p50} ms  p99 ${row.p99} ms` +
      (statements ? `  ${statements} statements` : '') +
      (row.non2xx || row.errors ? `  (non-2xx ${row.non2xx}, errors ${row.errors})` : ''),
  );
  return row;
}

async function benchKiosk(label, db) {
  const rows = [];
  // Product answers not kept (KIOSK_PRODUCT_CACHE_MS=0): every read runs its query. The
  // many-carts scenario makes more carts than the default per-address write limits allow.
  const { child, base } = await startKiosk(db, {
    KIOSK_PRODUCT_CACHE_MS: '0',
    KIOSK_RATE_LIMITS: manyCartsRateLimits,
  });
  try {
    const product = await api(base, '/v1/products/aurora-classic-tee');
    const variant = product.variants.find((v) => v.quantityAvailable >= 2);
    const cart = await api(base, '/v1/carts', { method: 'POST', body: '{}' });
    const withLine = await api(base, `/v1/carts/${cart.id}/lines`, {
      method: 'POST',
      body: JSON.stringify({ variantId: variant.id, quantity: 1 }),
    });
    const lineId = withLine.lines[0].id;
    const handles = (await api(base, '/v1/products?first=20')).items.map((p) => p.handle);
    const headers = storefrontHeaders;
    rows.push(
      await load(`${label}: GET one product, uncached`, {
        url: `${base}/v1/products/aurora-classic-tee`,
        headers,
      }),
    );
    rows.push(
      await load(`${label}: GET batch of 20 products`, {
        url: `${base}/v1/products/batch?ids=${handles.join(',')}`,
        headers,
      }),
    );
    let n = 0;
    rows.push(
      await load(`${label}: PATCH cart line quantity`, {
        url: `${base}/v1/carts/${cart.id}/lines/${lineId}`,
        method: 'PATCH',
        headers,
        // Alternates 1 and 2, each with its own idempotency key, as the SDK sends them.
        requests: [
          {
            setupRequest: (req) => ({
              ...req,
              headers: { ...headers, 'idempotency-key': `bench-${process.pid}-${n++}` },
              body: JSON.stringify({ quantity: (n % 2) + 1 }),
            }),
          },
        ],
      }),
    );
    rows.push(await patchManyCarts(label, base, variant));
  } finally {
    await stop(child);
  }
  // As configured by default: product answers kept in the process (2 s, invalidated on change).
  const warm = await startKiosk(db);
  try {
    rows.push(
      await load(`${label}: GET one product, warm`, {
        url: `${warm.base}/v1/products/aurora-classic-tee`,
        headers: storefrontHeaders,
      }),
    );
  } finally {
    await stop(warm.child);
  }
  return rows;
}

/** The one-query floor on the database the Kiosk server seeded (floor.mjs). */
async function benchFloor(db) {
  const { child, base } = await startFloor(db);
  try {
    return await load('floor: bare Hono + pg, one prepared json_agg query', {
      url: `${base}/products/aurora-classic-tee`,
    });
  } finally {
    await stop(child);
  }
}

// --- The goals' ratios in alternating rounds (issue 14) -------------------------------------
// The rows above measure each server once, minutes apart; this shared machine's speed drifts
// more than that in minutes. The goals compare two servers, so these run both side by side
// and alternate rounds (a, b, a, b, a, b): a drift weighs on both alike.
const ROUNDS = 3;

async function alternating(a, b) {
  const runs = [[], []];
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, opts] of [a, b].entries()) {
      runs[i].push(await autocannon({ connections, duration, ...opts }));
    }
  }
  const rate = (results) =>
    results.reduce((sum, r) => sum + r.requests.total, 0) /
    results.reduce((sum, r) => sum + r.duration, 0);
  const worstP99 = (results) => Math.max(...results.map((r) => r.latency.p99));
  return { ratio: rate(runs[0]) / rate(runs[1]), p99: worstP99(runs[0]) };
}

async function goalRatios(db) {
  const product = (kiosk) => ({
    url: `${kiosk.base}/v1/products/aurora-classic-tee`,
    headers: storefrontHeaders,
  });
  const pairs = [
    {
      title: 'GET one product, uncached, of the floor',
      goal: '≥ 80 %, p99 < 20 ms',
      kiosk: () => startKiosk(db, { KIOSK_PRODUCT_CACHE_MS: '0' }),
      reference: async () => {
        const floorServer = await startFloor(db);
        return { ...floorServer, url: `${floorServer.base}/products/aurora-classic-tee` };
      },
    },
    {
      title: 'GET one product, warm, of hello-world',
      goal: '≥ 40 %, p99 < 10 ms',
      kiosk: () => startKiosk(db),
      reference: startHello,
    },
  ];
  const goals = [];
  for (const { title, goal, kiosk, reference } of pairs) {
    const servers = [await kiosk(), await reference()];
    try {
      goals.push({
        title,
        goal,
        ...(await alternating(product(servers[0]), { url: servers[1].url })),
      });
    } finally {
      for (const server of servers) await stop(server.child);
    }
  }
  for (const g of goals) {
    console.log(
      `${g.title.padEnd(52)} ${(100 * g.ratio).toFixed(1).padStart(6)} %  p99 ${g.p99} ms (worst round)`,
    );
  }
  return goals;
}

// --- Cart writes across many carts (issue 14) ---------------------------------------------
// The one-cart scenario above measures writes queued on one cart's row lock; this one spreads
// the same PATCH over CART_COUNT carts, so it measures the write itself with no lock waits.
const CART_COUNT = 200;
const manyCartsRateLimits = `carts=${CART_COUNT * 10}/1m,cart-lines=${CART_COUNT * 10}/1m`;

async function patchManyCarts(label, base, variant) {
  const lines = await cartLines(base, variant.id, CART_COUNT);
  const headers = storefrontHeaders;
  let n = 0;
  return load(`${label}: PATCH cart line quantity, ${CART_COUNT} carts`, {
    url: `${base}${lines[0]}`,
    method: 'PATCH',
    headers,
    // Round robin over the carts; each cart's line alternates 1 and 2, one key per request.
    requests: [
      {
        setupRequest: (req) => {
          const i = n++;
          return {
            ...req,
            path: lines[i % CART_COUNT],
            headers: { ...headers, 'idempotency-key': `bench-many-${process.pid}-${i}` },
            body: JSON.stringify({ quantity: (Math.floor(i / CART_COUNT) % 2) + 1 }),
          };
        },
      },
    ],
  });
}
// --- end of cart writes across many carts -------------------------------------------------

if (values.goals) {
  if (!process.env.BENCH_DATABASE_URL) throw new Error('--goals needs BENCH_DATABASE_URL');
  await withFreshDatabase(process.env.BENCH_DATABASE_URL, 'kiosk_bench', goalRatios);
  process.exit(0);
}

const rows = [];
let hello;
{
  const { child, url } = await startHello();
  hello = await load('bare Hono hello-world', { url });
  rows.push(hello);
  await stop(child);
}
const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-bench-'));
try {
  rows.push(...(await benchKiosk('Kiosk (PGlite)', dataDir)));
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
let floor;
let goals = [];
if (process.env.BENCH_DATABASE_URL) {
  await withFreshDatabase(process.env.BENCH_DATABASE_URL, 'kiosk_bench', async (db) => {
    const kiosk = await benchKiosk('Kiosk (PostgreSQL)', db);
    floor = await benchFloor(db);
    rows.push(floor, ...kiosk);
    console.log('');
    goals = await goalRatios(db);
  });
}

const percent = (row, of) => (of ? `${((100 * row.rps) / of.rps).toFixed(1)} %` : '');
for (const row of rows) {
  row.ofHello = row === hello ? '' : percent(row, hello);
  row.ofFloor = row === floor || !row.title.includes('PostgreSQL') ? '' : percent(row, floor);
}
console.log('');
for (const row of rows) {
  if (row === hello) continue;
  console.log(
    `${row.title.padEnd(52)} ${row.ofHello.padStart(7)} of hello-world` +
      (row.ofFloor ? `  ${row.ofFloor.padStart(7)} of the floor` : ''),
  );
}

if (values.record) {
  const file = join(here, '..', 'RESULTS.md');
  const table = [
    `<!-- server:start -->`,
    `Recorded ${new Date().toISOString().slice(0, 10)} on this 2-core machine, Node ${process.version}, ` +
      `${connections} connections × ${duration} s each, autocannon on loopback, one server process. ` +
      'Uncached: product answers not kept (KIOSK_PRODUCT_CACHE_MS=0); warm: kept, as by default. ' +
      'The floor is floor.mjs on the same PostgreSQL data.',
    '',
    '| scenario | requests/s | % of hello-world | % of floor | p50 ms | p99 ms | non-2xx | statements per request |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map(
      (r) =>
        `| ${r.title} | ${r.rps} | ${r.ofHello} | ${r.ofFloor} | ${r.p50} | ${r.p99} | ${r.non2xx} | ${r.statements} |`,
    ),
    ...(goals.length
      ? [
          '',
          `The goals on PostgreSQL, each pair of servers side by side in ${ROUNDS} alternating rounds of ${duration} s (fair to the machine's drift):`,
          '',
          '| Kiosk (PostgreSQL) | ratio | p99 ms (worst round) | goal |',
          '|---|---:|---:|---|',
          ...goals.map(
            (g) => `| ${g.title} | ${(100 * g.ratio).toFixed(1)} % | ${g.p99} | ${g.goal} |`,
          ),
        ]
      : []),
    `<!-- server:end -->`,
  ].join('\n');
  const current = readFileSync(file, 'utf8');
  writeFileSync(file, current.replace(/<!-- server:start -->[\s\S]*<!-- server:end -->/, table));
  console.log(`recorded in ${file}`);
}
