import type { Bundle } from '../../../i18n/i18n.js';

/** The account menu's membership view ("login-button-membership" namespace), de. */
export default {
  back: 'Zurück',
  noTier: 'Noch keine Stufe',
  fromPoints_one: 'Durch {{n}} gesammelten Punkt',
  fromPoints_other: 'Durch deine {{n}} gesammelten Punkte',
  fromPlan: 'Durch deine bezahlte Mitgliedschaft, bis {{date}}',
  plan: 'Deine bezahlte Mitgliedschaft ({{tier}}) läuft bis {{date}}',
  perks: 'Deine Vorteile',
  noPerks: 'Noch keine Vorteile.',
  perk: {
    percentOff: '{{percent}} Rabatt auf Mitgliederpreise',
    multiplier: '{{n}}× Punkte auf deine Bestellungen',
    freeShipping: 'Kostenloser Versand für jede Bestellung',
    freeShippingOver: 'Kostenloser Versand ab {{amount}}',
    freeShippingSome: 'Kostenloser Versand ab einem Mindestbestellwert',
    birthday_one: 'Ein Geburtstagsgeschenk von {{n}} Punkt',
    birthday_other: 'Ein Geburtstagsgeschenk von {{n}} Punkten',
  },
  error: {
    load: 'Deine Mitgliedschaft konnte nicht geladen werden.',
  },
} satisfies Bundle;
