import type { Bundle } from '../../../i18n/i18n.js';

/** <kiosk-review-list> form strings ("review-form" namespace), zh-CN. */
export default {
  heading: '撰写评价',
  rating: '你的评分',
  title: '标题',
  body: '评价内容',
  chars: '{{count}} / {{max}}',
  charsLabel: '已输入 {{count}} 个字符，最多 {{max}} 个',
  submit: '提交评价',
  submitting: '正在提交…',
  editHeading: '编辑你的评价',
  editHint: '修改后的评价可能需要商家重新审核后才会显示。',
  save: '保存修改',
  saving: '正在保存…',
  cancel: '取消',
  errors: {
    rating: '请选择星级评分。',
    title: '请填写标题。',
    body: '请填写评价内容。',
    tooLong: '内容过长：最多 {{max}} 个字符。',
    invalid: '请检查你的评价后重试。',
    signedOut: '登录已过期。请重新登录后发布评价。',
    failed: '无法发布你的评价。',
  },
  saved: '你的评价已更新。',
  savedPending: '你的评价已更新，审核通过后即会显示。',
} satisfies Bundle;
