// The share panel's code loads on the first press of share. A file of its own: the page must
// not have loaded it before (a module loads once per page).
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { until } from '../../test/helpers.js';
import { $, card, freshCardPage, settled, shadow, TEE } from '../../test/product-card.js';

/** The panel's module (served as source here; a chunk of its own in the CDN build). */
const PANEL_CODE = '**/product-card/share-panel.ts*';

describe('<kiosk-product-card> share panel loaded on demand, offline', () => {
  beforeEach(() => freshCardPage());
  afterEach(() => executeServerCommand('kiosk-route', { glob: PANEL_CODE, mode: 'pass' }));

  it('says so, translated, when its code cannot load, and opens on the next press', async () => {
    await executeServerCommand('kiosk-route', { glob: PANEL_CODE, mode: 'fail' });
    const el = await card(TEE, 'locale=fr');
    await settled(el);
    await until(() => !!shadow(el).querySelector('[part=share]'), 'card shown');
    $<HTMLButtonElement>(el, '[part=share]').click();
    await until(() => !!$(el, '[part=status]').textContent!.trim(), 'the error, said');
    expect($(el, '[part=status]').textContent!.trim()).to.equal(
      'Impossible de joindre la boutique pour le moment. Vérifiez votre connexion et réessayez.',
    );
    expect(shadow(el).querySelector('[part=share-panel]')).to.equal(null);
    await expect(el).to.be.accessible();

    await executeServerCommand('kiosk-route', { glob: PANEL_CODE, mode: 'pass' });
    $<HTMLButtonElement>(el, '[part=share]').click();
    await until(() => !!shadow(el).querySelector<HTMLInputElement>('#share-url')?.value, 'link');
    expect($(el, '[part=share]').getAttribute('aria-expanded')).to.equal('true');
    expect($(el, '[part=share-panel]').textContent).to.contain('Copier le lien');
  });
});
