// The notifications view's code loads when the shopper first opens it. A file of its own: the
// page must not have loaded it before (a module loads once per page).
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { until } from '../../test/helpers.js';
import { $, isOpen, signedIn, text } from '../../test/login-button.js';
import { freshClient } from '../../test/shopper.js';
import type { KioskErrorEvent } from '../events/error.js';

/** The view's module (served as source here; a chunk of its own in the CDN build). */
const VIEW_CODE = '**/login-button/subscriptions-view.ts*';

describe('<kiosk-login-button> notifications view loaded on demand, offline', () => {
  afterEach(() => executeServerCommand('kiosk-route', { glob: VIEW_CODE, mode: 'pass' }));

  it('says so, translated, when the view cannot load, and opens it once back online', async () => {
    freshClient();
    const el = await signedIn('Grace Hopper', 0, 'locale=ru');
    const errors: KioskErrorEvent[] = [];
    el.addEventListener('kiosk-error', (e) => errors.push(e as KioskErrorEvent));
    await executeServerCommand('kiosk-route', { glob: VIEW_CODE, mode: 'fail' });
    $<HTMLButtonElement>(el, '[part~=trigger]').click();
    await until(() => isOpen(el), 'menu open');
    $<HTMLButtonElement>(el, '[part~=notifications]').click();

    await until(() => !!text(el, '[part=status]'), 'the error, said');
    expect(text(el, '[part=status]')).to.equal(
      'Не удалось открыть раздел «Уведомления». Проверьте подключение и попробуйте ещё раз.',
    );
    expect(errors.map((e) => e.detail.error.code)).to.deep.equal(['network_error']);
    expect($(el, '[part=notifications-view]'), 'no half-made view').to.equal(null);
    expect(isOpen(el), 'the menu stays').to.equal(true);

    await executeServerCommand('kiosk-route', { glob: VIEW_CODE, mode: 'pass' });
    $<HTMLButtonElement>(el, '[part~=notifications]').click();
    await until(() => !!$(el, '[part=notifications-view]'), 'the view, once online');
    await expect(el).to.be.accessible();
  });
});
