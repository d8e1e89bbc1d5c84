import { KioskReviewList } from './review-list.js';

if (!customElements.get('kiosk-review-list')) {
  customElements.define('kiosk-review-list', KioskReviewList);
}

export { KioskReviewList };
