import type { AppContext } from '../../context.js';
import { formFields } from '../../hosted/form.js';
import type { HostedLocale } from '../../hosted/i18n.js';
import { sendPage } from '../../hosted/layout.js';
import { isSameOriginPost } from '../../hosted/same-origin.js';
import { invalidRequestPage } from './pages.js';
import { localeOf, refuse } from './refuse.js';
import { type AuthorizationRequest, checkAuthorizationRequest } from './shared.js';

export type HostedPost =
  | {
      req: AuthorizationRequest;
      locale: HostedLocale;
      /** All the form's string fields, the authorization request's hidden ones included. */
      fields: Record<string, string>;
    }
  | { refused: Response | Promise<Response> };

/**
 * Reads a form posted by one of the hosted sign-in pages, which carries the authorization
 * request in hidden fields: the request it goes on with, or the answer that refuses it —
 * a post from another site (the CSRF check), or a request that does not check out.
 */
export async function readHostedPost(c: AppContext): Promise<HostedPost> {
  const fields = await formFields(c);
  const locale = localeOf(c, fields.ui_locales);
  if (!isSameOriginPost(c)) {
    return { refused: sendPage(c, invalidRequestPage(locale, 'errForeignPost'), { status: 400 }) };
  }
  const check = await checkAuthorizationRequest(c, fields);
  if (check.kind !== 'ok') return { refused: refuse(c, locale, check) };
  return { req: check.request, locale, fields };
}
