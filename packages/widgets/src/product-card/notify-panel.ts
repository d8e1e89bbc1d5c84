import type { KioskClient, KioskError, NotificationSubscription } from '@kiosk/sdk';
import { adoptStyles, html, nothing, type ReactiveElement } from 'lit';
import { currentConfig } from '../config.js';
import {
  LocalizeController,
  type LocalizedHost,
  type MessageKey,
} from '../controllers/localize-controller.js';
import { notifyStrings } from './i18n/notify/index.js';
import { notifyStyles } from './notify-panel.styles.js';

/** What the panel needs of its card. */
export interface NotifyOptions {
  client: () => KioskClient | null;
  product: () => { handle: string; title: string } | undefined;
  /** What to tell the shopper about: the card's variant sold out, or in stock (a price drop). */
  topic: () => 'back-in-stock' | 'price-drop';
  /** Reports a failure as the card does (`kiosk-error`), answering it as a KioskError. */
  onError: (error: unknown) => KioskError;
}

type Step =
  | { kind: 'form' }
  | { kind: 'sending' }
  | { kind: 'done'; subscription: NotificationSubscription }
  | { kind: 'failed'; error: KioskError };

/** Web push is offered where the brand serves the worker and this browser can subscribe. */
const pushPossible = () =>
  !!currentConfig().serviceWorker &&
  typeof PushManager === 'function' &&
  globalThis.Notification?.permission !== 'denied';

/**
 * A card's "Notify me": a disclosure under the card's button (a sold-out card's main button,
 * for back in stock; the bell of a card in stock, for a price drop; each says whether it is
 * open, `aria-expanded`, and names this region, `aria-controls`). It offers web
 * push when the site names its service worker and the browser allows it, else an email field
 * (a signed-in shopper's address filled in). Every outcome is said in words: "We'll let you
 * know", "Check your inbox to confirm" for a typed address (double opt-in), or what went
 * wrong with a Retry. Escape closes it and puts focus back on the card's button.
 *
 * This module, its strings and styles are imported on the first press of "Notify me", so a
 * page of cards costs nothing for it until a shopper asks.
 */
export class NotifyPanel {
  open = false;
  private readonly i18n: LocalizeController<typeof notifyStrings.en>;
  private step: Step = { kind: 'form' };
  private channel: 'push' | 'email' = pushPossible() ? 'push' : 'email';
  private email = '';
  /** Says blocked notifications apart from other failures (the email field follows). */
  private blocked = false;

  constructor(
    private readonly host: LocalizedHost & ReactiveElement,
    private readonly options: NotifyOptions,
  ) {
    this.i18n = new LocalizeController(host, notifyStrings);
    const element = host.constructor as typeof ReactiveElement;
    adoptStyles(host.renderRoot as ShadowRoot, [...element.elementStyles, notifyStyles]);
  }

  private t(key: MessageKey<typeof notifyStrings.en>, options?: Record<string, unknown>) {
    return this.i18n.t(key, options);
  }

  /** Opens or closes the panel (the card's "Notify me" button). */
  toggle(): void {
    this.open = !this.open;
    // Viewed, with analytics off too (the collector records it otherwise).
    const product = this.options.product();
    if (this.open && product) {
      import('@kiosk/sdk/recently-viewed').then(
        (m) => m.rememberViewed(product.handle),
        () => {},
      );
    }
    const step = this.step;
    // A failure is retried from the form; so is a sign-up for the other topic (the shopper
    // chose another variant, sold out or in stock, since).
    if (
      this.open &&
      (step.kind === 'failed' ||
        (step.kind === 'done' && step.subscription.topic !== this.options.topic()))
    ) {
      this.step = { kind: 'form' };
    }
    this.host.requestUpdate();
  }

  private close() {
    this.open = false;
    this.host.requestUpdate();
    this.focusTrigger();
  }

  /** Focus back on the card's "Notify me" once the panel's controls it was on are gone. */
  private focusTrigger() {
    void this.host.updateComplete.then(() => {
      const root = this.host.renderRoot as ShadowRoot;
      if (!root.activeElement || !this.open) {
        root.querySelector<HTMLElement>('[aria-controls=notify]')?.focus();
      }
    });
  }

