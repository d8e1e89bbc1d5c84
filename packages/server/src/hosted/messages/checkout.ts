import type { Messages } from '../i18n.js';

export type CheckoutMessageKey =
  | 'title'
  | 'order'
  | 'summary'
  | 'quantity'
  | 'subtotal'
  | 'discount'
  | 'total'
  | 'testMode'
  | 'cardNumber'
  | 'cardHint'
  | 'name'
  | 'pay'
  | 'declined'
  | 'cardDeclined'
  | 'testCardLive'
  | 'nameRequired'
  | 'thanks'
  | 'statusPaid'
  | 'statusCancelled'
  | 'statusRefunded'
  | 'statusExpired'
  | 'pointsEarned'
  | 'pointsPending'
  | 'returnToShop'
  | 'chargedIn'
  | 'pointsToEarn'
  | 'notFoundTitle'
  | 'notFound'
  | 'badOrigin'
  | 'paymentMethod'
  | 'methodCard'
  | 'methodWallet'
  | 'methodWalletHint'
  | 'methodVoucher'
  | 'methodVoucherHint'
  | 'methodUnavailable'
  | 'providerUnavailable'
  | 'walletCancelled'
  | 'walletDeclined'
  | 'walletPending'
  | 'voucherTitle'
  | 'voucherCode'
  | 'voucherAmount'
  | 'voucherExpires'
  | 'voucherWaiting'
  | 'voucherOpen'
  | 'voucherExpired';

