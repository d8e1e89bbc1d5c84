import type { Bundle } from '../../../i18n/i18n.js';

/** The account menu's notifications view ("login-button-notifications" namespace), ru. */
export default {
  back: 'Назад',
  topic: {
    'back-in-stock': 'Снова в наличии: {{product}}',
    'price-drop': 'Снижение цены: {{product}}',
    promotions: 'Акции',
    'points-expiry': 'Скоро сгорят баллы',
    'order-updates': 'Новости о заказах',
  },
  channel: {
    push: 'Push-уведомление в браузере',
    email: 'По электронной почте',
    emailTo: 'По электронной почте на {{email}}',
  },
  pending: 'Ждём, когда вы подтвердите адрес электронной почты',
  remove: 'Удалить',
  confirm: 'Да, удалить',
  cancel: 'Отмена',
  confirmQuestion: 'Больше не получать эти уведомления?',
  removed: 'Удалено: {{name}}.',
  empty:
    'Вы не получаете уведомлений от этого магазина. У распроданных товаров есть кнопка «Сообщить о поступлении».',
  error: {
    load: 'Не удалось загрузить ваши уведомления.',
    remove: 'Не удалось удалить. Попробуйте ещё раз.',
  },
} satisfies Bundle;
