import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { html } from 'hono/html';
import type { AppContext, AppEnv } from '../context.js';
import { stores } from '../db/schema/index.js';
import { formFields } from '../hosted/form.js';
import { type HostedLocale, negotiateLocale, translator } from '../hosted/i18n.js';
import { layout, sendPage } from '../hosted/layout.js';
import { notificationMessages } from '../hosted/messages/notifications.js';
import { topicSummary } from '../hosted/notification-topic.js';
import {
  confirmSubscription,
  findByUnsubscribeToken,
  findConfirmable,
  type ListedSubscription,
  unsubscribeWithToken,
} from '../services/notifications/subscriptions.js';

/**
 * The pages the links in messages open (/v1/notifications/confirm and /unsubscribe). They
 * take no store key: the token in the link is the capability (RFC 8058 designs the
 * unsubscribe URL so). A GET only shows a page with a button: mail scanners and link
 * previews follow links, so neither confirming nor unsubscribing happens on a GET.
 */
export const notificationPageRoutes = new Hono<AppEnv>();

/** The body field RFC 8058 one-click unsubscribe posts; the hosted button posts it too. */
const ONE_CLICK = { name: 'List-Unsubscribe', value: 'One-Click' };

const tokenOf = (c: AppContext) => {
  const token = c.req.query('token') ?? '';
  return token.length > 0 && token.length <= 100 ? token : null;
};

function localeFor(c: AppContext, sub?: ListedSubscription): HostedLocale {
  return negotiateLocale(sub?.row.locale, c.req.header('accept-language'));
}

async function storeName(c: AppContext, storeId: string): Promise<string> {
  const [row] = await c.var.deps.db
    .select({ name: stores.name })
    .from(stores)
    .where(eq(stores.id, storeId));
  return row?.name ?? '';
}

/** A page of these routes: a heading, a text and, to act, a form posting back to `action`. */
async function page(
  c: AppContext,
  locale: HostedLocale,
  content: { title: string; text: string; action?: { url: string; label: string } },
  status: 200 | 400 | 404 = 200,
) {
  const body = html`<h1>${content.title}</h1>
<p>${content.text}</p>
${
  content.action
    ? html`<form method="post" action="${content.action.url}">
<input type="hidden" name="${ONE_CLICK.name}" value="${ONE_CLICK.value}">
<button type="submit">${content.action.label}</button>
</form>`
    : ''
}`;
  return sendPage(c, layout({ locale, title: content.title, body }), { status });
}

/** The page for a link that names nothing (any more): expired, used, mistyped. */
export function linkInvalid(c: AppContext, status: 400 | 404 = 400) {
  const locale = localeFor(c);
  const tr = translator(notificationMessages, locale);
  return page(c, locale, { title: tr('linkInvalidTitle'), text: tr('linkInvalidText') }, status);
}

/** The words for one subscription: its topic, product and address, its store's name. */
async function describe(c: AppContext, sub: ListedSubscription) {
  const locale = localeFor(c, sub);
  return {
    locale,
    tr: translator(notificationMessages, locale),
    vars: {
      store: await storeName(c, sub.row.storeId),
      what: topicSummary(locale, sub.row.topic, sub.product?.title ?? null),
      address: sub.row.address,
    },
  };
}

notificationPageRoutes.get('/confirm', async (c) => {
  const token = tokenOf(c);
  const { deps } = c.var;
  const sub = token ? await findConfirmable(deps.db, token, deps.now()) : undefined;
  if (!sub || !token) return linkInvalid(c);
  const { locale, tr, vars } = await describe(c, sub);
  return page(c, locale, {
    title: tr('confirmTitle'),
    text: tr('confirmText', vars),
    action: {
      url: `/v1/notifications/confirm?token=${encodeURIComponent(token)}`,
      label: tr('confirmButton'),
    },
  });
});

notificationPageRoutes.post('/confirm', async (c) => {
  const token = tokenOf(c);
  const { deps } = c.var;
  const sub = token ? await confirmSubscription(deps.db, token, deps.now()) : undefined;
  if (!sub) return linkInvalid(c);
  const { locale, tr, vars } = await describe(c, sub);
  return page(c, locale, { title: tr('confirmedTitle'), text: tr('confirmedText', vars) });
});

notificationPageRoutes.get('/unsubscribe', async (c) => {
  const token = tokenOf(c);
  const sub = token ? await findByUnsubscribeToken(c.var.deps.db, token) : undefined;
  if (!sub || !token) return linkInvalid(c);
  const { locale, tr, vars } = await describe(c, sub);
  if (sub.row.removedAt) {
    return page(c, locale, { title: tr('unsubscribedTitle'), text: tr('unsubscribedText', vars) });
  }
  return page(c, locale, {
    title: tr('unsubscribeTitle'),
    text: tr('unsubscribeText', vars),
    action: {
      url: `/v1/notifications/unsubscribe?token=${encodeURIComponent(token)}`,
      label: tr('unsubscribeButton'),
    },
  });
});

/**
 * RFC 8058 one-click unsubscribe: the mail provider (or the page's button) posts
 * `List-Unsubscribe=One-Click` to the URL of the mail's List-Unsubscribe header. No origin
 * check: the provider posts from its own servers, and the token is what authorizes.
 */
notificationPageRoutes.post('/unsubscribe', async (c) => {
  const token = tokenOf(c);
  const fields = await formFields(c);
  if (!token || fields[ONE_CLICK.name] !== ONE_CLICK.value) return linkInvalid(c);
  const { deps } = c.var;
  await unsubscribeWithToken(deps.db, token, deps.now());
  // Removed now or before: the same answer, so a repeated post is harmless.
  const sub = await findByUnsubscribeToken(deps.db, token);
  if (!sub) return linkInvalid(c);
  const { locale, tr, vars } = await describe(c, sub);
  return page(c, locale, { title: tr('unsubscribedTitle'), text: tr('unsubscribedText', vars) });
});
