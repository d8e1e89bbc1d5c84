// Storefront search as the catalog grows (issue 14: "within 2× of its small-catalog speed at
// 10,000 and 100,000 products"): GET /v1/products?query= with autocannon against two built
// servers side by side, one on the demo catalog (~73 products), one with the demo store grown to
// each size by catalog-generator.sql. The two are measured in alternating rounds, so whatever
// else loads the machine weighs on both alike; printed: each one's requests/s, their ratio,
// the grown server's latencies and its SQL statements per request (X-Kiosk-Statements).
// Usage: node bench/server/search.mjs [--duration 6] [--connections 16] [--sizes 10000,100000]
//        [--pglite-sizes 10000,100000] [--record]
//   --duration: seconds of load per server and search, in three rounds each.
//   BENCH_DATABASE_URL=postgres://… adds the run on PostgreSQL (fresh databases, dropped after).
// Generating 100,000 products takes about two minutes per database. Needs the server built
// (pnpm build).
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
    sizes: { type: 'string', default: '10000,100000' },
    'pglite-sizes': { type: 'string', default: '10000,100000' },
    record: { type: 'boolean', default: false },
  },
});
const duration = Number(values.duration);
const connections = Number(values.connections);
const sizesOf = (list) => list.split(',').filter(Boolean).map(Number);

/**
 * What a shopper types: a rare word (one product at every size: the demo's scarf; generated
 * products never use it), a common one (a page of 4 at every size: the demo has 4 hoodies, the
 * generated catalog one in 20), and a text of two letters, which no trigram index can answer
 * (titles only, looked up in the titles' pieces; it matches nothing: the case that once read
 * every title).
 */
const searches = [
  { name: 'rare word', path: '/v1/products?query=lambswool' },
  { name: 'common word, page of 4', path: '/v1/products?first=4&query=hoodie' },
  { name: 'two letters, no match', path: '/v1/products?query=zq' },
];

const generator = readFileSync(join(here, 'catalog-generator.sql'), 'utf8');

/**
 * Grows the demo store "aurora" to `size` products (in the bench process, server stopped), a
 * thousand products per statement: each stays within the server's statement timeout.
 */
async function growCatalog(target, size) {
  const database = await openDatabase(target);
  try {
    const started = performance.now();
    await seedDemo(database.db); // unless seeded already
    // Steps below the store's current size add nothing (the generator counts what is there).
    for (let step = 1000; step < size + 1000; step += 1000) {
      const count = String(Math.min(step, size));
      await database.db.execute(
        generator.replace(":'store_handle'", "'aurora'").replace(':product_count', count),
      );
    }
    // As autovacuum would after a bulk load on PostgreSQL, and the server's analyze-catalog
    // job on PGlite (which has no autovacuum): within ten minutes.
    await analyzeCatalogJob.run({ db: database.db });
    const seconds = ((performance.now() - started) / 1000).toFixed(0);
    console.log(`  (grew the demo store to ${size} products in ${seconds} s)`);
  } finally {
    await database.close();
  }
}

/** A second of each search first, unrecorded: JIT and the database's caches warm up. */
async function warmUp(base) {
  for (const search of searches) {
    await autocannon({
      url: base + search.path,
      headers: storefrontHeaders,
      connections,
      duration: 1,
    });
  }
}

const ROUNDS = 3;

/** One server's figures for a search: requests/s over all rounds, the rounds' latencies. */
function summary(results) {
  const seconds = results.reduce((sum, r) => sum + r.duration, 0);
  const p50s = results.map((r) => r.latency.p50).sort((a, b) => a - b);
  return {
    rps: Math.round(results.reduce((sum, r) => sum + r.requests.total, 0) / seconds),
    p50: p50s[Math.floor(p50s.length / 2)],
    p99: Math.max(...results.map((r) => r.latency.p99)),
    failed: results.reduce((sum, r) => sum + r.non2xx + r.errors, 0),
  };
}

