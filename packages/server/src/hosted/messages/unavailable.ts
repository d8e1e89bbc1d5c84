import type { Messages } from '../i18n.js';

export type UnavailableKey = 'title' | 'body';

/** The page a browser gets while the database is unreachable (503). */
export const unavailableMessages: Messages<UnavailableKey> = {
  en: {
    title: 'Temporarily unavailable',
    body: 'We cannot complete this right now. Please try again in a moment.',
  },
  'zh-CN': {
    title: '暂时无法使用',
    body: '我们现在无法完成此操作，请稍后再试。',
  },
  es: {
    title: 'No disponible temporalmente',
    body: 'Ahora mismo no podemos completar esto. Inténtalo de nuevo en un momento.',
  },
  fr: {
    title: 'Temporairement indisponible',
    body: 'Nous ne pouvons pas terminer cette action pour le moment. Réessayez dans un instant.',
  },
  de: {
    title: 'Vorübergehend nicht verfügbar',
    body: 'Das können wir gerade nicht abschließen. Bitte versuchen Sie es gleich noch einmal.',
  },
  ru: {
    title: 'Временно недоступно',
    body: 'Сейчас мы не можем это выполнить. Попробуйте ещё раз через минуту.',
  },
  'pt-BR': {
    title: 'Temporariamente indisponível',
    body: 'Não conseguimos concluir isso agora. Tente novamente em instantes.',
  },
  ar: {
    title: 'غير متاح مؤقتًا',
    body: 'لا يمكننا إتمام ذلك الآن. يُرجى المحاولة مرة أخرى بعد قليل.',
  },
};
