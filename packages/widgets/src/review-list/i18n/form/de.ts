import type { Bundle } from '../../../i18n/i18n.js';

/** <kiosk-review-list> form strings ("review-form" namespace), de. */
export default {
  heading: 'Bewertung schreiben',
  rating: 'Deine Bewertung',
  title: 'Titel',
  body: 'Dein Text',
  chars: '{{count}} / {{max}}',
  charsLabel: '{{count}} von höchstens {{max}} Zeichen',
  submit: 'Bewertung senden',
  submitting: 'Wird gesendet …',
  editHeading: 'Bewertung bearbeiten',
  editHint: 'Der Shop prüft eine bearbeitete Bewertung eventuell erneut, bevor sie erscheint.',
  save: 'Änderungen speichern',
  saving: 'Wird gespeichert …',
  cancel: 'Abbrechen',
  errors: {
    rating: 'Wähle eine Sternebewertung.',
    title: 'Gib einen Titel ein.',
    body: 'Schreib deine Bewertung.',
    tooLong: 'Das ist zu lang: höchstens {{max}} Zeichen.',
    invalid: 'Bitte prüfe deine Bewertung und versuche es erneut.',
    signedOut: 'Deine Sitzung ist abgelaufen. Melde dich erneut an, um deine Bewertung zu senden.',
    failed: 'Deine Bewertung konnte nicht gesendet werden.',
  },
  saved: 'Deine Bewertung wurde aktualisiert.',
  savedPending: 'Deine Bewertung wurde aktualisiert. Sie erscheint nach der Prüfung.',
} satisfies Bundle;
