import {
  LocalizeController,
  type LocalizedHost,
  type MessageKey,
} from '../controllers/localize-controller.js';
import { formatNumber } from '../format.js';
import { reviewListStrings } from './i18n/index.js';

export type ReviewMessage = MessageKey<typeof reviewListStrings.en>;

/** The list's strings, and the numbers, counts, dates and shares it writes in the shopper's locale. */
export class ReviewLocalize extends LocalizeController<typeof reviewListStrings.en> {
  constructor(host: LocalizedHost) {
    super(host, reviewListStrings);
  }

  num(n: number, digits = 0): string {
    return formatNumber(n, this.locale, digits);
  }

  /** A plural message (`reviewCount`, `starCount`…) for `n`, the number in the locale's digits. */
  count(key: ReviewMessage, n: number): string {
    return this.t(key, { count: n, formatted: this.num(n) });
  }

  date(iso: string): string {
    const d = new Date(iso);
    if (Number.isNaN(d.getTime())) return '';
    return new Intl.DateTimeFormat(this.locale, { dateStyle: 'long' }).format(d);
  }

  percent(part: number, whole: number): string {
    return new Intl.NumberFormat(this.locale, { style: 'percent' }).format(
      whole > 0 ? part / whole : 0,
    );
  }
}
