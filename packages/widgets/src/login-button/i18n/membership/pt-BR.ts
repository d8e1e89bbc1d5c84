import type { Bundle } from '../../../i18n/i18n.js';

/** The account menu's membership view ("login-button-membership" namespace), pt-BR. */
export default {
  back: 'Voltar',
  noTier: 'Ainda sem nível',
  fromPoints_one: 'Pelo seu {{n}} ponto acumulado',
  fromPoints_many: 'Pelos seus {{n}} de pontos acumulados',
  fromPoints_other: 'Pelos seus {{n}} pontos acumulados',
  fromPlan: 'Pela sua assinatura paga, até {{date}}',
  plan: 'Sua assinatura paga ({{tier}}) vale até {{date}}',
  perks: 'Suas vantagens',
  noPerks: 'Ainda sem vantagens.',
  perk: {
    percentOff: '{{percent}} de desconto em preços de membro',
    multiplier: 'Pontos {{n}}× nos seus pedidos',
    freeShipping: 'Frete grátis em todos os pedidos',
    freeShippingOver: 'Frete grátis acima de {{amount}}',
    freeShippingSome: 'Frete grátis acima de um valor mínimo',
    birthday_one: 'Um presente de aniversário de {{n}} ponto',
    birthday_many: 'Um presente de aniversário de {{n}} de pontos',
    birthday_other: 'Um presente de aniversário de {{n}} pontos',
  },
  error: {
    load: 'Não foi possível carregar seu nível e suas vantagens.',
  },
} satisfies Bundle;
