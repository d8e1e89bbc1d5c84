import type { Bundle } from '../../../i18n/i18n.js';

/** The card's "Notify me" panel ("product-card-notify" namespace), es. */
export default {
  pushIntro:
    'Enviaremos una notificación a este dispositivo cuando {{title}} vuelva a estar disponible.',
  pushIntroPrice:
    'Enviaremos una notificación a este dispositivo cuando baje el precio de {{title}}.',
  pushOn: 'Activar notificaciones',
  emailInstead: 'Prefiero por correo',
  emailIntro: 'Te escribiremos cuando {{title}} vuelva a estar disponible.',
  emailIntroPrice: 'Te enviaremos un correo cuando baje el precio de {{title}}.',
  email: 'Correo electrónico',
  submit: 'Avísame',
  sending: 'Enviando…',
  subscribed: 'Te avisaremos.',
  confirm: 'Revisa tu bandeja de entrada para confirmar.',
  failed: 'No pudimos apuntarte. Inténtalo de nuevo.',
  blocked: 'Las notificaciones están bloqueadas en este navegador. Podemos avisarte por correo.',
  invalidEmail: 'Escribe un correo como nombre@example.com.',
  emailUnavailable: 'Esta tienda no puede enviar correos ahora.',
} satisfies Bundle;
