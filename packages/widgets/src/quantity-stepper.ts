import { MAX_LINE_QUANTITY } from '@kiosk/sdk';
import { css, html } from 'lit';

export interface QuantityStepperOptions {
  value: number;
  /** How many are in stock: the quantity stops there, and at the SDK's line limit. */
  available: number;
  /** The accessible names: the group's and the field's, then the − and + buttons'. */
  labels: [quantity: string, decrease: string, increase: string];
  /** Nothing to choose (sold out): the whole stepper is disabled. */
  disabled?: boolean;
  /** Shown but not changeable yet (a cart line the server has not confirmed). */
  readonly?: boolean;
  /** Called with a new quantity, already within 1 and the limit. */
  set(quantity: number): void;
}

/**
 * The −/quantity/+ group of the product card and of every cart line: one rule for its limits
 * (1 to the stock, at most MAX_LINE_QUANTITY), clamping and labels. A button at a limit is
 * `aria-disabled`, not `disabled`, so focus stays on it (APG); a typed value out of range
 * is put back within it in the field as well. Styles: `stepperStyles`; the host sizes it.
 */
export function quantityStepper(o: QuantityStepperOptions) {
  const { value, readonly, disabled } = o;
  const limit = Math.min(MAX_LINE_QUANTITY, o.available);
  const [label, decrease, increase] = o.labels;
  const set = (wanted: number) => {
    const quantity = Number.isFinite(wanted) ? Math.max(1, Math.min(limit, Math.trunc(wanted))) : 1;
    if (quantity !== value) o.set(quantity);
    return quantity;
  };
  const button = (name: string, text: string, blocked: boolean, by: number) =>
    html`<button
      type="button"
      class=${name}
      aria-label=${text}
      aria-disabled=${blocked}
      ?disabled=${disabled}
      @click=${() => blocked || set(value + by)}
    >
      ${by < 0 ? '−' : '+'}
    </button>`;
  return html`<div part="quantity" class="stepper" role="group" aria-label=${label}>
    ${button('dec', decrease, !!readonly || value <= 1, -1)}
    <input
      type="number"
      inputmode="numeric"
      min="1"
      max=${Math.max(1, value, limit)}
      .value=${String(value)}
      aria-label=${label}
      ?readonly=${readonly}
      ?disabled=${disabled}
      @change=${(e: Event) => {
        const input = e.target as HTMLInputElement;
        input.value = String(set(Number(input.value)));
      }}
    />
    ${button('inc', increase, !!readonly || value >= limit, 1)}
  </div>`;
}

/**
 * One bordered group: −, the number (without the browser's spin buttons) and +, as tall as the
 * host's other controls (`--_control-h`, 2rem by default); the host may widen the field
 * (`--_stepper-input`). A sold-out card's disabled stepper looks like its other disabled controls.
 */
export const stepperStyles = css`
  .stepper {
    display: inline-grid;
    grid-template-columns: var(--_control-h, 2rem) var(--_stepper-input, 2.5rem) var(--_control-h, 2rem);
    block-size: var(--_control-h, 2rem);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .stepper > * {
    inline-size: 100%;
    block-size: 100%;
    padding: 0;
    border: 0;
    background: transparent;
  }
  .stepper button {
    cursor: pointer;
  }
  .stepper input {
    border-inline: 1px solid var(--_border);
    text-align: center;
    -moz-appearance: textfield;
  }
  .stepper input::-webkit-inner-spin-button {
    -webkit-appearance: none;
  }
  .stepper [aria-disabled='true'] {
    opacity: 0.4;
    cursor: not-allowed;
  }
`;
