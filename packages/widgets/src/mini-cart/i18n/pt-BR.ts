import type { Bundle } from '../../i18n/i18n.js';

/** <kiosk-mini-cart> trigger strings ("mini-cart" namespace: what the closed cart needs), pt-BR. */
export default {
  trigger_one: 'Carrinho, {{n}} item',
  trigger_many: 'Carrinho, {{n}} de itens',
  trigger_other: 'Carrinho, {{n}} itens',
  triggerPending_one: 'Carrinho, {{n}} item, alterações ainda não salvas',
  triggerPending_many: 'Carrinho, {{n}} de itens, alterações ainda não salvas',
  triggerPending_other: 'Carrinho, {{n}} itens, alterações ainda não salvas',
  count_one: '{{n}} item no seu carrinho',
  count_many: '{{n}} de itens no seu carrinho',
  count_other: '{{n}} itens no seu carrinho',
} satisfies Bundle;
