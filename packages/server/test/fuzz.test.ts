import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import type { Db } from '../src/db/index.js';
import { errorCodes } from '../src/errors.js';
import { createLogger } from '../src/log.js';
import { asText, junkFor, pct, prng } from './fuzz-junk.js';
import {
  type Baseline,
  baselines,
  buildWorld,
  hostedPages,
  isolated,
  type World,
} from './fuzz-world.js';
import { createTestApp, type TestApp } from './harness.js';

/**
 * Walks every operation of /openapi.json (and the hosted sign-in and checkout forms) with
 * valid credentials and real fixtures, and replaces ONE field at a time — each path
 * parameter, each query parameter, each body field at any depth, the whole body — with
 * junk of every kind. Whatever the input: never a 5xx, and every 4xx is our error shape
 * with a known code (RFC 6749 errors on the OAuth endpoints, a page on HTML routes).
 */

const SEED = Number(process.env.KIOSK_FUZZ_SEED ?? 9);

interface Operation {
  key: string;
  method: string;
  path: string;
  security: string[];
  pathParams: string[];
  queryParams: string[];
  bodyType: 'json' | 'form' | null;
  bodyProperties: string[];
}

type Json = Record<string, any>;

async function openApiDocument(): Promise<Json> {
  // The document does not touch the database.
  const app = createApp({ db: {} as Db, log: createLogger('silent'), now: () => new Date() });
  return (await app.request('/openapi.json')).json() as Promise<Json>;
}

function resolve(doc: Json, schema: Json | undefined): Json | undefined {
  if (!schema?.$ref) return schema;
  return doc.components.schemas[schema.$ref.split('/').at(-1)];
}

function operationsOf(doc: Json): Operation[] {
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries<Json>(doc.paths)) {
    for (const [method, op] of Object.entries<Json>(item)) {
      const params: Json[] = op.parameters ?? [];
      const content: Json = op.requestBody?.content ?? {};
      const bodyType = content['application/x-www-form-urlencoded']
        ? 'form'
        : content['application/json']
          ? 'json'
          : null;
      const schema = resolve(
        doc,
        (content['application/x-www-form-urlencoded'] ?? content['application/json'])?.schema,
      );
      ops.push({
        key: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        security: Object.keys(op.security?.[0] ?? {}),
        pathParams: params.filter((p) => p.in === 'path').map((p) => p.name),
        queryParams: params.filter((p) => p.in === 'query').map((p) => p.name),
        bodyType,
        bodyProperties: Object.keys(schema?.properties ?? {}),
      });
    }
  }
  return ops;
}

const doc = await openApiDocument();
const operations = operationsOf(doc);

const hostedOperations: Operation[] = [
  {
    key: 'GET /checkout/{orderId}',
    method: 'GET',
    path: '/checkout/{orderId}',
    security: [],
    pathParams: ['orderId'],
    queryParams: ['locale', 'return_to'],
    bodyType: null,
    bodyProperties: [],
  },
  {
    key: 'POST /checkout/{orderId}/pay',
    method: 'POST',
    path: '/checkout/{orderId}/pay',
    security: [],
    pathParams: ['orderId'],
    queryParams: ['locale', 'return_to'],
    bodyType: 'form',
    bodyProperties: ['card', 'name'],
  },
  {
    key: 'GET /orders/{orderId}',
    method: 'GET',
    path: '/orders/{orderId}',
    security: [],
    pathParams: ['orderId'],
    queryParams: ['locale'],
    bodyType: null,
    bodyProperties: [],
  },
  {
    key: 'POST /orders/{orderId}/returns',
    method: 'POST',
    path: '/orders/{orderId}/returns',
    security: [],
    pathParams: ['orderId'],
    queryParams: ['locale'],
    bodyType: 'form',
    bodyProperties: ['reason', 'comment'],
  },
  {
    key: 'GET /orders',
    method: 'GET',
    path: '/orders',
    security: [],
    pathParams: [],
    queryParams: ['access', 'locale'],
    bodyType: null,
    bodyProperties: [],
  },
  ...(['GET', 'POST'] as const).map(
    (method): Operation => ({
      key: `${method} /v1/notifications/unsubscribe`,
      method,
      path: '/v1/notifications/unsubscribe',
      security: [],
      pathParams: [],
      queryParams: ['token'],
      bodyType: method === 'POST' ? 'form' : null,
      bodyProperties: method === 'POST' ? ['List-Unsubscribe'] : [],
    }),
  ),
  {
    key: 'GET /n/{ref}',
    method: 'GET',
    path: '/n/{ref}',
    security: [],
    pathParams: ['ref'],
    queryParams: [],
    bodyType: null,
    bodyProperties: [],
  },
  ...['options', 'authenticate'].map(
    (step): Operation => ({
      key: `POST /oauth/passkeys/${step}`,
      method: 'POST',
      path: `/oauth/passkeys/${step}`,
      security: [],
      pathParams: [],
      queryParams: [],
      bodyType: 'form',
      bodyProperties: [
        'client_id',
        'redirect_uri',
        'state',
        'code_challenge',
        'passkey_challenge',
        'passkey_response',
      ],
    }),
  ),
];

