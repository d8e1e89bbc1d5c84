// Recommendation reads at scale (issue 17: "within 2× of a product read at 10,000 products and
// 100,000 orders"): the demo store grown to --products products (catalog-generator.sql) with
// the recommendation counts of --orders paid orders (order-history-generator.sql), then
// autocannon on one server, alternating a product read with each recommendation read, so
// whatever else loads the machine weighs on both alike. Printed: requests/s of each, their
// ratio, the recommendation's latencies and its SQL statements per request.
// Usage: node bench/server/recommendations.mjs [--duration 6] [--connections 16]
//        [--products 10000] [--orders 100000] [--record]
//   BENCH_DATABASE_URL=postgres://… adds the run on PostgreSQL (a fresh database, dropped after).
// Needs the server built (pnpm build). About a minute per database.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import {
  countingHeaders,
  recordSection,
  startKiosk,
  stop,
  storefrontHeaders,
  withFreshDatabase,
} from './processes.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const { openDatabase, seedDemo } = await import(join(here, '../../packages/server/dist/index.js'));
const { analyzeCatalogJob } = await import(
  join(here, '../../packages/server/dist/jobs/analyze-catalog.js')
);

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '6' },
    connections: { type: 'string', default: '16' },
    products: { type: 'string', default: '10000' },
    orders: { type: 'string', default: '100000' },
    record: { type: 'boolean', default: false },
  },
});
const duration = Number(values.duration);
const connections = Number(values.connections);
const productCount = Number(values.products);
const orderCount = Number(values.orders);
const catalog = readFileSync(join(here, 'catalog-generator.sql'), 'utf8');
const history = readFileSync(join(here, 'order-history-generator.sql'), 'utf8');

/** Grows the demo store and writes its order history (in the bench process, server stopped). */
async function prepare(target) {
  const database = await openDatabase(target);
  try {
    const started = performance.now();
    await seedDemo(database.db);
    for (let step = 1000; step < productCount + 1000; step += 1000) {
      const count = String(Math.min(step, productCount));
      await database.db.execute(
        catalog.replace(":'store_handle'", "'aurora'").replace(':product_count', count),
      );
    }
    // In batches of 10,000 orders: each statement within the server's statement timeout.
    for (let done = 0; done < orderCount; done += 10_000) {
      const count = String(Math.min(10_000, orderCount - done));
      await database.db.execute(
        history.replace(":'store_handle'", "'aurora'").replace(':order_count', count),
      );
    }
    await analyzeCatalogJob.run({ db: database.db });
    await database.db.execute('analyze product_pairs, product_sales');
    const seconds = ((performance.now() - started) / 1000).toFixed(0);
    console.log(`  (${productCount} products and ${orderCount} orders in ${seconds} s)`);
  } finally {
    await database.close();
  }
}

const ROUNDS = 3;
const load = (url) =>
  autocannon({ url, headers: storefrontHeaders, connections, duration: duration / ROUNDS });
const summary = (results) => {
  const seconds = results.reduce((sum, r) => sum + r.duration, 0);
  return {
    rps: Math.round(results.reduce((sum, r) => sum + r.requests.total, 0) / seconds),
    p50: results.map((r) => r.latency.p50).sort((a, b) => a - b)[1],
    p99: Math.max(...results.map((r) => r.latency.p99)),
    failed: results.reduce((sum, r) => sum + r.non2xx + r.errors, 0),
  };
};

