import type { Bundle } from '../../i18n/i18n.js';

/** <kiosk-mini-cart> trigger strings ("mini-cart" namespace: what the closed cart needs), de. */
export default {
  trigger_one: 'Warenkorb, {{n}} Artikel',
  trigger_other: 'Warenkorb, {{n}} Artikel',
  triggerPending_one: 'Warenkorb, {{n}} Artikel, Änderungen noch nicht gespeichert',
  triggerPending_other: 'Warenkorb, {{n}} Artikel, Änderungen noch nicht gespeichert',
  count_one: '{{n}} Artikel im Warenkorb',
  count_other: '{{n}} Artikel im Warenkorb',
} satisfies Bundle;
