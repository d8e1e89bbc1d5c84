import type { Bundle } from '../../i18n/i18n.js';

/** <kiosk-mini-cart> trigger strings ("mini-cart" namespace: what the closed cart needs), zh-CN. */
export default {
  trigger_other: '购物车，{{n}} 件商品',
  triggerPending_other: '购物车，{{n}} 件商品，更改尚未保存',
  count_other: '购物车中有 {{n}} 件商品',
} satisfies Bundle;
