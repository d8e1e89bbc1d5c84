import type { Bundle } from '../../i18n/i18n.js';

/** <kiosk-login-button> strings ("login-button" namespace), pt-BR. */
export default {
  signIn: 'Entrar',
  signingIn: 'Entrando…',
  signOut: 'Sair',
  notifications: 'Notificações',
  passkeys: 'Chaves de acesso',
  orders: 'Pedidos',
  signingOut: 'Saindo…',
  account: 'Sua conta',
  points_one: '{{n}} ponto',
  points_many: '{{n}} de pontos',
  points_other: '{{n}} pontos',
  tier: 'Nível {{tier}}',
  trigger: '{{name}}, {{points}}',
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
  signedIn: 'Você entrou como {{name}}.',
  signedOut: 'Você saiu da sua conta.',
  error: {
    cancelled: 'O login foi cancelado.',
    popup:
      'Não foi possível abrir a janela de login. Permita pop-ups para este site e tente de novo.',
    failed: 'Não conseguimos fazer seu login. Tente de novo.',
    account: 'Não foi possível carregar sua conta. Verifique sua conexão e recarregue a página.',
    view: 'Não foi possível abrir “{{view}}”. Verifique sua conexão e tente de novo.',
    signOutFailed: 'Não foi possível falar com a loja, mas você saiu da conta neste dispositivo.',
  },
} satisfies Bundle;
