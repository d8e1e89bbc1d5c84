// The signed-in menu's code loads at the first sign-in, the passkeys view's when the shopper
// opens it. A file of its own: the page must not have loaded them before (a module loads once
// per page).
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { until } from '../../test/helpers.js';
import {
  button,
  expectViewLoadsOnceOnline,
  mint,
  signedIn,
  text,
} from '../../test/login-button.js';
import { client, freshClient } from '../../test/shopper.js';

/** The view's module (served as source here; a chunk of its own in the CDN build). */
const VIEW_CODE = '**/login-button/passkeys-view.ts*';
const MENU_CODE = '**/login-button/account-menu.ts*';

describe('<kiosk-login-button> parts loaded on demand, offline', () => {
  afterEach(async () => {
    await executeServerCommand('kiosk-route', { glob: VIEW_CODE, mode: 'pass' });
    await executeServerCommand('kiosk-route', { glob: MENU_CODE, mode: 'pass' });
  });

  it('says so, translated, when the signed-in menu cannot load: never a blank box', async () => {
    freshClient();
    await executeServerCommand('kiosk-route', { glob: MENU_CODE, mode: 'fail' });
    const { token } = await mint('Ada Lovelace');
    await client.auth.signInWithToken(token);
    const el = await button('locale=fr');
    await until(() => !!text(el, '[part=status]'), 'the error, said');
    expect(text(el, '[part=status]')).to.equal(
      'Impossible de charger votre compte. Vérifiez votre connexion et rechargez la page.',
    );
    await expect(el).to.be.accessible();
    await client.auth.logout();
  });

  it('says so, translated, when the view cannot load, and opens it once back online', async () => {
    freshClient();
    const el = await signedIn('Grace Hopper', 0, 'locale=de');
    await expectViewLoadsOnceOnline(
      el,
      'passkeys',
      VIEW_CODE,
      '„Passkeys“ konnte nicht geöffnet werden. Prüfe deine Verbindung und versuche es noch einmal.',
    );
  });
});
