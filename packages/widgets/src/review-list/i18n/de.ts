import type { Bundle } from '../../i18n/i18n.js';

/** <kiosk-review-list> strings ("review-list" namespace), de. */
export default {
  heading: 'Kundenbewertungen',
  starCount_one: '{{formatted}} Stern',
  starCount_other: '{{formatted}} Sterne',
  reviewCount_one: '{{formatted}} Bewertung',
  reviewCount_other: '{{formatted}} Bewertungen',
  rated: 'Mit {{rating}} von 5 bewertet',
  summary: {
    average: '{{rating}} von 5',
    histogram: 'Nach Bewertung filtern',
    bar: '{{stars}}: {{reviews}} ({{percent}})',
  },
  sort: {
    label: 'Sortieren nach',
    recent: 'Neueste zuerst',
    helpful: 'Hilfreichste zuerst',
    rating_desc: 'Beste Bewertung',
    rating_asc: 'Schlechteste Bewertung',
  },
  filter: {
    active: 'Bewertungen mit {{stars}}',
    clear: 'Alle Bewertungen anzeigen',
    none: 'Noch keine Bewertungen mit {{stars}}.',
  },
  review: {
    verified: 'Verifizierter Kauf',
    incentivized: 'Produkt kostenlos erhalten',
    replyHeading: 'Antwort des Shops',
    helpful: 'Hilfreich',
    helpfulCount_one: '{{formatted}} Person fand das hilfreich',
    helpfulCount_other: '{{formatted}} Personen fanden das hilfreich',
    voteFailed: 'Deine Stimme konnte nicht gespeichert werden.',
    ownReview: 'Du kannst nicht für deine eigene Bewertung stimmen.',
  },
  more: 'Weitere Bewertungen anzeigen',
  loadingMore: 'Weitere Bewertungen werden geladen …',
  moreFailed: 'Weitere Bewertungen konnten nicht geladen werden.',
  shown: '{{shown}} von {{total}} angezeigt',
  empty: 'Noch keine Bewertungen – schreib die erste',
  unavailable: 'Dieses Produkt ist nicht verfügbar',
  unavailableHint: 'Es wurde vielleicht entfernt, oder der Link ist falsch.',
  loadFailed: 'Die Bewertungen konnten nicht geladen werden.',
  signInHint: 'Melde dich an, um eine Bewertung zu schreiben und über Bewertungen abzustimmen.',
  signIn: 'Anmelden',
  write: 'Bewertung schreiben',
  formFailed:
    'Das Bewertungsformular konnte nicht geladen werden. Prüfe deine Verbindung und versuche es erneut.',
  own: {
    heading: 'Deine Bewertung',
    edit: 'Bewertung bearbeiten',
    edited: 'Bearbeitet am {{date}}',
    loadFailed: 'Deine Bewertung konnte nicht geladen werden.',
    status: {
      pending: 'Wartet auf Prüfung',
      pendingHint:
        'Andere Kundinnen und Kunden sehen deine Bewertung, sobald der Shop sie freigegeben hat.',
      rejected: 'Nicht veröffentlicht',
      rejectedHint:
        'Der Shop hat diese Bewertung nicht veröffentlicht. Du kannst sie bearbeiten und erneut senden.',
    },
  },
  thanks: {
    pending: 'Danke – deine Bewertung erscheint nach der Prüfung.',
    published: 'Danke – deine Bewertung ist veröffentlicht.',
  },
} satisfies Bundle;
