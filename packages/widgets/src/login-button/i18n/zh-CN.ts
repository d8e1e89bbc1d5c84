import type { Bundle } from '../../i18n/i18n.js';

/** <kiosk-login-button> strings ("login-button" namespace), zh-CN. */
export default {
  signIn: '登录',
  signingIn: '正在登录…',
  signedIn: '已登录为 {{name}}。',
  signedOut: '您已退出登录。',
  error: {
    cancelled: '登录已取消。',
    popup: '无法打开登录窗口。请允许本网站弹出窗口后重试。',
    failed: '登录失败，请重试。',
    account: '无法加载您的账户。请检查网络连接后刷新页面。',
  },
} satisfies Bundle;
