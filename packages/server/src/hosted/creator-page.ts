import { html } from 'hono/html';
import type { AppContext } from '../context.js';
import { negotiateLocale, translator } from './i18n.js';
import { layout, sendPage } from './layout.js';
import { type CreatorKey, creatorMessages } from './messages/creator.js';

const FIGURES: CreatorKey[] = [
  'impressions',
  'clicks',
  'addToCarts',
  'orders',
  'revenue',
  'commission',
];

/**
 * GET /creator: the page a creator link opens. The server never sees the token (it is in the
 * URL's fragment): /assets/creator-report.js reads it and asks GET /v1/creator/report with it
 * in an Authorization header, then fills the figures in. The texts come from here, translated.
 */
export function creatorPage(c: AppContext) {
  const locale = negotiateLocale(c.req.query('lang'), c.req.header('accept-language'));
  const t = translator(creatorMessages, locale);
  const body = html`<h1>${t('title')}</h1>
<p>${t('period')}</p>
<div id="kiosk-creator" data-locale="${locale}" data-invalid="${t('linkInvalid')}">
<p data-status role="status">${t('loading')}</p>
<dl hidden>
${FIGURES.map((key) => html`<dt>${t(key)}</dt><dd data-figure="${key}"></dd>`)}
</dl>
</div>`;
  return sendPage(c, layout({ locale, title: t('title'), body, scripts: ['creator-report.js'] }));
}
