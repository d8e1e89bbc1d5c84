import type { Bundle } from '../../../i18n/i18n.js';

/** The card's "Notify me" panel ("product-card-notify" namespace), de. */
export default {
  pushIntro:
    'Wir senden eine Benachrichtigung an dieses Gerät, sobald {{title}} wieder vorrätig ist.',
  pushIntroPrice:
    'Wir senden eine Benachrichtigung an dieses Gerät, sobald {{title}} günstiger wird.',
  pushOn: 'Benachrichtigungen einschalten',
  emailInstead: 'Lieber per E-Mail',
  emailIntro: 'Wir schreiben Ihnen eine E-Mail, sobald {{title}} wieder vorrätig ist.',
  emailIntroPrice: 'Wir schreiben Ihnen eine E-Mail, sobald {{title}} günstiger wird.',
  email: 'E-Mail-Adresse',
  submit: 'Benachrichtige mich',
  sending: 'Wird gesendet…',
  subscribed: 'Wir sagen Ihnen Bescheid.',
  confirm: 'Bitte bestätigen Sie die Anmeldung in Ihrem Posteingang.',
  failed: 'Die Anmeldung hat nicht geklappt. Bitte versuchen Sie es erneut.',
  blocked:
    'Benachrichtigungen sind in diesem Browser blockiert. Wir können Ihnen stattdessen eine E-Mail schreiben.',
  invalidEmail: 'Geben Sie eine E-Mail-Adresse wie name@example.com ein.',
  emailUnavailable: 'Dieser Shop kann gerade keine E-Mails senden.',
} satisfies Bundle;
