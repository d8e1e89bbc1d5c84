import type { Bundle } from '../../../i18n/i18n.js';

/** The account menu's membership view ("login-button-membership" namespace), es. */
export default {
  back: 'Volver',
  noTier: 'Aún no tienes nivel',
  fromPoints_one: 'Por tu {{n}} punto acumulado',
  fromPoints_many: 'Por tus {{n}} de puntos acumulados',
  fromPoints_other: 'Por tus {{n}} puntos acumulados',
  fromPlan: 'Por tu membresía de pago, hasta el {{date}}',
  plan: 'Tu membresía de pago ({{tier}}) dura hasta el {{date}}',
  perks: 'Tus ventajas',
  noPerks: 'Aún no tienes ventajas.',
  perk: {
    percentOff: '{{percent}} de descuento en precios para miembros',
    multiplier: '{{n}}× puntos en tus pedidos',
    freeShipping: 'Envío gratis en todos los pedidos',
    freeShippingOver: 'Envío gratis a partir de {{amount}}',
    freeShippingSome: 'Envío gratis a partir de un pedido mínimo',
    birthday_one: 'Un regalo de cumpleaños de {{n}} punto',
    birthday_many: 'Un regalo de cumpleaños de {{n}} de puntos',
    birthday_other: 'Un regalo de cumpleaños de {{n}} puntos',
  },
  error: {
    load: 'No se pudo cargar tu membresía.',
  },
} satisfies Bundle;
