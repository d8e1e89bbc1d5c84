import type { Messages } from '../i18n.js';

/**
 * Texts of the messages Kiosk sends by itself (back in stock, price drop, order updates) and
 * the frame of every notification mail. Campaign texts come from the store, per locale.
 */
export type NotificationMessageKey =
  | 'backInStockTitle'
  | 'backInStockBody'
  | 'priceDropTitle'
  | 'priceDropBody'
  | 'orderPaidTitle'
  | 'orderPaidBody'
  | 'orderCancelledTitle'
  | 'orderCancelledBody'
  | 'orderRefundedTitle'
  | 'orderRefundedBody'
  | 'pointsExpiryTitle'
  | 'pointsExpiryBody'
  | 'mailOpen'
  | 'mailWhy'
  | 'mailUnsubscribe';

export const notificationMessages: Messages<NotificationMessageKey> = {
  en: {
    backInStockTitle: 'Back in stock',
    backInStockBody: '{product} is available again.',
    priceDropTitle: 'Price drop',
    priceDropBody: '{product} now costs {price}.',
    orderPaidTitle: 'Order confirmed',
    orderPaidBody: 'We received your payment for order {order}. Thank you!',
    orderCancelledTitle: 'Order cancelled',
    orderCancelledBody: 'Order {order} was cancelled. Anything you paid is refunded.',
    orderRefundedTitle: 'Order refunded',
    orderRefundedBody: 'We refunded order {order}. It may take a few days to show.',
    pointsExpiryTitle: 'Points expiring soon',
    pointsExpiryBody: '{points} of your points at {store} expire on {date}.',
    mailOpen: 'Open:',
    mailWhy: 'You get this mail because you asked {store} to tell you.',
    mailUnsubscribe: 'Unsubscribe:',
  },
  'zh-CN': {
    backInStockTitle: '已到货',
    backInStockBody: '{product} 已重新有货。',
    priceDropTitle: '降价通知',
    priceDropBody: '{product} 现价 {price}。',
    orderPaidTitle: '订单已确认',
    orderPaidBody: '我们已收到订单 {order} 的付款。谢谢！',
    orderCancelledTitle: '订单已取消',
    orderCancelledBody: '订单 {order} 已取消，已支付的款项将退回。',
    orderRefundedTitle: '订单已退款',
    orderRefundedBody: '订单 {order} 已退款，可能需要几天才能到账。',
    pointsExpiryTitle: '积分即将过期',
    pointsExpiryBody: '您在 {store} 的 {points} 积分将于 {date} 过期。',
    mailOpen: '打开：',
    mailWhy: '您收到此邮件，是因为您请 {store} 通知您。',
    mailUnsubscribe: '退订：',
  },
  es: {
    backInStockTitle: 'De nuevo disponible',
    backInStockBody: '{product} vuelve a estar disponible.',
    priceDropTitle: 'Bajada de precio',
    priceDropBody: '{product} ahora cuesta {price}.',
    orderPaidTitle: 'Pedido confirmado',
    orderPaidBody: 'Hemos recibido tu pago del pedido {order}. ¡Gracias!',
    orderCancelledTitle: 'Pedido cancelado',
    orderCancelledBody: 'El pedido {order} se ha cancelado. Te devolvemos lo que hayas pagado.',
    orderRefundedTitle: 'Pedido reembolsado',
    orderRefundedBody: 'Hemos reembolsado el pedido {order}. Puede tardar unos días en verse.',
    pointsExpiryTitle: 'Tus puntos caducan pronto',
    pointsExpiryBody: '{points} de tus puntos en {store} caducan el {date}.',
    mailOpen: 'Abrir:',
    mailWhy: 'Recibes este correo porque pediste a {store} que te avisara.',
    mailUnsubscribe: 'Darse de baja:',
  },
  fr: {
    backInStockTitle: 'De retour en stock',
    backInStockBody: '{product} est de nouveau disponible.',
    priceDropTitle: 'Baisse de prix',
    priceDropBody: '{product} coûte maintenant {price}.',
    orderPaidTitle: 'Commande confirmée',
    orderPaidBody: 'Nous avons reçu votre paiement pour la commande {order}. Merci !',
    orderCancelledTitle: 'Commande annulée',
    orderCancelledBody: 'La commande {order} a été annulée. Tout paiement vous est remboursé.',
    orderRefundedTitle: 'Commande remboursée',
    orderRefundedBody:
      'Nous avons remboursé la commande {order}. Cela peut prendre quelques jours.',
    pointsExpiryTitle: 'Vos points expirent bientôt',
    pointsExpiryBody: '{points} de vos points chez {store} expirent le {date}.',
    mailOpen: 'Ouvrir :',
    mailWhy: 'Vous recevez ce message parce que vous avez demandé à {store} de vous prévenir.',
    mailUnsubscribe: 'Se désabonner :',
  },
  de: {
    backInStockTitle: 'Wieder auf Lager',
    backInStockBody: '{product} ist wieder erhältlich.',
    priceDropTitle: 'Preissenkung',
    priceDropBody: '{product} kostet jetzt {price}.',
    orderPaidTitle: 'Bestellung bestätigt',
    orderPaidBody: 'Wir haben Ihre Zahlung für Bestellung {order} erhalten. Danke!',
    orderCancelledTitle: 'Bestellung storniert',
    orderCancelledBody: 'Bestellung {order} wurde storniert. Bereits Bezahltes erstatten wir.',
    orderRefundedTitle: 'Bestellung erstattet',
    orderRefundedBody: 'Wir haben Bestellung {order} erstattet. Das kann einige Tage dauern.',
    pointsExpiryTitle: 'Punkte verfallen bald',
    pointsExpiryBody: '{points} Ihrer Punkte bei {store} verfallen am {date}.',
    mailOpen: 'Öffnen:',
    mailWhy: 'Sie erhalten diese E-Mail, weil Sie {store} um Benachrichtigung gebeten haben.',
    mailUnsubscribe: 'Abbestellen:',
  },
  ru: {
    backInStockTitle: 'Снова в наличии',
    backInStockBody: '{product} снова в продаже.',
    priceDropTitle: 'Цена снижена',
    priceDropBody: '{product} теперь стоит {price}.',
    orderPaidTitle: 'Заказ подтверждён',
    orderPaidBody: 'Мы получили оплату заказа {order}. Спасибо!',
    orderCancelledTitle: 'Заказ отменён',
    orderCancelledBody: 'Заказ {order} отменён. Оплаченное мы вернём.',
    orderRefundedTitle: 'Деньги за заказ возвращены',
    orderRefundedBody:
      'Мы вернули деньги за заказ {order}. Зачисление может занять несколько дней.',
    pointsExpiryTitle: 'Баллы скоро сгорят',
    pointsExpiryBody: '{points} ваших баллов в {store} сгорят {date}.',
    mailOpen: 'Открыть:',
    mailWhy: 'Вы получили это письмо, потому что попросили {store} сообщить вам.',
    mailUnsubscribe: 'Отписаться:',
  },
  'pt-BR': {
    backInStockTitle: 'De volta ao estoque',
    backInStockBody: '{product} está disponível novamente.',
    priceDropTitle: 'Baixou o preço',
    priceDropBody: '{product} agora custa {price}.',
    orderPaidTitle: 'Pedido confirmado',
    orderPaidBody: 'Recebemos o pagamento do pedido {order}. Obrigado!',
    orderCancelledTitle: 'Pedido cancelado',
    orderCancelledBody: 'O pedido {order} foi cancelado. O que você pagou será reembolsado.',
    orderRefundedTitle: 'Pedido reembolsado',
    orderRefundedBody: 'Reembolsamos o pedido {order}. Pode levar alguns dias para aparecer.',
    pointsExpiryTitle: 'Seus pontos vão expirar',
    pointsExpiryBody: '{points} dos seus pontos na {store} expiram em {date}.',
    mailOpen: 'Abrir:',
    mailWhy: 'Você recebeu este e-mail porque pediu à {store} para avisar você.',
    mailUnsubscribe: 'Cancelar inscrição:',
  },
  ar: {
    backInStockTitle: 'عاد إلى المخزون',
    backInStockBody: '{product} متوفر من جديد.',
    priceDropTitle: 'انخفاض السعر',
    priceDropBody: 'أصبح سعر {product} الآن {price}.',
    orderPaidTitle: 'تم تأكيد الطلب',
    orderPaidBody: 'استلمنا دفعتك للطلب {order}. شكرًا لك!',
    orderCancelledTitle: 'تم إلغاء الطلب',
    orderCancelledBody: 'تم إلغاء الطلب {order}. سنرد إليك أي مبلغ دفعته.',
    orderRefundedTitle: 'تم استرداد مبلغ الطلب',
    orderRefundedBody: 'رددنا مبلغ الطلب {order}. قد يستغرق ظهوره بضعة أيام.',
    pointsExpiryTitle: 'نقاطك تنتهي قريبًا',
    pointsExpiryBody: 'تنتهي صلاحية {points} من نقاطك في {store} في {date}.',
    mailOpen: 'افتح:',
    mailWhy: 'تصلك هذه الرسالة لأنك طلبت من {store} إعلامك.',
    mailUnsubscribe: 'إلغاء الاشتراك:',
  },
};
