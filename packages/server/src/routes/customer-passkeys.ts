import { createRoute } from '@hono/zod-openapi';
import { ApiError } from '../errors.js';
import { requireCustomerId } from '../middleware/auth.js';
import { createRouter, errorResponses, jsonContent, Security, z } from '../openapi.js';
import { PasskeyListSchema } from '../schemas/passkeys.js';
import { listPasskeys, type Passkey, removePasskey } from '../services/auth/passkeys.js';

/** The signed-in shopper's passkeys (/v1/customers/me/passkeys): see them, remove one. */
export const customerPasskeyRoutes = createRouter();

function toView(p: Passkey) {
  return {
    id: p.id,
    name: p.name,
    createdAt: p.createdAt.toISOString(),
    lastUsedAt: p.lastUsedAt?.toISOString() ?? null,
  };
}

customerPasskeyRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/me/passkeys',
    operationId: 'listCurrentCustomerPasskeys',
    tags: ['customers'],
    summary: "The signed-in customer's passkeys, oldest first",
    security: Security.customer,
    responses: {
      200: jsonContent(PasskeyListSchema, 'The passkeys'),
      ...errorResponses(401),
    },
  }),
  async (c) => {
    const customerId = requireCustomerId(c);
    const rows = await listPasskeys(c.var.deps.db, c.var.store.id, customerId);
    return c.json({ items: rows.map(toView) }, 200);
  },
);

customerPasskeyRoutes.openapi(
  createRoute({
    method: 'delete',
    path: '/me/passkeys/{id}',
    operationId: 'removeCurrentCustomerPasskey',
    tags: ['customers'],
    summary: 'Removes one of the signed-in customer’s passkeys',
    description: 'The passkey stops working at once; the authenticator may still list it.',
    security: Security.customer,
    request: { params: z.object({ id: z.string().uuid() }) },
    responses: {
      204: { description: 'Removed' },
      ...errorResponses(400, 401, 404),
    },
  }),
  async (c) => {
    const customerId = requireCustomerId(c);
    const { id } = c.req.valid('param');
    const removed = await removePasskey(c.var.deps.db, c.var.store.id, customerId, id);
    if (!removed) throw new ApiError('passkey_not_found', 'No such passkey.');
    return c.body(null, 204);
  },
);
