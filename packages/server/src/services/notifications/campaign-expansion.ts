import { and, asc, eq, exists, isNotNull, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db, Tx } from '../../db/index.js';
import {
  type CampaignRow,
  campaigns,
  NOTIFICATION_TOPICS,
  type NotificationTopic,
  orderLines,
  orders,
  pointsEntries,
  products,
  stores,
  notificationSubscriptions as subs,
} from '../../db/schema/index.js';
import { isUuid } from '../../uuid.js';
import type { Store } from '../stores.js';
import { deepLink, pickLocalized } from './message-content.js';
import { enqueueMessages } from './outbox.js';

/**
 * A campaign's audience as the admin API stores it (spec "Admin API"). Each filter narrows
 * the one before; what each means, as far as Kiosk's data goes:
 * - `topic` (default `promotions`): subscriptions to that topic. Promotions go only to
 *   shoppers who opted in to promotions, never to a back-in-stock subscription.
 * - `tier`: signed-in shoppers whose loyalty tier (lifetime points, as the points API
 *   reckons it) has that name; guests' subscriptions have no tier and are left out.
 * - `locale`: the subscription's language: `de` matches `de` and `de-AT`, `pt-BR` only `pt-BR`.
 * - `country`: Kiosk stores no address or country for a subscription; the region of its
 *   locale stands in (`pt-BR` → BR, `de-AT` → AT). A locale without region matches no country.
 * - `watchers`: product (id or handle): shoppers (the same customer, or the same address)
 *   who also hold a live back-in-stock or price-drop subscription to it.
 * - `buyers`: product (id or handle): shoppers with a paid order of it (the same customer,
 *   or an email subscription to the order's address).
 */
export interface CampaignAudience {
  topic?: NotificationTopic;
  tier?: string;
  locale?: string;
  country?: string;
  watchers?: string;
  buyers?: string;
}

const text = (v: unknown) => (typeof v === 'string' && v ? v : undefined);

function audienceOf(raw: Record<string, unknown>): CampaignAudience {
  const topic = NOTIFICATION_TOPICS.find((t) => t === raw.topic) ?? 'promotions';
  return {
    topic,
    tier: text(raw.tier),
    locale: text(raw.locale),
    country: text(raw.country),
    watchers: text(raw.watchers),
    buyers: text(raw.buyers),
  };
}

async function productIdOf(tx: Tx, store: Store, ref: string): Promise<string | null> {
  const [row] = await tx
    .select({ id: products.id })
    .from(products)
    .where(
      and(
        eq(products.storeId, store.id),
        isUuid(ref) ? eq(products.id, ref.toLowerCase()) : eq(products.handle, ref),
      ),
    );
  return row?.id ?? null;
}

/**
 * Lifetime points of the subscription's customer, as services/points-ledger.ts counts them:
 * earned and positive adjustments already available, less what returns took back of them
 * (reversals are debits), none of an entry a cancel or refund undid.
 */
function lifetimePoints(store: Store, now: Date) {
  const reversal = sql.raw('r');
  return sql<number>`(select coalesce(sum(${pointsEntries.points}
      + (select coalesce(sum(${reversal}.points), 0) from ${pointsEntries} ${reversal} where ${reversal}.reverses_id = ${pointsEntries.id})), 0)
    from ${pointsEntries}
    where ${pointsEntries.storeId} = ${store.id} and ${pointsEntries.customerId} = ${subs.customerId}
      and (${pointsEntries.kind} = 'earn' or (${pointsEntries.kind} = 'adjust' and ${pointsEntries.points} > 0))
      and ${pointsEntries.availableAt} <= ${now}
      and not exists (select 1 from ${pointsEntries} ${reversal}
        where ${reversal}.reverses_id = ${pointsEntries.id} and ${reversal}.return_id is null))`;
}

