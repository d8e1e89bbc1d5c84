import type { Bundle } from '../../../i18n/i18n.js';

/** The account menu's notifications view ("login-button-notifications" namespace), pt-BR. */
export default {
  back: 'Voltar',
  topic: {
    'back-in-stock': 'De volta ao estoque: {{product}}',
    'price-drop': 'Queda de preço: {{product}}',
    promotions: 'Promoções',
    'points-expiry': 'Pontos prestes a expirar',
    'order-updates': 'Atualizações de pedidos',
  },
  channel: {
    push: 'Notificação push em um navegador',
    email: 'Por e-mail',
    emailTo: 'Por e-mail para {{email}}',
  },
  pending: 'Aguardando você confirmar o e-mail',
  remove: 'Remover',
  confirm: 'Sim, remover',
  cancel: 'Cancelar',
  confirmQuestion: 'Parar de receber estas notificações?',
  removed: 'Removido: {{name}}.',
  empty: 'Você não recebe notificações desta loja. Produtos esgotados oferecem “Avise-me”.',
  error: {
    load: 'Não foi possível carregar suas notificações.',
    remove: 'Não foi possível remover. Tente novamente.',
  },
} satisfies Bundle;
