// Storefront search as the catalog grows (issue 14: "within 2× of its small-catalog speed at
// 10,000 and 100,000 products"): GET /v1/products?query= with autocannon against the built
// server, first on the demo catalog (~73 products), then with the demo store grown to each size
// by catalog-generator.sql. Each size's requests/s is printed with its ratio to the demo
// catalog's, and the SQL statements per request (X-Kiosk-Statements).
// Usage: node bench/server/search.mjs [--duration 5] [--connections 16] [--sizes 10000,100000]
//        [--pglite-sizes 10000] [--record]
//   BENCH_DATABASE_URL=postgres://… adds the run on PostgreSQL (a fresh database, dropped after).
// PGlite grows to 10,000 only by default: it writes the index entries of 100,000 generated
// products about ten times slower than PostgreSQL (single-threaded WebAssembly), minutes per run.
// Needs the server built (pnpm build).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import {
  recordSection,
  startKiosk,
  stop,
  storefrontHeaders,
  withFreshDatabase,
} from './processes.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const { openDatabase } = await import(join(here, '../../packages/server/dist/index.js'));

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '5' },
    connections: { type: 'string', default: '16' },
    sizes: { type: 'string', default: '10000,100000' },
    'pglite-sizes': { type: 'string', default: '10000' },
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
 * (titles only; it matches nothing, so every title is read: its worst case).
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
    // Steps below the store's current size add nothing (the generator counts what is there).
    for (let step = 1000; step < size + 1000; step += 1000) {
      const count = String(Math.min(step, size));
      await database.db.execute(
        generator.replace(":'store_handle'", "'aurora'").replace(':product_count', count),
      );
    }
    // As autovacuum would after a bulk load on PostgreSQL (PGlite runs none: said so below).
    await database.db.execute('analyze products');
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

async function measure(base, search) {
  const url = base + search.path;
  const first = await fetch(url, { headers: storefrontHeaders });
  const { items } = await first.json();
  const statements = first.headers.get('x-kiosk-statements') ?? '';
  const result = await autocannon({ url, headers: storefrontHeaders, connections, duration });
  return {
    search: search.name,
    found: items.length,
    statements,
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx + result.errors,
  };
}

async function benchDatabase(label, target, sizes) {
  const rows = [];
  const small = new Map();
  for (const size of [0, ...sizes]) {
    if (size) await growCatalog(target, size);
    const { child, base } = await startKiosk(target);
    try {
      await warmUp(base);
      for (const search of searches) {
        const row = {
          database: label,
          size: size || 'demo (73)',
          ...(await measure(base, search)),
        };
        if (!size) small.set(search.name, row.rps);
        row.ratio = (small.get(search.name) / row.rps).toFixed(2);
        rows.push(row);
        console.log(
          `${label.padEnd(10)} ${String(row.size).padStart(9)}  ${search.name.padEnd(26)}` +
            ` ${String(row.rps).padStart(6)} req/s  ${row.ratio}× slower  p50 ${row.p50} ms` +
            `  p99 ${row.p99} ms  ${row.found} found  ${row.statements} statements` +
            (row.non2xx ? `  (failed ${row.non2xx})` : ''),
        );
      }
    } finally {
      await stop(child);
    }
  }
  return rows;
}

const rows = [];
const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-bench-search-'));
try {
  rows.push(...(await benchDatabase('PGlite', dataDir, sizesOf(values['pglite-sizes']))));
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
if (process.env.BENCH_DATABASE_URL) {
  rows.push(
    ...(await withFreshDatabase(process.env.BENCH_DATABASE_URL, 'kiosk_bench_search', (url) =>
      benchDatabase('PostgreSQL', url, sizesOf(values.sizes)),
    )),
  );
}

if (values.record) {
  recordSection(
    'search',
    [
      '<!-- search:start -->',
      `Recorded ${new Date().toISOString().slice(0, 10)} on this 2-core machine, Node ${process.version}, ` +
        `${connections} connections × ${duration} s each, autocannon on loopback, one server process. ` +
        '"× slower" is the demo catalog\'s requests/s over this size\'s (goal: at most 2). ' +
        'Grown catalogs are analyzed after the load (PGlite has no autovacuum to do it).',
      '',
      '| database | products | search | found | requests/s | × slower | p50 ms | p99 ms | failed | statements per request |',
      '|---|---:|---|---:|---:|---:|---:|---:|---:|---:|',
      ...rows.map(
        (r) =>
          `| ${r.database} | ${r.size} | ${r.search} | ${r.found} | ${r.rps} | ${r.ratio} | ${r.p50} | ${r.p99} | ${r.non2xx} | ${r.statements} |`,
      ),
      '<!-- search:end -->',
    ].join('\n'),
    '## Search as the catalog grows (`node bench/server/search.mjs --record`)\n\n' +
      '`GET /v1/products?query=` on the demo catalog, then with the demo store grown to 10,000 ' +
      'and 100,000 products of generated text (bench/server/catalog-generator.sql). The goal ' +
      "(issue 14): within 2× of the demo catalog's requests/s at every size.",
  );
}
