import type { Bundle } from '../../../i18n/i18n.js';

/** <kiosk-review-list> form strings ("review-form" namespace), es. */
export default {
  heading: 'Escribe una opinión',
  rating: 'Tu valoración',
  title: 'Título',
  body: 'Tu opinión',
  chars: '{{count}} / {{max}}',
  charsLabel: '{{count}} de un máximo de {{max}} caracteres',
  submit: 'Enviar opinión',
  submitting: 'Enviando…',
  editHeading: 'Editar tu opinión',
  editHint: 'Puede que la tienda vuelva a revisar tu opinión editada antes de publicarla.',
  save: 'Guardar cambios',
  saving: 'Guardando…',
  cancel: 'Cancelar',
  errors: {
    rating: 'Elige una valoración con estrellas.',
    title: 'Añade un título.',
    body: 'Escribe tu opinión.',
    tooLong: 'Es demasiado largo: como máximo {{max}} caracteres.',
    invalid: 'Revisa tu opinión e inténtalo de nuevo.',
    signedOut: 'Tu sesión ha caducado. Vuelve a iniciar sesión para publicar tu opinión.',
    failed: 'No se pudo publicar tu opinión.',
  },
  saved: 'Tu opinión se ha actualizado.',
  savedPending: 'Tu opinión se ha actualizado. Aparecerá tras la moderación.',
} satisfies Bundle;