// --- Requests -----------------------------------------------------------------------

/** A request as the fuzzer varies it: the baseline with one thing changed. */
interface Variant {
  label: string;
  params: Record<string, string>;
  /** Repeated keys are kept: `[['first', '1'], ['first', '2']]`. */
  query: [string, string][];
  /** The body text as sent, and its content type. */
  body?: { text: string; type: string | null };
}

function credentials(op: Operation, w: World): Record<string, string> {
  const headers: Record<string, string> = {};
  if (op.security.includes('storeKey')) headers['x-kiosk-key'] = w.pk;
  if (op.security.includes('customerToken')) headers.authorization = `Bearer ${w.shopper.token}`;
  if (op.security.includes('secretKey')) headers.authorization = `Bearer ${w.sk}`;
  return headers;
}

function encodeBody(op: Operation, value: unknown): Variant['body'] {
  if (op.bodyType === 'form') {
    const fields = Object.entries(value as Record<string, unknown>).map(
      ([k, v]) => `${pct(k)}=${pct(asText(v))}`,
    );
    return { text: fields.join('&'), type: 'application/x-www-form-urlencoded' };
  }
  return { text: JSON.stringify(value), type: 'application/json' };
}

function baseVariant(op: Operation, base: Baseline): Variant {
  const body = base.form ?? base.body;
  return {
    label: 'baseline',
    params: { ...base.params },
    query: Object.entries(base.query ?? {}),
    ...(body !== undefined || op.bodyType ? { body: encodeBody(op, body ?? {}) } : {}),
  };
}

async function send(t: TestApp, op: Operation, w: World, base: Baseline, v: Variant) {
  const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => pct(v.params[name] ?? ''));
  const query = v.query.map(([k, value]) => `${pct(k)}=${pct(value)}`).join('&');
  const headers: Record<string, string> = { ...credentials(op, w), ...base.headers };
  if (v.body?.type) headers['content-type'] = v.body.type;
  const res = await t.app.request(query ? `${path}?${query}` : path, {
    method: op.method,
    headers,
    ...(v.body ? { body: v.body.text } : {}),
  });
  const text = await res.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, type: res.headers.get('content-type') ?? '', json };
}

// --- Mutations ----------------------------------------------------------------------

type PathKey = (string | number)[];

/**
 * Every node of a JSON value with its path (the root excluded). Of an array, only the
 * first item is walked into: the others have the same shape.
 */
function nodes(value: unknown, at: PathKey = []): { path: PathKey; value: unknown }[] {
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => {
    const path = [...at, Array.isArray(value) ? Number(k) : k];
    const inside = Array.isArray(value) && k !== '0' ? [] : nodes(v, path);
    return [{ path, value: v }, ...inside];
  });
}

function setAt(root: unknown, path: PathKey, value: unknown, remove = false): unknown {
  const copy = structuredClone(root) as any;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key];
  const last = path.at(-1)!;
  if (remove && Array.isArray(node)) node.splice(last as number, 1);
  else if (remove) delete node[last];
  else node[last] = value;
  return copy;
}