/** The demo server and the grown one, alternately, ROUNDS rounds each. */
async function compare(demoBase, grownBase, search) {
  const first = await fetch(grownBase + search.path, {
    headers: { ...storefrontHeaders, ...countingHeaders },
  });
  const { items } = await first.json();
  const load = (base) =>
    autocannon({
      url: base + search.path,
      headers: storefrontHeaders,
      connections,
      duration: duration / ROUNDS,
    });
  const demo = [];
  const grown = [];
  for (let round = 0; round < ROUNDS; round++) {
    demo.push(await load(demoBase));
    grown.push(await load(grownBase));
  }
  return {
    found: items.length,
    statements: first.headers.get('x-kiosk-statements') ?? '',
    demo: summary(demo),
    grown: summary(grown),
  };
}

/** `demoTarget` keeps the demo catalog; `grownTarget` grows through `sizes`. */
async function benchDatabase(label, demoTarget, grownTarget, sizes) {
  const rows = [];
  const demo = await startKiosk(demoTarget);
  try {
    await warmUp(demo.base);
    for (const size of sizes) {
      await growCatalog(grownTarget, size);
      const grown = await startKiosk(grownTarget);
      try {
        await warmUp(grown.base);
        for (const search of searches) {
          const figures = await compare(demo.base, grown.base, search);
          const row = {
            database: label,
            size,
            search: search.name,
            ...figures,
            ratio: (figures.demo.rps / figures.grown.rps).toFixed(2),
          };
          rows.push(row);
          console.log(
            `${label.padEnd(10)} ${String(size).padStart(6)}  ${search.name.padEnd(22)}` +
              ` demo ${String(row.demo.rps).padStart(5)} req/s, grown ${String(row.grown.rps).padStart(5)} req/s:` +
              ` ${row.ratio}× slower  p50 ${row.grown.p50} ms  p99 ${row.grown.p99} ms` +
              `  ${row.found} found  ${row.statements} statements` +
              (row.demo.failed + row.grown.failed ? '  (some failed)' : ''),
          );
        }
      } finally {
        await stop(grown.child);
      }
    }
  } finally {
    await stop(demo.child);
  }
  return rows;
}

const rows = [];
const dataDirs = [0, 1].map(() => mkdtempSync(join(tmpdir(), 'kiosk-bench-search-')));
try {
  rows.push(...(await benchDatabase('PGlite', ...dataDirs, sizesOf(values['pglite-sizes']))));
} finally {
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
}
const serverUrl = process.env.BENCH_DATABASE_URL;
if (serverUrl) {
  rows.push(
    ...(await withFreshDatabase(serverUrl, 'kiosk_bench_search_demo', (demoUrl) =>
      withFreshDatabase(serverUrl, 'kiosk_bench_search_grown', (grownUrl) =>
        benchDatabase('PostgreSQL', demoUrl, grownUrl, sizesOf(values.sizes)),
      ),
    )),
  );
}

if (values.record) {
  recordSection(
    'search',
    [
      '<!-- search:start -->',
      `Recorded ${new Date().toISOString().slice(0, 10)} on this 2-core machine, Node ${process.version}, ` +
        `${connections} connections, ${duration} s per server and search in ${ROUNDS} alternating rounds, ` +
        'autocannon on loopback, each server in its own process. "× slower" is the demo ' +
        "catalog's requests/s over the grown one's (goal: at most 2); latencies are the grown " +
        "server's. Grown catalogs are analyzed after the load, as autovacuum would on PostgreSQL " +
        "and the server's analyze-catalog job does on PGlite (every 10 minutes).",
      '',
      '| database | products | search | found | demo req/s | grown req/s | × slower | p50 ms | p99 ms | failed | statements per request |',
      '|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|',
      ...rows.map(
        (r) =>
          `| ${r.database} | ${r.size} | ${r.search} | ${r.found} | ${r.demo.rps} | ${r.grown.rps} | ${r.ratio} | ${r.grown.p50} | ${r.grown.p99} | ${r.demo.failed + r.grown.failed} | ${r.statements} |`,
      ),
      '<!-- search:end -->',
    ].join('\n'),
    '## Search as the catalog grows (`node bench/server/search.mjs --record`)\n\n' +
      '`GET /v1/products?query=` on the demo catalog, then with the demo store grown to 10,000 ' +
      'and 100,000 products of generated text (bench/server/catalog-generator.sql). The goal ' +
      "(issue 14): within 2× of the demo catalog's requests/s at every size.",
  );
}
