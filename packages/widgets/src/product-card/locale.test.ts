// The card in the language and currency asked for, or the page's, and right-to-left.
import { expect } from '@open-wc/testing';
import { until } from '../../test/helpers.js';
import { $, card, freshCardPage, TEE } from '../../test/product-card.js';

describe('<kiosk-product-card> languages', () => {
  beforeEach(freshCardPage);

  it('formats in the currency and locale asked for (EUR, de)', async () => {
    const el = await card(TEE, 'locale=de&currency=EUR');
    await until(() => el.cardState === 'ready' && el.productData?.currency === 'EUR', 'EUR');
    await until(() => $(el, '[part=button]')?.textContent?.trim() === 'In den Warenkorb', 'de');
    expect($(el, '[part=price]').textContent!.trim()).to.match(/^\d+,\d\d\s€$/);
    expect(el.getAttribute('dir')).to.equal('ltr');
  });

  it('says state="ready" only once it shows the product in its language', async () => {
    const el = await card(TEE, 'locale=pt-BR');
    await until(() => el.cardState !== 'loading', 'loaded');
    expect(el.cardState).to.equal('ready');
    await el.updateComplete;
    expect($(el, '[part=base]').getAttribute('aria-busy')).to.equal('false');
    expect($(el, '[part=button]').textContent!.trim()).to.equal('Adicionar ao carrinho');
  });

  it('is right-to-left and translated in Arabic', async () => {
    const el = await card(TEE, 'locale=ar');
    await until(() => $(el, '[part=button]')?.textContent?.trim() === 'أضف إلى السلة', 'ar');
    expect(el.getAttribute('dir')).to.equal('rtl');
    expect(getComputedStyle($(el, '[part=base]')).direction).to.equal('rtl');
    expect($(el, '.stock').textContent!.trim()).to.equal('متوفر');
    await expect(el).to.be.accessible();
  });

  it('follows the page language from <html lang>', async () => {
    document.documentElement.lang = 'fr';
    try {
      const el = await card(TEE);
      await until(() => $(el, '[part=button]')?.textContent?.trim() === 'Ajouter au panier', 'fr');
    } finally {
      document.documentElement.lang = 'en';
    }
  });
});
