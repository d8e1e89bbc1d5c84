// temporary: compare servers under load (not committed)
import { spawn } from 'node:child_process';
import autocannon from 'autocannon';
import { freePort } from '../scripts/free-port.mjs';
const [cli, db, connections, duration] = process.argv.slice(2);
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const logs = [];
const child = spawn('node', [cli, '--db', db, '--seed', 'demo', '--port', String(port)], { env: { ...process.env, LOG_LEVEL: 'info' }, stdio: ['ignore', 'pipe', 'inherit'] });
child.stdout.setEncoding('utf8').on('data', (d) => { for (const l of d.split('\n')) if (l.includes('"level":"warn"') || l.includes('"level":"error"') || l.includes('database')) logs.push(l.slice(0, 300)); });
for (let i = 0; i < 300; i++) { try { if ((await fetch(`${base}/healthz`)).ok) break; } catch {} await new Promise((r) => setTimeout(r, 100)); }
const key = 'pk_test_aurora';
const headers = { 'x-kiosk-key': key, 'content-type': 'application/json' };
const product = await (await fetch(`${base}/v1/products/aurora-classic-tee`, { headers })).json();
const variant = product.variants.find((v) => v.quantityAvailable >= 2);
let n = 0;
const run = (title, opts) => autocannon({ connections: Number(connections), duration: Number(duration), ...opts }).then((r) => {
  const codes = Object.entries(r.statusCodeStats ?? {}).map(([k, v]) => `${k}:${v.count}`).join(' ');
  console.log(`${title}: ${Math.round(r.requests.average)} rps p50 ${r.latency.p50} p99 ${r.latency.p99} max ${r.latency.max} errors ${r.errors} timeouts ${r.timeouts} codes ${codes}`);
});
if (!process.env.ONLY) await run('GET product', { url: `${base}/v1/products/aurora-classic-tee`, headers });
// cart writes: each connection its own cart? use new carts + add lines
await run('POST cart + lines', { url: `${base}/v1/carts`, method: 'POST', headers, body: '{}' });
const cart = await (await fetch(`${base}/v1/carts`, { method: 'POST', headers, body: '{}' })).json();
const line = await (await fetch(`${base}/v1/carts/${cart.id}/lines`, { method: 'POST', headers, body: JSON.stringify({ variantId: variant.id, quantity: 1 }) })).json();
if (!process.env.ONLY) await run('PATCH line', { url: `${base}/v1/carts/${cart.id}/lines/${line.lines[0].id}`, method: 'PATCH', headers, requests: [{ setupRequest: (req) => ({ ...req, headers: { ...headers, 'idempotency-key': `b-${process.pid}-${n++}` }, body: JSON.stringify({ quantity: (n % 2) + 1 }) }) }] });
child.kill('SIGTERM');
console.log('server warn/error/database lines:', logs.length); for (const l of logs.slice(0, 8)) console.log('  ', l);
