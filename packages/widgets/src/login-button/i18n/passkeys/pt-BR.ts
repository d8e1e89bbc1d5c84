import type { Bundle } from '../../../i18n/i18n.js';

/** The account menu's passkeys view ("login-button-passkeys" namespace), pt-BR. */
export default {
  back: 'Voltar',
  added: 'Adicionada em {{date}}',
  lastUsed: 'Último uso: {{when}}',
  neverUsed: 'Ainda não usada',
  remove: 'Remover',
  confirm: 'Sim, remover',
  cancel: 'Cancelar',
  confirmQuestion: 'Remover esta chave de acesso? Você não poderá mais entrar com ela.',
  removed: 'Chave de acesso removida: {{name}}.',
  empty: 'Nenhuma chave de acesso ainda. Vamos oferecer uma na próxima vez que você entrar.',
  error: {
    load: 'Não foi possível carregar suas chaves de acesso.',
    remove: 'Não foi possível remover a chave de acesso. Tente de novo.',
  },
} satisfies Bundle;