/** The hosted checkout page in the eight hosted locales. */
export const checkoutMessages: Messages<CheckoutMessageKey> = {
  en: {
    title: 'Checkout',
    order: 'Order {id}',
    summary: 'Order summary',
    quantity: 'Qty {n}',
    subtotal: 'Subtotal',
    discount: 'Points discount',
    total: 'Total',
    testMode: 'Test mode — no real payment',
    cardNumber: 'Card number',
    cardHint: 'Use the test card 4242 4242 4242 4242 with any name.',
    name: 'Name on card',
    pay: 'Pay {amount}',
    declined: 'The card was declined. In test mode, use 4242 4242 4242 4242.',
    cardDeclined: 'The card was declined.',
    testCardLive: 'This store takes real payments: the test card cannot be used here.',
    nameRequired: 'Enter the name on the card.',
    thanks: 'Thank you! Your payment was received.',
    statusPaid: 'This order is paid.',
    statusCancelled: 'This order was cancelled.',
    statusRefunded: 'This order was refunded.',
    statusExpired:
      'This order expired before it was paid, and its items were released. Return to the shop to check out again.',
    pointsEarned: 'Points earned with this order: {points}.',
    pointsPending: 'They can be used after the {days}-day return period.',
    returnToShop: 'Return to shop',
    chargedIn: 'This order is charged in {currency}, the currency of your cart.',
    pointsToEarn: 'You’ll earn {points} points with this order.',
    notFoundTitle: 'Order not found',
    notFound: 'This checkout link is not valid.',
    badOrigin: 'This payment was not sent from the checkout page.',
    paymentMethod: 'Payment method',
    methodCard: 'Card',
    methodWallet: 'Test Wallet',
    methodWalletHint: 'You’ll approve the payment on the wallet’s page, then come back here.',
    methodVoucher: 'Test Voucher',
    methodVoucherHint:
      'You get a voucher number to pay later; the order is confirmed once it is paid.',
    methodUnavailable: 'This payment method is not available for this store.',
    providerUnavailable:
      'The payment service could not be reached. Try again in a moment, or choose another method.',
    walletCancelled: 'Payment cancelled. Try again, or choose another method.',
    walletDeclined: 'The wallet declined the payment. Try again, or choose another method.',
    walletPending:
      'The wallet has not confirmed the payment yet. This page will show it as paid once it does.',
    voucherTitle: 'Your voucher',
    voucherCode: 'Voucher number',
    voucherAmount: 'Amount to pay',
    voucherExpires: 'Pay by',
    voucherWaiting:
      'We’ll confirm your order as soon as the voucher is paid. Your items are held until then.',
    voucherOpen: 'Open the voucher to pay',
    voucherExpired: 'The voucher expired before it was paid.',
  },
  'zh-CN': {
    title: '结账',
    order: '订单 {id}',
    summary: '订单摘要',
    quantity: '数量 {n}',
    subtotal: '小计',
    discount: '积分抵扣',
    total: '合计',
    testMode: '测试模式 — 不会真实付款',
    cardNumber: '卡号',
    cardHint: '请使用测试卡 4242 4242 4242 4242，姓名任意。',
    name: '持卡人姓名',
    pay: '支付 {amount}',
    declined: '银行卡被拒绝。测试模式下请使用 4242 4242 4242 4242。',
    cardDeclined: '银行卡被拒绝。',
    testCardLive: '本店使用真实付款：此处不能使用测试卡。',
    nameRequired: '请输入持卡人姓名。',
    thanks: '谢谢！我们已收到您的付款。',
    statusPaid: '此订单已付款。',
    statusCancelled: '此订单已取消。',
    statusRefunded: '此订单已退款。',
    statusExpired: '此订单在付款前已过期，商品已释放。请返回商店重新结账。',
    pointsEarned: '本订单获得积分：{points}。',
    pointsPending: '积分将在 {days} 天退货期结束后可用。',
    returnToShop: '返回商店',
    chargedIn: '此订单以购物车的货币（{currency}）结算。',
    pointsToEarn: '此订单将为您赚取 {points} 积分。',
    notFoundTitle: '未找到订单',
    notFound: '此结账链接无效。',
    badOrigin: '此付款请求并非来自结账页面。',
    paymentMethod: '支付方式',
    methodCard: '银行卡',
    methodWallet: '测试钱包',
    methodWalletHint: '您将在钱包页面确认付款，然后返回此处。',
    methodVoucher: '测试付款码',
    methodVoucherHint: '您将获得一个付款码，可稍后支付；付款后订单即被确认。',
    methodUnavailable: '本店不支持此支付方式。',
    providerUnavailable: '无法连接支付服务。请稍后重试，或选择其他支付方式。',
    walletCancelled: '付款已取消。请重试，或选择其他支付方式。',
    walletDeclined: '钱包拒绝了此次付款。请重试，或选择其他支付方式。',
    walletPending: '钱包尚未确认付款。确认后此页面将显示为已付款。',
    voucherTitle: '您的付款码',
    voucherCode: '付款码编号',
    voucherAmount: '应付金额',
    voucherExpires: '付款截止',
    voucherWaiting: '付款码支付后，我们会立即确认您的订单。在此之前商品将为您保留。',
    voucherOpen: '打开付款码进行支付',
    voucherExpired: '付款码在支付前已过期。',
  },
  es: {
    title: 'Pago',
    order: 'Pedido {id}',
    summary: 'Resumen del pedido',
    quantity: 'Cant. {n}',
    subtotal: 'Subtotal',
    discount: 'Descuento por puntos',
    total: 'Total',
    testMode: 'Modo de prueba: no se realiza ningún pago real',
    cardNumber: 'Número de tarjeta',
    cardHint: 'Usa la tarjeta de prueba 4242 4242 4242 4242 con cualquier nombre.',
    name: 'Nombre en la tarjeta',
    pay: 'Pagar {amount}',
    declined: 'La tarjeta fue rechazada. En modo de prueba, usa 4242 4242 4242 4242.',
    cardDeclined: 'La tarjeta fue rechazada.',
    testCardLive: 'Esta tienda acepta pagos reales: aquí no se puede usar la tarjeta de prueba.',
    nameRequired: 'Introduce el nombre que figura en la tarjeta.',
    thanks: '¡Gracias! Hemos recibido tu pago.',
    statusPaid: 'Este pedido está pagado.',
    statusCancelled: 'Este pedido fue cancelado.',
    statusRefunded: 'Este pedido fue reembolsado.',
    statusExpired:
      'Este pedido caducó antes de pagarse y sus artículos se liberaron. Vuelve a la tienda para pagar de nuevo.',
    pointsEarned: 'Puntos ganados con este pedido: {points}.',
    pointsPending: 'Podrás usarlos cuando termine el plazo de devolución de {days} días.',
    returnToShop: 'Volver a la tienda',
    chargedIn: 'Este pedido se cobra en {currency}, la moneda de tu carrito.',
    pointsToEarn: 'Con este pedido ganarás {points} puntos.',
    notFoundTitle: 'Pedido no encontrado',
    notFound: 'Este enlace de pago no es válido.',
    badOrigin: 'Este pago no se envió desde la página de pago.',
    paymentMethod: 'Método de pago',
    methodCard: 'Tarjeta',
    methodWallet: 'Monedero de prueba',
    methodWalletHint: 'Aprobarás el pago en la página del monedero y después volverás aquí.',
    methodVoucher: 'Cupón de prueba',
    methodVoucherHint:
      'Recibirás un número de cupón para pagar más tarde; el pedido se confirma cuando se paga.',
    methodUnavailable: 'Este método de pago no está disponible en esta tienda.',
    providerUnavailable:
      'No se pudo contactar con el servicio de pago. Inténtalo de nuevo en un momento o elige otro método.',
    walletCancelled: 'Pago cancelado. Inténtalo de nuevo o elige otro método.',
    walletDeclined: 'El monedero rechazó el pago. Inténtalo de nuevo o elige otro método.',
    walletPending:
      'El monedero aún no ha confirmado el pago. Esta página lo mostrará como pagado cuando lo haga.',
    voucherTitle: 'Tu cupón',
    voucherCode: 'Número de cupón',
    voucherAmount: 'Importe a pagar',
    voucherExpires: 'Paga antes del',
    voucherWaiting:
      'Confirmaremos tu pedido en cuanto se pague el cupón. Tus artículos quedan reservados hasta entonces.',
    voucherOpen: 'Abrir el cupón para pagar',
    voucherExpired: 'El cupón caducó antes de pagarse.',
  },
  fr: {
    title: 'Paiement',
    order: 'Commande {id}',
    summary: 'Récapitulatif de la commande',
    quantity: 'Qté {n}',
    subtotal: 'Sous-total',
    discount: 'Remise en points',
    total: 'Total',
    testMode: 'Mode test — aucun paiement réel',
    cardNumber: 'Numéro de carte',
    cardHint: 'Utilisez la carte de test 4242 4242 4242 4242 avec n’importe quel nom.',
    name: 'Nom sur la carte',
    pay: 'Payer {amount}',
    declined: 'La carte a été refusée. En mode test, utilisez 4242 4242 4242 4242.',
    cardDeclined: 'La carte a été refusée.',
    testCardLive:
      'Cette boutique accepte de vrais paiements : la carte de test ne peut pas être utilisée ici.',
    nameRequired: 'Saisissez le nom figurant sur la carte.',
    thanks: 'Merci ! Votre paiement a bien été reçu.',
    statusPaid: 'Cette commande est payée.',
    statusCancelled: 'Cette commande a été annulée.',
    statusRefunded: 'Cette commande a été remboursée.',
    statusExpired:
      'Cette commande a expiré avant d’être payée et ses articles ont été libérés. Retournez à la boutique pour repasser commande.',
    pointsEarned: 'Points gagnés avec cette commande : {points}.',
    pointsPending: 'Ils seront utilisables après le délai de retour de {days} jours.',
    returnToShop: 'Retour à la boutique',
    chargedIn: 'Cette commande est facturée en {currency}, la devise de votre panier.',
    pointsToEarn: 'Cette commande vous rapportera {points} points.',
    notFoundTitle: 'Commande introuvable',
    notFound: 'Ce lien de paiement n’est pas valide.',
    badOrigin: 'Ce paiement n’a pas été envoyé depuis la page de paiement.',
    paymentMethod: 'Moyen de paiement',
    methodCard: 'Carte',
    methodWallet: 'Portefeuille de test',
    methodWalletHint:
      'Vous approuverez le paiement sur la page du portefeuille, puis reviendrez ici.',
    methodVoucher: 'Bon de paiement de test',
    methodVoucherHint:
      'Vous recevez un numéro de bon à payer plus tard ; la commande est confirmée une fois le bon payé.',
    methodUnavailable: 'Ce moyen de paiement n’est pas disponible pour cette boutique.',
    providerUnavailable:
      'Le service de paiement est injoignable. Réessayez dans un instant ou choisissez un autre moyen.',
    walletCancelled: 'Paiement annulé. Réessayez ou choisissez un autre moyen de paiement.',
    walletDeclined:
      'Le portefeuille a refusé le paiement. Réessayez ou choisissez un autre moyen de paiement.',
    walletPending:
      'Le portefeuille n’a pas encore confirmé le paiement. Cette page l’indiquera comme payé dès qu’il l’aura fait.',
    voucherTitle: 'Votre bon de paiement',
    voucherCode: 'Numéro du bon',
    voucherAmount: 'Montant à payer',
    voucherExpires: 'À payer avant le',
    voucherWaiting:
      'Nous confirmerons votre commande dès que le bon sera payé. Vos articles sont réservés jusque-là.',
    voucherOpen: 'Ouvrir le bon pour payer',
    voucherExpired: 'Le bon a expiré avant d’être payé.',
  },
  de: {
    title: 'Kasse',
    order: 'Bestellung {id}',
    summary: 'Bestellübersicht',
    quantity: 'Menge {n}',
    subtotal: 'Zwischensumme',
    discount: 'Punkterabatt',
    total: 'Gesamt',
    testMode: 'Testmodus — keine echte Zahlung',
    cardNumber: 'Kartennummer',
    cardHint: 'Verwende die Testkarte 4242 4242 4242 4242 mit beliebigem Namen.',
    name: 'Name auf der Karte',
    pay: '{amount} bezahlen',
    declined: 'Die Karte wurde abgelehnt. Im Testmodus 4242 4242 4242 4242 verwenden.',
    cardDeclined: 'Die Karte wurde abgelehnt.',
    testCardLive:
      'Dieser Shop nimmt echte Zahlungen an: Die Testkarte kann hier nicht verwendet werden.',
    nameRequired: 'Gib den Namen auf der Karte ein.',
    thanks: 'Danke! Deine Zahlung ist eingegangen.',
    statusPaid: 'Diese Bestellung ist bezahlt.',
    statusCancelled: 'Diese Bestellung wurde storniert.',
    statusRefunded: 'Diese Bestellung wurde erstattet.',
    statusExpired:
      'Diese Bestellung ist abgelaufen, bevor sie bezahlt wurde; die Artikel wurden freigegeben. Geh zurück zum Shop, um erneut zur Kasse zu gehen.',
    pointsEarned: 'Mit dieser Bestellung gesammelte Punkte: {points}.',
    pointsPending: 'Sie sind nach der Rückgabefrist von {days} Tagen einlösbar.',
    returnToShop: 'Zurück zum Shop',
    chargedIn: 'Diese Bestellung wird in {currency} abgerechnet, der Währung Ihres Warenkorbs.',
    pointsToEarn: 'Mit dieser Bestellung sammeln Sie {points} Punkte.',
    notFoundTitle: 'Bestellung nicht gefunden',
    notFound: 'Dieser Kassen-Link ist ungültig.',
    badOrigin: 'Diese Zahlung wurde nicht von der Kassenseite gesendet.',
    paymentMethod: 'Zahlungsart',
    methodCard: 'Karte',
    methodWallet: 'Test-Wallet',
    methodWalletHint:
      'Du bestätigst die Zahlung auf der Seite der Wallet und kommst dann hierher zurück.',
    methodVoucher: 'Test-Zahlschein',
    methodVoucherHint:
      'Du erhältst eine Zahlscheinnummer, die du später bezahlst; die Bestellung wird bestätigt, sobald sie bezahlt ist.',
    methodUnavailable: 'Diese Zahlungsart ist für diesen Shop nicht verfügbar.',
    providerUnavailable:
      'Der Zahlungsdienst ist nicht erreichbar. Versuch es gleich noch einmal oder wähle eine andere Zahlungsart.',
    walletCancelled:
      'Zahlung abgebrochen. Versuch es noch einmal oder wähle eine andere Zahlungsart.',
    walletDeclined:
      'Die Wallet hat die Zahlung abgelehnt. Versuch es noch einmal oder wähle eine andere Zahlungsart.',
    walletPending:
      'Die Wallet hat die Zahlung noch nicht bestätigt. Diese Seite zeigt sie als bezahlt an, sobald das geschieht.',
    voucherTitle: 'Dein Zahlschein',
    voucherCode: 'Zahlscheinnummer',
    voucherAmount: 'Zu zahlender Betrag',
    voucherExpires: 'Zahlbar bis',
    voucherWaiting:
      'Wir bestätigen deine Bestellung, sobald der Zahlschein bezahlt ist. Deine Artikel sind bis dahin reserviert.',
    voucherOpen: 'Zahlschein zum Bezahlen öffnen',
    voucherExpired: 'Der Zahlschein ist abgelaufen, bevor er bezahlt wurde.',
  },
  ru: {
    title: 'Оформление заказа',
    order: 'Заказ {id}',
    summary: 'Состав заказа',
    quantity: 'Кол-во {n}',
    subtotal: 'Подытог',
    discount: 'Скидка баллами',
    total: 'Итого',
    testMode: 'Тестовый режим — реальной оплаты нет',
    cardNumber: 'Номер карты',
    cardHint: 'Используйте тестовую карту 4242 4242 4242 4242 и любое имя.',
    name: 'Имя на карте',
    pay: 'Оплатить {amount}',
    declined: 'Карта отклонена. В тестовом режиме используйте 4242 4242 4242 4242.',
    cardDeclined: 'Карта отклонена.',
    testCardLive:
      'Этот магазин принимает реальные платежи: тестовую карту здесь использовать нельзя.',
    nameRequired: 'Введите имя, указанное на карте.',
    thanks: 'Спасибо! Оплата получена.',
    statusPaid: 'Этот заказ оплачен.',
    statusCancelled: 'Этот заказ отменён.',
    statusRefunded: 'По этому заказу оформлен возврат.',
    statusExpired:
      'Срок оплаты заказа истёк, товары снова доступны для продажи. Вернитесь в магазин, чтобы оформить заказ заново.',
    pointsEarned: 'Баллы за этот заказ: {points}.',
    pointsPending: 'Их можно будет потратить после окончания срока возврата ({days} дн.).',
    returnToShop: 'Вернуться в магазин',
    chargedIn: 'Заказ оплачивается в валюте вашей корзины: {currency}.',
    pointsToEarn: 'Баллы, которые вы получите за этот заказ: {points}.',
    notFoundTitle: 'Заказ не найден',
    notFound: 'Эта ссылка на оплату недействительна.',
    badOrigin: 'Этот платёж отправлен не со страницы оплаты.',
    paymentMethod: 'Способ оплаты',
    methodCard: 'Карта',
    methodWallet: 'Тестовый кошелёк',
    methodWalletHint: 'Вы подтвердите оплату на странице кошелька и вернётесь сюда.',
    methodVoucher: 'Тестовый ваучер',
    methodVoucherHint:
      'Вы получите номер ваучера для оплаты позже; заказ подтверждается после оплаты.',
    methodUnavailable: 'Этот способ оплаты недоступен в этом магазине.',
    providerUnavailable:
      'Платёжный сервис недоступен. Повторите попытку чуть позже или выберите другой способ.',
    walletCancelled: 'Оплата отменена. Повторите попытку или выберите другой способ оплаты.',
    walletDeclined: 'Кошелёк отклонил платёж. Повторите попытку или выберите другой способ оплаты.',
    walletPending:
      'Кошелёк ещё не подтвердил платёж. Когда это произойдёт, страница покажет заказ оплаченным.',
    voucherTitle: 'Ваш ваучер',
    voucherCode: 'Номер ваучера',
    voucherAmount: 'Сумма к оплате',
    voucherExpires: 'Оплатить до',
    voucherWaiting:
      'Мы подтвердим заказ, как только ваучер будет оплачен. До тех пор товары зарезервированы.',
    voucherOpen: 'Открыть ваучер для оплаты',
    voucherExpired: 'Срок действия ваучера истёк до оплаты.',
  },
  'pt-BR': {
    title: 'Finalizar compra',
    order: 'Pedido {id}',
    summary: 'Resumo do pedido',
    quantity: 'Qtd. {n}',
    subtotal: 'Subtotal',
    discount: 'Desconto em pontos',
    total: 'Total',
    testMode: 'Modo de teste — nenhum pagamento real',
    cardNumber: 'Número do cartão',
    cardHint: 'Use o cartão de teste 4242 4242 4242 4242 com qualquer nome.',
    name: 'Nome no cartão',
    pay: 'Pagar {amount}',
    declined: 'O cartão foi recusado. No modo de teste, use 4242 4242 4242 4242.',
    cardDeclined: 'O cartão foi recusado.',
    testCardLive: 'Esta loja aceita pagamentos reais: o cartão de teste não pode ser usado aqui.',
    nameRequired: 'Informe o nome impresso no cartão.',
    thanks: 'Obrigado! Recebemos seu pagamento.',
    statusPaid: 'Este pedido está pago.',
    statusCancelled: 'Este pedido foi cancelado.',
    statusRefunded: 'Este pedido foi reembolsado.',
    statusExpired:
      'Este pedido expirou antes de ser pago e os itens foram liberados. Volte à loja para finalizar a compra novamente.',
    pointsEarned: 'Pontos ganhos com este pedido: {points}.',
    pointsPending: 'Eles poderão ser usados após o prazo de devolução de {days} dias.',
    returnToShop: 'Voltar à loja',
    chargedIn: 'Este pedido é cobrado em {currency}, a moeda do seu carrinho.',
    pointsToEarn: 'Você vai ganhar {points} pontos com este pedido.',
    notFoundTitle: 'Pedido não encontrado',
    notFound: 'Este link de pagamento não é válido.',
    badOrigin: 'Este pagamento não foi enviado pela página de pagamento.',
    paymentMethod: 'Forma de pagamento',
    methodCard: 'Cartão',
    methodWallet: 'Carteira de teste',
    methodWalletHint: 'Você aprovará o pagamento na página da carteira e depois voltará para cá.',
    methodVoucher: 'Boleto de teste',
    methodVoucherHint:
      'Você recebe um número de boleto para pagar depois; o pedido é confirmado quando ele for pago.',
    methodUnavailable: 'Esta forma de pagamento não está disponível nesta loja.',
    providerUnavailable:
      'Não foi possível acessar o serviço de pagamento. Tente novamente em instantes ou escolha outra forma.',
    walletCancelled: 'Pagamento cancelado. Tente novamente ou escolha outra forma de pagamento.',
    walletDeclined:
      'A carteira recusou o pagamento. Tente novamente ou escolha outra forma de pagamento.',
    walletPending:
      'A carteira ainda não confirmou o pagamento. Esta página mostrará o pedido como pago quando isso acontecer.',
    voucherTitle: 'Seu boleto',
    voucherCode: 'Número do boleto',
    voucherAmount: 'Valor a pagar',
    voucherExpires: 'Pague até',
    voucherWaiting:
      'Confirmaremos seu pedido assim que o boleto for pago. Seus itens ficam reservados até lá.',
    voucherOpen: 'Abrir o boleto para pagar',
    voucherExpired: 'O boleto venceu antes de ser pago.',
  },
  ar: {
    title: 'الدفع',
    order: 'الطلب {id}',
    summary: 'ملخص الطلب',
    quantity: 'الكمية {n}',
    subtotal: 'المجموع الفرعي',
    discount: 'خصم النقاط',
    total: 'الإجمالي',
    testMode: 'وضع الاختبار — لا يوجد دفع حقيقي',
    cardNumber: 'رقم البطاقة',
    cardHint: 'استخدم بطاقة الاختبار 4242 4242 4242 4242 بأي اسم.',
    name: 'الاسم على البطاقة',
    pay: 'ادفع {amount}',
    declined: 'تم رفض البطاقة. في وضع الاختبار استخدم 4242 4242 4242 4242.',
    cardDeclined: 'تم رفض البطاقة.',
    testCardLive: 'يقبل هذا المتجر مدفوعات حقيقية: لا يمكن استخدام بطاقة الاختبار هنا.',
    nameRequired: 'أدخل الاسم المكتوب على البطاقة.',
    thanks: 'شكرًا لك! تم استلام دفعتك.',
    statusPaid: 'تم دفع هذا الطلب.',
    statusCancelled: 'تم إلغاء هذا الطلب.',
    statusRefunded: 'تم استرداد مبلغ هذا الطلب.',
    statusExpired:
      'انتهت صلاحية هذا الطلب قبل دفعه وأُتيحت منتجاته من جديد. عد إلى المتجر لإتمام الشراء مرة أخرى.',
    pointsEarned: 'النقاط المكتسبة من هذا الطلب: {points}.',
    pointsPending: 'يمكن استخدامها بعد انتهاء فترة الإرجاع البالغة {days} يومًا.',
    returnToShop: 'العودة إلى المتجر',
    chargedIn: 'يُدفع هذا الطلب بعملة سلة التسوق: {currency}.',
    pointsToEarn: 'النقاط التي ستكسبها من هذا الطلب: {points}.',
    notFoundTitle: 'الطلب غير موجود',
    notFound: 'رابط الدفع هذا غير صالح.',
    badOrigin: 'لم يتم إرسال هذه الدفعة من صفحة الدفع.',
    paymentMethod: 'طريقة الدفع',
    methodCard: 'بطاقة',
    methodWallet: 'محفظة تجريبية',
    methodWalletHint: 'ستوافق على الدفع في صفحة المحفظة ثم تعود إلى هنا.',
    methodVoucher: 'قسيمة تجريبية',
    methodVoucherHint: 'ستحصل على رقم قسيمة لتدفعها لاحقًا، ويُؤكَّد الطلب بعد دفعها.',
    methodUnavailable: 'طريقة الدفع هذه غير متاحة في هذا المتجر.',
    providerUnavailable: 'تعذّر الوصول إلى خدمة الدفع. حاول مرة أخرى بعد قليل أو اختر طريقة أخرى.',
    walletCancelled: 'أُلغي الدفع. حاول مرة أخرى أو اختر طريقة دفع أخرى.',
    walletDeclined: 'رفضت المحفظة الدفع. حاول مرة أخرى أو اختر طريقة دفع أخرى.',
    walletPending: 'لم تؤكد المحفظة الدفع بعد. ستُظهر هذه الصفحة الطلب مدفوعًا عند تأكيده.',
    voucherTitle: 'قسيمتك',
    voucherCode: 'رقم القسيمة',
    voucherAmount: 'المبلغ المطلوب',
    voucherExpires: 'ادفع قبل',
    voucherWaiting: 'سنؤكد طلبك فور دفع القسيمة. تبقى منتجاتك محجوزة حتى ذلك الحين.',
    voucherOpen: 'افتح القسيمة للدفع',
    voucherExpired: 'انتهت صلاحية القسيمة قبل دفعها.',
  },
};
