import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { expect, onTestFinished } from 'vitest';
import type { TestApp, TestStore } from './harness.js';

export interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** What `new Webhook(secret).verify` returned (the parsed body), or why it threw. */
  verified: unknown;
  error: string | null;
}

/**
 * A webhook receiver on loopback: verifies each delivery with the secret of the endpoint its
 * path names (`standardwebhooks`, as a merchant would), records it, and answers 500 on a
 * `failing` path, else the next status of `answers` (200 once they run out). Closed after
 * the test.
 */
export class Receiver {
  readonly received: Received[] = [];
  /** Path → secret, set once the endpoint exists. */
  readonly secrets = new Map<string, string>();
  answers: number[] = [];
  /** Paths that always answer 500 (whatever `answers` says). */
  readonly failing = new Set<string>();
  delayMs = 0;
  url = '';

  static async start(): Promise<Receiver> {
    const receiver = new Receiver();
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', async () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const path = req.url ?? '/';
        let verified: unknown;
        let error: string | null = null;
        try {
          verified = new Webhook(receiver.secrets.get(path) ?? 'whsec_AAAA').verify(
            body,
            req.headers as Record<string, string>,
          );
        } catch (e) {
          error = (e as Error).message;
        }
        receiver.received.push({ path, headers: req.headers, body, verified, error });
        if (receiver.delayMs) await new Promise((r) => setTimeout(r, receiver.delayMs));
        res.statusCode = receiver.failing.has(path) ? 500 : (receiver.answers.shift() ?? 200);
        res.end('ok');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
    receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return receiver;
  }

  /** Deliveries to `path`, each checked to have passed verification. */
  verifiedAt(path: string): Received[] {
    const got = this.received.filter((r) => r.path === path);
    for (const r of got) expect(r.error).toBeNull();
    return got;
  }
}

/** Adds an endpoint at `receiver.url + path` for `events`; its secret goes to the receiver. */
export async function addEndpoint(
  t: TestApp,
  s: TestStore,
  receiver: Receiver,
  path: string,
  events: string[],
) {
  const res = await t.request('/admin/v1/webhooks', {
    token: s.sk,
    body: { url: `${receiver.url}${path}`, events },
  });
  expect(res.status).toBe(201);
  receiver.secrets.set(path, res.body.secret);
  return res.body as { id: string; secret: string };
}

/** A cart with `lines`, checked out: the pending order's id. */
export async function placeOrder(
  t: TestApp,
  s: TestStore,
  lines: { variantId: string; quantity?: number; ref?: string }[],
): Promise<string> {
  const cart = await t.request('/v1/carts', { key: s.pk, body: {} });
  for (const line of lines) {
    const res = await t.request(`/v1/carts/${cart.body.id}/lines`, { key: s.pk, body: line });
    expect(res.status).toBe(200);
  }
  const res = await t.request(`/v1/carts/${cart.body.id}/checkout`, {
    key: s.pk,
    body: { email: 'guest@example.com' },
  });
  expect(res.status).toBe(201);
  return res.body.orderId;
}

/** An admin order transition (`mark-paid`, `refund`, `cancel`), expected to succeed. */
export async function transition(t: TestApp, s: TestStore, orderId: string, action: string) {
  const res = await t.request(`/admin/v1/orders/${orderId}/${action}`, {
    token: s.sk,
    method: 'POST',
  });
  expect(res.status).toBe(200);
  return res.body;
}
