import type { Bundle } from '../../i18n/i18n.js';

/** <kiosk-mini-cart> trigger strings ("mini-cart" namespace: what the closed cart needs), ar. */
export default {
  trigger_zero: 'السلة، لا توجد منتجات',
  trigger_one: 'السلة، منتج واحد',
  trigger_two: 'السلة، منتجان',
  trigger_few: 'السلة، {{n}} منتجات',
  trigger_many: 'السلة، {{n}} منتجًا',
  trigger_other: 'السلة، {{n}} منتج',
  triggerPending_zero: 'السلة، لا توجد منتجات، لم تُحفظ التغييرات بعد',
  triggerPending_one: 'السلة، منتج واحد، لم تُحفظ التغييرات بعد',
  triggerPending_two: 'السلة، منتجان، لم تُحفظ التغييرات بعد',
  triggerPending_few: 'السلة، {{n}} منتجات، لم تُحفظ التغييرات بعد',
  triggerPending_many: 'السلة، {{n}} منتجًا، لم تُحفظ التغييرات بعد',
  triggerPending_other: 'السلة، {{n}} منتج، لم تُحفظ التغييرات بعد',
  count_zero: 'سلتك فارغة',
  count_one: 'في سلتك منتج واحد',
  count_two: 'في سلتك منتجان',
  count_few: 'في سلتك {{n}} منتجات',
  count_many: 'في سلتك {{n}} منتجًا',
  count_other: 'في سلتك {{n}} منتج',
} satisfies Bundle;
