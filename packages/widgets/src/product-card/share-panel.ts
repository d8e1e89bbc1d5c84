import { isAttributionCode, type KioskClient, type KioskError, type ShareLink } from '@kiosk/sdk';
import { adoptStyles, html, nothing, type ReactiveElement } from 'lit';
import {
  LocalizeController,
  type LocalizedHost,
  type MessageKey,
} from '../controllers/localize-controller.js';
import { shareStrings } from './i18n/share/index.js';
import { shareStyles } from './share-panel.styles.js';

/** What the panel needs of its card. */
export interface ShareOptions {
  client: () => KioskClient | null;
  product: () => { handle: string; title: string } | undefined;
  /** The creator's attribution code (the card's `ref`, else the followed link's). */
  ref: () => string | undefined;
  /** Says whether copying worked, in the card's status line. */
  copied: (ok: boolean) => void;
  /** Reports a failure as the card does (`kiosk-error`), answering it as a KioskError. */
  onError: (error: unknown) => KioskError;
}

type Step =
  | { kind: 'loading' }
  | { kind: 'ready'; link: ShareLink }
  | { kind: 'failed'; error: KioskError };

/**
 * A card's share panel: a disclosure under the card's share button (which says whether it is
 * open, `aria-expanded`, and names this region, `aria-controls`). Opening it asks for the
 * product's short link (channel `creator` when the card carries a ref, else `share`), so the
 * system share sheet, which must open within the press of "Share…", gets a URL already known.
 * It shows the link, "Share…" where the browser has a share sheet, "Copy link" and the link's
 * QR code to scan from another phone or print. A failure says so with Try again. Escape and
 * Close put focus back on the share button.
 *
 * This module, its strings and styles are imported on the first press of share, so a page of
 * cards costs nothing for it until a shopper asks.
 */
export class SharePanel {
  open = false;
  private readonly i18n: LocalizeController<typeof shareStrings.en>;
  private step: Step = { kind: 'loading' };
  /** The product and ref the step is for: the card may change either while the panel is open. */
  private stepFor = '';

  constructor(
    private readonly host: LocalizedHost & ReactiveElement,
    private readonly options: ShareOptions,
  ) {
    this.i18n = new LocalizeController(host, shareStrings);
    const element = host.constructor as typeof ReactiveElement;
    adoptStyles(host.renderRoot as ShadowRoot, [...element.elementStyles, shareStyles]);
  }

  private t(key: MessageKey<typeof shareStrings.en>, options?: Record<string, unknown>) {
    return this.i18n.t(key, options);
  }

  /** Opens or closes the panel (the card's share button); opening asks for the link. */
  toggle(): void {
    this.open = !this.open;
    if (this.open) void this.fetchLink();
    // Viewed, with analytics off too (the collector records it otherwise).
    const product = this.options.product();
    if (this.open && product) {
      import('@kiosk/sdk/recently-viewed').then(
        (m) => m.rememberViewed(product.handle),
        () => {},
      );
    }
    this.host.requestUpdate();
  }

  private close() {
    this.open = false;
    this.host.requestUpdate();
    void this.host.updateComplete.then(() =>
      (this.host.renderRoot as ShadowRoot).querySelector<HTMLElement>('[part=share]')?.focus(),
    );
  }

  private currentFor(): string {
    return `${this.options.product()?.handle}|${this.options.ref()}`;
  }

  /** The link for the card's product and ref as they are now (the SDK keeps each it made). */
  private async fetchLink() {
    const client = this.options.client();
    const product = this.options.product();
    if (!client || !product) return;
    const ref = this.options.ref();
    const creator = ref !== undefined && isAttributionCode(ref);
    const asked = this.currentFor();
    this.stepFor = asked;
    this.step = { kind: 'loading' };
    this.host.requestUpdate();
    const root = this.host.renderRoot as ShadowRoot;
    // Try again goes while the link is asked for: focus must not fall to the page.
    const focused = !!root.activeElement?.closest('#share');
    try {
      const link = await client.share.link({
        product: product.handle,
        ...(creator ? { ref, channel: 'creator' as const } : { channel: 'share' as const }),
      });
      if (this.stepFor !== asked) return; // asked again since, for another product or ref
      this.step = { kind: 'ready', link };
    } catch (error) {
      if (this.stepFor !== asked) return;
      this.step = { kind: 'failed', error: this.options.onError(error) };
    }
    this.host.requestUpdate();
    if (focused) {
      await this.host.updateComplete;
      if (!root.activeElement)
        root.querySelector<HTMLElement>('#share input, #share button')?.focus();
    }
  }

  private async copy(url: string) {
    try {
      await navigator.clipboard.writeText(url);
      this.options.copied(true);
    } catch {
      this.options.copied(false);
    }
  }

  private async shareSheet(url: string, title: string) {
    try {
      // Within the press's activation: nothing is awaited before this call.
      await navigator.share({ title, text: title, url });
    } catch (error) {
      // Dismissed (AbortError) says nothing; refused here: copying is the way left.
      if ((error as DOMException).name !== 'AbortError') void this.copy(url);
    }
  }

  private readonly onKeydown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      this.close();
    }
  };

  render() {
    if (!this.open) return nothing;
    // The card now shows another product (or carries another ref): its link, not the old one.
    if (this.stepFor !== this.currentFor()) queueMicrotask(() => void this.fetchLink());
    const title = this.options.product()?.title ?? '';
    const step = this.step;
    let body: unknown;
    if (!this.i18n.ready || step.kind === 'loading') {
      // The link (or the panel's words in the card's language) is on its way: say so.
      body = html`<p aria-busy="true">${this.t('loading')}</p>`;
    } else if (step.kind === 'failed') {
      body = html`<p class="error" role="alert">${this.i18n.error(step.error, 'failed')}</p>
        <div class="share-actions">
          <button class="share-primary" type="button" @click=${() => this.fetchLink()}>
            ${this.t('retry')}
          </button>
        </div>`;
    } else {
      const { url, qrUrl } = step.link;
      body = html`<label for="share-url">${this.t('link', { title })}</label>
        <input id="share-url" type="url" readonly .value=${url} @focus=${select} />
        <div class="share-actions">
          ${
            typeof navigator.share === 'function'
              ? html`<button class="share-primary" type="button" @click=${() => this.shareSheet(url, title)}>
                  ${this.t('shareVia')}
                </button>`
              : nothing
          }
          <button class="share-copy" type="button" @click=${() => this.copy(url)}>
            ${this.t('copy')}
          </button>
        </div>
        <img src=${qrUrl} alt=${this.t('qr', { title })} width="128" height="128" />
        <p>${this.t('scan')}</p>`;
    }
    return html`<div
      id="share"
      part="share-panel"
      class="share"
      role="group"
      aria-label=${this.t('link', { title })}
      @keydown=${this.onKeydown}
    >
      ${body}
      <div class="share-actions">
        <button class="share-close" type="button" @click=${() => this.close()}>
          ${this.t('close')}
        </button>
      </div>
    </div>`;
  }
}

const select = (event: Event) => (event.target as HTMLInputElement).select();
