import type { Bundle } from '../../i18n/i18n.js';

/** <kiosk-mini-cart> trigger strings ("mini-cart" namespace: what the closed cart needs), ru. */
export default {
  trigger_one: 'Корзина, {{n}} товар',
  trigger_few: 'Корзина, {{n}} товара',
  trigger_many: 'Корзина, {{n}} товаров',
  trigger_other: 'Корзина, {{n}} товара',
  triggerPending_one: 'Корзина, {{n}} товар, изменения ещё не сохранены',
  triggerPending_few: 'Корзина, {{n}} товара, изменения ещё не сохранены',
  triggerPending_many: 'Корзина, {{n}} товаров, изменения ещё не сохранены',
  triggerPending_other: 'Корзина, {{n}} товара, изменения ещё не сохранены',
  count_one: 'В корзине {{n}} товар',
  count_few: 'В корзине {{n}} товара',
  count_many: 'В корзине {{n}} товаров',
  count_other: 'В корзине {{n}} товара',
} satisfies Bundle;
