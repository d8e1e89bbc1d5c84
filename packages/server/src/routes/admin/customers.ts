import { createRoute } from '@hono/zod-openapi';
import { createRouter, errorResponses, jsonBody, jsonContent, Security, z } from '../../openapi.js';
import { mintSessionToken } from '../../services/auth/session-tokens.js';
import { isPlausibleEmail, normalizeEmail } from '../../services/customers.js';

/** Admin customers: single sign-on session tokens. */
export const adminCustomerRoutes = createRouter();

adminCustomerRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/session-tokens',
    operationId: 'adminCreateSessionToken',
    tags: ['admin'],
    summary: 'Mints a single sign-on token for a customer of the brand (created if missing)',
    description:
      'The token is single use and lives 5 minutes. The browser exchanges it at /oauth/token ' +
      '(grant_type urn:ietf:params:oauth:grant-type:token-exchange, subject_token_type ' +
      'urn:kiosk:params:oauth:token-type:session_token).',
    security: Security.admin,
    request: {
      body: jsonBody(
        z.object({
          email: z
            .string()
            .max(254)
            .transform(normalizeEmail)
            .refine(isPlausibleEmail, 'Not an email address.'),
          name: z.string().trim().max(100).optional(),
        }),
      ),
    },
    responses: {
      201: jsonContent(
        z
          .object({
            token: z.string(),
            expiresAt: z.string().openapi({ format: 'date-time' }),
          })
          .openapi('SessionToken'),
        'The session token (shown once)',
      ),
      ...errorResponses(400, 401),
    },
  }),
  async (c) => {
    const input = c.req.valid('json');
    const { token, expiresAt } = await mintSessionToken(
      c.var.deps.db,
      c.var.store.id,
      input,
      c.var.deps.now(),
    );
    c.header('Cache-Control', 'no-store');
    c.set('idempotencyNoStore', true);
    return c.json({ token, expiresAt: expiresAt.toISOString() }, 201);
  },
);
