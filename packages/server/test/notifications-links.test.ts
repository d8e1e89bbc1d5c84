import { beforeEach, describe, expect, it } from 'vitest';
import { receiptToken } from '../src/services/notifications/receipts.js';
import { unsubscribeToken } from '../src/services/notifications/subscriptions.js';
import { createTestApp, createTestStore, type TestApp, type TestStore } from './harness.js';
import {
  formAction,
  insertMessage,
  messageRow,
  oneClick,
  subscribePush,
  subscriptionRow,
} from './notifications-fixtures.js';
import { postForm } from './oauth-fixtures.js';

let t: TestApp;
let s: TestStore;

beforeEach(async () => {
  t = await createTestApp();
  s = await createTestStore(t.db, { name: 'Aurora', allowedOrigins: ['https://shop.example'] });
});

async function subscribed(fields: Record<string, unknown> = {}) {
  const res = await subscribePush(t, s.pk, { locale: 'de', ...fields });
  expect(res.status).toBe(201);
  return res.body as { id: string; unsubscribeToken: string };
}

describe('unsubscribe links', () => {
  it('show a translated page with a button on GET, and never unsubscribe on GET', async () => {
    const sub = await subscribed();
    const page = await t.request(`/v1/notifications/unsubscribe?token=${sub.unsubscribeToken}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.body).toContain('<html lang="de"');
    expect(page.body).toContain('Aktionen');
    expect(page.body).toContain('name="List-Unsubscribe" value="One-Click"');
    expect(formAction(page.body)).toBe(
      `/v1/notifications/unsubscribe?token=${sub.unsubscribeToken}`,
    );
    expect((await subscriptionRow(t, sub.id)).removedAt).toBeNull();
  });

  it('unsubscribe with the RFC 8058 one-click POST, and drop the messages not yet sent', async () => {
    const sub = await subscribed();
    const pending = await insertMessage(t, sub.id);
    // The link as a sender builds it for a message, from the subscription's id.
    const res = await oneClick(t, unsubscribeToken(s.store.tokenSecret, sub.id));
    expect(res.status).toBe(200);
    expect(res.body).toContain('Sie sind abgemeldet');
    expect((await subscriptionRow(t, sub.id)).removedAt).not.toBeNull();
    expect((await messageRow(t, pending.id)).status).toBe('dropped');

    // Again (a retrying provider, the button pressed twice): the same answer.
    expect((await oneClick(t, sub.unsubscribeToken)).status).toBe(200);
    const page = await t.request(`/v1/notifications/unsubscribe?token=${sub.unsubscribeToken}`);
    expect(page.body).toContain('Sie sind abgemeldet');
    expect(formAction(page.body)).toBeUndefined();
  });

  it("work from the page's own button", async () => {
    const sub = await subscribed();
    const page = await t.request(`/v1/notifications/unsubscribe?token=${sub.unsubscribeToken}`);
    const res = await postForm(t, formAction(page.body)!, { 'List-Unsubscribe': 'One-Click' });
    expect(res.status).toBe(200);
    expect((await subscriptionRow(t, sub.id)).removedAt).not.toBeNull();
  });

  it('refuse a POST without the one-click body, and unknown or junk tokens', async () => {
    const sub = await subscribed();
    expect((await oneClick(t, sub.unsubscribeToken, {} as never)).status).toBe(400);
    expect(
      (await oneClick(t, sub.unsubscribeToken, { 'List-Unsubscribe': 'Yes' } as never)).status,
    ).toBe(400);
    const json = await t.request(`/v1/notifications/unsubscribe?token=${sub.unsubscribeToken}`, {
      body: { 'List-Unsubscribe': 'One-Click' },
    });
    expect(json.status).toBe(400);
    expect((await subscriptionRow(t, sub.id)).removedAt).toBeNull();

    for (const token of ['unknown', 'x'.repeat(101), '%00', '']) {
      expect((await oneClick(t, token)).status).toBe(400);
      expect((await t.request(`/v1/notifications/unsubscribe?token=${token}`)).status).toBe(400);
    }
    expect((await t.request('/v1/notifications/unsubscribe')).status).toBe(400);
  });
});

describe('receipts', () => {
  it('record each event the first time, with a valid token only', async () => {
    const sub = await subscribed();
    const message = await insertMessage(t, sub.id, { status: 'sent', sentAt: t.now() });
    const token = receiptToken(s.store.tokenSecret, message.id);
    const report = (event: string, tok = token, id = message.id) =>
      t.request('/v1/notifications/receipts', { body: { message: id, token: tok, event } });

    expect((await report('delivered')).status).toBe(204);
    const first = (await messageRow(t, message.id)).deliveredAt!;
    expect(first).not.toBeNull();
    t.advanceClock(60_000);
    expect((await report('delivered')).status).toBe(204);
    expect((await messageRow(t, message.id)).deliveredAt).toEqual(first);

    expect((await report('dismissed')).status).toBe(204);
    const row = await messageRow(t, message.id);
    expect(row.dismissedAt!.getTime()).toBeGreaterThan(first.getTime());
    expect(row.clickedAt).toBeNull();

    const wrong = await report('clicked', 'forged');
    expect(wrong.status).toBe(404);
    expect(wrong.body.error.code).toBe('message_not_found');
    const other = await insertMessage(t, sub.id);
    expect((await report('clicked', token, other.id)).status).toBe(404);
    expect((await messageRow(t, other.id)).clickedAt).toBeNull();
  });

  it('count a click as delivered when no delivery was reported', async () => {
    const sub = await subscribed();
    const message = await insertMessage(t, sub.id, { status: 'sent', sentAt: t.now() });
    const res = await t.request('/v1/notifications/receipts', {
      body: {
        message: message.id,
        token: receiptToken(s.store.tokenSecret, message.id),
        event: 'clicked',
      },
    });
    expect(res.status).toBe(204);
    const row = await messageRow(t, message.id);
    expect(row.clickedAt).not.toBeNull();
    expect(row.deliveredAt).toEqual(row.clickedAt);
  });

  it("refuse another store's token for a message", async () => {
    const other = await createTestStore(t.db);
    const sub = await subscribed();
    const message = await insertMessage(t, sub.id);
    const res = await t.request('/v1/notifications/receipts', {
      body: {
        message: message.id,
        token: receiptToken(other.store.tokenSecret, message.id),
        event: 'delivered',
      },
    });
    expect(res.status).toBe(404);
  });

  it.each([
    ['no body', undefined],
    [
      'a junk event',
      { message: '00000000-0000-4000-8000-000000000000', token: 'x', event: 'read' },
    ],
    ['a message that is no uuid', { message: 'm1', token: 'x', event: 'clicked' }],
    [
      'an empty token',
      { message: '00000000-0000-4000-8000-000000000000', token: '', event: 'clicked' },
    ],
  ])('answer 400 to %s', async (_, body) => {
    const res = await t.request('/v1/notifications/receipts', { method: 'POST', body });
    expect(res.status).toBe(400);
  });

  it("answer the service worker's preflight from an allowed origin, without a store key", async () => {
    const preflight = await t.request('/v1/notifications/receipts', {
      method: 'OPTIONS',
      headers: {
        origin: 'https://shop.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://shop.example');

    const sub = await subscribed();
    const message = await insertMessage(t, sub.id);
    const res = await t.request('/v1/notifications/receipts', {
      headers: { origin: 'https://shop.example' },
      body: {
        message: message.id,
        token: receiptToken(s.store.tokenSecret, message.id),
        event: 'delivered',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('https://shop.example');
  });
});

describe('email links (/n/)', () => {
  it('record the click and redirect to the deep link', async () => {
    const sub = await subscribed();
    const message = await insertMessage(t, sub.id, {
      status: 'sent',
      sentAt: t.now(),
      payload: { title: 'Back', url: 'https://shop.example/p/shirt?kiosk_product=shirt' },
    });
    const token = receiptToken(s.store.tokenSecret, message.id);
    const res = await t.request(`/n/${message.id}.${token}`);
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('https://shop.example/p/shirt?kiosk_product=shirt');
    const row = await messageRow(t, message.id);
    expect(row.clickedAt).not.toBeNull();
    expect(row.deliveredAt).not.toBeNull();
    // The request log keeps the message id, never the token.
    const logs = t.logs.join('\n');
    expect(logs).toContain(`/n/${message.id}`);
    expect(logs).not.toContain(token);
  });

  it('answer a page, not a redirect, to a forged or broken link', async () => {
    const sub = await subscribed();
    const message = await insertMessage(t, sub.id, { payload: { url: 'javascript:alert(1)' } });
    const token = receiptToken(s.store.tokenSecret, message.id);
    for (const path of [
      `/n/${message.id}.forged`,
      `/n/${message.id}`,
      '/n/nothing',
      `/n/${message.id}.${token}`,
    ]) {
      const res = await t.request(path);
      expect(res.status).toBe(404);
      expect(res.headers.get('location')).toBeNull();
    }
  });
});
