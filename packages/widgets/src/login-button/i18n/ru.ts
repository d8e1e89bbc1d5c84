import type { Bundle } from '../../i18n/i18n.js';

/** <kiosk-login-button> strings ("login-button" namespace), ru. */
export default {
  signIn: 'Войти',
  signingIn: 'Вход…',
  signedIn: 'Вы вошли как {{name}}.',
  signedOut: 'Вы вышли из аккаунта.',
  error: {
    cancelled: 'Вход отменён.',
    popup:
      'Не удалось открыть окно входа. Разрешите всплывающие окна для этого сайта и попробуйте снова.',
    failed: 'Не удалось войти. Попробуйте ещё раз.',
    account: 'Не удалось загрузить ваш аккаунт. Проверьте подключение и перезагрузите страницу.',
  },
} satisfies Bundle;
