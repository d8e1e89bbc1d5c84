import type { Bundle } from '../../../i18n/i18n.js';

/** <kiosk-review-list> form strings ("review-form" namespace), pt-BR. */
export default {
  heading: 'Escreva uma avaliação',
  rating: 'Sua nota',
  title: 'Título',
  body: 'Sua avaliação',
  chars: '{{count}} / {{max}}',
  charsLabel: '{{count}} de no máximo {{max}} caracteres',
  submit: 'Enviar avaliação',
  submitting: 'Enviando…',
  editHeading: 'Editar sua avaliação',
  editHint: 'A loja pode revisar novamente uma avaliação editada antes de ela aparecer.',
  save: 'Salvar alterações',
  saving: 'Salvando…',
  cancel: 'Cancelar',
  errors: {
    rating: 'Escolha uma nota em estrelas.',
    title: 'Adicione um título.',
    body: 'Escreva sua avaliação.',
    tooLong: 'Está longo demais: no máximo {{max}} caracteres.',
    invalid: 'Confira sua avaliação e tente novamente.',
    signedOut: 'Sua sessão expirou. Entre novamente para publicar sua avaliação.',
    failed: 'Não foi possível publicar sua avaliação.',
  },
  saved: 'Sua avaliação foi atualizada.',
  savedPending: 'Sua avaliação foi atualizada. Ela aparecerá após a moderação.',
} satisfies Bundle;
