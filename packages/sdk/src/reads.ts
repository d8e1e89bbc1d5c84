import type { Http } from './http.js';

interface Entry {
  etag: string | null;
  data: unknown;
  at: number;
}

/**
 * GETs that are shared and remembered: identical requests in flight become one; answers
 * are reused for `maxAgeMs`, then revalidated with If-None-Match (a 304 costs no body).
 */
export function createReads(http: Http, maxAgeMs = 30_000, maxEntries = 500) {
  const inflight = new Map<string, Promise<unknown>>();
  const cache = new Map<string, Entry>();
  // After a write (clear), the browser's HTTP cache may hold answers from before it (the
  // server allows max-age 30 s): from then on reads revalidate with the server first.
  let written = false;

  function get<T>(
    path: string,
    query: Record<string, string | number | undefined> = {},
  ): Promise<T> {
    const key = `${path}?${new URLSearchParams(
      Object.entries(query).filter((e): e is [string, string | number] => e[1] !== undefined) as [
        string,
        string,
      ][],
    )}`;
    const cached = cache.get(key);
    if (cached && Date.now() - cached.at < maxAgeMs) return Promise.resolve(cached.data as T);
    const running = inflight.get(key);
    if (running) return running as Promise<T>;

    const promise = http
      .request<T>(path, {
        query,
        ...(cached?.etag ? { headers: { 'if-none-match': cached.etag } } : {}),
        ...(written ? { cache: 'no-cache' as const } : {}),
      })
      .then((res) => {
        const data = res.status === 304 && cached ? (cached.data as T) : res.data;
        cache.delete(key); // re-insert: Map order doubles as least-recently-used order
        cache.set(key, { etag: res.headers.get('etag'), data, at: Date.now() });
        if (cache.size > maxEntries) cache.delete(cache.keys().next().value as string);
        return data;
      })
      .finally(() => inflight.delete(key));
    inflight.set(key, promise);
    return promise;
  }

  /** Forgets every answer: a write changed what they say. */
  function clear() {
    cache.clear();
    written = true;
  }

  return { get, clear };
}

export type Reads = ReturnType<typeof createReads>;
