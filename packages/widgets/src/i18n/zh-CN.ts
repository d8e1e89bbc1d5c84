import type { Bundle } from './i18n.js';

/** Strings shared by every element (namespace "common"), zh-CN. */
export default {
  loading: '正在加载…',
  retry: '重试',
  error: {
    generic: '出了点问题。',
    network: '暂时无法连接商店。请检查网络连接后重试。',
    notConfigured: '此商店尚未设置。',
  },
} satisfies Bundle;
