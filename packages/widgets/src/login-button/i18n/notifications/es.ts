import type { Bundle } from '../../../i18n/i18n.js';

/** The account menu's notifications view ("login-button-notifications" namespace), es. */
export default {
  back: 'Volver',
  topic: {
    'back-in-stock': 'De nuevo disponible: {{product}}',
    'price-drop': 'Bajada de precio: {{product}}',
    promotions: 'Promociones',
    'points-expiry': 'Puntos a punto de caducar',
    'order-updates': 'Novedades de tus pedidos',
  },
  channel: {
    push: 'Notificación push en un navegador',
    email: 'Por correo electrónico',
    emailTo: 'Por correo electrónico a {{email}}',
  },
  pending: 'Pendiente de que confirmes el correo electrónico',
  remove: 'Quitar',
  confirm: 'Sí, quitar',
  cancel: 'Cancelar',
  confirmQuestion: '¿Dejar de recibir estas notificaciones?',
  removed: 'Quitado: {{name}}.',
  empty: 'No recibes notificaciones de esta tienda. Los productos agotados ofrecen «Avísame».',
  error: {
    load: 'No se pudieron cargar tus notificaciones.',
    remove: 'No se pudo quitar. Inténtalo de nuevo.',
  },
} satisfies Bundle;
