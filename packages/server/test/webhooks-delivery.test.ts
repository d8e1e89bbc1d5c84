import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Database, type Db, isPostgresUrl, openDatabase } from '../src/db/index.js';
import { orders, variants, webhookDeliveries, webhookEndpoints } from '../src/db/schema/index.js';
import {
  purgeWebhookDeliveriesJob,
  WEBHOOK_DELIVERY_RETENTION_MS,
} from '../src/jobs/purge-webhook-deliveries.js';
import { sendWebhooksJob } from '../src/jobs/send-webhooks.js';
import { createLogger } from '../src/log.js';
import { RETRY_SCHEDULE_MS } from '../src/services/leased-outbox.js';
import { markPaid } from '../src/services/orders.js';
import { sendDueWebhooks } from '../src/services/webhooks/worker.js';
import {
  createTestProduct,
  createTestStore,
  runJob,
  type TestStore,
  useTestApp,
} from './harness.js';
import { addEndpoint, placeOrder, Receiver, transition } from './webhook-fixtures.js';

const t = useTestApp();
const databaseUrl = inject('databaseUrl');
/** A second instance's database: on PostgreSQL its own pool; PGlite is one process's. */
let second: Database | undefined;
beforeAll(async () => {
  if (isPostgresUrl(databaseUrl)) second = await openDatabase(databaseUrl);
});
afterAll(async () => {
  await second?.close();
});

const deliver = (aheadMs = 0) => runJob(t.current, sendWebhooksJob, aheadMs);

async function shop() {
  const s = await createTestStore(t.current.db);
  const p = await createTestProduct(t.current.db, s.store, {
    title: 'Mug',
    variants: [
      { title: 'Blue', stock: 50, prices: { USD: 1200 } },
      { title: 'Red', stock: 50, prices: { USD: 800 } },
    ],
  });
  return { s, p, ids: p.variantIds as [string, string] };
}

const deliveriesOf = (t2: typeof t.current, s: TestStore, endpointId: string) =>
  t2.request(`/admin/v1/webhooks/${endpointId}/deliveries`, { token: s.sk });

