// The server benchmarks' shared parts: start a server process and wait until it answers,
// stop it, and call the Kiosk API as the demo store's storefront.
import { spawn } from 'node:child_process';

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
