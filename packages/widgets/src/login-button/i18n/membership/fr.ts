import type { Bundle } from '../../../i18n/i18n.js';

/** The account menu's membership view ("login-button-membership" namespace), fr. */
export default {
  back: 'Retour',
  noTier: 'Pas encore de niveau',
  fromPoints_one: 'Grâce à votre {{n}} point cumulé',
  fromPoints_many: 'Grâce à vos {{n}} de points cumulés',
  fromPoints_other: 'Grâce à vos {{n}} points cumulés',
  fromPlan: 'Grâce à votre adhésion payante, jusqu’au {{date}}',
  plan: 'Votre adhésion payante ({{tier}}) court jusqu’au {{date}}',
  perks: 'Vos avantages',
  noPerks: 'Pas encore d’avantages.',
  perk: {
    percentOff: '{{percent}} de réduction sur les prix membres',
    multiplier: 'Points ×{{n}} sur vos commandes',
    freeShipping: 'Livraison offerte sur toutes les commandes',
    freeShippingOver: 'Livraison offerte dès {{amount}}',
    freeShippingSome: 'Livraison offerte à partir d’un montant minimum',
    birthday_one: 'Un cadeau d’anniversaire de {{n}} point',
    birthday_many: 'Un cadeau d’anniversaire de {{n}} de points',
    birthday_other: 'Un cadeau d’anniversaire de {{n}} points',
  },
  error: {
    load: 'Impossible de charger votre adhésion.',
  },
} satisfies Bundle;
