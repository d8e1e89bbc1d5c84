import type { Bundle } from '../../../i18n/i18n.js';

/** <kiosk-review-list> form strings ("review-form" namespace), ru. */
export default {
  heading: 'Написать отзыв',
  rating: 'Ваша оценка',
  title: 'Заголовок',
  body: 'Ваш отзыв',
  chars: '{{count}} / {{max}}',
  charsLabel: '{{count}} из максимум {{max}} символов',
  submit: 'Отправить отзыв',
  submitting: 'Отправляем…',
  editHeading: 'Изменить отзыв',
  editHint: 'Магазин может повторно проверить изменённый отзыв перед публикацией.',
  save: 'Сохранить изменения',
  saving: 'Сохраняем…',
  cancel: 'Отмена',
  errors: {
    rating: 'Выберите оценку в звёздах.',
    title: 'Добавьте заголовок.',
    body: 'Напишите отзыв.',
    tooLong: 'Слишком длинно: не больше {{max}} символов.',
    invalid: 'Проверьте отзыв и попробуйте ещё раз.',
    signedOut: 'Сеанс завершён. Войдите снова, чтобы опубликовать отзыв.',
    failed: 'Не удалось опубликовать отзыв.',
  },
  saved: 'Ваш отзыв обновлён.',
  savedPending: 'Ваш отзыв обновлён. Он появится после модерации.',
} satisfies Bundle;
