import type { Bundle } from '../../../i18n/i18n.js';

/** The account menu's membership view ("login-button-membership" namespace), ru. */
export default {
  back: 'Назад',
  noTier: 'Уровня пока нет',
  fromPoints_one: 'За {{n}} накопленный балл',
  fromPoints_few: 'За {{n}} накопленных балла',
  fromPoints_many: 'За {{n}} накопленных баллов',
  fromPoints_other: 'За {{n}} накопленного балла',
  fromPlan: 'По платному членству, до {{date}}',
  plan: 'Платное членство ({{tier}}) действует до {{date}}',
  perks: 'Ваши привилегии',
  noPerks: 'Привилегий пока нет.',
  perk: {
    percentOff: 'Скидка {{percent}} по ценам для участников',
    multiplier: 'Баллы ×{{n}} за заказы',
    freeShipping: 'Бесплатная доставка любого заказа',
    freeShippingOver: 'Бесплатная доставка от {{amount}}',
    freeShippingSome: 'Бесплатная доставка от минимальной суммы заказа',
    birthday_one: 'Подарок на день рождения: {{n}} балл',
    birthday_few: 'Подарок на день рождения: {{n}} балла',
    birthday_many: 'Подарок на день рождения: {{n}} баллов',
    birthday_other: 'Подарок на день рождения: {{n}} балла',
  },
  error: {
    load: 'Не удалось загрузить данные о членстве.',
  },
} satisfies Bundle;
