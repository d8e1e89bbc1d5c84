// "Notify me" subscribing for real, against the server's notification routes: back in stock from
// a sold-out card, a price drop from the bell of a card in stock.
import { expect } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import { until } from '../../test/helpers.js';
import { $, card, freshCardPage, settled, shadow, TEE } from '../../test/product-card.js';
import { client, signInWithPoints } from '../../test/shopper.js';
import { configure } from '../config.js';

const SOLD_OUT = 'aurora-limited-parka';

async function openNotify() {
  const el = await card(SOLD_OUT);
  await settled(el);
  await until(() => !!shadow(el).querySelector('[part=button]'), 'card shown');
  $(el, '[part=button]').click();
  await until(() => !!shadow(el).querySelector('[part=notify]'), 'panel open');
  return el;
}
const status = (el: HTMLElement) => $(el, '[part=notify] [role=status]').textContent!.trim();

describe('<kiosk-product-card> Notify me (server)', () => {
  beforeEach(() => freshCardPage());

  it('asks a guest who typed an address to confirm it', async () => {
    const el = await openNotify();
    $<HTMLInputElement>(el, '#notify-email').focus();
    await sendKeys({ type: `guest-${crypto.randomUUID().slice(0, 8)}@example.com` });
    await sendKeys({ press: 'Enter' });
    await until(() => status(el) !== '', 'answer');
    expect(status(el)).to.equal('Check your inbox to confirm.');
    expect((await client.notifications.list()).map((s) => s.status)).to.deep.equal(['pending']);
    await expect(el).to.be.accessible();
  });

  it("subscribes a signed-in shopper's own address at once", async () => {
    await signInWithPoints();
    const el = await openNotify();
    $<HTMLButtonElement>(el, '.notify-submit').click();
    await until(() => status(el) !== '', 'answer');
    expect(status(el)).to.equal('We’ll let you know.');
  });

  it('offers a card in stock a price alert by its bell, and subscribes to that', async () => {
    await signInWithPoints();
    const el = await card(TEE);
    await settled(el);
    await until(() => !!shadow(el).querySelector('[part=price-alert]'), 'bell shown');
    const bell = $(el, '[part=price-alert]');
    expect(bell.getAttribute('aria-label')).to.equal('Tell me when Classic Tee drops in price');
    expect(bell.getAttribute('aria-expanded')).to.equal('false');
    expect($(el, '[part=button]').hasAttribute('aria-controls'), 'add to cart opens nothing').to.be
      .false;
    bell.click();
    await until(() => !!shadow(el).querySelector('[part=notify]'), 'panel open');
    expect(bell.getAttribute('aria-expanded')).to.equal('true');
    expect($(el, '[part=notify]').textContent).to.contain(
      'We’ll email you when the price of Classic Tee drops.',
    );
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, '.notify-submit').click();
    await until(() => status(el) !== '', 'answer');
    expect(status(el)).to.equal('We’ll let you know.');
    const [subscription] = await client.notifications.list();
    expect(subscription).to.include({ topic: 'price-drop', channel: 'email', status: 'active' });
    expect(subscription?.product?.handle).to.equal(TEE);

    // Escape gives focus back to the bell.
    $(el, '[part=notify]').dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }),
    );
    await until(() => !shadow(el).querySelector('[part=notify]'), 'panel closed');
    expect(shadow(el).activeElement).to.equal(bell);
  });

  it('subscribes this device to push through the site’s service worker', async () => {
    await executeServerCommand('grant-notifications');
    // No real push service here: the browser's subscribe answers an endpoint on loopback with
    // real P-256 keys (the test set-up); everything else is real.
    const keys = await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, [
      'deriveBits',
    ]);
    const raw = new Uint8Array(await crypto.subtle.exportKey('raw', keys.publicKey));
    const b64 = (bytes: Uint8Array) =>
      btoa(String.fromCharCode(...bytes))
        .replace(/\+/g, '-')
        .replace(/\//g, '_')
        .replace(/=+$/, '');
    const original = PushManager.prototype.subscribe;
    PushManager.prototype.subscribe = async () =>
      ({
        toJSON: () => ({
          endpoint: 'http://127.0.0.1:9/push/test-device',
          keys: { p256dh: b64(raw), auth: b64(crypto.getRandomValues(new Uint8Array(16))) },
        }),
      }) as unknown as PushSubscription;
    try {
      configure({ client, serviceWorker: '/packages/widgets/dist/cdn/kiosk-sw.js' });
      const el = await openNotify();
      $<HTMLButtonElement>(el, '.notify-submit').click();
      await until(() => status(el) !== '', 'answer');
      expect(status(el)).to.equal('We’ll let you know.');
    } finally {
      PushManager.prototype.subscribe = original;
    }
  });
});