  private async subscribe() {
    const client = this.options.client();
    const product = this.options.product();
    if (!client || !product || this.step.kind === 'sending') return;
    const own = client.auth.$session.get()?.customer.email;
    const email = this.channel === 'email' ? this.email.trim() || own : undefined;
    this.step = { kind: 'sending' };
    this.host.requestUpdate();
    try {
      const subscription = await client.notifications.subscribe({
        topic: this.options.topic(),
        product: product.handle,
        channel: this.channel,
        // The shopper's own address goes unsaid: the store confirms it at once.
        ...(email && email !== own ? { email } : {}),
        ...(this.channel === 'push' ? { serviceWorker: currentConfig().serviceWorker } : {}),
      });
      this.step = { kind: 'done', subscription };
      // The form goes; the status line says the outcome. Focus must not fall to the page.
      if ((this.host.renderRoot as ShadowRoot).activeElement) this.focusTrigger();
    } catch (error) {
      const e = this.options.onError(error);
      this.blocked = e.code === 'permission_denied';
      // Push refused here: the shopper can still have an email.
      if (this.blocked || e.code === 'push_unavailable') this.channel = 'email';
      this.step = { kind: 'failed', error: e };
    }
    this.host.requestUpdate();
  }

  private readonly onKeydown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      this.close();
    }
  };

  render() {
    if (!this.open) return nothing;
    if (!this.i18n.ready) {
      // The panel's strings in the card's language are on their way: say so, not English.
      return html`<div id="notify" part="notify" class="notify" aria-busy="true">
        ${this.t('loading')}
      </div>`;
    }
    const title = this.options.product()?.title ?? '';
    const step = this.step;
    let status = '';
    if (step.kind === 'done') {
      status = this.t(step.subscription.status === 'pending' ? 'confirm' : 'subscribed');
    }
    return html`<div id="notify" part="notify" class="notify" @keydown=${this.onKeydown}>
      ${step.kind === 'done' ? nothing : this.renderForm(title, step)}
      <p class="notify-status" role="status">${status}</p>
    </div>`;
  }

  private renderForm(title: string, step: Step) {
    const sending = step.kind === 'sending';
    const priceDrop = this.options.topic() === 'price-drop';
    const error =
      step.kind === 'failed'
        ? html`<p class="error" role="alert">
            ${
              this.blocked
                ? this.t('blocked')
                : this.i18n.error(step.error, 'failed', {
                    validation_failed: 'invalidEmail',
                    channel_unavailable: 'emailUnavailable',
                  })
            }
          </p>`
        : nothing;
    const submitLabel = sending ? this.t('sending') : step.kind === 'failed' ? this.t('retry') : '';
    if (this.channel === 'push') {
      return html`<p>${this.t(priceDrop ? 'pushIntroPrice' : 'pushIntro', { title })}</p>
        ${error}
        <div class="notify-actions">
          <button
            class="notify-submit"
            type="button"
            aria-disabled=${sending}
            @click=${() => this.subscribe()}
          >
            ${submitLabel || this.t('pushOn')}
          </button>
          <button
            class="notify-switch"
            type="button"
            @click=${() => {
              this.channel = 'email';
              this.host.requestUpdate();
            }}
          >
            ${this.t('emailInstead')}
          </button>
        </div>`;
    }
    const own = this.options.client()?.auth.$session.get()?.customer.email ?? '';
    return html`<form
      novalidate
      @submit=${(event: Event) => {
        event.preventDefault();
        void this.subscribe();
      }}
    >
      <p>${this.t(priceDrop ? 'emailIntroPrice' : 'emailIntro', { title })}</p>
      <label for="notify-email">${this.t('email')}</label>
      <input
        id="notify-email"
        type="email"
        autocomplete="email"
        required
        .value=${this.email || own}
        aria-invalid=${step.kind === 'failed' && step.error.code === 'validation_failed'}
        @input=${(event: Event) => {
          this.email = (event.target as HTMLInputElement).value;
        }}
      />
      ${error}
      <button class="notify-submit" type="submit" aria-disabled=${sending}>
        ${submitLabel || this.t('submit')}
      </button>
    </form>`;
  }
}
