import type { Bundle } from '../../../i18n/i18n.js';

/** The card's "Notify me" panel ("product-card-notify" namespace), pt-BR. */
export default {
  pushIntro: 'Enviaremos uma notificação para este dispositivo quando {{title}} voltar ao estoque.',
  pushIntroPrice:
    'Enviaremos uma notificação a este dispositivo quando o preço de {{title}} baixar.',
  pushOn: 'Ativar notificações',
  emailInstead: 'Prefiro por e-mail',
  emailIntro: 'Enviaremos um e-mail quando {{title}} voltar ao estoque.',
  emailIntroPrice: 'Enviaremos um e-mail quando o preço de {{title}} baixar.',
  email: 'E-mail',
  submit: 'Avise-me',
  sending: 'Enviando…',
  subscribed: 'Vamos avisar você.',
  confirm: 'Confira sua caixa de entrada para confirmar.',
  failed: 'Não conseguimos fazer sua inscrição. Tente de novo.',
  blocked: 'As notificações estão bloqueadas neste navegador. Podemos avisar por e-mail.',
  invalidEmail: 'Digite um e-mail como nome@example.com.',
  emailUnavailable: 'Esta loja não pode enviar e-mails agora.',
} satisfies Bundle;
