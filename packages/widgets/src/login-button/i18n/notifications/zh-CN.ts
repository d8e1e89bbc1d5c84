import type { Bundle } from '../../../i18n/i18n.js';

/** The account menu's notifications view ("login-button-notifications" namespace), zh-CN. */
export default {
  back: '返回',
  topic: {
    'back-in-stock': '到货通知：{{product}}',
    'price-drop': '降价通知：{{product}}',
    promotions: '促销活动',
    'points-expiry': '积分即将过期',
    'order-updates': '订单动态',
  },
  channel: {
    push: '浏览器推送通知',
    email: '通过电子邮件',
    emailTo: '通过电子邮件发送至 {{email}}',
  },
  pending: '等待您确认电子邮件地址',
  remove: '移除',
  confirm: '确定移除',
  cancel: '取消',
  confirmQuestion: '不再接收这些通知？',
  removed: '已移除：{{name}}。',
  empty: '您没有订阅本店的任何通知。售罄商品提供“到货通知”。',
  error: {
    load: '无法加载您的通知。',
    remove: '无法移除，请重试。',
  },
} satisfies Bundle;
