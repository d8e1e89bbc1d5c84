import type { Bundle } from '../../../i18n/i18n.js';

/** The account menu's passkeys view ("login-button-passkeys" namespace), ru. */
export default {
  back: 'Назад',
  added: 'Добавлен {{date}}',
  lastUsed: 'Последний вход: {{when}}',
  neverUsed: 'Ещё не использовался',
  remove: 'Удалить',
  confirm: 'Да, удалить',
  cancel: 'Отмена',
  confirmQuestion: 'Удалить этот ключ доступа? Войти с ним больше не получится.',
  removed: 'Ключ доступа удалён: {{name}}.',
  empty: 'Ключей доступа пока нет. Мы предложим создать его при следующем входе.',
  error: {
    load: 'Не удалось загрузить ваши ключи доступа.',
    remove: 'Не удалось удалить ключ доступа. Попробуйте ещё раз.',
  },
} satisfies Bundle;
