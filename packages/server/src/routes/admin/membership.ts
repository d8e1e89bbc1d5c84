import { createRoute } from '@hono/zod-openapi';
import { type Membership, membershipSchema } from '../../db/types.js';
import { createRouter, errorResponses, jsonBody, jsonContent, Security } from '../../openapi.js';
import { updateStoreConfig } from '../../services/catalog-store.js';

/** Admin membership: tiers' perks, paid plans, early access (docs/server/membership.md). */
export const adminMembershipRoutes = createRouter();

const noMembership: Membership = { tiers: [], plans: [], earlyAccess: [] };

adminMembershipRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/',
    operationId: 'adminGetMembership',
    tags: ['admin'],
    summary: "The store's membership: each tier's perks, paid plans, early access",
    security: Security.admin,
    responses: {
      200: jsonContent(membershipSchema, 'The membership (empty lists: no perks)'),
      ...errorResponses(401),
    },
  }),
  (c) => c.json(c.var.store.settings.membership ?? noMembership, 200),
);

adminMembershipRoutes.openapi(
  createRoute({
    method: 'put',
    path: '/',
    operationId: 'adminPutMembership',
    tags: ['admin'],
    summary: "Replace the store's membership",
    description:
      'Tiers are named as in the points rules (pointsRules.tiers), which rank them; a plan or an early access window names such tiers too.',
    security: Security.admin,
    request: { body: jsonBody(membershipSchema) },
    responses: {
      200: jsonContent(membershipSchema, 'The membership as stored'),
      ...errorResponses(400, 401),
    },
  }),
  async (c) => {
    const membership = c.req.valid('json');
    const store = await updateStoreConfig(c.var.deps.db, c.var.store.id, {
      settings: { membership },
    });
    return c.json(store.settings.membership ?? noMembership, 200);
  },
);
