// The login button in the hostile CMS theme's sticky header, beside the mini cart: the header
// keeps one row and one height before the button's code loads, while it restores a session,
// signed out and signed in, on a phone and a desktop, and the button causes no layout shift.
import { createClient, type KioskClient } from '@kiosk/sdk';
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { configure } from '../../src/config.js';
import { languages } from '../../src/i18n/i18n.js';
import '../../src/mini-cart/define.js';
import type { KioskLoginButton } from '../../src/login-button/login-button.js';
import { endpoint, until } from '../helpers.js';
import { blockedControls, hostilePage } from './hostile-page.js';

const ADMIN = { authorization: 'Bearer sk_test_aurora', 'content-type': 'application/json' };
const widths = [390, 1280];

async function mint(name: string, points: number) {
  const email = `hostile-login-${crypto.randomUUID()}@example.com`;
  const { token } = await fetch(`${endpoint}/admin/v1/customers/session-tokens`, {
    method: 'POST',
    headers: ADMIN,
    body: JSON.stringify({ email, name }),
  }).then((r) => r.json());
  await fetch(`${endpoint}/admin/v1/points/adjustments`, {
    method: 'POST',
    headers: ADMIN,
    body: JSON.stringify({ email, points, reason: 'Hostile header test' }),
  });
  return token as string;
}

/**
 * Layout shifts whose moved boxes are in `root` (or the login button's shadow root). All of
 * them, not only those without recent input as CLS counts: setViewport counts as input for
 * 500 ms, and nothing here is the shopper's input.
 */
const shifts: LayoutShift[] = [];
new PerformanceObserver((list) => {
  shifts.push(...(list.getEntries() as LayoutShift[]));
}).observe({ type: 'layout-shift', buffered: true });
function shiftsIn(root: Element, since: number) {
  return shifts
    .filter(
      (s) =>
        s.startTime > since &&
        s.sources.some(
          (src) =>
            src.node &&
            (root.contains(src.node) ||
              root.querySelector('kiosk-login-button')?.shadowRoot?.contains(src.node)),
        ),
    )
    .map((s) => `${s.value} at ${s.startTime}: ${s.sources.map((src) => src.node?.nodeName)}`);
}

/** Resizing moves the header's items (a shift of its own): count from the frame after it. */
async function resize(width: number, height = 800) {
  await setViewport({ width, height });
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  return performance.now();
}

interface LayoutShift extends PerformanceEntry {
  value: number;
  hadRecentInput: boolean;
  sources: { node: Node | null }[];
}

/**
 * The header's height, the login button's box, and whether the header's items sit on one row
 * (the same vertical centre) inside the viewport.
 */
function measure(header: HTMLElement) {
  const items = [...header.children].map((c) => c.getBoundingClientRect());
  const centres = items.map((r) => r.top + r.height / 2);
  const login = header.querySelector('kiosk-login-button')!.getBoundingClientRect();
  return {
    height: header.getBoundingClientRect().height,
    login: [login.left, login.top, login.width, login.height],
    oneRow: Math.max(...centres) - Math.min(...centres) < 1,
    inside: items.every((r) => r.left >= 0 && r.right <= document.documentElement.clientWidth),
  };
}

/** The button shows its strings in `lang` (not the placeholder shown while they load). */
const speaks = (el: KioskLoginButton, lang: string) =>
  el.shadowRoot!.querySelector('.base')?.getAttribute('lang') === lang &&
  !!el.shadowRoot!.querySelector('.button');

/** Text that doesn't fit its box (clipped or ellipsed) in the button. */
function clipped(el: KioskLoginButton) {
  return [...el.shadowRoot!.querySelectorAll<HTMLElement>('.label, .balance, .button')]
    .filter((e) => e.getClientRects().length > 0)
    .filter((e) => e.scrollWidth > e.clientWidth + 0.5 || e.scrollHeight > e.clientHeight + 0.5)
    .map((e) => `${e.className}: "${e.textContent?.trim()}"`);
}

