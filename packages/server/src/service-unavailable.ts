import type { Context } from 'hono';
import { html } from 'hono/html';
import { RETRY_AFTER_SECONDS } from './db/faults.js';
import { ApiError } from './errors.js';
import { negotiateLocale, translator } from './hosted/i18n.js';
import { layout, sendPage } from './hosted/layout.js';
import { unavailableMessages } from './hosted/messages/unavailable.js';

/**
 * The answer while the database cannot serve a request: 503 `service_unavailable` with
 * `Retry-After`, never cached. Browsers (hosted sign-in and checkout pages, which they
 * navigate to) get a page in their language; API clients get the JSON error.
 */
export function serviceUnavailable(c: Context) {
  c.header('Retry-After', String(RETRY_AFTER_SECONDS));
  if (/\btext\/html\b/.test(c.req.header('accept') ?? '')) {
    const locale = negotiateLocale(
      c.req.query('ui_locales'),
      c.req.query('locale'),
      c.req.header('accept-language'),
    );
    const tr = translator(unavailableMessages, locale);
    const page = layout({
      locale,
      title: tr('title'),
      body: html`<h1>${tr('title')}</h1><p role="alert">${tr('body')}</p>`,
    });
    return sendPage(c, page, { status: 503 });
  }
  c.header('Cache-Control', 'no-store');
  return c.json(
    new ApiError(
      'service_unavailable',
      'The service is briefly unavailable. Retry after the Retry-After delay.',
    ).toJSON(),
    503,
  );
}
