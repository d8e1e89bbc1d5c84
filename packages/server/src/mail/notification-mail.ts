import { html } from 'hono/html';
import { directionOf, translator } from '../hosted/i18n.js';
import { notificationMessages } from '../hosted/messages/notification-messages.js';
import { subscriberLocale } from '../services/notifications/message-content.js';
import type { Mail } from './mailer.js';

/**
 * A notification by mail: the message's text, its link (through the click redirect
 * `/n/{id}.{token}`, which records the click: no tracking pixel), and one-click unsubscribe
 * (RFC 8058: List-Unsubscribe with an https URL, List-Unsubscribe-Post). The Message-ID is
 * the message id, so a repeated send after a crash is recognisably the same mail.
 */
export async function notificationMail(input: {
  to: string;
  /** The subscription's locale: the frame's language (the text is already in it). */
  locale: string;
  store: string;
  messageId: string;
  /** The host part of the Message-ID (the server's public host). */
  host: string;
  title: string;
  body: string;
  /** The click redirect, or null when the message opens nothing. */
  link: string | null;
  unsubscribeUrl: string;
}): Promise<Mail> {
  const locale = subscriberLocale(input);
  const tr = translator(notificationMessages, locale);
  const why = tr('mailWhy', { store: input.store });
  const text = [
    input.body,
    ...(input.link ? ['', tr('mailOpen'), input.link] : []),
    '',
    '--',
    why,
    `${tr('mailUnsubscribe')} ${input.unsubscribeUrl}`,
  ].join('\n');
  const body = await html`<!doctype html>
<html lang="${locale}" dir="${directionOf(locale)}"><body>
<p>${input.body}</p>
${input.link ? html`<p>${tr('mailOpen')} <a href="${input.link}">${input.link}</a></p>` : ''}
<hr>
<p style="font-size:12px">${why}<br>${tr('mailUnsubscribe')} <a href="${input.unsubscribeUrl}">${input.unsubscribeUrl}</a></p>
</body></html>`;
  return {
    to: input.to,
    subject: input.title,
    text,
    html: body.toString(),
    language: locale,
    messageId: `<${input.messageId}@${input.host}>`,
    headers: {
      'List-Unsubscribe': `<${input.unsubscribeUrl}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  };
}
