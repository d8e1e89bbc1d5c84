import type { Bundle } from '../../../i18n/i18n.js';

/** The signed-in menu button's strings ("login-button-account" namespace), zh-CN. */
export default {
  signingOut: '正在退出…',
  trigger: '{{name}}，{{points}}',
  points_other: '{{n}} 积分',
  error: {
    menu: '无法打开菜单。请检查网络连接后重试。',
  },
} satisfies Bundle;
