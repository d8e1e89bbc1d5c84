import type { Bundle } from '../../../i18n/i18n.js';

/** The account menu's strings ("login-button-menu" namespace), pt-BR. */
export default {
  notifications: 'Notificações',
  passkeys: 'Chaves de acesso',
  membership: 'Programa de fidelidade',
  orders: 'Pedidos',
  signOut: 'Sair',
  tier: 'Nível {{tier}}',
  toNextTier_one: 'Falta {{n}} ponto para {{tier}}',
  toNextTier_many: 'Faltam {{n}} de pontos para {{tier}}',
  toNextTier_other: 'Faltam {{n}} pontos para {{tier}}',
  topTier: 'Você está no nível mais alto',
  history: 'Pontos recentes',
  historyEmpty: 'Ainda não há pontos: você ganha ao comprar.',
  historyError: 'Não foi possível carregar seu histórico de pontos.',
  entry: {
    earn: 'Pedido pago',
    redeem: 'Usados no pagamento',
    expire: 'Expirados',
    reverse: 'Pedido alterado',
    adjust: 'Ajuste',
    gift: 'Presente',
  },
  error: {
    view: 'Não foi possível abrir “{{view}}”. Verifique sua conexão e tente de novo.',
    signOutFailed: 'Não foi possível falar com a loja, mas você saiu da conta neste dispositivo.',
  },
} satisfies Bundle;
