import type { Bundle } from '../../../i18n/i18n.js';

/** The card's "Notify me" panel ("product-card-notify" namespace), en. */
export default {
  pushIntro: 'We’ll send a notification to this device when {{title}} is back in stock.',
  pushIntroPrice: 'We’ll send a notification to this device when the price of {{title}} drops.',
  pushOn: 'Turn on notifications',
  emailInstead: 'Email me instead',
  emailIntro: 'We’ll email you when {{title}} is back in stock.',
  emailIntroPrice: 'We’ll email you when the price of {{title}} drops.',
  email: 'Email',
  submit: 'Notify me',
  sending: 'Sending…',
  subscribed: 'We’ll let you know.',
  confirm: 'Check your inbox to confirm.',
  failed: 'We couldn’t sign you up. Please try again.',
  blocked: 'Notifications are blocked in this browser. We can email you instead.',
  invalidEmail: 'Enter an email address like name@example.com.',
  emailUnavailable: 'This store can’t send email right now.',
} satisfies Bundle;
