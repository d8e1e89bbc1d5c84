import { createRoute } from '@hono/zod-openapi';
import { ApiError } from '../errors.js';
import { createRouter, errorResponses, jsonBody, Security } from '../openapi.js';
import { ReceiptSchema } from '../schemas/notifications.js';
import {
  deepLinkOf,
  findMessageByReceipt,
  recordReceipt,
} from '../services/notifications/receipts.js';
import { linkInvalid } from './notification-pages.js';

/**
 * What happened to a message after it was sent: the service worker's receipts (it runs on
 * the brand's origin and holds no store key, only the message's receipt token) and the
 * email link that records a click on its way to the deep link.
 */
export const notificationReceiptRoutes = createRouter();

/** Where the message links of emails point: `/n/{messageId}.{token}`. */
export const CLICK_PATH = '/n';

notificationReceiptRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/v1/notifications/receipts',
    operationId: 'recordNotificationReceipt',
    tags: ['notifications'],
    summary: 'Reports that a pushed message was delivered, clicked or dismissed',
    description:
      "Sent by kiosk-sw.js with the payload's `receipt.token`; no store key. The first " +
      'report of each event counts; repeats change nothing. A click or a dismissal also ' +
      'counts as delivered.',
    security: Security.none,
    request: { body: jsonBody(ReceiptSchema) },
    responses: {
      204: { description: 'Recorded' },
      ...errorResponses(400, 404),
    },
  }),
  async (c) => {
    const { message, token, event } = c.req.valid('json');
    const { deps } = c.var;
    const found = await findMessageByReceipt(deps.db, message, token);
    if (!found) throw new ApiError('message_not_found', 'No such message.');
    await recordReceipt(deps.db, found.id, event, deps.now());
    return c.body(null, 204);
  },
);

/**
 * An email message's link (`/n/{messageId}.{receipt token}`): records the click, then
 * redirects to the deep link. A browser link like the hosted pages, so not in the API
 * document; the request log records `/n/{messageId}` only.
 */
notificationReceiptRoutes.get(`${CLICK_PATH}/:ref`, async (c) => {
  const ref = c.req.param('ref');
  const [id = '', token = ''] = ref.split('.');
  const { deps } = c.var;
  const found = await findMessageByReceipt(deps.db, id, token);
  const target = found ? deepLinkOf(found.payload) : null;
  if (!found || !target) return linkInvalid(c, 404);
  await recordReceipt(deps.db, found.id, 'clicked', deps.now());
  return c.redirect(target, 302);
});
