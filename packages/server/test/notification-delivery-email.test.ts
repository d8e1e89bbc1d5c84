import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendDueMessages } from '../src/services/notifications/outbox-worker.js';
import { receiptToken } from '../src/services/notifications/receipts.js';
import { unsubscribeToken } from '../src/services/notifications/subscriptions.js';
import { TestPushService } from '../src/testing/push-service.js';
import { createTestProduct, createTestStore, useTestApp } from './harness.js';
import { type Mailbox, openMailbox } from './mailbox.js';
import { messagesOf, openHours, subscribe, workerDeps } from './notification-delivery-fixtures.js';

const t = useTestApp();
let mailbox: Mailbox;
let push: TestPushService;
beforeAll(async () => {
  mailbox = await openMailbox();
  push = await TestPushService.start();
});
afterAll(async () => {
  await mailbox.close();
  await push.close();
});

/** A store's sold-out tee, watched by `email`, then restocked (0 → 2) by the admin API. */
async function restockedWatchedByMail(email: string, locale: string) {
  const s = await createTestStore(t.current.db, { name: 'Tee Shop', settings: openHours });
  const tee = await createTestProduct(t.current.db, s.store, {
    handle: 'tee',
    title: 'Tee',
    variants: [{ stock: 0, prices: { USD: 2500 } }],
  });
  const sub = await subscribe(t.current.db, s.store, push, {
    topic: 'back-in-stock',
    productId: tee.id,
    email,
    locale,
  });
  const res = await t.current.request(
    `/admin/v1/products/${tee.id}/variants/${tee.variantIds[0]}`,
    {
      method: 'PATCH',
      token: s.sk,
      body: { stock: 2 },
    },
  );
  expect(res.status).toBe(200);
  return { s, sub };
}

describe('notifications by email', () => {
  it('a back-in-stock mail: translated, one-click unsubscribe headers, Message-ID, click redirect', async () => {
    const { s, sub } = await restockedWatchedByMail('Ana@Example.com', 'pt-BR');
    await sendDueMessages(workerDeps(t.current, { mailer: mailbox.mailer }));
    const [message] = await messagesOf(t.current.db, sub.id);
    expect(message!.status).toBe('sent');

    const mail = await mailbox.next('ana@example.com');
    expect(mail.subject).toBe('De volta ao estoque');
    expect(mail.messageId).toBe(`<${message!.id}@localhost>`);
    const unsubscribe = `http://localhost/v1/notifications/unsubscribe?token=${unsubscribeToken(s.store.tokenSecret, sub.id)}`;
    // The raw header, unfolded (RFC 5322 §2.2.3): what a mail client reads.
    const header = (key: string) =>
      mail.headerLines.find((h) => h.key === key)?.line.replace(/\r\n(?=[ \t])/g, '');
    expect(header('list-unsubscribe')).toBe(`List-Unsubscribe: <${unsubscribe}>`);
    expect(header('list-unsubscribe-post')).toBe(
      'List-Unsubscribe-Post: List-Unsubscribe=One-Click',
    );
    expect(mail.headers.get('content-language')).toBe('pt-BR');
    const link = `http://localhost/n/${message!.id}.${receiptToken(s.store.tokenSecret, message!.id)}`;
    expect(mail.text).toContain('Tee está disponível novamente.');
    expect(mail.text).toContain(link);
    expect(mail.text).toContain(
      'Você recebeu este e-mail porque pediu à Tee Shop para avisar você.',
    );
    expect(mail.html).toContain(`href="${link}"`);
    expect(mail.html).toContain('lang="pt-BR"');
    // The link goes through the click redirect: the deep link is in the message, not the mail.
    expect(mail.text).not.toContain('kiosk_product');
    expect(message!.payload.url).toBe(
      'https://shop.example/shop?kiosk_product=tee&kiosk_campaign=back-in-stock',
    );
  });

  it('no mailer: retried, then failed (never lost silently)', async () => {
    const { sub } = await restockedWatchedByMail('bo@example.com', 'en');
    await sendDueMessages(workerDeps(t.current));
    expect(await messagesOf(t.current.db, sub.id)).toMatchObject([
      { status: 'pending', attempts: 1, error: 'mail_unavailable' },
    ]);
  });
});
