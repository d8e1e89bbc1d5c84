// Embedded PGlite under more load than it can take: 200 connections of product reads against
// one server process (every read uncached), with the admission limits off (every request let
// in at once, as before the limits existed) and with the defaults (4 at once, 128 waiting:
// middleware/admission.ts), measured in the same run. A health check every 20 ms shows how long the event loop is held.
// Usage: node bench/server/pglite-overload.mjs [--connections 200] [--duration 8] [--record]
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { recordSection, startKiosk, stop, storefrontHeaders } from './processes.mjs';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '8' },
    connections: { type: 'string', default: '200' },
    record: { type: 'boolean', default: false },
  },
});
const duration = Number(values.duration);
const connections = Number(values.connections);

// Product answers not kept (KIOSK_PRODUCT_CACHE_MS=0): every read reaches PGlite, as reads of
// many different products would.
const uncached = { KIOSK_PRODUCT_CACHE_MS: '0' };
const runs = [
  ['limits off', { ...uncached, KIOSK_PGLITE_RUNNING: '10000', KIOSK_PGLITE_QUEUE: '10000' }],
  ['default limits (4 running, 128 waiting)', uncached],
];

const rows = [];
for (const [title, env] of runs) {
  const { child, base } = await startKiosk('memory://', env);
  try {
    // The health check is never in line: its answer time is the event loop's.
    let probing = true;
    const health = [];
    const probe = (async () => {
      while (probing) {
        const started = performance.now();
        await (await fetch(`${base}/healthz`)).arrayBuffer();
        health.push(performance.now() - started);
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    const statuses = {};
    const run = autocannon({
      url: `${base}/v1/products/aurora-classic-tee`,
      headers: storefrontHeaders,
      connections,
      duration,
    });
    run.on('response', (_client, status) => {
      statuses[status] = (statuses[status] ?? 0) + 1;
    });
    const result = await run;
    probing = false;
    await probe;
    health.sort((a, b) => a - b);
    const row = {
      title,
      rps: Math.round(result.requests.average),
      p50: result.latency.p50,
      p99: result.latency.p99,
      ok: statuses[200] ?? 0,
      busy: statuses[503] ?? 0,
      other: Object.entries(statuses)
        .filter(([s]) => s !== '200' && s !== '503')
        .reduce((n, [, c]) => n + c, 0),
      healthP99: Math.round(health[Math.floor(health.length * 0.99)] ?? 0),
      healthMax: Math.round(health.at(-1) ?? 0),
    };
    console.log(
      `${title.padEnd(40)} ${String(row.rps).padStart(6)} answers/s  p50 ${row.p50} ms  p99 ${row.p99} ms  ` +
        `200 ${row.ok}  503 ${row.busy}  other ${row.other}  health check p99 ${row.healthP99} ms, max ${row.healthMax} ms`,
    );
    rows.push(row);
  } finally {
    await stop(child);
  }
}

if (values.record) {
  recordSection(
    'pglite-overload',
    [
      '<!-- pglite-overload:start -->',
      `Recorded ${new Date().toISOString().slice(0, 10)} on this 2-core machine, Node ${process.version}, ` +
        `${connections} connections × ${duration} s of GET one product (uncached), PGlite in memory, one server process.`,
      '',
      '| admission | answers/s | p50 ms | p99 ms | 200 | 503 | other | health check p99 ms | health check max ms |',
      '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
      ...rows.map(
        (r) =>
          `| ${r.title} | ${r.rps} | ${r.p50} | ${r.p99} | ${r.ok} | ${r.busy} | ${r.other} | ${r.healthP99} | ${r.healthMax} |`,
      ),
      '<!-- pglite-overload:end -->',
    ].join('\n'),
    '## PGlite under overload (`node bench/server/pglite-overload.mjs --record`)\n\n' +
      'More load than embedded PGlite can serve: without limits every request is let in and waits\n' +
      'in the sockets, seconds for some; with them, a few run at once, 128 wait in order and the\n' +
      'rest are told 503 (Retry-After: 1) at once. The health check is never in line.',
  );
}