const junkKeys = ['k\u0000', '__proto__', 'K'.repeat(1_000)];
const rawBodies = ['', '{', 'null', '"text"', '[]', '{"a":', '\u0000', `"${'z'.repeat(60_000)}"`];

function* variants(op: Operation, base: Baseline, random: () => number): Generator<Variant> {
  const start = baseVariant(op, base);
  const junk = (field: string, classes?: number) => junkFor(random, field, classes);

  for (const name of new Set([...op.pathParams, ...Object.keys(base.params ?? {})])) {
    for (const j of junk(name)) {
      yield {
        ...start,
        label: `path ${name}=${show(j)}`,
        params: { ...start.params, [name]: asText(j) },
      };
    }
  }

  // A parameter no operation has must be ignored, whatever it holds.
  for (const j of junk('unknown', 0)) {
    yield {
      ...start,
      label: `query unknown=${show(j)}`,
      query: [...start.query, ['unknown', asText(j)]],
    };
  }
  for (const name of new Set([...op.queryParams, ...Object.keys(base.query ?? {})])) {
    const others = start.query.filter(([k]) => k !== name);
    for (const j of junk(name)) {
      yield { ...start, label: `query ${name}=${show(j)}`, query: [...others, [name, asText(j)]] };
    }
    yield {
      ...start,
      label: `query ${name} twice`,
      query: [...start.query, [name, '1'], [name, 'x']],
    };
    yield { ...start, label: `query without ${name}`, query: others };
  }

  if (!op.bodyType) return;
  const body: unknown = base.form ?? base.body ?? {};
  const paths: PathKey[] = [
    ...nodes(body).map((n) => n.path),
    ...op.bodyProperties.filter((p) => !(p in (body as object))).map((p) => [p]),
  ];
  for (const path of paths) {
    const name = path.join('.');
    // Nested fields get the core junk and a few classes: the first level gets them all.
    for (const j of junk(String(path.at(-1)), path.length > 1 ? 3 : undefined)) {
      yield {
        ...start,
        label: `body ${name}=${show(j)}`,
        body: encodeBody(op, setAt(body, path, j)),
      };
    }
    yield {
      ...start,
      label: `body without ${name}`,
      body: encodeBody(op, setAt(body, path, undefined, true)),
    };
  }
  const objects = [{ path: [] as PathKey, value: body }, ...nodes(body)].filter(
    (n) => n.value !== null && typeof n.value === 'object' && !Array.isArray(n.value),
  );
  if (op.bodyType === 'json') {
    for (const { path } of objects) {
      for (const key of junkKeys) {
        const at = [...path, key];
        yield {
          ...start,
          label: `body key ${show(at.join('.'))}`,
          body: { text: addKey(body, path, key), type: 'application/json' },
        };
      }
    }
  }
  for (const j of junk('')) {
    yield {
      ...start,
      label: `whole body=${show(j)}`,
      body: { text: JSON.stringify(j), type: start.body!.type },
    };
  }
  for (const text of rawBodies) {
    yield { ...start, label: `raw body ${show(text)}`, body: { text, type: start.body!.type } };
  }
  for (const type of [
    null,
    'text/plain',
    'application/json; charset=utf-16',
    'multipart/form-data',
  ]) {
    yield { ...start, label: `content-type ${type}`, body: { text: start.body!.text, type } };
  }
}

/** JSON text with `key` added to the object at `path` (JSON.stringify drops `__proto__`). */
function addKey(body: unknown, path: PathKey, key: string): string {
  const marker = '"__kiosk_fuzz_marker__"';
  const withMarker = setAt(body, [...path, '__kiosk_fuzz_marker__'], 1);
  return JSON.stringify(withMarker).replace(`${marker}:1`, `${JSON.stringify(key)}:"v"`);
}

function show(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : asText(value);
  return text.length > 40 ? `${text.slice(0, 30)}…(${text.length})` : text;
}

// --- Checks -------------------------------------------------------------------------

