import type { Bundle } from '../../../i18n/i18n.js';

/**
 * The account menu's membership view ("login-button-membership" namespace), en. `{{n}}` is
 * `count` formatted, `{{date}}` a date, `{{percent}}` a percentage and `{{amount}}` a price,
 * all Intl's in the locale; `{{tier}}` is the store's name of a tier. The menu item and the
 * view's title are the "login-button-menu" namespace's `membership`, the tier line its `tier`
 * and the progress its `toNextTier` / `topTier`.
 */
export default {
  back: 'Back',
  noTier: 'No tier yet',
  /** The tier is the one the shopper's lifetime points reach. */
  fromPoints_one: 'From your {{n}} lifetime point',
  fromPoints_other: 'From your {{n}} lifetime points',
  /** The tier is the paid plan's (a yearly membership bought in the shop), until it ends. */
  fromPlan: 'From your paid membership, until {{date}}',
  /** A paid plan of a lower tier than the points give, still running. */
  plan: 'Your paid {{tier}} membership runs until {{date}}',
  perks: 'Your perks',
  noPerks: 'No perks yet.',
  perk: {
    percentOff: '{{percent}} off member prices',
    multiplier: '{{n}}× points on your orders',
    /** Free shipping from an order amount of 0. */
    freeShipping: 'Free shipping on every order',
    freeShippingOver: 'Free shipping over {{amount}}',
    /** The store has a threshold, but none in the currency the page shows prices in. */
    freeShippingSome: 'Free shipping over a minimum order',
    birthday_one: 'A birthday gift of {{n}} point',
    birthday_other: 'A birthday gift of {{n}} points',
  },
  error: {
    load: 'Couldn’t load your membership.',
  },
} satisfies Bundle;
