import type { Bundle } from '../../i18n/i18n.js';

/** <kiosk-mini-cart> trigger strings ("mini-cart" namespace: what the closed cart needs), fr. */
export default {
  trigger_one: 'Panier, {{n}} article',
  trigger_many: 'Panier, {{n}} d’articles',
  trigger_other: 'Panier, {{n}} articles',
  triggerPending_one: 'Panier, {{n}} article, modifications pas encore enregistrées',
  triggerPending_many: 'Panier, {{n}} d’articles, modifications pas encore enregistrées',
  triggerPending_other: 'Panier, {{n}} articles, modifications pas encore enregistrées',
  count_one: '{{n}} article dans votre panier',
  count_many: '{{n}} d’articles dans votre panier',
  count_other: '{{n}} articles dans votre panier',
} satisfies Bundle;
