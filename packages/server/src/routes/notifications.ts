import { createRoute } from '@hono/zod-openapi';
import { type AppContext, publicOrigin } from '../context.js';
import { describeError } from '../db/faults.js';
import { NOTIFICATION_TOPICS } from '../db/schema/index.js';
import { ApiError, invalidField } from '../errors.js';
import { negotiateLocale } from '../hosted/i18n.js';
import { sendCachedJson } from '../http-cache.js';
import { subscriptionConfirmMail } from '../mail/subscription-confirm-mail.js';
import { requireCustomerId } from '../middleware/auth.js';
import { createRouter, errorResponses, jsonBody, jsonContent, Security, z } from '../openapi.js';
import { bucketKey } from '../rate-limit/buckets.js';
import { rateLimiterOf, rateLimitRule, withLimiter } from '../rate-limit/middleware.js';
import {
  NewNotificationSubscriptionSchema,
  NotificationConfigSchema,
  NotificationSubscriptionListSchema,
  type NotificationSubscriptionView,
  RenewPushSubscriptionRequestSchema,
  SubscribeRequestSchema,
  SubscriptionLookupSchema,
} from '../schemas/notifications.js';
import { findProductRow } from '../services/catalog.js';
import { findCustomer, isPlausibleEmail, normalizeEmail } from '../services/customers.js';
import { canonicalLocale } from '../services/notifications/subscription-input.js';
import {
  ACCOUNT_TOPICS,
  forgetSubscription,
  type ListedSubscription,
  listByTokens,
  listCustomerSubscriptions,
  listedSubscription,
  removeCustomerSubscription,
  removeSubscriptionWithToken,
  renewPushSubscriptions,
  subscribe,
  subscriptionStatus,
} from '../services/notifications/subscriptions.js';
import { vapidKeys } from '../services/notifications/vapid-keys.js';
import { urlOnAllowedOrigin } from '../services/stores.js';

/**
 * A shopper's notification subscriptions (/v1/notifications): what can be subscribed to,
 * subscribing (push or email, with double opt-in for a typed address), seeing and removing
 * them. The key-less links in messages (confirm, unsubscribe, receipts) are in
 * notification-pages.ts and notification-receipts.ts.
 */
export const notificationRoutes = createRouter();

/** The header a guest's device proves a subscription with (its unsubscribe token). */
export const UNSUBSCRIBE_TOKEN_HEADER = 'x-kiosk-unsubscribe-token';

export function subscriptionView({
  row,
  product,
}: ListedSubscription): NotificationSubscriptionView {
  return {
    id: row.id,
    topic: row.topic,
    channel: row.channel,
    ...(product ? { product } : {}),
    ...(row.channel === 'email' ? { email: row.address } : {}),
    status: subscriptionStatus(row),
    createdAt: row.createdAt.toISOString(),
  };
}

notificationRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/config',
    operationId: 'getNotificationConfig',
    tags: ['notifications'],
    summary: 'What a shopper can subscribe to, and how',
    security: Security.storeKey,
    responses: {
      200: jsonContent(NotificationConfigSchema, 'The VAPID key, topics and channels'),
      304: { description: 'Not modified (If-None-Match)' },
      ...errorResponses(401),
    },
  }),
  async (c) => {
    const { publicKey } = await vapidKeys(c.var.deps.db);
    return sendCachedJson(c, {
      vapidPublicKey: publicKey,
      topics: [...NOTIFICATION_TOPICS],
      channels: { push: true, email: c.var.deps.mailer !== undefined },
    });
  },
);

/** The address an email subscription goes to, and whether it needs the double opt-in. */
async function emailAddress(c: AppContext, typed: string | undefined) {
  const { deps, store } = c.var;
  const customerId = c.var.customerId;
  const customer = customerId ? await findCustomer(deps.db, store.id, customerId) : undefined;
  const own = customer ? normalizeEmail(customer.email) : null;
  const address = typed === undefined ? own : normalizeEmail(typed);
  if (address === null) throw invalidField('email', 'Required for a guest');
  if (!isPlausibleEmail(address)) throw invalidField('email', 'Not an email address');
  return { address, confirmed: address === own };
}

