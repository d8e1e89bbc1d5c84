import type { Messages } from '../i18n.js';

export type ShareMessageKey =
  | 'notFoundTitle'
  | 'notFound'
  | 'buyOn'
  | 'buyNow'
  | 'variant'
  | 'quantity'
  | 'unavailable'
  | 'badOrigin'
  | 'busy'
  | 'view';

/** The product share page (/p/{store}/{handle}) in the eight hosted locales. */
export const shareMessages: Messages<ShareMessageKey> = {
  en: {
    notFoundTitle: 'Product not found',
    notFound: 'This product does not exist or is no longer available.',
    buyOn: 'Buy on {store}',
    buyNow: 'Buy now',
    variant: 'Option',
    quantity: 'Quantity',
    unavailable: 'That option is not available in this quantity any more.',
    badOrigin: 'This form can only be sent from its own page. Reload the page and try again.',
    busy: 'Too many attempts from your connection. Wait a minute and try again.',
    view: 'View product',
  },
  'zh-CN': {
    notFoundTitle: '未找到商品',
    notFound: '该商品不存在或已下架。',
    buyOn: '在{store}购买',
    buyNow: '立即购买',
    variant: '选项',
    quantity: '数量',
    unavailable: '该选项已无法提供此数量。',
    badOrigin: '此表单只能从其所在页面提交。请刷新页面后重试。',
    busy: '您的网络尝试次数过多。请稍等一分钟后重试。',
    view: '查看商品',
  },
  es: {
    notFoundTitle: 'Producto no encontrado',
    notFound: 'Este producto no existe o ya no está disponible.',
    buyOn: 'Comprar en {store}',
    buyNow: 'Comprar ahora',
    variant: 'Opción',
    quantity: 'Cantidad',
    unavailable: 'Esa opción ya no está disponible en esta cantidad.',
    badOrigin:
      'Este formulario solo se puede enviar desde su propia página. Recarga la página e inténtalo de nuevo.',
    busy: 'Demasiados intentos desde tu conexión. Espera un minuto e inténtalo de nuevo.',
    view: 'Ver producto',
  },
  fr: {
    notFoundTitle: 'Produit introuvable',
    notFound: "Ce produit n'existe pas ou n'est plus disponible.",
    buyOn: 'Acheter sur {store}',
    buyNow: 'Acheter',
    variant: 'Option',
    quantity: 'Quantité',
    unavailable: "Cette option n'est plus disponible dans cette quantité.",
    badOrigin:
      'Ce formulaire ne peut être envoyé que depuis sa propre page. Rechargez la page et réessayez.',
    busy: 'Trop de tentatives depuis votre connexion. Attendez une minute et réessayez.',
    view: 'Voir le produit',
  },
  de: {
    notFoundTitle: 'Produkt nicht gefunden',
    notFound: 'Dieses Produkt gibt es nicht oder es ist nicht mehr erhältlich.',
    buyOn: 'Bei {store} kaufen',
    buyNow: 'Jetzt kaufen',
    variant: 'Variante',
    quantity: 'Menge',
    unavailable: 'Diese Variante ist in dieser Menge nicht mehr verfügbar.',
    badOrigin:
      'Dieses Formular kann nur von seiner eigenen Seite gesendet werden. Laden Sie die Seite neu und versuchen Sie es erneut.',
    busy: 'Zu viele Versuche von Ihrer Verbindung. Warten Sie eine Minute und versuchen Sie es erneut.',
    view: 'Produkt ansehen',
  },
  ru: {
    notFoundTitle: 'Товар не найден',
    notFound: 'Этого товара нет или он больше не продаётся.',
    buyOn: 'Купить в {store}',
    buyNow: 'Купить',
    variant: 'Вариант',
    quantity: 'Количество',
    unavailable: 'Этого варианта больше нет в таком количестве.',
    badOrigin:
      'Эту форму можно отправить только с её собственной страницы. Обновите страницу и попробуйте снова.',
    busy: 'Слишком много попыток с вашего подключения. Подождите минуту и попробуйте снова.',
    view: 'Смотреть товар',
  },
  'pt-BR': {
    notFoundTitle: 'Produto não encontrado',
    notFound: 'Este produto não existe ou não está mais disponível.',
    buyOn: 'Comprar na {store}',
    buyNow: 'Comprar agora',
    variant: 'Opção',
    quantity: 'Quantidade',
    unavailable: 'Essa opção não está mais disponível nessa quantidade.',
    badOrigin:
      'Este formulário só pode ser enviado pela própria página. Recarregue a página e tente novamente.',
    busy: 'Muitas tentativas da sua conexão. Aguarde um minuto e tente novamente.',
    view: 'Ver produto',
  },
  ar: {
    notFoundTitle: 'المنتج غير موجود',
    notFound: 'هذا المنتج غير موجود أو لم يعد متاحًا.',
    buyOn: 'اشترِ من {store}',
    buyNow: 'اشترِ الآن',
    variant: 'الخيار',
    quantity: 'الكمية',
    unavailable: 'هذا الخيار لم يعد متاحًا بهذه الكمية.',
    badOrigin: 'لا يمكن إرسال هذا النموذج إلا من صفحته. أعد تحميل الصفحة وحاول مرة أخرى.',
    busy: 'محاولات كثيرة جدًا من اتصالك. انتظر دقيقة ثم حاول مرة أخرى.',
    view: 'عرض المنتج',
  },
};
