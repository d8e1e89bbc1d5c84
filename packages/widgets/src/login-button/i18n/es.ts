import type { Bundle } from '../../i18n/i18n.js';

/** <kiosk-login-button> strings ("login-button" namespace), es. */
export default {
  signIn: 'Iniciar sesión',
  signingIn: 'Iniciando sesión…',
  signOut: 'Cerrar sesión',
  signingOut: 'Cerrando sesión…',
  account: 'Tu cuenta',
  points_one: '{{n}} punto',
  points_many: '{{n}} de puntos',
  points_other: '{{n}} puntos',
  tier: 'Nivel {{tier}}',
  signedIn: 'Has iniciado sesión como {{name}}.',
  signedOut: 'Has cerrado sesión.',
  error: {
    cancelled: 'Se canceló el inicio de sesión.',
    popup:
      'No se pudo abrir la ventana de inicio de sesión. Permite las ventanas emergentes en este sitio e inténtalo de nuevo.',
    failed: 'No pudimos iniciar tu sesión. Inténtalo de nuevo.',
    signOutFailed:
      'No se pudo conectar con la tienda, pero has cerrado sesión en este dispositivo.',
  },
} satisfies Bundle;
