import type { Messages } from '../i18n.js';

/** Texts of the creator's own figures page (GET /creator). */
export type CreatorKey =
  | 'title'
  | 'period'
  | 'impressions'
  | 'clicks'
  | 'addToCarts'
  | 'orders'
  | 'revenue'
  | 'commission'
  | 'loading'
  | 'linkInvalid';

export const creatorMessages: Messages<CreatorKey> = {
  en: {
    title: 'Your figures',
    period: 'Last 30 days (UTC)',
    impressions: 'Impressions',
    clicks: 'Clicks',
    addToCarts: 'Added to cart',
    orders: 'Orders',
    revenue: 'Revenue',
    commission: 'Commission',
    loading: 'Loading…',
    linkInvalid: 'This link does not work. It may have expired: ask the store for a new one.',
  },
  'zh-CN': {
    title: '你的数据',
    period: '最近 30 天（UTC）',
    impressions: '展示次数',
    clicks: '点击次数',
    addToCarts: '加入购物车',
    orders: '订单',
    revenue: '销售额',
    commission: '佣金',
    loading: '加载中…',
    linkInvalid: '此链接无效，可能已过期：请向商店索取新链接。',
  },
  es: {
    title: 'Tus cifras',
    period: 'Últimos 30 días (UTC)',
    impressions: 'Impresiones',
    clicks: 'Clics',
    addToCarts: 'Añadidos al carrito',
    orders: 'Pedidos',
    revenue: 'Ingresos',
    commission: 'Comisión',
    loading: 'Cargando…',
    linkInvalid: 'Este enlace no funciona. Puede haber caducado: pide uno nuevo a la tienda.',
  },
  fr: {
    title: 'Vos chiffres',
    period: '30 derniers jours (UTC)',
    impressions: 'Impressions',
    clicks: 'Clics',
    addToCarts: 'Ajouts au panier',
    orders: 'Commandes',
    revenue: 'Chiffre d’affaires',
    commission: 'Commission',
    loading: 'Chargement…',
    linkInvalid:
      'Ce lien ne fonctionne pas. Il a peut-être expiré : demandez-en un nouveau à la boutique.',
  },
  de: {
    title: 'Deine Zahlen',
    period: 'Letzte 30 Tage (UTC)',
    impressions: 'Impressionen',
    clicks: 'Klicks',
    addToCarts: 'In den Warenkorb',
    orders: 'Bestellungen',
    revenue: 'Umsatz',
    commission: 'Provision',
    loading: 'Wird geladen…',
    linkInvalid:
      'Dieser Link funktioniert nicht. Vielleicht ist er abgelaufen: Bitte den Shop um einen neuen.',
  },
  ru: {
    title: 'Ваши показатели',
    period: 'Последние 30 дней (UTC)',
    impressions: 'Показы',
    clicks: 'Клики',
    addToCarts: 'Добавления в корзину',
    orders: 'Заказы',
    revenue: 'Выручка',
    commission: 'Комиссия',
    loading: 'Загрузка…',
    linkInvalid:
      'Ссылка не работает. Возможно, срок её действия истёк: попросите у магазина новую.',
  },
  'pt-BR': {
    title: 'Seus números',
    period: 'Últimos 30 dias (UTC)',
    impressions: 'Impressões',
    clicks: 'Cliques',
    addToCarts: 'Adições ao carrinho',
    orders: 'Pedidos',
    revenue: 'Receita',
    commission: 'Comissão',
    loading: 'Carregando…',
    linkInvalid: 'Este link não funciona. Pode ter expirado: peça um novo à loja.',
  },
  ar: {
    title: 'أرقامك',
    period: 'آخر 30 يومًا (UTC)',
    impressions: 'مرات الظهور',
    clicks: 'النقرات',
    addToCarts: 'الإضافات إلى السلة',
    orders: 'الطلبات',
    revenue: 'الإيرادات',
    commission: 'العمولة',
    loading: 'جارٍ التحميل…',
    linkInvalid: 'هذا الرابط لا يعمل. ربما انتهت صلاحيته: اطلب رابطًا جديدًا من المتجر.',
  },
};
