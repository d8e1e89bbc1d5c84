import type { Bundle } from '../../../i18n/i18n.js';

/** The card's "Notify me" panel ("product-card-notify" namespace), zh-CN. */
export default {
  pushIntro: '{{title}} 到货后，我们会向此设备发送通知。',
  pushIntroPrice: '{{title}} 降价时，我们会向此设备发送通知。',
  pushOn: '开启通知',
  emailInstead: '改用电子邮件',
  emailIntro: '{{title}} 到货后，我们会给你发邮件。',
  emailIntroPrice: '{{title}} 降价时，我们会给您发邮件。',
  email: '电子邮箱',
  submit: '到货通知',
  sending: '正在发送…',
  subscribed: '到货后我们会通知你。',
  confirm: '请查收邮件并确认订阅。',
  failed: '订阅未成功，请重试。',
  blocked: '此浏览器已屏蔽通知。我们可以改用邮件通知你。',
  invalidEmail: '请输入类似 name@example.com 的邮箱地址。',
  emailUnavailable: '本店暂时无法发送邮件。',
} satisfies Bundle;