async function audienceFilters(
  tx: Tx,
  store: Store,
  audience: CampaignAudience,
  now: Date,
): Promise<SQL[] | null> {
  const filters: SQL[] = [];
  if (audience.tier) {
    const tiers = [...store.pointsRules.tiers].sort((a, b) => a.minLifetime - b.minLifetime);
    const at = tiers.findIndex((t) => t.name === audience.tier);
    if (at < 0) return null;
    const lifetime = lifetimePoints(store, now);
    const next = tiers[at + 1];
    filters.push(
      and(
        isNotNull(subs.customerId),
        sql`${lifetime} >= ${tiers[at]!.minLifetime}`,
        next ? sql`${lifetime} < ${next.minLifetime}` : undefined,
      )!,
    );
  }
  if (audience.locale) {
    const locale = audience.locale.toLowerCase();
    filters.push(
      sql`(lower(${subs.locale}) = ${locale} or lower(${subs.locale}) like ${`${locale}-%`})`,
    );
  }
  if (audience.country) {
    filters.push(
      sql`upper(split_part(${subs.locale}, '-', 2)) = ${audience.country.toUpperCase()}`,
    );
  }
  if (audience.watchers) {
    const productId = await productIdOf(tx, store, audience.watchers);
    if (!productId) return null;
    const w = alias(subs, 'w');
    filters.push(
      exists(
        tx
          .select({ one: sql`1` })
          .from(w)
          .where(
            and(
              eq(w.storeId, store.id),
              eq(w.productId, productId),
              sql`${w.topic} in ('back-in-stock', 'price-drop')`,
              isNull(w.removedAt),
              // The same shopper: their customer, or the same address.
              or(
                and(isNotNull(subs.customerId), eq(w.customerId, subs.customerId)),
                eq(w.address, subs.address),
              ),
            ),
          ),
      ),
    );
  }
  if (audience.buyers) {
    const productId = await productIdOf(tx, store, audience.buyers);
    if (!productId) return null;
    filters.push(
      exists(
        tx
          .select({ one: sql`1` })
          .from(orders)
          .innerJoin(orderLines, eq(orderLines.orderId, orders.id))
          .where(
            and(
              eq(orders.storeId, store.id),
              sql`${orders.status} in ('paid', 'refunded')`,
              eq(orderLines.productId, productId),
              or(
                and(isNotNull(subs.customerId), eq(orders.customerId, subs.customerId)),
                and(eq(subs.channel, 'email'), eq(sql`lower(${orders.email})`, subs.address)),
              ),
            ),
          ),
      ),
    );
  }
  return filters;
}

/**
 * Expands one due campaign into messages, in one transaction: one per matching live
 * confirmed subscription, with the unique key `campaign:<id>`, then the campaign is `sent`.
 * The campaign row is taken `FOR UPDATE SKIP LOCKED`, so a concurrent expansion (another
 * instance) skips it; and were both to get there, the unique key still writes each message once.
 */
async function expandCampaign(db: Db, campaignId: string, now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    const [campaign] = await tx
      .select()
      .from(campaigns)
      .where(and(eq(campaigns.id, campaignId), eq(campaigns.status, 'scheduled')))
      .for('update', { skipLocked: true });
    if (!campaign) return 0;
    const [store] = await tx.select().from(stores).where(eq(stores.id, campaign.storeId));
    if (!store) return 0;
    const audience = audienceOf(campaign.audience);
    const filters = await audienceFilters(tx, store, audience, now);
    const targets = filters
      ? await tx
          .select()
          .from(subs)
          .where(
            and(
              eq(subs.storeId, store.id),
              eq(subs.topic, audience.topic!),
              isNull(subs.removedAt),
              isNotNull(subs.confirmedAt),
              ...filters,
            ),
          )
      : [];
    const product = campaign.productId
      ? (
          await tx
            .select({ handle: products.handle })
            .from(products)
            .where(eq(products.id, campaign.productId))
        )[0]
      : undefined;
    const written = await enqueueMessages(
      tx,
      store.id,
      targets.map((sub) => {
        const title = pickLocalized(campaign.title, sub.locale, store.locales[0]);
        return {
          subscriptionId: sub.id,
          topic: audience.topic!,
          dedupeKey: `campaign:${campaign.id}`,
          campaignId: campaign.id,
          content: {
            title: title.text,
            body: pickLocalized(campaign.body, sub.locale, store.locales[0]).text,
            lang: title.lang,
            url: deepLink({
              settings: store.settings,
              sub,
              product: product?.handle,
              url: campaign.url,
              campaign: campaign.id,
            }),
          },
        };
      }),
      now,
    );
    await tx.update(campaigns).set({ status: 'sent' }).where(eq(campaigns.id, campaign.id));
    return written;
  });
}

/** Expands the campaigns whose send time has come; returns how many messages were written. */
export async function expandDueCampaigns(db: Db, now: Date, limit = 10): Promise<number> {
  const due: Pick<CampaignRow, 'id'>[] = await db
    .select({ id: campaigns.id })
    .from(campaigns)
    .where(and(eq(campaigns.status, 'scheduled'), lte(campaigns.sendAt, now)))
    .orderBy(asc(campaigns.sendAt))
    .limit(limit);
  let written = 0;
  for (const c of due) written += await expandCampaign(db, c.id, now);
  return written;
}
