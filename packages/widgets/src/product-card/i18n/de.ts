import type { Bundle } from '../../i18n/i18n.js';

/** <kiosk-product-card> strings ("product-card" namespace), de. */
export default {
  unavailable: 'Dieses Produkt ist nicht verfügbar',
  unavailableHint: 'Es wurde vielleicht entfernt, oder der Link ist falsch.',
  loadFailed: 'Dieses Produkt konnte nicht geladen werden.',
  price: { now: 'Jetzt', was: 'Vorher' },
  rating_one: 'Mit {{rating}} von 5 bewertet, aus {{count}} Bewertung',
  rating_other: 'Mit {{rating}} von 5 bewertet, aus {{count}} Bewertungen',
  noReviews: 'Noch keine Bewertungen',
  stock: {
    low_one: 'Nur noch {{count}} verfügbar',
    low_other: 'Nur noch {{count}} verfügbar',
    soldOut: 'Ausverkauft',
    inStock: 'Auf Lager',
  },
  optionSoldOut: '{{value}} (ausverkauft)',
  quantity: 'Menge',
  decrease: 'Menge verringern',
  increase: 'Menge erhöhen',
  add: 'In den Warenkorb',
  notifyMe: 'Benachrichtige mich',
  adding: 'Wird hinzugefügt…',
  added: 'Zum Warenkorb hinzugefügt: {{quantity}} × {{title}}',
  addedShort: 'Hinzugefügt',
  viewCart: 'Warenkorb ansehen',
  queued: 'Du bist offline. {{title}} wird in den Warenkorb gelegt, sobald du wieder online bist.',
  addFailed: 'Konnte nicht in den Warenkorb gelegt werden.',
  notEnoughStock: 'Für diese Menge ist nicht genug auf Lager.',
  share: '{{title}} teilen',
  linkCopied: 'Link kopiert',
  copyFailed: 'Der Link konnte nicht kopiert werden.',
} satisfies Bundle;
