import { randomUUID } from 'node:crypto';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/index.js';
import {
  type CampaignRow,
  campaigns,
  type NotificationTopic,
  notificationMessages,
  notificationSubscriptions,
} from '../../db/schema/index.js';
import { afterNewest, cursorTimestamp, toPage } from '../../pagination.js';
import { UNSUBSCRIBED } from './subscriptions.js';

/**
 * Who a campaign goes to, as stored for the expansion at `sendAt`: subscriptions of `topic`
 * (default promotions), narrowed by every other field given — the customer's tier, the
 * subscription's locale (language prefix matches: `de` takes `de-AT`), the customer's
 * country, watchers of a product (a live back-in-stock or price-drop subscription to it),
 * buyers of a product (a paid order with it). Products are kept by id.
 */
export interface CampaignAudience {
  topic: NotificationTopic;
  tier?: string;
  locale?: string;
  country?: string;
  watchers?: string;
  buyers?: string;
}

export interface CampaignInput {
  title: Record<string, string>;
  body: Record<string, string>;
  productId: string | null;
  url: string | null;
  audience: CampaignAudience;
  sendAt: Date;
}

export interface CampaignCounts {
  targeted: number;
  sent: number;
  delivered: number;
  clicked: number;
  failed: number;
  unsubscribed: number;
}

export interface Campaign {
  row: CampaignRow;
  counts: CampaignCounts;
}

const noCounts: CampaignCounts = {
  targeted: 0,
  sent: 0,
  delivered: 0,
  clicked: 0,
  failed: 0,
  unsubscribed: 0,
};

/** Schedules a campaign; the send-notifications job expands it into messages at `sendAt`. */
export async function createCampaign(
  db: Db,
  storeId: string,
  input: CampaignInput,
  now: Date,
): Promise<Campaign> {
  const [row] = await db
    .insert(campaigns)
    .values({
      id: randomUUID(),
      storeId,
      title: input.title,
      body: input.body,
      productId: input.productId,
      url: input.url,
      audience: { ...input.audience },
      sendAt: input.sendAt,
      status: 'scheduled',
      createdAt: now,
    })
    .returning();
  return { row: row!, counts: noCounts };
}

const m = notificationMessages;
const s = notificationSubscriptions;
const count = (condition?: ReturnType<typeof sql>) =>
  (condition
    ? sql<number>`cast(count(*) filter (where ${condition}) as int)`
    : sql<number>`cast(count(*) as int)`
  ).mapWith(Number);

/**
 * Counts from the campaign's messages: targeted (every message), sent, delivered, clicked
 * (receipts), failed (given up on, or the push service said the subscription is gone —
 * not one dropped because the shopper unsubscribed first), unsubscribed (subscriptions
 * removed after a message of the campaign reached them, purged ones included).
 */
async function countsOf(
  db: Db,
  storeId: string,
  ids: string[],
): Promise<Map<string, CampaignCounts>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({
      campaignId: m.campaignId,
      targeted: count(),
      // Sent, not being sent: a message in flight holds a `sentAt` (its place under the cap).
      sent: count(sql`${m.status} = 'sent'`),
      delivered: count(sql`${m.deliveredAt} is not null`),
      clicked: count(sql`${m.clickedAt} is not null`),
      failed: count(
        sql`${m.status} = 'failed' or (${m.status} = 'dropped' and ${m.error} is distinct from ${UNSUBSCRIBED})`,
      ),
      unsubscribed: count(
        sql`${m.status} = 'sent' and coalesce(${s.removedAt}, ${m.subscriptionRemovedAt}) > ${m.sentAt}`,
      ),
    })
    .from(m)
    // A left join: the purge deletes long-removed subscriptions and keeps their campaign
    // messages, detached, with the removal time copied onto them.
    .leftJoin(s, eq(s.id, m.subscriptionId))
    .where(and(eq(m.storeId, storeId), inArray(m.campaignId, ids)))
    .groupBy(m.campaignId);
  return new Map(rows.map(({ campaignId, ...counts }) => [campaignId!, counts]));
}

/** One of the store's campaigns with its counts; undefined for another store's. */
export async function findCampaign(
  db: Db,
  storeId: string,
  id: string,
): Promise<Campaign | undefined> {
  const [row] = await db
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.storeId, storeId), eq(campaigns.id, id)));
  if (!row) return undefined;
  const counts = await countsOf(db, storeId, [row.id]);
  return { row, counts: counts.get(row.id) ?? noCounts };
}

/** The store's campaigns, newest first, a page at a time. */
export async function listCampaigns(
  db: Db,
  storeId: string,
  page: { first: number; after?: string },
) {
  const rows = await db
    .select({ row: campaigns, cursorAt: cursorTimestamp(campaigns.createdAt) })
    .from(campaigns)
    .where(
      and(
        eq(campaigns.storeId, storeId),
        page.after ? afterNewest(page.after, campaigns.createdAt, campaigns.id) : undefined,
      ),
    )
    .orderBy(desc(campaigns.createdAt), desc(campaigns.id))
    .limit(page.first + 1);
  const { items, nextCursor } = toPage(rows, page.first, (r) => [r.cursorAt, r.row.id]);
  const counts = await countsOf(
    db,
    storeId,
    items.map((i) => i.row.id),
  );
  return {
    items: items.map(({ row }) => ({ row, counts: counts.get(row.id) ?? noCounts })),
    nextCursor,
  };
}
