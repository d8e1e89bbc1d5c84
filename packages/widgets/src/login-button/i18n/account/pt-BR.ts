import type { Bundle } from '../../../i18n/i18n.js';

/** The signed-in menu button's strings ("login-button-account" namespace), pt-BR. */
export default {
  signingOut: 'Saindo…',
  trigger: '{{name}}, {{points}}',
  points_one: '{{n}} ponto',
  points_many: '{{n}} de pontos',
  points_other: '{{n}} pontos',
  error: {
    menu: 'Não foi possível abrir o menu. Verifique sua conexão e tente de novo.',
  },
} satisfies Bundle;
