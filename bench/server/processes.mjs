// The server benchmarks' shared parts: start a server process and wait until it answers,
// stop it, and call the Kiosk API as the demo store's storefront.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { freePort } from '../../scripts/free-port.mjs';

export async function start(command, args, env, readyUrl) {
  const child = spawn(command, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(readyUrl)).ok) return child;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error(`${command} ${args.join(' ')} did not become ready`);
}

export function stop(child) {
  return new Promise((resolve) => {
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
}

export const storefrontHeaders = {
  'x-kiosk-key': 'pk_test_aurora',
  'content-type': 'application/json',
};

/** `count` new carts with one line of `variantId` each: the lines' paths, for PATCH loads. */
export async function cartLines(base, variantId, count) {
  const lines = [];
  for (let i = 0; i < count; i++) {
    const cart = await api(base, '/v1/carts', { method: 'POST', body: '{}' });
    const withLine = await api(base, `/v1/carts/${cart.id}/lines`, {
      method: 'POST',
      body: JSON.stringify({ variantId, quantity: 1 }),
    });
    lines.push(`/v1/carts/${cart.id}/lines/${withLine.lines[0].id}`);
  }
  return lines;
}

/** Asks a server started with KIOSK_COUNT_STATEMENTS=1 to answer X-Kiosk-Statements. */
export const countingHeaders = { 'x-kiosk-count-statements': '1' };

export async function api(base, path, init = {}) {
  const res = await fetch(base + path, {
    ...init,
    headers: { ...storefrontHeaders, ...init.headers },
  });
  if (!res.ok)
    throw new Error(`${init.method ?? 'GET'} ${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

const here = dirname(fileURLToPath(import.meta.url));

/** The same-run reference: a bare Hono hello-world on the Kiosk server's Node adapter. */
export async function startHello() {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  return {
    child: await start('node', [join(here, 'hello.mjs')], { PORT: String(port) }, url),
    url,
  };
}

/** The one-query floor (floor.mjs) on the PostgreSQL database `db`, seeded by Kiosk. */
export async function startFloor(db) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  return {
    child: await start(
      'node',
      [join(here, 'floor.mjs')],
      { PORT: String(port), DATABASE_URL: db },
      `${base}/healthz`,
    ),
    base,
  };
}

/** The built Kiosk server on `db`, seeded with the demo stores. */
export async function startKiosk(db, env = {}) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const cli = join(here, '..', '..', 'packages/server/dist/cli.js');
  const args = [cli, '--db', db, '--seed', 'demo', '--port', String(port)];
  // The bench prints statements per request beside the timings: the server counts them for a
  // request that asks (`countingHeaders`), so the measured load runs uncounted.
  const child = await start(
    'node',
    args,
    { LOG_LEVEL: 'warn', KIOSK_COUNT_STATEMENTS: '1', ...env },
    `${base}/healthz`,
  );
  return { child, base };
}

/**
 * Runs `use(url)` on a fresh database made on the PostgreSQL server `serverUrl` for the run
 * (so runs cannot disturb each other or a real database), dropped afterwards.
 */
export async function withFreshDatabase(serverUrl, prefix, use) {
  const name = `${prefix}_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  try {
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return await use(url.toString());
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

/**
 * Writes `table` between `<!-- marker:start -->` and `<!-- marker:end -->` in bench/RESULTS.md
 * (`table` includes both markers); the first time, as a new section (`heading` and its
 * introduction) before the SDK size section.
 */
export function recordSection(marker, table, heading) {
  const file = join(here, '..', 'RESULTS.md');
  const current = readFileSync(file, 'utf8');
  const start = `<!-- ${marker}:start -->`;
  writeFileSync(
    file,
    current.includes(start)
      ? current.replace(new RegExp(`${start}[\\s\\S]*<!-- ${marker}:end -->`), table)
      : current.replace('## SDK size', `${heading}\n\n${table}\n\n## SDK size`),
  );
  console.log(`recorded in ${file}`);
}
