import type { Http, RequestOptions } from './http.js';
import type { Answer, ArgsOf, GetPath, Operation, ParamsOf } from './operations.js';

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
  // server allows max-age 30 s): from then on reads revalidate with the server first. So
  // does a page opened from a message (`?kiosk_product=`, CONTRACT §6): "back in stock" must
  // not open on the sold-out card this browser cached minutes ago.
  let written = /[?&]kiosk_product=/.test(globalThis.location?.search ?? '');

  /** A GET of the API's document, with its params and query: the operation's answer. */
  function get<P extends GetPath>(
    path: P,
    ...init: ArgsOf<ParamsOf<Operation<P, 'GET'>>>
  ): Promise<Answer<Operation<P, 'GET'>>>;
  function get(
    path: string,
    init: Pick<RequestOptions, 'params' | 'query'> = {},
  ): Promise<unknown> {
    // Leaves out what is undefined, as the query string does.
    const key = JSON.stringify([path, init.params, init.query]);
    const cached = cache.get(key);
    if (cached && Date.now() - cached.at < maxAgeMs) return Promise.resolve(cached.data);
    const running = inflight.get(key);
    if (running) return running;

    const promise = http
      .send(path, {
        ...init,
        ...(cached?.etag ? { headers: { 'if-none-match': cached.etag } } : {}),
        ...freshness(),
      })
      .then((res) => {
        const data = res.status === 304 && cached ? cached.data : res.data;
        cache.delete(key); // re-insert: Map order doubles as least-recently-used order
        cache.set(key, { etag: res.headers.get('etag'), data, at: Date.now() });
        if (cache.size > maxEntries) cache.delete(cache.keys().next().value as string);
        return data;
      })
      .finally(() => inflight.delete(key));
    inflight.set(key, promise);
    return promise;
  }

  /** How reads outside this cache (the product batch) use the browser's: as these do. */
  function freshness(): Pick<RequestOptions, 'cache'> {
    return written ? { cache: 'no-cache' } : {};
  }

  /** Forgets every answer: a write changed what they say. */
  function clear() {
    cache.clear();
    written = true;
  }

  return { get, clear, freshness };
}

export type Reads = ReturnType<typeof createReads>;
