import { type ChildProcess, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { CATALOG_CACHE_TTL_MS } from '../src/cache/catalog-cache.js';

/*
 * The real `kiosk-server` process db-faults.test.ts breaks (demo seed, JSON log lines
 * kept), and requests to it timed against the promise.
 */

const cwd = new URL('..', import.meta.url).pathname;
const KEY = 'pk_test_aurora';
export const PRODUCT = 'aurora-classic-tee';
/** The promise: while the database is unreachable or stalled, 503 within 2 s. */
export const PROMISE_MS = 2000;
const STATEMENT_TIMEOUT_MS = 1500;

export interface Outcome {
  kind: string;
  start: number;
  end: number;
  status: number;
  code?: string;
  retryAfter: string | null;
  contentType: string | null;
  body: string;
}

/** The real `kiosk-server` process, its stdout log lines, and whether it exited. */
export interface ServerProcess {
  child: ChildProcess;
  url: string;
  logs: string[];
  stderr: string[];
  exit: { code: number | null; signal: string | null } | null;
}

export async function spawnServer(db: string): Promise<ServerProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/cli.ts', '--db', db, '--port', '0', '--seed', 'demo'],
    {
      cwd,
      // A short statement timeout (default 5 s) keeps the lock-wait tests short.
      env: {
        ...process.env,
        LOG_LEVEL: 'info',
        KIOSK_DB_STATEMENT_TIMEOUT_MS: String(STATEMENT_TIMEOUT_MS),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const server: ServerProcess = { child, url: '', logs: [], stderr: [], exit: null };
  child.on('exit', (code, signal) => {
    server.exit = { code, signal };
  });
  child.stderr!.setEncoding('utf8').on('data', (d: string) => server.stderr.push(d));
  let buffered = '';
  const listening = new Promise<string>((resolve, reject) => {
    child.once('exit', () => reject(new Error(`server exited: ${server.stderr.join('')}`)));
    child.stdout!.setEncoding('utf8').on('data', (d: string) => {
      buffered += d;
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const line of lines) {
        if (!line.startsWith('{')) continue;
        server.logs.push(line);
        const entry = JSON.parse(line) as { msg: string; url?: string };
        if (entry.msg === 'listening' && entry.url) resolve(entry.url);
      }
    });
  });
  server.url = await listening;
  return server;
}

export async function hit(
  base: string,
  kind: string,
  path: string,
  init: RequestInit = {},
): Promise<Outcome> {
  const start = performance.now();
  const headers = new Headers(init.headers);
  if (!headers.has('x-kiosk-key')) headers.set('x-kiosk-key', KEY);
  try {
    // Far beyond the promise: a hang shows up as a slow answer, not a stuck test.
    const res = await fetch(base + path, { ...init, headers, signal: AbortSignal.timeout(15_000) });
    const body = await res.text();
    let code: string | undefined;
    try {
      code = (JSON.parse(body) as { error?: { code?: string } }).error?.code;
    } catch {
      // an HTML page
    }
    return {
      kind,
      start,
      end: performance.now(),
      status: res.status,
      ...(code ? { code } : {}),
      retryAfter: res.headers.get('retry-after'),
      contentType: res.headers.get('content-type'),
      body,
    };
  } catch (err) {
    return {
      kind,
      start,
      end: performance.now(),
      status: 0,
      retryAfter: null,
      contentType: null,
      body: String(err),
    };
  }
}

export function json(body: unknown): RequestInit {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  };
}

export function authorizeQuery(): string {
  const challenge = createHash('sha256').update(randomBytes(32)).digest('base64url');
  return new URLSearchParams({
    response_type: 'code',
    client_id: KEY,
    redirect_uri: 'http://localhost:5173/callback',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state: randomBytes(8).toString('hex'),
  }).toString();
}

export const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Every answer after the fault: 503 service_unavailable + Retry-After, within 2 s. */
export function expectUnavailable(outcomes: Outcome[], faultAt: number) {
  // A warm product read needs no database: its cached answer (cache/catalog-cache.ts) is
  // still served until its TTL runs out, and no longer.
  const after = outcomes.filter(
    (o) =>
      o.start >= faultAt &&
      !(o.kind === 'product' && o.status === 200 && o.start < faultAt + CATALOG_CACHE_TTL_MS),
  );
  expect(after.length).toBeGreaterThan(10);
  for (const o of after) {
    expect({ kind: o.kind, status: o.status }).toEqual({ kind: o.kind, status: 503 });
    expect(o.retryAfter).toBe('1');
    expect(o.code).toBe('service_unavailable');
  }
  // Requests under way when the fault came answer within 2 s of it; the others within
  // 2 s of being sent. None fails any other way (500, a reset connection, a hang).
  for (const o of outcomes) {
    expect([0, 500]).not.toContain(o.status);
    if (o.end > faultAt) expect(o.end - Math.max(o.start, faultAt)).toBeLessThan(PROMISE_MS);
  }
}