/** Per recipient: a typed address gets at most a few opt-in mails, whoever asks. */
async function limitMailsTo(c: AppContext, address: string) {
  const { deps, store } = c.var;
  const rule = rateLimitRule(deps, 'notification-emails-per-email');
  const hit = await withLimiter(c, () =>
    rateLimiterOf(deps).hit(
      { storeId: store.id, key: bucketKey('notification-emails-per-email', address) },
      rule.limit,
      rule.windowMs,
    ),
  );
  if (!hit.allowed) {
    c.header('Retry-After', String(hit.retryAfterSeconds));
    throw new ApiError(
      'rate_limited',
      `Too many confirmation mails to this address; try again in ${hit.retryAfterSeconds} s.`,
      { retryAfterSeconds: hit.retryAfterSeconds },
    );
  }
}

notificationRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/subscriptions',
    operationId: 'createNotificationSubscription',
    tags: ['notifications'],
    summary: 'Subscribes this browser (push) or an address (email) to a topic',
    description:
      'Push: the PushSubscription of this browser, active at once. Email: the signed-in ' +
      "shopper's own address is active at once; a typed one gets a double opt-in mail and " +
      "stays 'pending' until its link is followed. The same live subscription again " +
      'answers 200 with it (no token). points-expiry and order-updates need a signed-in shopper.',
    security: Security.customer,
    request: { body: jsonBody(SubscribeRequestSchema) },
    responses: {
      200: jsonContent(NewNotificationSubscriptionSchema, 'Already subscribed'),
      201: jsonContent(NewNotificationSubscriptionSchema, 'Subscribed'),
      ...errorResponses(400, 401, 404, 422, 429, 503),
    },
  }),
  async (c) => {
    const body = c.req.valid('json');
    const { deps, store } = c.var;
    const customerId = c.var.customerId;
    if (ACCOUNT_TOPICS.includes(body.topic) && !customerId) {
      throw new ApiError('unauthenticated', 'Sign in to subscribe to this topic.');
    }
    const landingUrl =
      body.landingUrl === undefined ? null : urlOnAllowedOrigin(store, body.landingUrl);
    if (body.landingUrl !== undefined && !landingUrl) {
      throw invalidField('landingUrl', "Not a page on one of the store's allowed origins");
    }
    const product = body.product ? await findProductRow(deps.db, store, body.product) : undefined;
    if (body.product && !product) throw new ApiError('product_not_found', 'No such product.');

    let address: string;
    let confirmed = true;
    if (body.channel === 'email') {
      if (!deps.mailer) {
        throw new ApiError('channel_unavailable', 'This server sends no email.');
      }
      ({ address, confirmed } = await emailAddress(c, body.email));
      if (!confirmed) await limitMailsTo(c, address);
    } else {
      address = body.push!.endpoint;
    }

    const now = deps.now();
    const result = await subscribe(
      deps.db,
      {
        storeId: store.id,
        tokenSecret: store.tokenSecret,
        customerId,
        channel: body.channel,
        topic: body.topic,
        productId: product?.id ?? null,
        address,
        push: body.push ? body.push.keys : null,
        locale: (body.locale && canonicalLocale(body.locale)) || store.locales[0] || 'en',
        timeZone: body.timeZone ?? 'UTC',
        landingUrl,
        confirmed,
      },
      now,
    );
    const view = subscriptionView(await listedSubscription(deps.db, result.row));
    if (result.confirmToken) {
      const link = `${publicOrigin(c)}/v1/notifications/confirm?token=${result.confirmToken}`;
      try {
        const mail = await subscriptionConfirmMail({
          locale: negotiateLocale(result.row.locale),
          to: address,
          store: store.name,
          topic: body.topic,
          product: product?.title ?? null,
          link,
        });
        await deps.mailer!.send(mail);
      } catch (err) {
        // No mail, no new subscription: the shopper's retry makes it again and mails again.
        if (result.created) await forgetSubscription(deps.db, result.row.id);
        deps.log.warn('subscription mail not sent', {
          requestId: c.get('requestId'),
          ...describeError(err),
        });
        c.header('Retry-After', '5');
        throw new ApiError('service_unavailable', 'The confirmation mail could not be sent.');
      }
    }
    if (!result.created) return c.json(view, 200);
    // The token is kept only as a hash: an Idempotency-Key must not store the answer with it.
    c.set('idempotencyNoStore', true);
    return c.json({ ...view, unsubscribeToken: result.unsubscribeToken }, 201);
  },
);

notificationRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/subscriptions',
    operationId: 'listNotificationSubscriptions',
    tags: ['notifications'],
    summary: "The signed-in shopper's live subscriptions, newest first",
    description:
      'Every channel, pending ones included, at most 200. A guest lists the ones their ' +
      'device holds tokens for with POST /v1/notifications/subscriptions/lookup.',
    security: Security.customer,
    responses: {
      200: jsonContent(NotificationSubscriptionListSchema, 'The subscriptions'),
      ...errorResponses(401),
    },
  }),
  async (c) => {
    const customerId = requireCustomerId(c);
    const rows = await listCustomerSubscriptions(c.var.deps.db, c.var.store.id, customerId);
    return c.json({ items: rows.map(subscriptionView) }, 200);
  },
);

notificationRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/subscriptions/lookup',
    operationId: 'lookUpNotificationSubscriptions',
    tags: ['notifications'],
    summary: 'The live subscriptions whose unsubscribe tokens this device holds',
    description:
      "A guest's view of their subscriptions: the tokens go in the body, never in a URL. " +
      'Tokens that match nothing (removed, another store) are left out.',
    security: Security.storeKey,
    request: { body: jsonBody(SubscriptionLookupSchema) },
    responses: {
      200: jsonContent(NotificationSubscriptionListSchema, 'The subscriptions'),
      ...errorResponses(400, 401),
    },
  }),
  async (c) => {
    const { tokens } = c.req.valid('json');
    const rows = await listByTokens(c.var.deps.db, c.var.store.id, tokens);
    return c.json({ items: rows.map(subscriptionView) }, 200);
  },
);

notificationRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/subscriptions/renew',
    operationId: 'renewPushSubscription',
    tags: ['notifications'],
    summary: "Moves this browser's push subscriptions to the endpoint its push service rotated to",
    description:
      'kiosk-sw.js calls it on `pushsubscriptionchange`: every live push subscription at ' +
      '`oldEndpoint` in this store takes the new endpoint and keys (one the browser already ' +
      'has at the new endpoint is removed instead). The old endpoint is the proof: an ' +
      'unguessable URL only the browser and the server hold.',
    security: Security.storeKey,
    request: { body: jsonBody(RenewPushSubscriptionRequestSchema) },
    responses: {
      204: { description: 'Renewed' },
      ...errorResponses(400, 401, 404, 429),
    },
  }),
  async (c) => {
    const { oldEndpoint, push } = c.req.valid('json');
    const { deps, store } = c.var;
    const renewed = await renewPushSubscriptions(
      deps.db,
      store.id,
      oldEndpoint,
      { endpoint: push.endpoint, ...push.keys },
      deps.now(),
    );
    if (renewed === 0) {
      throw new ApiError('subscription_not_found', 'No push subscription at that endpoint.');
    }
    return c.body(null, 204);
  },
);

notificationRoutes.openapi(
  createRoute({
    method: 'delete',
    path: '/subscriptions/{id}',
    operationId: 'removeNotificationSubscription',
    tags: ['notifications'],
    summary: 'Removes a subscription: the signed-in shopper’s, or the one a token proves',
    description:
      `A guest sends the subscription's unsubscribe token in \`${UNSUBSCRIBE_TOKEN_HEADER}\`. ` +
      'Messages not yet sent for it are dropped.',
    security: Security.customer,
    request: {
      params: z.object({ id: z.string().uuid() }),
      headers: z.object({ [UNSUBSCRIBE_TOKEN_HEADER]: z.string().max(100).optional() }),
    },
    responses: {
      204: { description: 'Removed' },
      ...errorResponses(400, 401, 404),
    },
  }),
  async (c) => {
    const { id } = c.req.valid('param');
    const token = c.req.valid('header')[UNSUBSCRIBE_TOKEN_HEADER];
    const { deps, store } = c.var;
    const customerId = c.var.customerId;
    if (!customerId && !token) throw new ApiError('unauthenticated', 'Sign in first.');
    const now = deps.now();
    const removed =
      (customerId &&
        (await removeCustomerSubscription(deps.db, { storeId: store.id, customerId, id }, now))) ||
      (token &&
        (await removeSubscriptionWithToken(deps.db, { storeId: store.id, id, token }, now)));
    if (!removed) throw new ApiError('subscription_not_found', 'No such subscription.');
    return c.body(null, 204);
  },
);
