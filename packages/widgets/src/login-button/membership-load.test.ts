// The membership view's code loads when the shopper first opens it. A file of its own: the
// page must not have loaded it before (a module loads once per page).
import { executeServerCommand } from '@web/test-runner-commands';
import { expectViewLoadsOnceOnline, signedIn } from '../../test/login-button.js';
import { freshClient } from '../../test/shopper.js';

/** The view's module (served as source here; a chunk of its own in the CDN build). */
const VIEW_CODE = '**/login-button/membership-view.ts*';

describe('<kiosk-login-button> membership view loaded on demand, offline', () => {
  afterEach(() => executeServerCommand('kiosk-route', { glob: VIEW_CODE, mode: 'pass' }));

  it('says so, translated, when the view cannot load, and opens it once back online', async () => {
    freshClient();
    const el = await signedIn('Grace Hopper', 0, 'locale=es');
    await expectViewLoadsOnceOnline(
      el,
      'membership',
      VIEW_CODE,
      'No se pudo abrir «Membresía». Comprueba tu conexión e inténtalo de nuevo.',
    );
  });
});
