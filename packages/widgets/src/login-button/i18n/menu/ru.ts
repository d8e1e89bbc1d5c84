import type { Bundle } from '../../../i18n/i18n.js';

/** The account menu's strings ("login-button-menu" namespace), ru. */
export default {
  notifications: 'Уведомления',
  passkeys: 'Ключи доступа',
  membership: 'Членство',
  orders: 'Заказы',
  signOut: 'Выйти',
  tier: 'Уровень {{tier}}',
  toNextTier_one: 'До уровня {{tier}}: {{n}} балл',
  toNextTier_few: 'До уровня {{tier}}: {{n}} балла',
  toNextTier_many: 'До уровня {{tier}}: {{n}} баллов',
  toNextTier_other: 'До уровня {{tier}}: {{n}} балла',
  topTier: 'У вас высший уровень',
  history: 'Последние баллы',
  historyEmpty: 'Баллов пока нет: они начисляются за покупки.',
  historyError: 'Не удалось загрузить историю баллов.',
  entry: {
    earn: 'Заказ оплачен',
    redeem: 'Списаны при оплате',
    expire: 'Сгорели',
    reverse: 'Изменение заказа',
    adjust: 'Корректировка',
    gift: 'Подарок',
  },
  error: {
    view: 'Не удалось открыть раздел «{{view}}». Проверьте подключение и попробуйте ещё раз.',
    signOutFailed: 'Магазин недоступен, но на этом устройстве вы вышли из аккаунта.',
  },
} satisfies Bundle;
