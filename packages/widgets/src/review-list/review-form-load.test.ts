// The write-a-review form's code loads when the shopper asks for it. A file of its own: the
// page must not have loaded the form before (a module loads once per page).
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import { until } from '../../test/helpers.js';
import { $, loaded, shadow, TEE, text } from '../../test/review-list.js';
import { client, freshClient, signIn } from '../../test/review-shopper.js';
import type { KioskErrorEvent } from '../events/error.js';
import type { KioskReviewList } from './review-list.js';

/** The form's module (served as source here; a chunk of its own in the CDN build). */
const FORM_CODE = '**/review-list/review-form-controller.ts*';
const formRequests = () =>
  performance
    .getEntriesByType('resource')
    .filter((e) => /\/review-list\/review-form(-controller|\.styles)?\.ts/.test(e.name));

describe('<kiosk-review-list> write-a-review form', () => {
  afterEach(() => executeServerCommand('kiosk-route', { glob: FORM_CODE, mode: 'pass' }));

  it('downloads the form only when asked: busy while it loads, a translated error with Try again offline', async () => {
    freshClient();
    await signIn(client);
    const errors: KioskErrorEvent[] = [];
    const el = await fixture<KioskReviewList>(
      html`<kiosk-review-list
        product=${TEE}
        locale="fr"
        @kiosk-error=${(e: KioskErrorEvent) => errors.push(e)}
      ></kiosk-review-list>`,
    );
    await loaded(el);
    await until(() => !!$(el, 'button.start'), 'Write a review');
    const start = $<HTMLButtonElement>(el, 'button.start');
    expect(text(start)).to.equal('Écrire un avis');
    expect(start.getAttribute('aria-busy')).to.equal('false');
    expect(formRequests(), 'no form code before the shopper asks').to.have.length(0);
    expect($(el, 'form')).to.equal(null);

    // Offline: the chunk can't load. The section says so; the same button, focused, retries.
    await executeServerCommand('kiosk-route', { glob: FORM_CODE, mode: 'fail' });
    start.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => !!$(el, '[part=write] [role=alert]'), 'load error');
    expect(text($(el, '[part=write] [role=alert]'))).to.equal(
      'Impossible de charger le formulaire d’avis. Vérifiez votre connexion et réessayez.',
    );
    expect(text(start)).to.equal('Réessayer');
    expect(shadow(el).activeElement).to.equal(start);
    expect(errors.map((e) => e.detail.error.code)).to.deep.equal(['network_error']);
    expect($(el, 'form')).to.equal(null);
    await expect(el).to.be.accessible();

    // Back online, the chunk on its way: the button is busy (still focusable), then the form.
    await executeServerCommand('kiosk-route', { glob: FORM_CODE, mode: 'hold' });
    await sendKeys({ press: 'Enter' });
    await until(() => start.getAttribute('aria-busy') === 'true', 'busy');
    expect(start.getAttribute('aria-disabled')).to.equal('true');
    expect(shadow(el).activeElement).to.equal(start);
    expect($(el, '[part=write] [role=alert]')).to.equal(null);
    await sendKeys({ press: 'Enter' });
    await executeServerCommand('kiosk-route', { glob: FORM_CODE, mode: 'pass' });
    await until(() => !!$(el, 'form[part=write]'), 'form');
    expect(text($(el, '#write-heading'))).to.equal('Écrire un avis');
    expect(shadow(el).activeElement, 'focus on the rating').to.equal($(el, '#rate-1'));
    expect(formRequests().length, 'form code loaded').to.be.greaterThan(0);
    expect(errors, 'no more errors').to.have.length(1);
    await expect(el).to.be.accessible();
  });
});
