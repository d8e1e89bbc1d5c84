// The open menu's code (account-panel.ts) loads the first time the shopper opens the menu, not
// at sign-in. A file of its own: the page must not have loaded it before (a module loads once
// per page).
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { until } from '../../test/helpers.js';
import { $, isOpen, signedIn, text } from '../../test/login-button.js';
import { freshClient } from '../../test/shopper.js';
import type { KioskErrorEvent } from '../events/error.js';

/** The open menu's module (served as source here; a chunk of its own in the CDN build). */
const MENU_CODE = '**/login-button/account-panel.ts*';
const requested = () =>
  performance.getEntriesByType('resource').some((r) => r.name.includes('account-panel'));

describe('<kiosk-login-button> the open menu, loaded on demand', () => {
  afterEach(() => executeServerCommand('kiosk-route', { glob: MENU_CODE, mode: 'pass' }));

  it('loads when first opened; offline it says so, translated, and the next opening works', async () => {
    freshClient();
    const el = await signedIn('Grace Hopper', 40, 'locale=pt-BR');
    expect(requested(), 'the signed-in button alone').to.equal(false);
    expect($(el, '[part~=trigger]').hasAttribute('aria-controls')).to.equal(false);
    const errors: KioskErrorEvent[] = [];
    el.addEventListener('kiosk-error', (e) => errors.push(e as KioskErrorEvent));

    await executeServerCommand('kiosk-route', { glob: MENU_CODE, mode: 'fail' });
    $<HTMLButtonElement>(el, '[part~=trigger]').click();
    await until(() => !!text(el, '[part=status]'), 'the error, said');
    expect(text(el, '[part=status]')).to.equal(
      'Não foi possível abrir o menu. Verifique sua conexão e tente de novo.',
    );
    expect(errors.map((e) => e.detail.error.code)).to.deep.equal(['network_error']);
    await until(() => !el.open, 'closed again');
    expect($(el, '[part~=trigger]').getAttribute('aria-expanded')).to.equal('false');
    expect($(el, '[part=menu]'), 'no half-made menu').to.equal(null);
    await expect(el).to.be.accessible();

    await executeServerCommand('kiosk-route', { glob: MENU_CODE, mode: 'pass' });
    $<HTMLButtonElement>(el, '[part~=trigger]').click();
    await until(() => isOpen(el), 'the menu, once online');
    expect(requested()).to.equal(true);
    expect(text(el, '[part~=sign-out]')).to.equal('Sair');
    await expect(el).to.be.accessible();
  });
});