describe('webhook delivery', () => {
  it('sends order.created, order.paid and order.refunded once each, signed, with the order', async () => {
    const receiver = await Receiver.start();
    const { s, p, ids } = await shop();
    const all = await addEndpoint(t.current, s, receiver, '/all', [
      'order.created',
      'order.paid',
      'order.refunded',
    ]);
    await addEndpoint(t.current, s, receiver, '/paid', ['order.paid']);

    const orderId = await placeOrder(t.current, s, [
      { variantId: ids[0], quantity: 2, ref: 'ana.lind' },
      { variantId: ids[1], quantity: 1 },
    ]);
    await deliver();
    await transition(t.current, s, orderId, 'mark-paid');
    await deliver();
    await transition(t.current, s, orderId, 'refund');
    await deliver();
    await deliver(60 * 60_000);

    const got = receiver.verifiedAt('/all');
    expect(got.map((r) => (r.verified as { type: string }).type)).toEqual([
      'order.created',
      'order.paid',
      'order.refunded',
    ]);
    expect(new Set(got.map((r) => r.headers['webhook-id'])).size).toBe(3);
    for (const r of got) {
      expect(r.headers['content-type']).toBe('application/json');
      expect(r.headers['webhook-id']).toMatch(/^msg_[A-Za-z0-9_-]+$/);
      expect(r.headers['webhook-signature']).toMatch(/^v1,/);
    }
    const [created, paid, refunded] = got.map(
      (r) => r.verified as { type: string; timestamp: string; data: { order: any } },
    );
    expect(Date.parse(created!.timestamp)).not.toBeNaN();
    expect(created!.data.order).toMatchObject({
      id: orderId,
      status: 'pending',
      currency: 'USD',
      total: { amount: '32.00', currency: 'USD' },
    });
    // Lines come in the order view's order (by line id), not the cart's.
    expect(created!.data.order.lines).toHaveLength(2);
    expect(created!.data.order.lines).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          productId: p.id,
          variantId: ids[0],
          quantity: 2,
          unitPrice: { amount: '12.00', currency: 'USD' },
          ref: 'ana.lind',
          campaign: null,
        }),
        expect.objectContaining({ variantId: ids[1], quantity: 1, ref: null }),
      ]),
    );
    expect(paid!.data.order).toMatchObject({ id: orderId, status: 'paid' });
    expect(refunded!.data.order).toMatchObject({ id: orderId, status: 'refunded' });

    // The order.paid-only endpoint got only that, with the same webhook-id as the other.
    const paidOnly = receiver.verifiedAt('/paid');
    expect(paidOnly.map((r) => (r.verified as { type: string }).type)).toEqual(['order.paid']);
    expect(paidOnly[0]!.headers['webhook-id']).toBe(got[1]!.headers['webhook-id']);

    const history = await deliveriesOf(t.current, s, all.id);
    expect(history.status).toBe(200);
    expect(history.body.items).toHaveLength(3);
    for (const d of history.body.items) {
      expect(d).toMatchObject({
        status: 'delivered',
        attempts: 1,
        lastStatus: 200,
        lastError: null,
        nextAttemptAt: null,
      });
      expect(d).not.toHaveProperty('payload');
    }
  });

  it('sends nothing for a cancellation, nor to a deleted endpoint', async () => {
    const receiver = await Receiver.start();
    const { s, ids } = await shop();
    const hook = await addEndpoint(t.current, s, receiver, '/x', ['order.paid', 'order.refunded']);
    const orderId = await placeOrder(t.current, s, [{ variantId: ids[0] }]);
    await transition(t.current, s, orderId, 'mark-paid');
    await transition(t.current, s, orderId, 'cancel');
    const del = await t.current.request(`/admin/v1/webhooks/${hook.id}`, {
      token: s.sk,
      method: 'DELETE',
    });
    expect(del.status).toBe(204);
    await deliver();
    expect(receiver.received).toEqual([]);
    expect(await t.current.db.select().from(webhookDeliveries)).toEqual([]);
  });

  it('retries after 500 with the same webhook-id, keeping to the backoff', async () => {
    const receiver = await Receiver.start();
    receiver.answers = [500];
    const { s, ids } = await shop();
    const hook = await addEndpoint(t.current, s, receiver, '/r', ['order.created']);
    await placeOrder(t.current, s, [{ variantId: ids[0] }]);

    await deliver();
    expect(receiver.received).toHaveLength(1);
    const pending = await deliveriesOf(t.current, s, hook.id);
    expect(pending.body.items[0]).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastStatus: 500,
      lastError: 'http_500',
    });
    const due = Date.parse(pending.body.items[0].nextAttemptAt) - t.current.now().getTime();
    expect(due).toBeGreaterThan(4_000);
    expect(due).toBeLessThanOrEqual(5_000);

    // Not before its time.
    await deliver(3_000);
    expect(receiver.received).toHaveLength(1);
    await deliver(5_000);
    const got = receiver.verifiedAt('/r');
    expect(got).toHaveLength(2);
    expect(got[1]!.headers['webhook-id']).toBe(got[0]!.headers['webhook-id']);
    expect(got[1]!.body).toBe(got[0]!.body);
    const done = await deliveriesOf(t.current, s, hook.id);
    expect(done.body.items[0]).toMatchObject({
      status: 'delivered',
      attempts: 2,
      lastStatus: 200,
      lastError: null,
    });
  });

  it('gives up after the last attempt of the schedule, and says why', async () => {
    const receiver = await Receiver.start();
    receiver.answers = Array(20).fill(503);
    const { s, ids } = await shop();
    const hook = await addEndpoint(t.current, s, receiver, '/down', ['order.created']);
    await placeOrder(t.current, s, [{ variantId: ids[0] }]);
    let ahead = 0;
    for (const [i, wait] of RETRY_SCHEDULE_MS.entries()) {
      // A moment before the attempt is due, nothing goes.
      if (wait > 0) {
        await deliver(ahead + wait - 1_000);
        expect(receiver.received).toHaveLength(i);
      }
      ahead += wait;
      await deliver(ahead);
      expect(receiver.received).toHaveLength(i + 1);
    }
    await deliver(ahead + 24 * 3_600_000);
    expect(receiver.received).toHaveLength(RETRY_SCHEDULE_MS.length);
    expect(new Set(receiver.verifiedAt('/down').map((r) => r.headers['webhook-id'])).size).toBe(1);
    const failed = await deliveriesOf(t.current, s, hook.id);
    expect(failed.body.items[0]).toMatchObject({
      status: 'failed',
      attempts: 8,
      lastStatus: 503,
      lastError: 'http_503',
      nextAttemptAt: null,
    });
  });

  it('counts an answer too slow as a failed attempt', async () => {
    const receiver = await Receiver.start();
    receiver.delayMs = 1_000;
    const { s, ids } = await shop();
    const hook = await addEndpoint(t.current, s, receiver, '/slow', ['order.created']);
    await placeOrder(t.current, s, [{ variantId: ids[0] }]);
    const deps = { db: t.current.db, log: createLogger('silent'), now: t.current.now };
    expect(await sendDueWebhooks(deps, { batchSize: 10, timeoutMs: 200 })).toBe(1);
    expect(receiver.received).toHaveLength(1);
    expect((await deliveriesOf(t.current, s, hook.id)).body.items[0]).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastStatus: null,
      lastError: 'timeout',
    });
  });

  it('counts a redirect (not followed) and a closed port as failures', async () => {
    const receiver = await Receiver.start();
    receiver.answers = [302];
    const { s, ids } = await shop();
    const moved = await addEndpoint(t.current, s, receiver, '/moved', ['order.created']);
    const closed = await t.current.request('/admin/v1/webhooks', {
      token: s.sk,
      body: { url: 'http://127.0.0.1:1/nothing-here', events: ['order.created'] },
    });
    await placeOrder(t.current, s, [{ variantId: ids[0] }]);
    await deliver();
    expect(receiver.received).toHaveLength(1);
    expect((await deliveriesOf(t.current, s, moved.id)).body.items[0]).toMatchObject({
      status: 'pending',
      lastStatus: 302,
      lastError: 'http_302',
    });
    expect((await deliveriesOf(t.current, s, closed.body.id)).body.items[0]).toMatchObject({
      status: 'pending',
      lastStatus: null,
      lastError: 'econnrefused',
    });
  });

  it("does not send a live store's events to an internal address a host name resolves to", async () => {
    const receiver = await Receiver.start();
    const live = await createTestStore(t.current.db, { mode: 'live' });
    // As if its public name had been pointed at loopback after the endpoint was made.
    const [endpoint] = await t.current.db
      .insert(webhookEndpoints)
      .values({
        id: crypto.randomUUID(),
        storeId: live.store.id,
        url: `${receiver.url.replace('127.0.0.1', 'localhost')}/inside`,
        events: ['order.created'],
        secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
      })
      .returning();
    const p = await createTestProduct(t.current.db, live.store, {
      variants: [{ stock: 5, prices: { USD: 100 } }],
    });
    await placeOrder(t.current, live, [{ variantId: p.variantIds[0]! }]);
    await deliver();
    expect(receiver.received).toEqual([]);
    const [row] = await t.current.db
      .select()
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.endpointId, endpoint!.id));
    expect(row).toMatchObject({
      status: 'pending',
      lastStatus: null,
      lastError: 'address_not_public',
    });
  });

  it('enqueues nothing when the order change rolls back', async () => {
    const receiver = await Receiver.start();
    const { s, ids } = await shop();
    await addEndpoint(t.current, s, receiver, '/rb', ['order.created', 'order.paid']);
    const orderId = await placeOrder(t.current, s, [{ variantId: ids[0] }]);
    await deliver();
    expect(receiver.received).toHaveLength(1);

    // markPaid inside a transaction that then fails: its savepoint goes with it.
    await expect(
      t.current.db.transaction(async (tx) => {
        await markPaid(tx as unknown as Db, s.store, orderId, t.current.now());
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    const [order] = await t.current.db.select().from(orders).where(eq(orders.id, orderId));
    expect(order!.status).toBe('pending');
    // A checkout refused (out of stock) writes no order.created either.
    const cart = await t.current.request('/v1/carts', { key: s.pk, body: {} });
    await t.current.request(`/v1/carts/${cart.body.id}/lines`, {
      key: s.pk,
      body: { variantId: ids[1], quantity: 5 },
    });
    await t.current.db.update(variants).set({ stock: 1 });
    const refused = await t.current.request(`/v1/carts/${cart.body.id}/checkout`, {
      key: s.pk,
      body: {},
    });
    expect(refused.status).toBe(422);
    await deliver(60_000);
    expect(receiver.received).toHaveLength(1);
    expect(await t.current.db.select().from(webhookDeliveries)).toHaveLength(1);
  });

  it('never logs the secret or the payload', async () => {
    const receiver = await Receiver.start();
    receiver.answers = [500];
    const { s, ids } = await shop();
    const hook = await addEndpoint(t.current, s, receiver, '/logs', ['order.created']);
    await placeOrder(t.current, s, [{ variantId: ids[0], ref: 'secret.ref' }]);
    const logs: string[] = [];
    await sendWebhooksJob.run({
      db: t.current.db,
      log: createLogger('debug', (l) => logs.push(l)),
      now: t.current.now,
    });
    expect(receiver.received).toHaveLength(1);
    expect(logs.join('\n')).toContain('http_500');
    const all = [...logs, ...t.current.logs].join('\n');
    expect(all).not.toContain(hook.secret);
    expect(all).not.toContain(hook.secret.slice(6));
    expect(all).not.toContain('secret.ref');
  });

  it('two workers at once deliver each message exactly once', async () => {
    const receiver = await Receiver.start();
    receiver.delayMs = 20;
    const { s, ids } = await shop();
    for (let i = 0; i < 8; i++) {
      await addEndpoint(t.current, s, receiver, `/w${i}`, ['order.created', 'order.paid']);
    }
    for (let i = 0; i < 3; i++) {
      const orderId = await placeOrder(t.current, s, [{ variantId: ids[i % 2]! }]);
      await transition(t.current, s, orderId, 'mark-paid');
    }
    // Small batches, round after round, so the two claim side by side all along.
    const worker = async (db: Db) => {
      const deps = { db, log: createLogger('silent'), now: t.current.now };
      let claimed = 0;
      for (
        let n = await sendDueWebhooks(deps, { batchSize: 4 });
        n > 0;
        n = await sendDueWebhooks(deps, { batchSize: 4 })
      ) {
        claimed += n;
      }
      return claimed;
    };
    const other = second?.db ?? t.current.db;
    const [a, b] = await Promise.all([worker(t.current.db), worker(other)]);
    expect(a + b).toBe(48);
    expect(a).toBeGreaterThan(0);
    expect(b).toBeGreaterThan(0);
    expect(receiver.received).toHaveLength(48);
    const keys = receiver.received.map((r) => `${r.path} ${r.headers['webhook-id']}`);
    expect(new Set(keys).size).toBe(48);
    for (const r of receiver.received) expect(r.error).toBeNull();
    const rows = await t.current.db.select().from(webhookDeliveries);
    expect(rows.every((r) => r.status === 'delivered' && r.attempts === 1)).toBe(true);
  });

  it('purges finished deliveries after the retention, never pending ones', async () => {
    const receiver = await Receiver.start();
    const { s, ids } = await shop();
    const ok = await addEndpoint(t.current, s, receiver, '/ok', ['order.created']);
    receiver.failing.add('/down');
    const down = await addEndpoint(t.current, s, receiver, '/down', ['order.created']);
    await placeOrder(t.current, s, [{ variantId: ids[0] }]);
    await deliver();
    expect(receiver.received).toHaveLength(2);
    const ahead = WEBHOOK_DELIVERY_RETENTION_MS + 60_000;
    expect(await runJob(t.current, purgeWebhookDeliveriesJob, ahead - 120_000)).toBe(0);
    expect(await runJob(t.current, purgeWebhookDeliveriesJob, ahead)).toBe(1);
    expect((await deliveriesOf(t.current, s, ok.id)).body.items).toEqual([]);
    const left = (await deliveriesOf(t.current, s, down.id)).body.items;
    expect(left).toHaveLength(1);
    expect(left[0]).toMatchObject({ status: 'pending', attempts: 1 });
  });
});
