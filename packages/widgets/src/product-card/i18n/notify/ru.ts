import type { Bundle } from '../../../i18n/i18n.js';

/** The card's "Notify me" panel ("product-card-notify" namespace), ru. */
export default {
  pushIntro: 'Мы пришлём уведомление на это устройство, когда {{title}} снова появится в продаже.',
  pushIntroPrice: 'Мы пришлём уведомление на это устройство, когда {{title}} подешевеет.',
  pushOn: 'Включить уведомления',
  emailInstead: 'Лучше по почте',
  emailIntro: 'Мы напишем вам, когда {{title}} снова появится в продаже.',
  emailIntroPrice: 'Мы напишем вам, когда {{title}} подешевеет.',
  email: 'Электронная почта',
  submit: 'Сообщить о поступлении',
  sending: 'Отправляем…',
  subscribed: 'Мы вам сообщим.',
  confirm: 'Подтвердите подписку в письме, которое мы отправили.',
  failed: 'Не удалось подписаться. Попробуйте ещё раз.',
  blocked: 'Уведомления в этом браузере заблокированы. Можем написать вам на почту.',
  invalidEmail: 'Введите адрес вида name@example.com.',
  emailUnavailable: 'Этот магазин сейчас не может отправлять письма.',
} satisfies Bundle;
