// The server benchmarks' shared parts: start a server process and wait until it answers,
// stop it, and call the Kiosk API as the demo store's storefront.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
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

/** The built Kiosk server on `db`, seeded with the demo stores. */
export async function startKiosk(db, env = {}) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const cli = join(here, '..', '..', 'packages/server/dist/cli.js');
  const args = [cli, '--db', db, '--seed', 'demo', '--port', String(port)];
  const child = await start('node', args, { LOG_LEVEL: 'warn', ...env }, `${base}/healthz`);
  return { child, base };
}