async function benchDatabase(label, target) {
  await prepare(target);
  const server = await startKiosk(target);
  const rows = [];
  try {
    // The best seller: the product with the most pairs, as a product page of it would ask.
    const top = await fetch(`${server.base}/v1/recommendations?kind=for-you&first=1`, {
      headers: storefrontHeaders,
    }).then((r) => r.json());
    const handle = top.items[0].handle;
    const product = `${server.base}/v1/products/${handle}`;
    const together = `/v1/recommendations?kind=bought-together&product=${handle}`;
    const eight = await fetch(server.base + together, { headers: storefrontHeaders }).then((r) =>
      r.json(),
    );
    const reads = [
      ['bought-together', together],
      ['similar', `/v1/recommendations?kind=similar&product=${handle}`],
      ['for-you (guest: popular)', '/v1/recommendations?kind=for-you'],
      // For scale: the batch read of the same 8 products (what a row of cards reads anyway).
      [
        'reference: batch read of those 8',
        `/v1/products/batch?ids=${eight.items.map((p) => p.handle).join(',')}`,
      ],
    ];
    for (const url of [product, ...reads.map(([, path]) => server.base + path)]) {
      await autocannon({ url, headers: storefrontHeaders, connections, duration: 1 });
    }
    for (const [name, path] of reads) {
      const first = await fetch(server.base + path, {
        headers: { ...storefrontHeaders, ...countingHeaders },
      });
      const answer = await first.json();
      const items = answer.items;
      const basis = answer.basis ?? '—';
      const product_ = [];
      const recs = [];
      for (let round = 0; round < ROUNDS; round++) {
        product_.push(await load(product));
        recs.push(await load(server.base + path));
      }
      const row = {
        database: label,
        read: name,
        basis,
        found: items.length,
        statements: first.headers.get('x-kiosk-statements') ?? '',
        product: summary(product_),
        recs: summary(recs),
      };
      row.ratio = (row.product.rps / row.recs.rps).toFixed(2);
      rows.push(row);
      console.log(
        `${label.padEnd(10)} ${name.padEnd(26)} product ${row.product.rps} req/s, ` +
          `recommendations ${row.recs.rps} req/s: ${row.ratio}× slower  p50 ${row.recs.p50} ms` +
          `  p99 ${row.recs.p99} ms  ${row.found} found (${basis})  ${row.statements} statements`,
      );
    }
  } finally {
    await stop(server.child);
  }
  return rows;
}

const rows = [];
const dir = mkdtempSync(join(tmpdir(), 'kiosk-bench-recs-'));
try {
  rows.push(...(await benchDatabase('PGlite', dir)));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
if (process.env.BENCH_DATABASE_URL) {
  rows.push(
    ...(await withFreshDatabase(process.env.BENCH_DATABASE_URL, 'kiosk_bench_recs', (url) =>
      benchDatabase('PostgreSQL', url),
    )),
  );
}

if (values.record) {
  recordSection(
    'recommendations',
    [
      '<!-- recommendations:start -->',
      `Recorded ${new Date().toISOString().slice(0, 10)} on this 2-core machine, Node ${process.version}, ` +
        `${productCount} products, ${orderCount} paid orders, ${connections} connections, ` +
        `${duration} s per read in ${ROUNDS} rounds alternating with a product read of the best ` +
        'seller on the same server. "× slower" is the product read\'s requests/s over the ' +
        "recommendation read's (goal: at most 2); 8 products per answer.",
      '',
      '| database | read | basis | found | product req/s | recommendations req/s | × slower | p50 ms | p99 ms | failed | statements per request |',
      '|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|',
      ...rows.map(
        (r) =>
          `| ${r.database} | ${r.read} | ${r.basis} | ${r.found} | ${r.product.rps} | ${r.recs.rps} | ${r.ratio} | ${r.recs.p50} | ${r.recs.p99} | ${r.product.failed + r.recs.failed} | ${r.statements} |`,
      ),
      '<!-- recommendations:end -->',
    ].join('\n'),
    '## Recommendations at 10,000 products and 100,000 orders (`node bench/server/recommendations.mjs --record`)\n\n' +
      '`GET /v1/recommendations` beside `GET /v1/products/{handle}` on the same server, the demo ' +
      'store grown by bench/server/catalog-generator.sql and given the counts of generated paid ' +
      'orders (bench/server/order-history-generator.sql). The goal (issue 17): within 2× of a ' +
      'product read.',
  );
}
