import type { Bundle } from '../../../i18n/i18n.js';

/** The account menu's strings ("login-button-menu" namespace), es. */
export default {
  notifications: 'Notificaciones',
  passkeys: 'Llaves de acceso',
  membership: 'Membresía',
  orders: 'Pedidos',
  signOut: 'Cerrar sesión',
  tier: 'Nivel {{tier}}',
  toNextTier_one: 'Te falta {{n}} punto para {{tier}}',
  toNextTier_many: 'Te faltan {{n}} de puntos para {{tier}}',
  toNextTier_other: 'Te faltan {{n}} puntos para {{tier}}',
  topTier: 'Estás en el nivel más alto',
  history: 'Puntos recientes',
  historyEmpty: 'Aún no tienes puntos: los ganas al comprar.',
  historyError: 'No se pudo cargar tu historial de puntos.',
  entry: {
    earn: 'Pedido pagado',
    redeem: 'Usados al pagar',
    expire: 'Caducados',
    reverse: 'Pedido modificado',
    adjust: 'Ajuste',
    gift: 'Regalo',
  },
  error: {
    view: 'No se pudo abrir «{{view}}». Comprueba tu conexión e inténtalo de nuevo.',
    signOutFailed:
      'No se pudo conectar con la tienda, pero has cerrado sesión en este dispositivo.',
  },
} satisfies Bundle;
