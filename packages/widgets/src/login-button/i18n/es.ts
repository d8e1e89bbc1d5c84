import type { Bundle } from '../../i18n/i18n.js';

/** <kiosk-login-button> strings ("login-button" namespace), es. */
export default {
  signIn: 'Iniciar sesión',
  signingIn: 'Entrando…',
  signOut: 'Cerrar sesión',
  notifications: 'Notificaciones',
  passkeys: 'Llaves de acceso',
  orders: 'Pedidos',
  signingOut: 'Saliendo…',
  account: 'Tu cuenta',
  points_one: '{{n}} punto',
  points_many: '{{n}} de puntos',
  points_other: '{{n}} puntos',
  tier: 'Nivel {{tier}}',
  trigger: '{{name}}, {{points}}',
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
  signedIn: 'Has iniciado sesión como {{name}}.',
  signedOut: 'Has cerrado sesión.',
  error: {
    cancelled: 'Se canceló el inicio de sesión.',
    popup:
      'No se pudo abrir la ventana de inicio de sesión. Permite las ventanas emergentes en este sitio e inténtalo de nuevo.',
    failed: 'No pudimos iniciar tu sesión. Inténtalo de nuevo.',
    account: 'No se pudo cargar tu cuenta. Comprueba tu conexión y vuelve a cargar la página.',
    view: 'No se pudo abrir «{{view}}». Comprueba tu conexión e inténtalo de nuevo.',
    signOutFailed:
      'No se pudo conectar con la tienda, pero has cerrado sesión en este dispositivo.',
  },
} satisfies Bundle;
