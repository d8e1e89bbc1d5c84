// Recommendation reads at scale (issue 17: "within 2× of a product read at 10,000 products and
// 100,000 orders"): the demo store grown to --products products (catalog-generator.sql) with
// the recommendation counts of --orders paid orders (order-history-generator.sql), then
// autocannon on one server, alternating a product read with each recommendation read, so
// whatever else loads the machine weighs on both alike. Printed: requests/s of each, their
// ratio, the recommendation's latencies and its SQL statements per request: kept (the
// listener answers), rebuilt (its list kept, the products read again: every 2 s) and computed
// (its list too: the first read, then once a minute). Then what an answer computed afresh
// costs: one read after another of --cold different best sellers' bought-together and similar.
// A signed-in shopper's own for-you (a demo customer with a paid order) is kept for them alone.
// Usage: node bench/server/recommendations.mjs [--duration 6] [--connections 16]
//        [--products 10000] [--orders 100000] [--cold 30] [--record]
//   BENCH_DATABASE_URL=postgres://… adds the run on PostgreSQL (a fresh database, dropped after).
// Needs the server built (pnpm build). About two minutes per database.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import {
  api,
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
const { signAccessToken } = await import(
  join(here, '../../packages/server/dist/services/access-tokens.js')
);
const { findStoreByHandle } = await import(
  join(here, '../../packages/server/dist/services/stores.js')
);

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '6' },
    connections: { type: 'string', default: '16' },
    products: { type: 'string', default: '10000' },
    orders: { type: 'string', default: '100000' },
    cold: { type: 'string', default: '30' },
    record: { type: 'boolean', default: false },
  },
});
const duration = Number(values.duration);
const connections = Number(values.connections);
const productCount = Number(values.products);
const orderCount = Number(values.orders);
const coldCount = Number(values.cold);
const catalog = readFileSync(join(here, 'catalog-generator.sql'), 'utf8');
const history = readFileSync(join(here, 'order-history-generator.sql'), 'utf8');

/**
 * Grows the demo store and writes its order history (in the bench process, server stopped).
 * Returns the best sellers' handles, best first, and an access token of a demo customer.
 */
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
    const store = await findStoreByHandle(database.db, 'aurora');
    const sellers = await database.db.execute(
      `select p.handle from product_sales s join products p on p.id = s.product_id
        where s.store_id = '${store.id}' and s.currency = '${store.currencies[0]}'
        order by s.orders desc, s.product_id limit ${coldCount + 1}`,
    );
    const customer = await database.db.execute(
      `select id from customers where store_id = '${store.id}' order by email limit 1`,
    );
    // Valid 15 minutes: the run on one database is over well before.
    const { token } = await signAccessToken(store, customer.rows[0].id, 'bench', new Date());
    return { handles: sellers.rows.map((r) => r.handle), token };
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

/** A paid order of the signed-in shopper: their own for-you then has something to go on. */
async function shopperOrder(base, token, handles) {
  const signedIn = { authorization: `Bearer ${token}` };
  const cart = await api(base, '/v1/carts', { method: 'POST', body: '{}', headers: signedIn });
  for (const handle of handles) {
    const product = await api(base, `/v1/products/${handle}`);
    await api(base, `/v1/carts/${cart.id}/lines`, {
      method: 'POST',
      body: JSON.stringify({ variantId: product.variants[0].id, quantity: 1 }),
      headers: signedIn,
    });
  }
  const checkout = await api(base, `/v1/carts/${cart.id}/checkout`, {
    method: 'POST',
    body: '{}',
    headers: signedIn,
  });
  await api(base, `/admin/v1/orders/${checkout.orderId}/mark-paid`, {
    method: 'POST',
    headers: { authorization: 'Bearer sk_test_aurora' },
  });
  return signedIn;
}

/** One counted read: its answer and the statements the server says it ran. */
async function counted(base, path, headers = {}) {
  const res = await fetch(base + path, {
    headers: { ...storefrontHeaders, ...countingHeaders, ...headers },
  });
  if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
  return { answer: await res.json(), statements: res.headers.get('x-kiosk-statements') ?? '' };
}

