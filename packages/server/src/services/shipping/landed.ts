import { parseMinor } from '../money.js';
import { type DutyRule, percentPpm, type TaxRule } from './config.js';

const MILLION = 1_000_000n;

/** a × b / c rounded half up, exactly (non-negative bigints). */
function mulDivRound(a: bigint, b: bigint, c: bigint): bigint {
  return (a * b * 2n + c) / (2n * c);
}

export interface LandedInput {
  subtotalMinor: bigint;
  discountMinor: bigint;
  shippingMinor: bigint;
  /** The destination's tax rule; none = no tax. */
  tax?: TaxRule;
  /** The destination's duty rule; none = no duty. */
  duty?: DutyRule;
  currency: string;
}

export interface Landed {
  taxMinor: bigint;
  taxIncluded: boolean;
  /** Collected at checkout (ddp) or estimated as due on delivery (dap); 0 under the de minimis. */
  dutiesMinor: bigint;
  dutiesMode: 'ddp' | 'dap' | null;
  /** Whether a 'dap' estimate is unknown (no rate set): the page says duties may be due. */
  dutiesUnknown: boolean;
  totalMinor: bigint;
}

/**
 * The landed cost of an order in integer minor units of its currency, rounded half up once
 * per amount. total = subtotal − discount + shipping + tax (when added, not included) +
 * duties (when collected at checkout) — the rule the orders_total_landed check holds too.
 *
 * - Tax is on the goods after discounts, plus shipping where the rule says so. Included
 *   (EU, UK VAT): the prices already hold it, and its part is rate/(1+rate) of them.
 *   Added (US): rate × base on top.
 * - Duty is a rate of the goods after discounts, none when they are worth less than the
 *   de minimis in the order's currency.
 */
export function landedCost(input: LandedInput): Landed {
  const goods = input.subtotalMinor - input.discountMinor;
  let taxMinor = 0n;
  const taxIncluded = input.tax?.inclusive ?? false;
  if (input.tax) {
    const ppm = percentPpm(input.tax.rate);
    const base = goods + (input.tax.shipping ? input.shippingMinor : 0n);
    taxMinor = taxIncluded
      ? mulDivRound(base, ppm, MILLION + ppm)
      : mulDivRound(base, ppm, MILLION);
  }
  let dutiesMinor = 0n;
  let dutiesUnknown = false;
  const duty = input.duty;
  const deMinimis = duty?.deMinimis[input.currency];
  const owed =
    duty !== undefined &&
    !(deMinimis !== undefined && goods < BigInt(parseMinor(deMinimis, input.currency)));
  if (duty && owed) {
    if (duty.rate === null) dutiesUnknown = true;
    else dutiesMinor = mulDivRound(goods, percentPpm(duty.rate), MILLION);
  }
  const dutiesMode = duty && owed ? duty.mode : null;
  const totalMinor =
    goods +
    input.shippingMinor +
    (taxIncluded ? 0n : taxMinor) +
    (dutiesMode === 'ddp' ? dutiesMinor : 0n);
  return { taxMinor, taxIncluded, dutiesMinor, dutiesMode, dutiesUnknown, totalMinor };
}
