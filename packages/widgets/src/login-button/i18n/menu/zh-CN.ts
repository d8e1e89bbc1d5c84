import type { Bundle } from '../../../i18n/i18n.js';

/** The account menu's strings ("login-button-menu" namespace), zh-CN. */
export default {
  notifications: '通知',
  passkeys: '通行密钥',
  membership: '会员',
  orders: '订单',
  signOut: '退出登录',
  tier: '{{tier}} 等级',
  toNextTier_other: '再获得 {{n}} 积分即可升至 {{tier}}',
  topTier: '您已是最高等级',
  history: '最近积分',
  historyEmpty: '还没有积分：购物即可获得。',
  historyError: '无法加载您的积分记录。',
  entry: {
    earn: '订单已付款',
    redeem: '结账时使用',
    expire: '已过期',
    reverse: '订单变更',
    adjust: '调整',
    gift: '礼物',
  },
  error: {
    view: '无法打开“{{view}}”。请检查网络连接后重试。',
    signOutFailed: '无法连接到商店，但您已在此设备上退出登录。',
  },
} satisfies Bundle;
