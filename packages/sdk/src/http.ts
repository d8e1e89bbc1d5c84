import { KioskError } from './errors.js';
import type { Answer, ArgsOf, Inputs, Method, MethodOf, Operation, Path } from './operations.js';

export interface HttpOptions {
  endpoint: string;
  fetch: typeof fetch;
  /** Headers added to every request (store key, customer token). */
  headers: () => Record<string, string> | Promise<Record<string, string>>;
  /** Retries after the first try for network errors, 5xx, 429 and in-progress conflicts. */
  maxRetries?: number;
  /** Base of the exponential backoff, in ms. */
  backoffMs?: number;
  /** Told of every error a request finally fails with (for `kiosk.on('error')`). */
  onError?: (error: KioskError) => void;
}

/** How a request goes out, whatever it asks for. */
export interface Transport {
  /** 'include' sends the API origin's cookies (the refresh-token cookie). */
  credentials?: RequestCredentials;
  /** Writes get a generated key unless the caller passes one; retries reuse it. */
  idempotencyKey?: string;
  headers?: Record<string, string>;
  /** `false` turns retries off (the offline queue retries on its own). */
  retry?: boolean;
  signal?: AbortSignal;
  /** The browser HTTP cache mode ('no-cache': revalidate with the server first). */
  cache?: RequestCache;
}

/** A request as the transport runs it; callers write it typed from the API's paths (`ApiRequest`). */
export interface RequestOptions extends Transport {
  method?: Method;
  /** Filled into the path template's `{name}`s. */
  params?: Record<string, string>;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  /** Sent as application/x-www-form-urlencoded instead of JSON (OAuth endpoints). */
  form?: Record<string, string>;
}

/** A request of `method path`: its params, query and body as the API's document has them. */
export type ApiRequest<P extends Path, M extends Method> = Inputs<P, M> & Transport;

export interface HttpResponse<T> {
  data: T;
  status: number;
  headers: Headers;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Full jitter: a random wait up to the exponential bound, so clients don't retry in step. */
function backoff(attempt: number, base: number, retryAfter: string | null): number {
  const seconds = retryAfter === null ? Number.NaN : Number(retryAfter);
  if (Number.isFinite(seconds)) return Math.min(seconds * 1000, 30_000);
  return Math.random() * Math.min(base * 2 ** attempt, 5_000);
}

export function newIdempotencyKey(): string {
  return globalThis.crypto.randomUUID();
}

/**
 * The transport: JSON in and out, typed errors, idempotency keys on writes, and retries with
 * backoff and jitter for what may succeed later (never a 4xx other than 409/429).
 */
export function createHttp(options: HttpOptions) {
  const maxRetries = options.maxRetries ?? 3;
  const base = options.backoffMs ?? 250;
  const endpoint = options.endpoint.replace(/\/+$/, '');

  /**
   * The answer's JSON. `path` is a template of the API's document and `init.method` one of
   * its methods there (GET when left out): the params, query, body and answer are that
   * operation's.
   */
  function request<P extends Path, M extends MethodOf<P> = 'GET' & MethodOf<P>>(
    path: P,
    ...init: ArgsOf<ApiRequest<P, M>>
  ): Promise<Answer<Operation<P, M>>>;
  function request(path: string, init?: RequestOptions): Promise<unknown> {
    return send(path, init).then((res) => res.data);
  }

  /**
   * The whole exchange (status, headers), untyped: for a wrapper that types its own
   * signature from the paths, as the shared reads do.
   */
  async function send(path: string, init: RequestOptions = {}): Promise<HttpResponse<unknown>> {
    try {
      return await attempt(path, init);
    } catch (error) {
      options.onError?.(error as KioskError);
      throw error;
    }
  }

  async function attempt(path: string, init: RequestOptions): Promise<HttpResponse<unknown>> {
    const method = init.method ?? 'GET';
    const url = new URL(
      endpoint +
        path.replace(/{(\w+)}/g, (_, name: string) => encodeURIComponent(init.params![name]!)),
    );
    for (const [k, v] of Object.entries(init.query ?? {})) {
      if (v !== undefined) url.searchParams.set(k, String(v));
    }
    const idempotencyKey =
      method === 'GET' ? undefined : (init.idempotencyKey ?? newIdempotencyKey());

    for (let attempt = 0; ; attempt++) {
      const headers: Record<string, string> = {
        accept: 'application/json',
        ...(await options.headers()),
        ...init.headers,
      };
      if (init.body !== undefined) headers['content-type'] = 'application/json';
      if (init.form) headers['content-type'] = 'application/x-www-form-urlencoded';
      if (idempotencyKey) headers['idempotency-key'] = idempotencyKey;

      let res: Response;
      try {
        // `init` passes its credentials, signal and cache on as they are; fetch ignores the
        // members it does not know (WebIDL dictionaries), and JSON.stringify of undefined is
        // undefined: no body.
        res = await options.fetch(url, {
          ...init,
          method,
          headers,
          body: init.form ? new URLSearchParams(init.form).toString() : JSON.stringify(init.body),
        } as RequestInit);
      } catch (cause) {
        const error = new KioskError({
          code: init.signal?.aborted ? 'aborted' : 'network_error',
          message: 'The Kiosk API could not be reached.',
          retryable: !init.signal?.aborted,
          cause,
        });
        if (error.retryable && init.retry !== false && attempt < maxRetries) {
          await sleep(backoff(attempt, base, null));
          continue;
        }
        throw error;
      }

      if (res.ok || res.status === 304) {
        const text = res.status === 204 || res.status === 304 ? '' : await res.text();
        return {
          data: text ? JSON.parse(text) : null,
          status: res.status,
          headers: res.headers,
        };
      }

      const error = await toError(res);
      if (error.retryable && init.retry !== false && attempt < maxRetries) {
        await sleep(backoff(attempt, base, res.headers.get('retry-after')));
        continue;
      }
      throw error;
    }
  }

  return { request, send, endpoint };
}

export type Http = ReturnType<typeof createHttp>;

async function toError(res: Response): Promise<KioskError> {
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    body = undefined;
  }
  const requestId = res.headers.get('x-request-id') ?? undefined;
  const apiError = (body as { error?: unknown } | undefined)?.error;
  // The API's `{error: {code, message, details}}`, or OAuth's `{error, error_description}`.
  const code =
    typeof apiError === 'string'
      ? apiError
      : ((apiError as { code?: string } | undefined)?.code ?? `http_${res.status}`);
  const message =
    typeof apiError === 'string'
      ? ((body as { error_description?: string }).error_description ?? apiError)
      : ((apiError as { message?: string } | undefined)?.message ?? res.statusText);
  return new KioskError({
    code,
    message,
    status: res.status,
    retryable: res.status >= 500 || res.status === 429 || code === 'idempotency_in_progress',
    requestId,
    details: (apiError as { details?: unknown } | undefined)?.details,
  });
}
