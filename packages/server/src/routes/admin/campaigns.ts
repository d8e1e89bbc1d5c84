import { createRoute } from '@hono/zod-openapi';
import type { AppContext } from '../../context.js';
import { ApiError, invalidField } from '../../errors.js';
import {
  createRouter,
  errorResponses,
  jsonBody,
  jsonContent,
  pageOf,
  pageQuery,
  Security,
  z,
} from '../../openapi.js';
import {
  CampaignSchema,
  type CampaignView,
  CreateCampaignSchema,
} from '../../schemas/notifications.js';
import { findProductRow } from '../../services/catalog.js';
import {
  type Campaign,
  type CampaignAudience,
  createCampaign,
  findCampaign,
  listCampaigns,
} from '../../services/notifications/campaigns.js';
import { canonicalLocale } from '../../services/notifications/subscription-input.js';
import { urlOnAllowedOrigin } from '../../services/stores.js';

/** Admin campaigns: a message to many shoppers, scheduled, then counted. */
export const adminCampaignRoutes = createRouter();

/** A send time this far in the past is still "now" (a clock a little behind the server's). */
const SEND_AT_SLACK_MS = 60_000;

function campaignView({ row, counts }: Campaign): CampaignView {
  return {
    id: row.id,
    status: row.status,
    sendAt: row.sendAt.toISOString(),
    title: row.title,
    body: row.body,
    productId: row.productId,
    url: row.url,
    audience: row.audience as CampaignView['audience'],
    counts,
    createdAt: row.createdAt.toISOString(),
  };
}

async function productId(c: AppContext, ref: string): Promise<string> {
  const row = await findProductRow(c.var.deps.db, c.var.store, ref);
  if (!row) throw new ApiError('product_not_found', `No product ${ref}.`);
  return row.id;
}

/** Texts keyed by canonical language tags, so the expansion matches a subscription's locale. */
function byCanonicalLocale(texts: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(texts).map(([tag, text]) => [canonicalLocale(tag)!, text]),
  );
}

adminCampaignRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/',
    operationId: 'adminCreateCampaign',
    tags: ['admin'],
    summary: 'Schedules a campaign: a message to an audience of subscribers',
    description:
      'At `sendAt` (default now) the audience is expanded into one message per live ' +
      "subscription, each in the subscription's language (else the store's, else `en`). " +
      'The message opens `product` (its page) or `url`, else the page the shopper subscribed on.',
    security: Security.admin,
    request: { body: jsonBody(CreateCampaignSchema) },
    responses: {
      201: jsonContent(CampaignSchema, 'The scheduled campaign'),
      ...errorResponses(400, 401, 404),
    },
  }),
  async (c) => {
    const input = c.req.valid('json');
    const { deps, store } = c.var;
    const now = deps.now();
    const sendAt = input.sendAt ? new Date(input.sendAt) : now;
    if (sendAt.getTime() < now.getTime() - SEND_AT_SLACK_MS) {
      throw invalidField('sendAt', 'In the past');
    }
    const url = input.url === undefined ? null : urlOnAllowedOrigin(store, input.url);
    if (input.url !== undefined && !url) {
      throw invalidField('url', "Not a page on one of the store's allowed origins");
    }
    const { watchers, buyers, tier, locale, ...rest } = input.audience;
    if (tier !== undefined && !store.pointsRules.tiers.some((t) => t.name === tier)) {
      throw invalidField('audience.tier', 'Not a tier of this store');
    }
    const audience: CampaignAudience = {
      ...rest,
      ...(tier === undefined ? {} : { tier }),
      ...(locale === undefined ? {} : { locale: canonicalLocale(locale)! }),
      ...(watchers === undefined ? {} : { watchers: await productId(c, watchers) }),
      ...(buyers === undefined ? {} : { buyers: await productId(c, buyers) }),
    };
    const campaign = await createCampaign(
      deps.db,
      store.id,
      {
        title: byCanonicalLocale(input.title),
        body: byCanonicalLocale(input.body),
        productId: input.product === undefined ? null : await productId(c, input.product),
        url,
        audience,
        sendAt,
      },
      now,
    );
    return c.json(campaignView(campaign), 201);
  },
);

adminCampaignRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/',
    operationId: 'adminListCampaigns',
    tags: ['admin'],
    summary: "The store's campaigns with their counts, newest first",
    security: Security.admin,
    request: { query: z.object(pageQuery) },
    responses: {
      200: jsonContent(pageOf(CampaignSchema, 'CampaignPage'), 'A page of campaigns'),
      ...errorResponses(400, 401),
    },
  }),
  async (c) => {
    const q = c.req.valid('query');
    const page = await listCampaigns(c.var.deps.db, c.var.store.id, q);
    return c.json({ items: page.items.map(campaignView), nextCursor: page.nextCursor }, 200);
  },
);

adminCampaignRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/{id}',
    operationId: 'adminGetCampaign',
    tags: ['admin'],
    summary: 'A campaign, with targeted, sent, delivered, clicked, failed and unsubscribed counts',
    security: Security.admin,
    request: { params: z.object({ id: z.string().uuid() }) },
    responses: {
      200: jsonContent(CampaignSchema, 'The campaign'),
      ...errorResponses(400, 401, 404),
    },
  }),
  async (c) => {
    const campaign = await findCampaign(c.var.deps.db, c.var.store.id, c.req.valid('param').id);
    if (!campaign) throw new ApiError('campaign_not_found', 'No such campaign.');
    return c.json(campaignView(campaign), 200);
  },
);
