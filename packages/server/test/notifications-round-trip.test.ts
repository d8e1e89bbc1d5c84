// The notification parts joined: a browser subscribes through the public route, the store
// restocks, the worker pushes (the loopback push service decrypts it), and the receipts the
// service worker would post are accepted by the receipts route and counted on the message.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendNotificationsJob } from '../src/jobs/send-notifications.js';
import { TestPushService } from '../src/testing/push-service.js';
import { createTestProduct, createTestStore, runJob, useTestApp } from './harness.js';
import { messagesOf, openHours } from './notification-delivery-fixtures.js';
import { subscribePush } from './notifications-fixtures.js';

const t = useTestApp();
let push: TestPushService;
beforeAll(async () => {
  push = await TestPushService.start();
});
afterAll(() => push.close());

describe('notifications, round trip through the public routes', () => {
  it('subscribe → restock → push decrypted → delivered and clicked receipts on the message', async () => {
    const s = await createTestStore(t.current.db, { settings: openHours });
    const tee = await createTestProduct(t.current.db, s.store, {
      handle: 'tee',
      title: 'Tee',
      variants: [{ title: 'S', stock: 0, prices: { USD: 2500 } }],
    });
    const browser = push.subscribe();
    const subscribed = await subscribePush(
      t.current,
      s.pk,
      { topic: 'back-in-stock', product: 'tee', locale: 'fr' },
      browser,
    );
    expect(subscribed.status).toBe(201);

    const restock = await t.current.request(
      `/admin/v1/products/${tee.id}/variants/${tee.variantIds[0]}`,
      { method: 'PATCH', token: s.sk, body: { stock: 4 } },
    );
    expect(restock.status).toBe(200);
    await runJob(t.current, sendNotificationsJob);

    const [received] = push.pushesTo(browser.endpoint);
    const payload = received!.payload as {
      id: string;
      title: string;
      receipt: { endpoint: string; token: string };
    };
    expect(payload.title).toBe('De retour en stock');
    const receiptPath = new URL(payload.receipt.endpoint).pathname;
    for (const event of ['delivered', 'clicked'] as const) {
      const res = await t.current.request(receiptPath, {
        body: { message: payload.id, token: payload.receipt.token, event },
      });
      expect(res.status, event).toBe(204);
    }
    const [message] = await messagesOf(t.current.db, subscribed.body.id);
    expect(message!.status).toBe('sent');
    expect(message!.deliveredAt).not.toBeNull();
    expect(message!.clickedAt).not.toBeNull();

    // A token for another message proves nothing.
    const forged = await t.current.request(receiptPath, {
      body: {
        message: payload.id,
        token: `${payload.receipt.token.slice(0, -2)}xx`,
        event: 'clicked',
      },
    });
    expect(forged.status).toBe(404);
  });
});
