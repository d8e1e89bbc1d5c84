import { html } from 'hono/html';
import { directionOf, type HostedLocale, translator } from '../hosted/i18n.js';
import { emailCodeMessages } from '../hosted/messages/email-code.js';
import type { EmailCodePurpose } from '../services/auth/email-codes.js';
import type { Mail } from './mailer.js';

/** The mail with a sign-in (or reset) code and its magic link, in the page's language. */
export async function emailCodeMail(input: {
  locale: HostedLocale;
  to: string;
  store: string;
  purpose: EmailCodePurpose;
  code: string;
  link: string;
}): Promise<Mail> {
  const tr = translator(emailCodeMessages, input.locale);
  const reset = input.purpose === 'reset';
  const vars = { store: input.store, code: input.code };
  const intro = tr(reset ? 'mailResetIntro' : 'mailIntro', vars);
  const text = [
    intro,
    '',
    input.code,
    '',
    tr('mailLink'),
    input.link,
    '',
    tr('mailExpiry'),
    tr('mailIgnore'),
  ].join('\n');
  const body = await html`<!doctype html>
<html lang="${input.locale}" dir="${directionOf(input.locale)}"><body>
<p>${intro}</p>
<p style="font-size:28px;font-weight:bold;letter-spacing:4px">${input.code}</p>
<p>${tr('mailLink')} <a href="${input.link}">${input.link}</a></p>
<p>${tr('mailExpiry')}<br>${tr('mailIgnore')}</p>
</body></html>`;
  return {
    to: input.to,
    subject: tr(reset ? 'mailResetSubject' : 'mailSubject', vars),
    text,
    html: body.toString(),
    language: input.locale,
  };
}
