import { createRoute } from '@hono/zod-openapi';
import { publicOrigin } from '../../context.js';
import { createRouter, errorResponses, jsonContent, Security, z } from '../../openapi.js';
import {
  CreatorsReportSchema,
  FunnelReportSchema,
  Ref,
  ReportPeriodQuery,
} from '../../schemas/analytics.js';
import { creatorsReport, funnelReport } from '../../services/analytics-reports.js';
import { signCreatorToken } from '../../services/creator-links.js';
import { isCurrencyCode } from '../../services/money.js';
import { reportPeriod } from '../../services/report-period.js';

/** Admin reports (/admin/v1/reports) and creator links (/admin/v1/creators). */
export const adminReportRoutes = createRouter();
export const adminCreatorRoutes = createRouter();

adminReportRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/creators',
    operationId: 'adminCreatorsReport',
    tags: ['admin', 'analytics'],
    summary:
      'Per creator ref: impressions, clicks, add to carts, paid orders, revenue and commission per currency (UTC days)',
    security: Security.admin,
    request: {
      query: ReportPeriodQuery.extend({
        currency: z.string().refine(isCurrencyCode, 'Not an ISO 4217 code').optional(),
      }),
    },
    responses: {
      200: jsonContent(CreatorsReportSchema, 'One row per ref, by ref'),
      ...errorResponses(400, 401),
    },
  }),
  async (c) => {
    const { from, to, currency } = c.req.valid('query');
    const period = reportPeriod(from, to);
    const report = await creatorsReport(c.var.deps.db, c.var.store, period, { currency });
    return c.json(report, 200);
  },
);

adminReportRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/funnel',
    operationId: 'adminFunnelReport',
    tags: ['admin', 'analytics'],
    summary:
      'By UTC day and channel: impressions, views, add to carts, begin checkouts, purchases, revenue',
    security: Security.admin,
    request: { query: ReportPeriodQuery },
    responses: {
      200: jsonContent(FunnelReportSchema, 'One row per day and channel with any activity'),
      ...errorResponses(400, 401),
    },
  }),
  async (c) => {
    const { from, to } = c.req.valid('query');
    return c.json(await funnelReport(c.var.deps.db, c.var.store, reportPeriod(from, to)), 200);
  },
);

const CreatorLinkSchema = z
  .object({
    url: z.string().openapi({
      description:
        "The hosted page of the creator's own figures; its token is in the fragment (#t=…), which browsers never send to a server.",
    }),
    expiresAt: z.string(),
  })
  .openapi('CreatorLink');

adminCreatorRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/{ref}/link',
    operationId: 'adminCreateCreatorLink',
    tags: ['admin', 'analytics'],
    summary: "A signed link (90 days) to a page of one creator's own figures",
    security: Security.admin,
    request: {
      params: z.object({
        ref: Ref,
      }),
    },
    responses: {
      201: jsonContent(CreatorLinkSchema, 'The link'),
      ...errorResponses(400, 401),
    },
  }),
  async (c) => {
    const origin = publicOrigin(c);
    const { ref } = c.req.valid('param');
    const { token, expiresAt } = await signCreatorToken(c.var.store, ref, origin, c.var.deps.now());
    return c.json({ url: `${origin}/creator#t=${token}`, expiresAt: expiresAt.toISOString() }, 201);
  },
);
