import { expect } from '@open-wc/testing';
import { until } from '../helpers.js';
import { addLoader } from '../loader.js';

describe('CDN loader under a strict CSP', () => {
  it('loads chunks and renders without a policy violation', async () => {
    const violations: string[] = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      violations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
    await addLoader('classic');
    const card = document.createElement('kiosk-product-card');
    card.setAttribute('product', 'aurora-classic-tee');
    document.body.append(card);
    await until(() => card.getAttribute('state') === 'ready', 'card ready');
    expect(getComputedStyle(card.shadowRoot!.querySelector('[part=base]')!).display).to.equal(
      'grid',
    );
    expect(violations).to.deep.equal([]);
  });
});
