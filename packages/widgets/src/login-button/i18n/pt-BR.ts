import type { Bundle } from '../../i18n/i18n.js';

/** <kiosk-login-button> strings ("login-button" namespace), pt-BR. */
export default {
  signIn: 'Entrar',
  signingIn: 'Entrando…',
  signedIn: 'Você entrou como {{name}}.',
  signedOut: 'Você saiu da sua conta.',
  error: {
    cancelled: 'O login foi cancelado.',
    popup:
      'Não foi possível abrir a janela de login. Permita pop-ups para este site e tente de novo.',
    failed: 'Não conseguimos fazer seu login. Tente de novo.',
    account: 'Não foi possível carregar sua conta. Verifique sua conexão e recarregue a página.',
  },
} satisfies Bundle;
