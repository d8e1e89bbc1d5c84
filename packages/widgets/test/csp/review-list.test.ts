import { createClient } from '@kiosk/sdk';
import { expect, fixture, html } from '@open-wc/testing';
import { configure } from '../../src/config.js';
import '../../src/review-list/define.js';
import type { KioskReviewList } from '../../src/review-list/review-list.js';
import { endpoint, until } from '../helpers.js';

describe('<kiosk-review-list> under a Content-Security-Policy without unsafe-inline', () => {
  const violations: SecurityPolicyViolationEvent[] = [];
  before(() => {
    document.addEventListener('securitypolicyviolation', (e) => violations.push(e));
  });

  it('draws histogram bars and writes JSON-LD without a policy violation', async () => {
    configure({ client: createClient({ endpoint, storeKey: 'pk_test_aurora', storage: null }) });
    const el = await fixture<KioskReviewList>(
      html`<kiosk-review-list product="aurora-classic-tee"></kiosk-review-list>`,
    );
    await until(() => el.listState === 'ready', 'ready');
    await until(() => !!el.querySelector('script[type="application/ld+json"]'), 'JSON-LD');
    const fill = el.shadowRoot!.querySelector<HTMLElement>('[part=bar][data-stars="5"] .fill')!;
    const track = fill.parentElement!;
    const share = el.reviewSummary!.histogram[5] / el.reviewSummary!.count;
    expect(fill.getBoundingClientRect().width / track.getBoundingClientRect().width).to.be.closeTo(
      share,
      0.02,
    );
    expect(violations.map((v) => `${v.violatedDirective} ${v.blockedURI}`)).to.deep.equal([]);
  });
});
