import type { Bundle } from './i18n.js';

/** Strings shared by every element (namespace "common"), pt-BR. */
export default {
  loading: 'Carregando…',
  retry: 'Tentar novamente',
  error: {
    generic: 'Algo deu errado.',
    network: 'Não foi possível conectar à loja agora. Verifique sua conexão e tente novamente.',
    notConfigured: 'Esta loja ainda não foi configurada.',
  },
} satisfies Bundle;
