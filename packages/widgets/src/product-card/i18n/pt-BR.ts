import type { Bundle } from '../../i18n/i18n.js';

/** <kiosk-product-card> strings ("product-card" namespace), pt-BR. */
export default {
  unavailable: 'Este produto não está disponível',
  unavailableHint: 'Ele pode ter sido removido, ou o link está incorreto.',
  loadFailed: 'Não foi possível carregar este produto.',
  price: { now: 'Agora', was: 'Antes' },
  rating_one: 'Nota {{rating}} de 5, com {{count}} avaliação',
  rating_many: 'Nota {{rating}} de 5, com {{count}} avaliações',
  rating_other: 'Nota {{rating}} de 5, com {{count}} avaliações',
  noReviews: 'Ainda sem avaliações',
  stock: {
    low_one: 'Só resta {{count}}',
    low_many: 'Só restam {{count}}',
    low_other: 'Só restam {{count}}',
    soldOut: 'Esgotado',
    inStock: 'Em estoque',
  },
  optionSoldOut: '{{value}} (esgotado)',
  quantity: 'Quantidade',
  decrease: 'Diminuir quantidade',
  increase: 'Aumentar quantidade',
  add: 'Adicionar ao carrinho',
  adding: 'Adicionando…',
  added: 'Adicionado ao seu carrinho: {{quantity}} × {{title}}',
  queued: 'Você está offline. {{title}} será adicionado ao carrinho quando a conexão voltar.',
  addFailed: 'Não foi possível adicionar ao carrinho.',
  notEnoughStock: 'Não há estoque suficiente para essa quantidade.',
  share: 'Compartilhar {{title}}',
  linkCopied: 'Link copiado',
  copyFailed: 'Não foi possível copiar o link.',
} satisfies Bundle;