describe('<kiosk-login-button> in a hostile header', () => {
  let client: KioskClient;
  let page: Awaited<ReturnType<typeof hostilePage>>;
  let el: KioskLoginButton;
  const reservedAt = new Map<number, ReturnType<typeof measure>>();

  before(async () => {
    client = createClient({ endpoint, storeKey: 'pk_test_aurora', storage: null });
    // The client is still restoring a session (its `ready` waits for this test) when the
    // button upgrades: it shows its loading placeholder first.
    let release!: () => void;
    const restored = new Promise<void>((resolve) => {
      release = resolve;
    });
    configure({ client: { ...client, ready: client.ready.then(() => restored) } });
    // The box reservations a page links in its <head> (the built kiosk.css; the CDN loader
    // adopts the same rules).
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = '/packages/widgets/dist/cdn/kiosk.css';
    await new Promise((resolve, reject) => {
      link.onload = resolve;
      link.onerror = reject;
      document.head.append(link);
    });
    page = await hostilePage({
      header: '<kiosk-login-button></kiosk-login-button><kiosk-mini-cart></kiosk-mini-cart>',
    });
    el = page.header.querySelector('kiosk-login-button')!;
    await customElements.whenDefined('kiosk-mini-cart');
    for (const width of widths) {
      await setViewport({ width, height: 800 });
      expect(customElements.get('kiosk-login-button'), 'not defined yet').to.equal(undefined);
      reservedAt.set(width, measure(page.header));
    }
    await import('../../src/login-button/define.js');
    await el.updateComplete;
    expect(el.loginState).to.equal('loading');
    for (const width of widths) {
      await setViewport({ width, height: 800 });
      expect(measure(page.header), `${width}px while restoring a session`).to.deep.equal(
        reservedAt.get(width),
      );
    }
    release();
  });

  after(() => page.remove());

  for (const width of widths) {
    it(`${width}px: one row and one height before upgrade, signed out and signed in; no shift`, async () => {
      const since = await resize(width);
      const reserved = reservedAt.get(width)!;
      expect(reserved.oneRow, 'one row before upgrade').to.equal(true);
      await until(() => el.loginState === 'signed-out', 'signed out');
      await el.updateComplete;
      expect(measure(page.header)).to.deep.equal(reserved, 'signed out');
      expect(blockedControls(el)).to.deep.equal([]);
      expect(clipped(el)).to.deep.equal([]);

      await client.auth.signInWithToken(await mint('Maximiliane Mustermann-Schmidt', 12_345));
      await until(
        () =>
          el.loginState === 'signed-in' && !el.shadowRoot!.querySelector('.balance .placeholder'),
        'signed in',
      );
      await el.updateComplete;
      expect(measure(page.header)).to.deep.equal(reserved, 'signed in');
      expect(blockedControls(el)).to.deep.equal([]);
      expect(clipped(el)).to.deep.equal([]);
      expect(shiftsIn(page.header, since)).to.deep.equal([], 'layout shifts in the header');

      await client.auth.logout();
      await until(() => el.loginState === 'signed-out', 'signed out again');
      await el.updateComplete;
      expect(measure(page.header)).to.deep.equal(reserved, 'signed out again');
      expect(shiftsIn(page.header, since)).to.deep.equal([], 'layout shifts in the header');
    });
  }

  it('390px: every language’s labels fit the box (signed out, signing in, signed in), and the menu fits the phone', async () => {
    await setViewport({ width: 390, height: 844 });
    const reserved = reservedAt.get(390)!;
    const signInButton = () => el.shadowRoot!.querySelector<HTMLButtonElement>('[part~=sign-in]')!;
    for (const lang of languages) {
      el.setAttribute('locale', lang);
      await until(() => speaks(el, lang), lang);
      expect(clipped(el), `${lang} signed out`).to.deep.equal([]);
      expect(measure(page.header), lang).to.deep.equal(reserved);
    }
    // The theme's serif is narrow: a wide sans-serif (the default on many sites) fits too.
    page.header.style.fontFamily = 'system-ui, sans-serif';
    for (const lang of languages) {
      el.setAttribute('locale', lang);
      await until(() => speaks(el, lang), lang);
      expect(clipped(el), `${lang} signed out, sans-serif`).to.deep.equal([]);
    }
    page.header.style.fontFamily = '';
    // "Signing in…" while the hosted page is open (a login that waits for this test).
    const login = client.auth.login;
    let cancel!: (error: unknown) => void;
    client.auth.login = () =>
      new Promise((_, reject) => {
        cancel = reject;
      });
    signInButton().click();
    for (const lang of languages) {
      el.setAttribute('locale', lang);
      await until(() => speaks(el, lang), lang);
      expect(el.loginState).to.equal('signing-in');
      expect(clipped(el), `${lang} signing in`).to.deep.equal([]);
    }
    cancel(new Error('closed'));
    client.auth.login = login;
    await until(() => el.loginState === 'signed-out', 'cancelled');
    expect(measure(page.header), 'with the error under the button').to.deep.equal(reserved);
    await client.auth.signInWithToken(await mint('Maximiliane Mustermann-Schmidt', 1_234));
    for (const lang of ['de', 'ar'] as const) {
      el.setAttribute('locale', lang);
      await until(() => el.loginState === 'signed-in', 'signed in');
      await until(() => speaks(el, lang), lang);
      expect(clipped(el), `${lang} signed in`).to.deep.equal([]);
      expect(measure(page.header), lang).to.deep.equal(reserved);
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part~=trigger]')!.click();
      // The menu's code loads the first time it opens.
      const panel = () => el.shadowRoot!.querySelector<HTMLElement>('[part=menu]');
      await until(() => panel()?.dataset.floating === 'placed', `${lang} menu placed`);
      await until(() => !!el.shadowRoot!.querySelector('[part=history-entry]'), 'history');
      const r = panel()!.getBoundingClientRect();
      expect(r.left, `${lang} menu inside the phone`).to.be.at.least(0);
      expect(r.right).to.be.at.most(390);
      expect(panel()!.scrollWidth, `${lang} menu has no sideways overflow`).to.be.at.most(
        panel()!.clientWidth,
      );
      for (const item of el.shadowRoot!.querySelectorAll<HTMLElement>('[role=menuitem]')) {
        const label = `${lang} "${item.textContent!.trim()}" fits`;
        expect(item.scrollWidth, label).to.be.at.most(item.clientWidth);
      }
      el.open = false;
      await el.updateComplete;
    }
    await client.auth.logout();
  });
});
