import { inject } from 'vitest';
import { type ClientOptions, createAdminClient, createClient } from '../src/index.js';

export const endpoint = () => inject('endpoint');

/** A fetch that records what the SDK sends, and can fail on demand (a flaky network). */
export function recordingFetch() {
  const calls: { method: string; url: URL; headers: Headers; body: string | null }[] = [];
  const state = { failNext: 0, offline: false, loseResponses: 0, status503: 0 };
  const fetchFn: typeof fetch = async (input, init = {}) => {
    const url = new URL(String(input));
    const headers = new Headers(init.headers);
    calls.push({ method: init.method ?? 'GET', url, headers, body: (init.body as string) ?? null });
    if (state.offline) throw new TypeError('fetch failed (offline)');
    if (state.failNext > 0) {
      state.failNext--;
      throw new TypeError('fetch failed');
    }
    if (state.status503 > 0) {
      state.status503--;
      return new Response(JSON.stringify({ error: { code: 'unavailable', message: 'down' } }), {
        status: 503,
      });
    }
    const res = await fetch(input, init);
    if (state.loseResponses > 0) {
      // The server did the work, but the answer never arrived.
      state.loseResponses--;
      throw new TypeError('connection reset');
    }
    return res;
  };
  return { fetch: fetchFn, calls, state };
}

/** A Storage over a Map, shared between clients to act as two tabs of one site. */
export function memoryStorage(): Storage {
  const map = new Map<string, string>();
  return {
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    getItem: (k) => map.get(k) ?? null,
    key: (i) => [...map.keys()][i] ?? null,
    removeItem: (k) => void map.delete(k),
    setItem: (k, v) => void map.set(k, v),
  };
}

export function client(options: Partial<ClientOptions> = {}) {
  return createClient({
    endpoint: endpoint(),
    storeKey: 'pk_test_aurora',
    storage: null,
    ...options,
  });
}

export function admin() {
  return createAdminClient({ endpoint: endpoint(), secretKey: 'sk_test_aurora' });
}

export const until = async (check: () => boolean, ms = 10_000) => {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
};

export const uniqueEmail = () => `sdk-${crypto.randomUUID().slice(0, 8)}@example.com`;
