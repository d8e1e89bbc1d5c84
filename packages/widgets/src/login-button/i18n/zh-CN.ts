import type { Bundle } from '../../i18n/i18n.js';

/** <kiosk-login-button> strings ("login-button" namespace), zh-CN. */
export default {
  signIn: '登录',
  signingIn: '正在登录…',
  signOut: '退出登录',
  notifications: '通知',
  passkeys: '通行密钥',
  orders: '订单',
  signingOut: '正在退出…',
  account: '您的账户',
  points_other: '{{n}} 积分',
  tier: '{{tier}} 等级',
  trigger: '{{name}}，{{points}}',
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
  signedIn: '已登录为 {{name}}。',
  signedOut: '您已退出登录。',
  error: {
    cancelled: '登录已取消。',
    popup: '无法打开登录窗口。请允许本网站弹出窗口后重试。',
    failed: '登录失败，请重试。',
    account: '无法加载您的账户。请检查网络连接后刷新页面。',
    view: '无法打开“{{view}}”。请检查网络连接后重试。',
    signOutFailed: '无法连接到商店，但您已在此设备上退出登录。',
  },
} satisfies Bundle;
