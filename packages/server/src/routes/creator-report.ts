import { createRoute } from '@hono/zod-openapi';
import { Hono } from 'hono';
import type { AppEnv } from '../context.js';
import { ApiError } from '../errors.js';
import { creatorPage } from '../hosted/creator-page.js';
import { bearer } from '../middleware/auth.js';
import { createRouter, errorResponses, jsonContent, Security } from '../openapi.js';
import { CreatorOwnReportSchema, ReportPeriodQuery } from '../schemas/analytics.js';
import { creatorOwnReport } from '../services/analytics-reports.js';
import { verifyCreatorToken } from '../services/creator-links.js';
import { reportPeriod } from '../services/report-period.js';

/**
 * A creator's own figures (GET /v1/creator/report): the token of their signed link, sent by
 * the hosted page (GET /creator) as a Bearer header, shows their ref's row and nothing else.
 */
export const creatorReportRoutes = createRouter();

creatorReportRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/report',
    operationId: 'getCreatorReport',
    tags: ['analytics'],
    summary: "A creator's own figures over UTC days, with their signed link's token",
    security: Security.creator,
    request: { query: ReportPeriodQuery },
    responses: {
      200: jsonContent(CreatorOwnReportSchema, "The link's ref: its row only"),
      ...errorResponses(400, 401),
    },
  }),
  async (c) => {
    const token = bearer(c.req.header('authorization'));
    const { deps } = c.var;
    const granted = token ? await verifyCreatorToken(deps.db, token, deps.now()) : null;
    if (!granted) throw new ApiError('invalid_token', 'The creator link is invalid or expired.');
    const { from, to } = c.req.valid('query');
    const report = await creatorOwnReport(
      deps.db,
      granted.store,
      reportPeriod(from, to),
      granted.ref,
    );
    return c.json(report, 200);
  },
);

/** GET /creator: the hosted page a creator link opens (its token stays in the fragment). */
export const creatorPageRoutes = new Hono<AppEnv>();
creatorPageRoutes.get('/', (c) => creatorPage(c));
