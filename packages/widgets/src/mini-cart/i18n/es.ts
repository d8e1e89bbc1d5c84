import type { Bundle } from '../../i18n/i18n.js';

/** <kiosk-mini-cart> trigger strings ("mini-cart" namespace: what the closed cart needs), es. */
export default {
  trigger_one: 'Carrito, {{n}} artículo',
  trigger_many: 'Carrito, {{n}} de artículos',
  trigger_other: 'Carrito, {{n}} artículos',
  triggerPending_one: 'Carrito, {{n}} artículo, cambios aún sin guardar',
  triggerPending_many: 'Carrito, {{n}} de artículos, cambios aún sin guardar',
  triggerPending_other: 'Carrito, {{n}} artículos, cambios aún sin guardar',
  count_one: '{{n}} artículo en tu carrito',
  count_many: '{{n}} de artículos en tu carrito',
  count_other: '{{n}} artículos en tu carrito',
} satisfies Bundle;
