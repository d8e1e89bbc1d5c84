import { createRoute } from '@hono/zod-openapi';
import { requireCustomerId } from '../middleware/auth.js';
import { createRouter, errorResponses, jsonBody, jsonContent, Security, z } from '../openapi.js';
import { MembershipStatusSchema } from '../schemas/membership.js';
import { membershipView, setBirthday } from '../services/membership-view.js';

/** The signed-in shopper's membership: tier, perks, progress, paid plan, birthday (/v1/membership). */
export const membershipRoutes = createRouter();

membershipRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/',
    operationId: 'getMembership',
    tags: ['points'],
    summary: 'Tier, its perks, progress to the next tier, the paid plan and the birthday',
    security: Security.customer,
    responses: {
      200: jsonContent(MembershipStatusSchema, 'The membership'),
      ...errorResponses(401),
    },
  }),
  async (c) => {
    const customerId = requireCustomerId(c);
    const { db, now } = c.var.deps;
    return c.json(await membershipView(db, c.var.store, customerId, now()), 200);
  },
);

membershipRoutes.openapi(
  createRoute({
    method: 'put',
    path: '/birthday',
    operationId: 'setBirthday',
    tags: ['points'],
    summary: "Set the shopper's birthday (month and day) for the tier's birthday gift",
    security: Security.customer,
    request: {
      body: jsonBody(
        z
          .object({
            month: z.number().int().min(1).max(12),
            day: z.number().int().min(1).max(31),
          })
          .strict()
          // Checked against a leap year: 29 February is a birthday (given on the 28th otherwise).
          .refine(
            (b) => new Date(Date.UTC(2000, b.month - 1, b.day)).getUTCDate() === b.day,
            'No such day in that month',
          ),
      ),
    },
    responses: {
      200: jsonContent(MembershipStatusSchema, 'The membership'),
      ...errorResponses(400, 401),
    },
  }),
  async (c) => {
    const customerId = requireCustomerId(c);
    const { db, now } = c.var.deps;
    await setBirthday(db, c.var.store, customerId, c.req.valid('json'));
    return c.json(await membershipView(db, c.var.store, customerId, now()), 200);
  },
);
