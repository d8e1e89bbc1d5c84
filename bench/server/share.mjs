// Issue 15's server side under load: the share page (GET /p/{store}/{handle}, server-rendered
// HTML, no script) and analytics ingestion (POST /v1/events).
// Printed per database: the share page's HTML size (bytes, and gzip as a CDN would send it);
// its requests/s and p50/p99 under autocannon beside the bare Hono hello-world (startHello)
// measured in the same run, alternately, as ratios; and events/s stored from batches of 20
// events (a page's flush), with the answers that were not 202.
// Usage: node bench/server/share.mjs [--duration 6] [--connections 16] [--record]
//   --duration: seconds of load per server and measure, in three alternating rounds.
//   BENCH_DATABASE_URL=postgres://… adds the run on PostgreSQL (a fresh database, dropped after).
// Needs the server built (pnpm build). A quick check that it runs: --duration 2.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import {
  countingHeaders,
  recordSection,
  startHello,
  startKiosk,
  stop,
  storefrontHeaders,
  withFreshDatabase,
} from './processes.mjs';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '6' },
    connections: { type: 'string', default: '16' },
    record: { type: 'boolean', default: false },
  },
});
const duration = Number(values.duration);
const connections = Number(values.connections);
const ROUNDS = 3;

/** A demo product's share page as a creator's link opens it. */
const SHARE_PATH = '/p/aurora/aurora-classic-tee?ref=ana.lind';
const BATCH = 20;
const HANDLES = [
  'aurora-classic-tee',
  'aurora-zip-hoodie',
  'aurora-bucket-hat',
  'aurora-pique-polo',
];
const NAMES = ['view_item_list', 'view_item', 'add_to_cart', 'begin_checkout'];
/** What a page flushes: 20 events of one item each, the four kinds in turn, with a creator ref. */
const eventBatch = JSON.stringify({
  events: Array.from({ length: BATCH }, (_, i) => ({
    name: NAMES[i % NAMES.length],
    ref: 'ana.lind',
    channel: 'creator',
    params: {
      currency: 'USD',
      items: [{ item_id: HANDLES[i % HANDLES.length], price: 19.99, quantity: 1 }],
    },
  })),
});
// The events limit is per client address, and the load comes from one: lifted for the bench.
const kioskEnv = { KIOSK_RATE_LIMITS: 'events=100000000/1m' };

/** One measure's figures over its rounds: requests/s overall, the median p50, the worst p99. */
function summary(results) {
  const seconds = results.reduce((sum, r) => sum + r.duration, 0);
  const p50s = results.map((r) => r.latency.p50).sort((a, b) => a - b);
  return {
    rps: Math.round(results.reduce((sum, r) => sum + r.requests.total, 0) / seconds),
    okRps: Math.round(results.reduce((sum, r) => sum + r['2xx'], 0) / seconds),
    p50: p50s[Math.floor(p50s.length / 2)],
    p99: Math.max(...results.map((r) => r.latency.p99)),
    failed: results.reduce((sum, r) => sum + r.non2xx + r.errors + r.timeouts, 0),
  };
}

/** A ratio for the console: "12.3×", or why there is none. */
const times = (ratio) => (ratio === '—' ? "hello's is 0 ms" : `${ratio}×`);

const load = (opts, seconds = duration / ROUNDS) =>
  autocannon({ connections, duration: seconds, ...opts });

/**
 * The share page's bytes as served and gzipped (level 6, as common CDNs and proxies do), and
 * the SQL statements one page (first view, then a view while its store and product are kept)
 * and one batch of events take (X-Kiosk-Statements).
 */
async function pageSize(base) {
  const views = [];
  for (let i = 0; i < 2; i++) {
    const view = await fetch(base + SHARE_PATH, { headers: countingHeaders });
    if (view.status !== 200) throw new Error(`GET ${SHARE_PATH}: ${view.status}`);
    views.push({ body: Buffer.from(await view.arrayBuffer()), headers: view.headers });
  }
  const statements = views.map((v) => v.headers.get('x-kiosk-statements') ?? '?');
  const { body } = views[0];
  const batch = await fetch(`${base}/v1/events`, {
    method: 'POST',
    headers: { ...storefrontHeaders, ...countingHeaders },
    body: eventBatch,
  });
  if (batch.status !== 202)
    throw new Error(`POST /v1/events: ${batch.status} ${await batch.text()}`);
  return {
    bytes: body.length,
    gzip: gzipSync(body, { level: 6 }).length,
    pageStatements: `${statements[0]} first, ${statements[1]} kept`,
    eventStatements: batch.headers.get('x-kiosk-statements') ?? '',
  };
}

