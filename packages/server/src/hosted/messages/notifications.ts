import type { Messages } from '../i18n.js';

/** Texts of the notification pages (confirm, unsubscribe) and of the double opt-in mail. */
export type NotificationKey =
  | 'topicBackInStock'
  | 'topicPriceDrop'
  | 'topicPromotions'
  | 'topicPointsExpiry'
  | 'topicOrderUpdates'
  | 'confirmTitle'
  | 'confirmText'
  | 'confirmButton'
  | 'confirmedTitle'
  | 'confirmedText'
  | 'unsubscribeTitle'
  | 'unsubscribeText'
  | 'unsubscribeButton'
  | 'unsubscribedTitle'
  | 'unsubscribedText'
  | 'linkInvalidTitle'
  | 'linkInvalidText'
  | 'mailSubject'
  | 'mailIntro'
  | 'mailLink'
  | 'mailExpiry'
  | 'mailIgnore';

export const notificationMessages: Messages<NotificationKey> = {
  en: {
    topicBackInStock: 'Back in stock',
    topicPriceDrop: 'Price drop',
    topicPromotions: 'Promotions',
    topicPointsExpiry: 'Points about to expire',
    topicOrderUpdates: 'Order updates',
    confirmTitle: 'Confirm your subscription',
    confirmText: '{store} will send {address} these notifications: {what}.',
    confirmButton: 'Confirm',
    confirmedTitle: 'You’re subscribed',
    confirmedText: '{store} will notify you: {what}. Every message has a link to unsubscribe.',
    unsubscribeTitle: 'Unsubscribe',
    unsubscribeText: 'Stop these notifications from {store}: {what}?',
    unsubscribeButton: 'Unsubscribe',
    unsubscribedTitle: 'You’re unsubscribed',
    unsubscribedText: '{store} will send you no more of these notifications: {what}.',
    linkInvalidTitle: 'This link does not work',
    linkInvalidText: 'It may have expired or been used already.',
    mailSubject: 'Confirm your notifications from {store}',
    mailIntro: 'Someone (we hope you) asked {store} to send notifications to this address: {what}.',
    mailLink: 'To confirm, open this link:',
    mailExpiry: 'The link works for 7 days.',
    mailIgnore: 'If it wasn’t you, ignore this mail: nothing will be sent.',
  },
  'zh-CN': {
    topicBackInStock: '到货通知',
    topicPriceDrop: '降价通知',
    topicPromotions: '促销活动',
    topicPointsExpiry: '积分即将过期',
    topicOrderUpdates: '订单动态',
    confirmTitle: '确认订阅',
    confirmText: '{store} 将向 {address} 发送以下通知：{what}。',
    confirmButton: '确认',
    confirmedTitle: '订阅成功',
    confirmedText: '{store} 将通知你：{what}。每条消息都附有退订链接。',
    unsubscribeTitle: '退订',
    unsubscribeText: '停止接收 {store} 的这些通知：{what}？',
    unsubscribeButton: '退订',
    unsubscribedTitle: '已退订',
    unsubscribedText: '{store} 将不再向你发送这些通知：{what}。',
    linkInvalidTitle: '此链接无效',
    linkInvalidText: '链接可能已过期或已被使用。',
    mailSubject: '确认接收 {store} 的通知',
    mailIntro: '有人（希望是你）请求 {store} 向此地址发送通知：{what}。',
    mailLink: '请打开此链接确认：',
    mailExpiry: '链接 7 天内有效。',
    mailIgnore: '如果不是你本人操作，请忽略此邮件：我们不会发送任何通知。',
  },
  es: {
    topicBackInStock: 'De nuevo disponible',
    topicPriceDrop: 'Bajada de precio',
    topicPromotions: 'Promociones',
    topicPointsExpiry: 'Puntos a punto de caducar',
    topicOrderUpdates: 'Novedades de pedidos',
    confirmTitle: 'Confirma tu suscripción',
    confirmText: '{store} enviará a {address} estas notificaciones: {what}.',
    confirmButton: 'Confirmar',
    confirmedTitle: 'Te has suscrito',
    confirmedText: '{store} te avisará: {what}. Cada mensaje incluye un enlace para darte de baja.',
    unsubscribeTitle: 'Darse de baja',
    unsubscribeText: '¿Dejar de recibir estas notificaciones de {store}: {what}?',
    unsubscribeButton: 'Darme de baja',
    unsubscribedTitle: 'Te has dado de baja',
    unsubscribedText: '{store} no te enviará más estas notificaciones: {what}.',
    linkInvalidTitle: 'Este enlace no funciona',
    linkInvalidText: 'Puede que haya caducado o que ya se haya usado.',
    mailSubject: 'Confirma tus notificaciones de {store}',
    mailIntro:
      'Alguien (esperamos que tú) pidió a {store} enviar notificaciones a esta dirección: {what}.',
    mailLink: 'Para confirmar, abre este enlace:',
    mailExpiry: 'El enlace funciona durante 7 días.',
    mailIgnore: 'Si no fuiste tú, ignora este correo: no se enviará nada.',
  },
  fr: {
    topicBackInStock: 'De retour en stock',
    topicPriceDrop: 'Baisse de prix',
    topicPromotions: 'Promotions',
    topicPointsExpiry: 'Points bientôt expirés',
    topicOrderUpdates: 'Suivi des commandes',
    confirmTitle: 'Confirmez votre abonnement',
    confirmText: '{store} enverra ces notifications à {address} : {what}.',
    confirmButton: 'Confirmer',
    confirmedTitle: 'Vous êtes abonné',
    confirmedText:
      '{store} vous préviendra : {what}. Chaque message contient un lien de désabonnement.',
    unsubscribeTitle: 'Se désabonner',
    unsubscribeText: 'Ne plus recevoir ces notifications de {store} : {what} ?',
    unsubscribeButton: 'Me désabonner',
    unsubscribedTitle: 'Vous êtes désabonné',
    unsubscribedText: '{store} ne vous enverra plus ces notifications : {what}.',
    linkInvalidTitle: 'Ce lien ne fonctionne pas',
    linkInvalidText: 'Il a peut-être expiré ou déjà été utilisé.',
    mailSubject: 'Confirmez vos notifications de {store}',
    mailIntro:
      'Quelqu’un (vous, espérons-le) a demandé à {store} d’envoyer des notifications à cette adresse : {what}.',
    mailLink: 'Pour confirmer, ouvrez ce lien :',
    mailExpiry: 'Le lien est valable 7 jours.',
    mailIgnore: 'Si ce n’était pas vous, ignorez ce message : rien ne sera envoyé.',
  },
  de: {
    topicBackInStock: 'Wieder verfügbar',
    topicPriceDrop: 'Preissenkung',
    topicPromotions: 'Aktionen',
    topicPointsExpiry: 'Punkte verfallen bald',
    topicOrderUpdates: 'Bestellstatus',
    confirmTitle: 'Abonnement bestätigen',
    confirmText: '{store} sendet an {address} diese Benachrichtigungen: {what}.',
    confirmButton: 'Bestätigen',
    confirmedTitle: 'Sie sind angemeldet',
    confirmedText:
      '{store} benachrichtigt Sie: {what}. Jede Nachricht enthält einen Link zum Abmelden.',
    unsubscribeTitle: 'Abmelden',
    unsubscribeText: 'Diese Benachrichtigungen von {store} abbestellen: {what}?',
    unsubscribeButton: 'Abmelden',
    unsubscribedTitle: 'Sie sind abgemeldet',
    unsubscribedText: '{store} sendet Ihnen diese Benachrichtigungen nicht mehr: {what}.',
    linkInvalidTitle: 'Dieser Link funktioniert nicht',
    linkInvalidText: 'Er ist vielleicht abgelaufen oder wurde schon verwendet.',
    mailSubject: 'Bestätigen Sie Ihre Benachrichtigungen von {store}',
    mailIntro:
      'Jemand (hoffentlich Sie) hat {store} gebeten, Benachrichtigungen an diese Adresse zu senden: {what}.',
    mailLink: 'Zum Bestätigen öffnen Sie diesen Link:',
    mailExpiry: 'Der Link gilt 7 Tage.',
    mailIgnore: 'Falls Sie das nicht waren, ignorieren Sie diese Mail: Es wird nichts gesendet.',
  },
  ru: {
    topicBackInStock: 'Снова в наличии',
    topicPriceDrop: 'Снижение цены',
    topicPromotions: 'Акции',
    topicPointsExpiry: 'Баллы скоро сгорят',
    topicOrderUpdates: 'Статус заказов',
    confirmTitle: 'Подтвердите подписку',
    confirmText: '{store} будет присылать на {address} такие уведомления: {what}.',
    confirmButton: 'Подтвердить',
    confirmedTitle: 'Вы подписаны',
    confirmedText: '{store} сообщит вам: {what}. В каждом сообщении есть ссылка для отписки.',
    unsubscribeTitle: 'Отписаться',
    unsubscribeText: 'Больше не получать эти уведомления от {store}: {what}?',
    unsubscribeButton: 'Отписаться',
    unsubscribedTitle: 'Вы отписались',
    unsubscribedText: '{store} больше не будет присылать вам эти уведомления: {what}.',
    linkInvalidTitle: 'Ссылка не работает',
    linkInvalidText: 'Возможно, срок её действия истёк или она уже использована.',
    mailSubject: 'Подтвердите уведомления от {store}',
    mailIntro:
      'Кто-то (надеемся, вы) попросил {store} присылать уведомления на этот адрес: {what}.',
    mailLink: 'Чтобы подтвердить, откройте ссылку:',
    mailExpiry: 'Ссылка действует 7 дней.',
    mailIgnore: 'Если это были не вы, просто проигнорируйте письмо: ничего не придёт.',
  },
  'pt-BR': {
    topicBackInStock: 'De volta ao estoque',
    topicPriceDrop: 'Queda de preço',
    topicPromotions: 'Promoções',
    topicPointsExpiry: 'Pontos prestes a expirar',
    topicOrderUpdates: 'Atualizações de pedidos',
    confirmTitle: 'Confirme sua inscrição',
    confirmText: '{store} enviará para {address} estas notificações: {what}.',
    confirmButton: 'Confirmar',
    confirmedTitle: 'Inscrição confirmada',
    confirmedText:
      '{store} vai avisar você: {what}. Toda mensagem tem um link para cancelar a inscrição.',
    unsubscribeTitle: 'Cancelar inscrição',
    unsubscribeText: 'Parar de receber estas notificações de {store}: {what}?',
    unsubscribeButton: 'Cancelar inscrição',
    unsubscribedTitle: 'Inscrição cancelada',
    unsubscribedText: '{store} não enviará mais estas notificações: {what}.',
    linkInvalidTitle: 'Este link não funciona',
    linkInvalidText: 'Ele pode ter expirado ou já ter sido usado.',
    mailSubject: 'Confirme suas notificações de {store}',
    mailIntro:
      'Alguém (esperamos que você) pediu a {store} para enviar notificações a este endereço: {what}.',
    mailLink: 'Para confirmar, abra este link:',
    mailExpiry: 'O link funciona por 7 dias.',
    mailIgnore: 'Se não foi você, ignore este e-mail: nada será enviado.',
  },
  ar: {
    topicBackInStock: 'عاد إلى المخزون',
    topicPriceDrop: 'انخفاض السعر',
    topicPromotions: 'العروض',
    topicPointsExpiry: 'نقاط على وشك الانتهاء',
    topicOrderUpdates: 'تحديثات الطلبات',
    confirmTitle: 'أكّد اشتراكك',
    confirmText: 'سيرسل {store} إلى {address} هذه الإشعارات: {what}.',
    confirmButton: 'تأكيد',
    confirmedTitle: 'تم اشتراكك',
    confirmedText: 'سيُعلمك {store}: {what}. تحتوي كل رسالة على رابط لإلغاء الاشتراك.',
    unsubscribeTitle: 'إلغاء الاشتراك',
    unsubscribeText: 'هل تريد إيقاف هذه الإشعارات من {store}: {what}؟',
    unsubscribeButton: 'إلغاء الاشتراك',
    unsubscribedTitle: 'تم إلغاء اشتراكك',
    unsubscribedText: 'لن يرسل إليك {store} هذه الإشعارات بعد الآن: {what}.',
    linkInvalidTitle: 'هذا الرابط لا يعمل',
    linkInvalidText: 'ربما انتهت صلاحيته أو سبق استخدامه.',
    mailSubject: 'أكّد إشعاراتك من {store}',
    mailIntro: 'طلب شخص ما (نأمل أن تكون أنت) من {store} إرسال إشعارات إلى هذا العنوان: {what}.',
    mailLink: 'للتأكيد، افتح هذا الرابط:',
    mailExpiry: 'يعمل الرابط لمدة 7 أيام.',
    mailIgnore: 'إن لم تكن أنت، فتجاهل هذه الرسالة: لن يُرسل أي شيء.',
  },
};
