import type { Bundle } from '../../i18n/i18n.js';

/** <kiosk-login-button> strings ("login-button" namespace), ru. */
export default {
  signIn: 'Войти',
  signingIn: 'Вход…',
  signOut: 'Выйти',
  notifications: 'Уведомления',
  passkeys: 'Ключи доступа',
  signingOut: 'Выход…',
  account: 'Ваш аккаунт',
  points_one: '{{n}} балл',
  points_few: '{{n}} балла',
  points_many: '{{n}} баллов',
  points_other: '{{n}} балла',
  tier: 'Уровень {{tier}}',
  trigger: '{{name}}, {{points}}',
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
  },
  signedIn: 'Вы вошли как {{name}}.',
  signedOut: 'Вы вышли из аккаунта.',
  error: {
    cancelled: 'Вход отменён.',
    popup:
      'Не удалось открыть окно входа. Разрешите всплывающие окна для этого сайта и попробуйте снова.',
    failed: 'Не удалось войти. Попробуйте ещё раз.',
    account: 'Не удалось загрузить ваш аккаунт. Проверьте подключение и перезагрузите страницу.',
    view: 'Не удалось открыть раздел «{{view}}». Проверьте подключение и попробуйте ещё раз.',
    signOutFailed: 'Магазин недоступен, но на этом устройстве вы вышли из аккаунта.',
  },
} satisfies Bundle;