const knownCodes = new Set(Object.keys(errorCodes));
const oauthErrors = new Set([
  'invalid_request',
  'invalid_client',
  'invalid_grant',
  'unauthorized_client',
  'unsupported_grant_type',
  'invalid_scope',
  'authorization_pending',
]);

/** What is wrong with an answer, or null. */
function problem(op: Operation, res: Awaited<ReturnType<typeof send>>): string | null {
  if (res.status >= 500) return `${res.status} ${res.json?.error?.code ?? res.type}`;
  if (res.status < 400) return null;
  if (/^\/oauth\/(token|revoke|poll)$/.test(op.path)) {
    const e = res.json;
    return typeof e?.error === 'string' &&
      oauthErrors.has(e.error) &&
      typeof e.error_description === 'string'
      ? null
      : `${res.status} not an RFC 6749 error: ${JSON.stringify(e)}`;
  }
  if (res.type.startsWith('text/html')) {
    return /^\/(oauth|checkout|orders|n|p|s)\/|^\/orders$|^\/v1\/notifications\/unsubscribe$/.test(
      op.path,
    )
      ? null
      : `${res.status} HTML from a JSON route`;
  }
  const e = res.json?.error;
  if (typeof e?.code === 'string' && knownCodes.has(e.code) && typeof e.message === 'string') {
    return null;
  }
  return `${res.status} not our error shape: ${JSON.stringify(res.json)?.slice(0, 200)}`;
}

/** The last server error the app logged, to say why a 5xx happened. */
function lastServerError(t: TestApp): string {
  for (const line of [...t.logs].reverse()) {
    const entry = JSON.parse(line);
    if (entry.level === 'error') return String(entry.error ?? entry.msg).slice(0, 160);
  }
  return '';
}

/**
 * One world for every operation that leaves the fixtures usable (reads first, then such
 * writes); an `isolated` one gets a fresh database and world.
 */
let shared: { t: TestApp; world: World };

async function freshWorld() {
  const t = await createTestApp();
  return { t, world: await buildWorld(t) };
}

beforeAll(async () => {
  shared = await freshWorld();
});

async function fuzz(op: Operation, baseline: (w: World) => Baseline) {
  const { t, world } = isolated.has(op.key) ? await freshWorld() : shared;
  const base = baseline(world);
  const random = prng(SEED ^ hash(op.key));

  const first = await send(t, op, world, base, baseVariant(op, base));
  if (base.expectStatus !== undefined) expect(first.status, op.key).toBe(base.expectStatus);
  else expect(first.status, `${op.key}: ${JSON.stringify(first.json)}`).toBeLessThan(300);

  const failures: string[] = [];
  for (const v of variants(op, base, random)) {
    const res = await send(t, op, world, base, v);
    const wrong = problem(op, res);
    if (wrong)
      failures.push(
        `${op.key} ${v.label} → ${wrong} ${res.status >= 500 ? lastServerError(t) : ''}`.trim(),
      );
  }
  expect(failures, failures.join('\n')).toEqual([]);
}

function hash(text: string): number {
  let h = 2166136261;
  for (const ch of text) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return h >>> 0;
}

describe('fuzzing every operation with junk, one field at a time', () => {
  it('has a valid baseline request for every operation of /openapi.json', () => {
    const missing = operations.map((o) => o.key).filter((k) => !(k in baselines));
    expect(missing).toEqual([]);
    expect(operations.length).toBeGreaterThan(40);
  });

  const all = [
    ...operations.map((op) => ({ op, baseline: baselines[op.key]!, what: '' })),
    ...hostedOperations.map((op) => ({ op, baseline: hostedPages[op.key]!, what: ' (hosted)' })),
  ];
  // Reads, then the writes that leave the shared world usable, then isolated ones.
  const rank = (op: Operation) => (op.method === 'GET' ? 0 : isolated.has(op.key) ? 2 : 1);
  all.sort((a, b) => rank(a.op) - rank(b.op));
  for (const { op, baseline, what } of all) {
    it(`${op.key}${what} never answers 5xx`, () => fuzz(op, baseline));
  }
});