async function benchDatabase(label, target) {
  const { handles, token } = await prepare(target);
  const server = await startKiosk(target);
  const rows = [];
  const cold = [];
  try {
    // The best seller: the product with the most pairs, as a product page of it would ask.
    const [handle, ...others] = handles;
    const signedIn = await shopperOrder(server.base, token, others.slice(0, 3));
    const product = `${server.base}/v1/products/${handle}`;
    await autocannon({ url: product, headers: storefrontHeaders, connections, duration: 1 });
    const together = `/v1/recommendations?kind=bought-together&product=${handle}`;
    const reads = [
      ['bought-together', together],
      ['similar', `/v1/recommendations?kind=similar&product=${handle}`],
      ['for-you (guest: popular)', '/v1/recommendations?kind=for-you'],
      ['for-you (signed in: own orders)', '/v1/recommendations?kind=for-you', signedIn],
    ];
    for (const [name, path, headers = {}] of reads) {
      // First its list and answer computed, then (another `first`, the same list) the answer
      // rebuilt, then kept, after a warm-up.
      const computed = await counted(server.base, path, headers);
      const rebuilt = await counted(server.base, `${path}&first=7`, headers);
      const url = server.base + path;
      const loadRead = (seconds) =>
        autocannon({
          url,
          headers: { ...storefrontHeaders, ...headers },
          connections,
          duration: seconds,
        });
      await loadRead(1);
      const kept = await counted(server.base, path, headers);
      const items = computed.answer.items;
      const product_ = [];
      const recs = [];
      for (let round = 0; round < ROUNDS; round++) {
        product_.push(await load(product));
        recs.push(await loadRead(duration / ROUNDS));
      }
      const row = {
        database: label,
        read: name,
        basis: computed.answer.basis ?? '—',
        found: items.length,
        statements: [kept, rebuilt, computed].map((r) => r.statements).join(' / '),
        product: summary(product_),
        recs: summary(recs),
      };
      row.ratio = (row.product.rps / row.recs.rps).toFixed(2);
      rows.push(row);
      console.log(
        `${label.padEnd(10)} ${name.padEnd(32)} product ${row.product.rps} req/s, ` +
          `recommendations ${row.recs.rps} req/s: ${row.ratio}× slower  p50 ${row.recs.p50} ms` +
          `  p99 ${row.recs.p99} ms  ${row.found} found (${row.basis})` +
          `  statements kept / rebuilt / computed ${row.statements}`,
      );
    }
    // For scale: the batch read of the bought-together products (what a row of cards reads
    // anyway), which is what rebuilding an answer costs at least.
    const eight = await counted(server.base, together);
    const batch = `/v1/products/batch?ids=${eight.answer.items.map((p) => p.handle).join(',')}`;
    const batchRounds = [];
    for (let round = 0; round < ROUNDS; round++) batchRounds.push(await load(server.base + batch));
    const reference = summary(batchRounds);
    console.log(
      `${label.padEnd(10)} reference: batch read of those 8: ${reference.rps} req/s` +
        `  p50 ${reference.p50} ms  p99 ${reference.p99} ms`,
    );
    rows.push({ database: label, read: 'reference: batch read of those 8', reference });
    // Answers computed afresh: each its own product, one after another on an idle server.
    for (const kind of ['bought-together', 'similar']) {
      const ms = [];
      const statements = [];
      for (const other of others.slice(0, coldCount)) {
        const started = performance.now();
        const read = await counted(
          server.base,
          `/v1/recommendations?kind=${kind}&product=${other}`,
        );
        ms.push(performance.now() - started);
        statements.push(Number(read.statements));
      }
      ms.sort((a, b) => a - b);
      const entry = {
        database: label,
        kind,
        reads: ms.length,
        p50: ms[Math.floor(ms.length / 2)].toFixed(1),
        max: ms.at(-1).toFixed(1),
        statements: `${Math.min(...statements)}–${Math.max(...statements)}`,
      };
      cold.push(entry);
      console.log(
        `${label.padEnd(10)} computed afresh: ${kind.padEnd(16)} p50 ${entry.p50} ms` +
          `  max ${entry.max} ms  ${entry.statements} statements (${entry.reads} products)`,
      );
    }
  } finally {
    await stop(server.child);
  }
  return { rows, cold };
}

const rows = [];
const cold = [];
const dir = mkdtempSync(join(tmpdir(), 'kiosk-bench-recs-'));
try {
  const run = await benchDatabase('PGlite', dir);
  rows.push(...run.rows);
  cold.push(...run.cold);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
if (process.env.BENCH_DATABASE_URL) {
  const run = await withFreshDatabase(process.env.BENCH_DATABASE_URL, 'kiosk_bench_recs', (url) =>
    benchDatabase('PostgreSQL', url),
  );
  rows.push(...run.rows);
  cold.push(...run.cold);
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
        "recommendation read's (goal: at most 2); 8 products per answer. Statements per " +
        'request: kept (answered by the listener) / rebuilt (its list of products kept, the ' +
        'products read again: once per 2 s per answer) / computed (the list too: the first ' +
        'read, then once a minute per list).',
      '',
      '| database | read | basis | found | product req/s | recommendations req/s | × slower | p50 ms | p99 ms | failed | statements: kept / rebuilt / computed |',
      '|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|',
      ...rows.map((r) =>
        r.reference
          ? `| ${r.database} | ${r.read} | — | 8 | | ${r.reference.rps} | | ${r.reference.p50} | ${r.reference.p99} | ${r.reference.failed} | 1 |`
          : `| ${r.database} | ${r.read} | ${r.basis} | ${r.found} | ${r.product.rps} | ${r.recs.rps} | ${r.ratio} | ${r.recs.p50} | ${r.recs.p99} | ${r.product.failed + r.recs.failed} | ${r.statements} |`,
      ),
      '',
      `Answers computed afresh (their list not kept: a product's first read, then once a minute): ` +
        `one read after another of the ${coldCount} next best sellers, on the same server, with no other load from the bench.`,
      '',
      '| database | kind | p50 ms | max ms | statements |',
      '|---|---|---:|---:|---:|',
      ...cold.map((c) => `| ${c.database} | ${c.kind} | ${c.p50} | ${c.max} | ${c.statements} |`),
      '<!-- recommendations:end -->',
    ].join('\n'),
    '## Recommendations at 10,000 products and 100,000 orders (`node bench/server/recommendations.mjs --record`)\n\n' +
      '`GET /v1/recommendations` beside `GET /v1/products/{handle}` on the same server, the demo ' +
      'store grown by bench/server/catalog-generator.sql and given the counts of generated paid ' +
      'orders (bench/server/order-history-generator.sql). The goal (issue 17): within 2× of a ' +
      'product read.',
  );
}
