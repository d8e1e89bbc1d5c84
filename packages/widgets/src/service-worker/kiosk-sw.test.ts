// kiosk-sw.js as a brand serves it, in real Chromium: a push message is shown as a notification
// and its delivery reported to the store's receipts endpoint (a loopback stand-in here); a click
// closes it and reports it clicked, a dismissal reports it dismissed.
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { until } from '../../test/helpers.js';

const scope = '/packages/widgets/dist/cdn/';

interface Receipts {
  url: string;
  received: { message: string; token: string; event: string }[];
}
const receipts = () => executeServerCommand<Receipts, undefined>('kiosk-receipts');

describe('kiosk-sw.js', () => {
  let registration: ServiceWorkerRegistration;

  before(async () => {
    await executeServerCommand('grant-notifications');
    registration = await navigator.serviceWorker.register(`${scope}kiosk-sw.js`, { scope });
    await until(() => registration.active?.state === 'activated', 'worker active');
  });
  after(async () => {
    for (const n of await registration.getNotifications()) n.close();
    await registration.unregister();
  });

  it('shows a pushed message with its deep link and reports it delivered', async () => {
    const { url: endpoint } = await receipts();
    const message = {
      id: 'f7a3c0de-0000-4000-8000-000000000001',
      title: 'Classic Tee is back',
      body: 'Your size is in stock again.',
      url: 'https://brand.example/p/aurora-classic-tee?kiosk_product=aurora-classic-tee&kiosk_campaign=back-in-stock',
      // On the page's origin: an icon the browser can't reach would hold the notification back.
      icon: new URL('/favicon.ico', location.origin).href,
      tag: 'f7a3c0de-0000-4000-8000-000000000001',
      receipt: { endpoint, token: 'hmac-of-the-message' },
    };
    await executeServerCommand('kiosk-push', { scope, data: JSON.stringify(message) });

    let shown: Notification | undefined;
    await until(async () => {
      shown = (await registration.getNotifications({ tag: message.tag }))[0];
      return !!shown;
    }, 'notification shown');
    expect(shown!.title).to.equal(message.title);
    expect(shown!.body).to.equal(message.body);
    expect(shown!.data).to.deep.equal({
      id: message.id,
      url: message.url,
      receipt: message.receipt,
    });

    let received: Receipts['received'] = [];
    await until(async () => {
      received = (await receipts()).received;
      return received.length > 0;
    }, 'delivered receipt');
    expect(received).to.deep.equal([
      { message: message.id, token: 'hmac-of-the-message', event: 'delivered' },
    ]);
  });

  /** Pushes a message and waits until it is shown; its receipts are told apart by its id. */
  async function shown(id: string) {
    const { url: endpoint } = await receipts();
    await executeServerCommand('kiosk-push', {
      scope,
      data: JSON.stringify({
        id,
        title: 'Spring sale',
        url: 'https://brand.example/p/tee?kiosk_product=tee&kiosk_campaign=spring',
        receipt: { endpoint, token: `token-${id}` },
      }),
    });
    const receiptsOf = async () => (await receipts()).received.filter((r) => r.message === id);
    await until(
      async () =>
        (await registration.getNotifications({ tag: id })).length === 1 &&
        (await receiptsOf()).length === 1,
      'notification shown and reported delivered',
    );
    return receiptsOf;
  }
  // The shopper's press, made in the worker (no automation can press a system notification).
  const shopper = (tag: string, type: 'notificationclick' | 'notificationclose') =>
    executeServerCommand<string[], unknown>('kiosk-notification-event', { scope, tag, type });

  it('a click closes the notification and reports it clicked', async () => {
    const id = 'f7a3c0de-0000-4000-8000-000000000002';
    const receiptsOf = await shown(id);
    const stillShown = await shopper(id, 'notificationclick');
    expect(stillShown).not.to.include(id);
    expect((await receiptsOf()).map((r) => r.event)).to.deep.equal(['delivered', 'clicked']);
    expect((await receiptsOf())[1]!.token).to.equal(`token-${id}`);
  });

  it('a dismissal reports it dismissed', async () => {
    const id = 'f7a3c0de-0000-4000-8000-000000000003';
    const receiptsOf = await shown(id);
    await shopper(id, 'notificationclose');
    expect((await receiptsOf()).map((r) => r.event)).to.deep.equal(['delivered', 'dismissed']);
  });

  it('keeps the store a push subscription was sent to, for renewing it later', async () => {
    // The event that renews (pushsubscriptionchange) cannot be fired in Chromium: this checks
    // what the worker keeps for it, posted as the SDK posts it after subscribing.
    const state = new URL('kiosk-sw/push-stores', new URL(scope, location.href)).href;
    const stored = async () => {
      const saved = await (await caches.open('kiosk-sw')).match(state);
      return saved ? await saved.json() : undefined;
    };
    const post = (api: string, endpoint: string) =>
      registration.active!.postMessage({
        kiosk: 'push-store',
        api,
        storeKey: 'pk_test_aurora',
        endpoint,
      });
    registration.active!.postMessage({ kiosk: 'something-of-the-site', api: 'x' });
    post('https://api.brand.example', 'https://push.example/send/1');
    await until(async () => !!(await stored()), 'state kept');
    post('https://api.other.example', 'https://push.example/send/1');
    post('https://api.brand.example', 'https://push.example/send/2');
    await until(
      async () => (await stored()).endpoint === 'https://push.example/send/2',
      'state updated',
    );
    expect(await stored()).to.deep.equal({
      endpoint: 'https://push.example/send/2',
      stores: [
        { api: 'https://api.brand.example', storeKey: 'pk_test_aurora' },
        { api: 'https://api.other.example', storeKey: 'pk_test_aurora' },
      ],
    });
    await caches.delete('kiosk-sw');
  });
});
