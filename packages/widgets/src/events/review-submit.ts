import type { Review } from '@kiosk/sdk';

/** A customer submitted a review (it may await moderation: see detail.review.status). */
export class KioskReviewSubmitEvent extends Event {
  static readonly eventName = 'kiosk-review-submit';
  readonly detail: { review: Review };

  constructor(detail: { review: Review }) {
    super('kiosk-review-submit', { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kiosk-review-submit': KioskReviewSubmitEvent;
  }
}
