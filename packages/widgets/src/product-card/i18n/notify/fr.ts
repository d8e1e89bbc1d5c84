import type { Bundle } from '../../../i18n/i18n.js';

/** The card's "Notify me" panel ("product-card-notify" namespace), fr. */
export default {
  pushIntro:
    'Nous enverrons une notification à cet appareil dès que {{title}} sera de nouveau en stock.',
  pushIntroPrice:
    'Nous enverrons une notification sur cet appareil quand le prix de {{title}} baissera.',
  pushOn: 'Activer les notifications',
  emailInstead: 'Plutôt par e-mail',
  emailIntro: 'Nous vous écrirons dès que {{title}} sera de nouveau en stock.',
  emailIntroPrice: 'Nous vous écrirons quand le prix de {{title}} baissera.',
  email: 'Adresse e-mail',
  submit: 'Me prévenir',
  sending: 'Envoi…',
  subscribed: 'Nous vous préviendrons.',
  confirm: 'Consultez votre boîte de réception pour confirmer.',
  failed: 'L’inscription n’a pas abouti. Veuillez réessayer.',
  blocked:
    'Les notifications sont bloquées dans ce navigateur. Nous pouvons vous écrire à la place.',
  invalidEmail: 'Saisissez une adresse e-mail comme nom@example.com.',
  emailUnavailable: 'Cette boutique ne peut pas envoyer d’e-mails pour le moment.',
} satisfies Bundle;
