import type { Bundle } from '../../../i18n/i18n.js';

/** The signed-in menu button's strings ("login-button-account" namespace), ru. */
export default {
  signingOut: 'Выход…',
  trigger: '{{name}}, {{points}}',
  points_one: '{{n}} балл',
  points_few: '{{n}} балла',
  points_many: '{{n}} баллов',
  points_other: '{{n}} балла',
  error: {
    menu: 'Не удалось открыть меню. Проверьте подключение и попробуйте ещё раз.',
  },
} satisfies Bundle;
