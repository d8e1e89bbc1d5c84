import type { Bundle } from '../../i18n/i18n.js';

/** <kiosk-product-card> strings ("product-card" namespace), zh-CN. */
export default {
  unavailable: '此商品不可用',
  unavailableHint: '它可能已被下架，或链接有误。',
  loadFailed: '无法加载此商品。',
  price: { now: '现价', was: '原价', member: '{{tier}}价', membersPay: '会员价 {{price}} — 登录' },
  rating_other: '评分 {{rating}}（满分 5 分），共 {{count}} 条评价',
  noReviews: '暂无评价',
  stock: {
    low_other: '仅剩 {{count}} 件',
    soldOut: '已售罄',
    inStock: '有货',
    early: '会员优先 · {{date}} 起向所有人开放',
  },
  optionSoldOut: '{{value}}（已售罄）',
  quantity: '数量',
  decrease: '减少数量',
  increase: '增加数量',
  add: '加入购物车',
  notifyMe: '到货通知',
  adding: '正在加入…',
  added: '已加入购物车：{{quantity}} × {{title}}',
  addedShort: '已加入',
  viewCart: '查看购物车',
  queued: '您当前处于离线状态。恢复联网后，{{title}} 将被加入购物车。',
  addFailed: '无法将此商品加入购物车。',
  notEnoughStock: '库存不足，无法满足该数量。',
  priceAlert: '{{title}} 降价时通知我',
  share: '分享 {{title}}',
  linkCopied: '链接已复制',
  copyFailed: '无法复制链接。',
} satisfies Bundle;
