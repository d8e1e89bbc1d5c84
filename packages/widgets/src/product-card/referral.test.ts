// Referral links: the ref attribute and ?kiosk_ref reach the cart line, and a shared link
// carries the ref.
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { until } from '../../test/helpers.js';
import {
  $,
  card,
  firstLineConfirmed,
  freshCardPage,
  settled,
  shadow,
  TEE,
} from '../../test/product-card.js';
import { client } from '../../test/shopper.js';

describe('<kiosk-product-card> referral links', () => {
  beforeEach(freshCardPage);

  it('carries the ref attribute into the cart line', async () => {
    const el = await card(TEE, 'ref=INFLUENCER-7');
    await settled(el);
    await el.updateComplete;
    $<HTMLButtonElement>(el, '[part=button]').click();
    await until(() => firstLineConfirmed(client));
    expect(client.cart.$cart.get()!.lines[0]!.ref).to.equal('INFLUENCER-7');
  });

  it('carries ?kiosk_ref from the page URL into the cart line', async () => {
    const original = location.href;
    history.replaceState(null, '', `${location.pathname}?kiosk_ref=BLOG-42`);
    try {
      const el = await card(TEE);
      await settled(el);
      await el.updateComplete;
      $<HTMLButtonElement>(el, '[part=button]').click();
      await until(() => firstLineConfirmed(client));
      expect(client.cart.$cart.get()!.lines[0]!.ref).to.equal('BLOG-42');
      expect(JSON.parse(localStorage.getItem('kiosk_ref')!).code).to.equal('BLOG-42');
    } finally {
      history.replaceState(null, '', original);
    }
  });

  it('shares a short link that keeps the ref (the share panel: src/product-card/share.test.ts)', async () => {
    await executeServerCommand('grant-clipboard');
    const el = await card(TEE, 'ref=SHARE-1');
    await settled(el);
    await el.updateComplete;
    $<HTMLButtonElement>(el, '[part=share]').click();
    await until(() => !!shadow(el).querySelector('.share-copy'), 'share panel with its link');
    $<HTMLButtonElement>(el, '.share-copy').click();
    await until(() => $(el, '[part=status]').textContent === 'Link copied', 'announced');
    const copied = await navigator.clipboard.readText();
    expect(new URL(copied).pathname).to.match(/^\/s\/[0-9A-Za-z]{10}$/);
    const { location } = await executeServerCommand<{ location: string }, { url: string }>(
      'kiosk-follow',
      {
        url: copied,
      },
    );
    expect(new URL(location, copied).searchParams.get('ref')).to.equal('SHARE-1');
  });
});
