import type { AppContext } from '../../context.js';
import { type HostedLocale, negotiateLocale } from '../../hosted/i18n.js';
import { sendPage } from '../../hosted/layout.js';
import { answerClient } from './answer.js';
import { invalidRequestPage } from './pages.js';
import type { AuthorizationCheck } from './shared.js';

/** The page's language: the request's ui_locales, then the browser's Accept-Language. */
export function localeOf(c: AppContext, uiLocales: unknown): HostedLocale {
  return negotiateLocale(
    typeof uiLocales === 'string' ? uiLocales : undefined,
    c.req.header('accept-language'),
  );
}

/** Answers a request that cannot go on: an error page, or the error sent back to the client. */
export function refuse(
  c: AppContext,
  locale: HostedLocale,
  check: Exclude<AuthorizationCheck, { kind: 'ok' }>,
) {
  if (check.kind === 'fatal') {
    return sendPage(c, invalidRequestPage(locale, check.reason, check.detail), { status: 400 });
  }
  return answerClient(c, locale, check.request, {
    error: check.error,
    errorDescription: check.description,
  });
}