/** The share page and the hello-world, alternately; then events ingestion. */
async function benchDatabase(label, target, hello) {
  const kiosk = await startKiosk(target, kioskEnv);
  try {
    const size = await pageSize(kiosk.base);
    const share = { url: kiosk.base + SHARE_PATH };
    const events = {
      url: `${kiosk.base}/v1/events`,
      method: 'POST',
      headers: storefrontHeaders,
      body: eventBatch,
    };
    // A second of each first, unrecorded: JIT and the database's caches warm up.
    for (const opts of [share, { url: hello.url }, events]) await load(opts, 1);

    const page = [];
    const reference = [];
    for (let round = 0; round < ROUNDS; round++) {
      page.push(await load(share));
      reference.push(await load({ url: hello.url }));
    }
    const ingest = [];
    for (let round = 0; round < ROUNDS; round++) ingest.push(await load(events));

    const row = {
      database: label,
      ...size,
      page: summary(page),
      hello: summary(reference),
      events: summary(ingest),
    };
    row.rpsRatio = (row.page.rps / row.hello.rps).toFixed(2);
    // autocannon's latencies are whole milliseconds: a hello-world's p50 can be 0.
    const ratio = (a, b) => (b > 0 ? (a / b).toFixed(1) : '—');
    row.p50Ratio = ratio(row.page.p50, row.hello.p50);
    row.p99Ratio = ratio(row.page.p99, row.hello.p99);
    // Only batches the server took (202) count.
    row.eventsPerSecond = row.events.okRps * BATCH;
    console.log(
      `${label.padEnd(10)} share page ${row.bytes} B (${row.gzip} B gzip)  ` +
        `${row.page.rps} req/s (${row.rpsRatio}× hello's ${row.hello.rps})  ` +
        `p50 ${row.page.p50} ms (${times(row.p50Ratio)})  p99 ${row.page.p99} ms (${times(row.p99Ratio)})` +
        `  ${row.pageStatements} statements` +
        (row.page.failed ? `  ${row.page.failed} failed` : ''),
    );
    console.log(
      `${label.padEnd(10)} events     ${row.eventsPerSecond} events/s (${row.events.okRps} batches of ${BATCH}/s)  ` +
        `p50 ${row.events.p50} ms  p99 ${row.events.p99} ms  ${row.eventStatements} statements a batch` +
        (row.events.failed ? `  ${row.events.failed} not 202` : ''),
    );
    return row;
  } finally {
    await stop(kiosk.child);
  }
}

const rows = [];
const hello = await startHello();
try {
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-bench-share-'));
  try {
    rows.push(await benchDatabase('PGlite', dataDir, hello));
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  const serverUrl = process.env.BENCH_DATABASE_URL;
  if (serverUrl) {
    rows.push(
      await withFreshDatabase(serverUrl, 'kiosk_bench_share', (url) =>
        benchDatabase('PostgreSQL', url, hello),
      ),
    );
  }
} finally {
  await stop(hello.child);
}

if (values.record) {
  recordSection(
    'share',
    [
      '<!-- share:start -->',
      `Recorded ${new Date().toISOString().slice(0, 10)} on this 2-core machine, Node ${process.version}, ` +
        `${connections} connections, ${duration} s per measure in ${ROUNDS} rounds (the share page and ` +
        'the hello-world alternately), autocannon on loopback, each server in its own process. ' +
        `The page is \`${SHARE_PATH}\`; gzip is level 6 of its HTML. Events: batches of ${BATCH} ` +
        'one-item events (`POST /v1/events`), events/s = 202 answers/s × 20.',
      '',
      '| database | HTML bytes | gzip bytes | share req/s | hello req/s | × hello req/s | p50 ms | × hello p50 | p99 ms | × hello p99 | page statements | events/s | events p50 ms | events p99 ms | statements a batch | failed |',
      '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
      ...rows.map(
        (r) =>
          `| ${r.database} | ${r.bytes} | ${r.gzip} | ${r.page.rps} | ${r.hello.rps} | ${r.rpsRatio} | ${r.page.p50} | ${r.p50Ratio} | ${r.page.p99} | ${r.p99Ratio} | ${r.pageStatements} | ${r.eventsPerSecond} | ${r.events.p50} | ${r.events.p99} | ${r.eventStatements} | ${r.page.failed + r.events.failed} |`,
      ),
      '<!-- share:end -->',
    ].join('\n'),
    '## Share pages and events (`node bench/server/share.mjs --record`)\n\n' +
      "The share page a creator's link opens (server-rendered, no script) beside a bare Hono " +
      'hello-world in the same run, and analytics ingestion (`POST /v1/events`).',
  );
}
