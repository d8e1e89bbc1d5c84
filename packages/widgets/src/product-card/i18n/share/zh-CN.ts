import type { Bundle } from '../../../i18n/i18n.js';

/** The card's share panel ("product-card-share" namespace), zh-CN. */
export default {
  link: '{{title}} 的链接',
  shareVia: '分享…',
  copy: '复制链接',
  qr: '{{title}} 链接的二维码',
  scan: '用另一部手机扫描即可打开。',
  close: '关闭分享',
  failed: '无法生成链接，请重试。',
} satisfies Bundle;
