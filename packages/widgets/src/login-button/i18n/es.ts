import type { Bundle } from '../../i18n/i18n.js';

/** <kiosk-login-button> strings ("login-button" namespace), es. */
export default {
  signIn: 'Iniciar sesión',
  signingIn: 'Entrando…',
  signedIn: 'Has iniciado sesión como {{name}}.',
  signedOut: 'Has cerrado sesión.',
  error: {
    cancelled: 'Se canceló el inicio de sesión.',
    popup:
      'No se pudo abrir la ventana de inicio de sesión. Permite las ventanas emergentes en este sitio e inténtalo de nuevo.',
    failed: 'No pudimos iniciar tu sesión. Inténtalo de nuevo.',
    account: 'No se pudo cargar tu cuenta. Comprueba tu conexión y vuelve a cargar la página.',
  },
} satisfies Bundle;
