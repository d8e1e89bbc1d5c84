import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/index.js';
import { notificationMessages, stores } from '../../db/schema/index.js';
import { isUuid } from '../../uuid.js';
import { derivedToken, safeEqual } from '../secrets.js';

export const RECEIPT_EVENTS = ['delivered', 'clicked', 'dismissed'] as const;
export type ReceiptEvent = (typeof RECEIPT_EVENTS)[number];

/**
 * The token a message's receipts and click link carry: HMAC-SHA256 of its id under the
 * store's own signing secret (the one its access tokens use). It proves the reporter saw
 * the message, and only that: it names no subscription and unlocks nothing else.
 */
export function receiptToken(tokenSecret: string, messageId: string): string {
  return derivedToken(tokenSecret, 'notification-receipt', messageId);
}

/** The message `id` if `token` is its receipt token: id, store and payload. */
export async function findMessageByReceipt(db: Db, id: string, token: string) {
  if (!isUuid(id) || token.length > 100) return undefined;
  const [row] = await db
    .select({
      id: notificationMessages.id,
      storeId: notificationMessages.storeId,
      payload: notificationMessages.payload,
      tokenSecret: stores.tokenSecret,
    })
    .from(notificationMessages)
    .innerJoin(stores, eq(stores.id, notificationMessages.storeId))
    .where(eq(notificationMessages.id, id.toLowerCase()))
    .limit(1);
  if (!row || !safeEqual(receiptToken(row.tokenSecret, row.id), token)) return undefined;
  return { id: row.id, storeId: row.storeId, payload: row.payload };
}

const columnOf = {
  delivered: notificationMessages.deliveredAt,
  clicked: notificationMessages.clickedAt,
  dismissed: notificationMessages.dismissedAt,
} as const;
const fieldOf = {
  delivered: 'deliveredAt',
  clicked: 'clickedAt',
  dismissed: 'dismissedAt',
} as const;

/**
 * Records a receipt the first time it comes (a repeat keeps the first time). A click or a
 * dismissal also proves delivery, which a service worker killed before its `delivered`
 * report went out, or a mail client, never reports.
 */
export async function recordReceipt(
  db: Db,
  messageId: string,
  event: ReceiptEvent,
  now: Date,
): Promise<void> {
  const events: ReceiptEvent[] = event === 'delivered' ? [event] : [event, 'delivered'];
  for (const e of events) {
    await db
      .update(notificationMessages)
      .set({ [fieldOf[e]]: now })
      .where(and(eq(notificationMessages.id, messageId), isNull(columnOf[e])));
  }
}

/** Where a message's link goes: its payload's http(s) `url`, if it has one. */
export function deepLinkOf(payload: Record<string, unknown>): string | null {
  const url = payload.url;
  if (typeof url !== 'string') return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.toString() : null;
  } catch {
    return null;
  }
}
