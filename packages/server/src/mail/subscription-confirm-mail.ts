import { html } from 'hono/html';
import type { NotificationTopic } from '../db/schema/index.js';
import { directionOf, type HostedLocale, translator } from '../hosted/i18n.js';
import { notificationMessages } from '../hosted/messages/notifications.js';
import { topicSummary } from '../hosted/notification-topic.js';
import type { Mail } from './mailer.js';

/** The double opt-in mail for an address a shopper typed, in their language. */
export async function subscriptionConfirmMail(input: {
  locale: HostedLocale;
  to: string;
  store: string;
  topic: NotificationTopic;
  product: string | null;
  link: string;
}): Promise<Mail> {
  const tr = translator(notificationMessages, input.locale);
  const what = topicSummary(input.locale, input.topic, input.product);
  const intro = tr('mailIntro', { store: input.store, what });
  const text = [intro, '', tr('mailLink'), input.link, '', tr('mailExpiry'), tr('mailIgnore')].join(
    '\n',
  );
  const body = await html`<!doctype html>
<html lang="${input.locale}" dir="${directionOf(input.locale)}"><body>
<p>${intro}</p>
<p>${tr('mailLink')} <a href="${input.link}">${input.link}</a></p>
<p>${tr('mailExpiry')}<br>${tr('mailIgnore')}</p>
</body></html>`;
  return {
    to: input.to,
    subject: tr('mailSubject', { store: input.store }),
    text,
    html: body.toString(),
    language: input.locale,
  };
}
