import type { CartLine } from '@kiosk/sdk';
import { isPendingLine, MAX_LINE_QUANTITY } from '@kiosk/sdk';
import { html, nothing } from 'lit';
import { quantityStepper } from '../quantity-stepper.js';
import type { MiniCartPanel } from './panel.js';

/**
 * The open cart's lines: image, titles, prices, the quantity stepper and Remove, with an error
 * under a line whose change the server refused. Changes go to the SDK, which shows them at
 * once (optimistically) and rolls them back if refused.
 */
export class CartLines {
  private errors = new Map<string, string>();

  constructor(private readonly panel: MiniCartPanel) {}

  private setError(lineId: string, message: string | undefined) {
    const errors = new Map(this.errors);
    if (message) errors.set(lineId, message);
    else errors.delete(lineId);
    this.errors = errors;
    this.panel.el.requestUpdate();
  }

  /** Reports a refused change under its line and in the live region. */
  private failed(line: CartLine, error: unknown) {
    const { panel } = this;
    const n = line.available;
    const message = panel.i18n.error(
      panel.host.emitError(error),
      'updateFailed',
      { out_of_stock: 'notEnoughStock', quantity_limit_exceeded: 'notEnoughStock' },
      { count: n, n: panel.num(n) },
    );
    this.setError(line.id, message);
    void panel.announce(message);
  }

  private async setQuantity(line: CartLine, quantity: number) {
    const { panel } = this;
    const client = panel.client;
    if (!client) return;
    this.setError(line.id, undefined);
    try {
      await client.cart.update(line.id, quantity);
      void panel.announce(panel.t('updated', { title: line.title, quantity: panel.num(quantity) }));
    } catch (error) {
      this.failed(line, error);
    }
  }

  private async remove(line: CartLine, index: number) {
    const { panel } = this;
    const client = panel.client;
    if (!client || isPendingLine(line)) return;
    this.setError(line.id, undefined);
    const removal = client.cart.remove(line.id);
    // The line leaves at once (optimistically): keep focus in the panel, on the next line.
    await panel.el.updateComplete;
    const removes = [...panel.el.renderRoot.querySelectorAll<HTMLElement>('[part~="remove"]')];
    const next = removes[Math.min(index, removes.length - 1)];
    if (next) next.focus();
    else panel.modal.focusFirst();
    try {
      await removal;
      void panel.announce(panel.t('removed', { title: line.title }));
    } catch (error) {
      this.failed(line, error);
    }
  }

  render(lines: CartLine[]) {
    return html`<ul part="lines" class="lines">
      ${lines.map((line, i) => this.renderLine(line, i))}
    </ul>`;
  }

  private renderLine(line: CartLine, index: number) {
    const { panel } = this;
    const t = (key: 'quantity' | 'decrease' | 'increase' | 'remove') =>
      panel.t(`line.${key}`, { title: line.title });
    const pendingLine = isPendingLine(line);
    const { available, quantity } = line;
    const error = this.errors.get(line.id);
    return html`<li part="line" class="line" data-line=${line.id}>
      ${
        line.image
          ? html`<img
              part="line-image"
              class="line-image"
              src=${line.image.url}
              alt=${line.image.alt || line.title}
              width="64"
              height="64"
              loading="lazy"
              decoding="async"
            />`
          : html`<span part="line-image" class="line-image"></span>`
      }
      <div class="line-info">
        <p part="line-title" class="line-title">${line.title}</p>
        ${
          line.variantTitle
            ? html`<p part="line-variant" class="line-variant">${line.variantTitle}</p>`
            : nothing
        }
        <p part="line-price" class="line-price">
          ${panel.t('line.each', { price: panel.money(line.unitPrice) })}
        </p>
        ${
          line.member
            ? html`<p part="line-member" class="line-note">
                ${panel.t('line.member', { tier: line.member.tier, saving: panel.money(line.member.saving) })}
              </p>`
            : nothing
        }
        ${available <= 0 ? html`<p class="line-note">${panel.t('line.soldOut')}</p>` : nothing}
      </div>
      <p part="line-total" class="line-total">${panel.money(line.lineTotal)}</p>
      ${quantityStepper({
        value: quantity,
        available,
        labels: [t('quantity'), t('decrease'), t('increase')],
        readonly: pendingLine,
        set: (q) => this.setQuantity(line, q),
      })}
      <button
        part="remove"
        class="remove"
        type="button"
        aria-label=${t('remove')}
        aria-disabled=${pendingLine}
        @click=${() => this.remove(line, index)}
      >
        ${panel.t('line.removeShort')}
      </button>
      ${
        quantity >= available && available > 0 && available < MAX_LINE_QUANTITY
          ? html`<p class="line-note">
              ${panel.t('line.max', { count: available, n: panel.num(available) })}
            </p>`
          : nothing
      }
      ${error ? html`<p part="error" class="error line-error" role="alert">${error}</p>` : nothing}
    </li>`;
  }
}
