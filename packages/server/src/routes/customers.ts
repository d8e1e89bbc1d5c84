import { createRoute } from '@hono/zod-openapi';
import { ApiError } from '../errors.js';
import { requireCustomerId } from '../middleware/auth.js';
import { createRouter, errorResponses, jsonBody, jsonContent, Security, z } from '../openapi.js';
import { CustomerSchema } from '../schemas/customers.js';
import { findCustomer, toCustomerView, updateProfile } from '../services/customers.js';

/** The signed-in customer (/v1/customers/me). */
export const customerRoutes = createRouter();

customerRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/me',
    operationId: 'getCurrentCustomer',
    tags: ['customers'],
    summary: 'The signed-in customer',
    security: Security.customer,
    responses: {
      200: jsonContent(CustomerSchema, 'The customer'),
      ...errorResponses(401, 404),
    },
  }),
  async (c) => {
    const customerId = requireCustomerId(c);
    const customer = await findCustomer(c.var.deps.db, c.var.store.id, customerId);
    if (!customer) throw new ApiError('customer_not_found', 'No such customer.');
    return c.json(toCustomerView(customer), 200);
  },
);

customerRoutes.openapi(
  createRoute({
    method: 'patch',
    path: '/me',
    operationId: 'updateCurrentCustomer',
    tags: ['customers'],
    summary: "Updates the signed-in customer's name or personalization preference",
    security: Security.customer,
    request: {
      body: jsonBody(
        z
          .object({
            name: z
              .string()
              .trim()
              .min(1)
              .max(100)
              .refine((s) => !/\p{Cc}/u.test(s), 'No control characters.')
              .optional(),
            personalization: z.boolean().optional().openapi({
              description:
                'False: recommendations stop using their orders (docs/server/recommendations.md).',
            }),
          })
          .refine((b) => b.name !== undefined || b.personalization !== undefined, {
            message: 'Give a name or personalization.',
          }),
      ),
    },
    responses: {
      200: jsonContent(CustomerSchema, 'The updated customer'),
      ...errorResponses(400, 401, 404),
    },
  }),
  async (c) => {
    const customerId = requireCustomerId(c);
    const change = c.req.valid('json');
    const customer = await updateProfile(c.var.deps.db, c.var.store.id, customerId, change);
    if (!customer) throw new ApiError('customer_not_found', 'No such customer.');
    return c.json(toCustomerView(customer), 200);
  },
);
