import type { Bundle } from './i18n.js';

/** Strings shared by every element (namespace "common"), ru. */
export default {
  loading: 'Загрузка…',
  retry: 'Повторить',
  error: {
    generic: 'Что-то пошло не так.',
    network: 'Не удаётся связаться с магазином. Проверьте подключение и попробуйте ещё раз.',
    notConfigured: 'Этот магазин ещё не настроен.',
  },
} satisfies Bundle;
