import type { Bundle } from '../../../i18n/i18n.js';

/** The signed-in menu button's strings ("login-button-account" namespace), es. */
export default {
  signingOut: 'Saliendo…',
  trigger: '{{name}}, {{points}}',
  points_one: '{{n}} punto',
  points_many: '{{n}} de puntos',
  points_other: '{{n}} puntos',
  error: {
    menu: 'No se pudo abrir el menú. Comprueba tu conexión e inténtalo de nuevo.',
  },
} satisfies Bundle;
