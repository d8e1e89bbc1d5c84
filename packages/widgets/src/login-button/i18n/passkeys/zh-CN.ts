import type { Bundle } from '../../../i18n/i18n.js';

/** The account menu's passkeys view ("login-button-passkeys" namespace), zh-CN. */
export default {
  back: '返回',
  added: '添加于 {{date}}',
  lastUsed: '上次使用：{{when}}',
  neverUsed: '尚未使用',
  remove: '移除',
  confirm: '确认移除',
  cancel: '取消',
  confirmQuestion: '要移除此通行密钥吗？移除后将无法再用它登录。',
  removed: '已移除通行密钥：{{name}}。',
  empty: '还没有通行密钥。下次登录时我们会为您提供一个。',
  error: {
    load: '无法加载您的通行密钥。',
    remove: '无法移除通行密钥，请重试。',
  },
} satisfies Bundle;
