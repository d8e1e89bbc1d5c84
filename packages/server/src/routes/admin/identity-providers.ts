import { createRoute } from '@hono/zod-openapi';
import { publicOrigin } from '../../context.js';
import { createRouter, errorResponses, jsonBody, jsonContent, Security, z } from '../../openapi.js';
import {
  deleteIdentityProvider,
  getIdentityProvider,
  identityProviderInput,
  identityProviderView,
  listIdentityProviders,
  PROVIDER_SLUG,
  putIdentityProvider,
} from '../../services/identity-providers.js';

/** Admin identity providers: the upstream OpenID Connect providers of the hosted sign-in page. */
export const adminIdentityProviderRoutes = createRouter();

const IdentityProviderSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    redirectUri: z.string().openapi({
      format: 'uri',
      description: 'The callback URL to register at the provider.',
      example: 'https://api.kiosk.example/oauth/providers/google/callback',
    }),
    issuer: z.string(),
    clientId: z.string(),
    scopes: z.array(z.string()),
    enabled: z.boolean().openapi({
      description: 'Whether the hosted sign-in page offers it and `provider=` takes it.',
    }),
    createdAt: z.string().openapi({ format: 'date-time' }),
    updatedAt: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('IdentityProvider', {
    description: 'An upstream OpenID Connect provider. The client secret is write-only.',
  });

const providerParams = z.object({
  id: z
    .string()
    .max(40)
    .openapi({ param: { name: 'id', in: 'path' }, example: 'google' }),
});

adminIdentityProviderRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/',
    operationId: 'adminListIdentityProviders',
    tags: ['admin'],
    summary: "The store's upstream identity providers",
    security: Security.admin,
    responses: {
      200: jsonContent(
        z.object({ data: z.array(IdentityProviderSchema) }).openapi('IdentityProviderList'),
        'The providers, oldest first',
      ),
      ...errorResponses(401),
    },
  }),
  async (c) => {
    const rows = await listIdentityProviders(c.var.deps.db, c.var.store.id);
    const origin = publicOrigin(c);
    return c.json({ data: rows.map((row) => identityProviderView(row, origin)) }, 200);
  },
);

adminIdentityProviderRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/{id}',
    operationId: 'adminGetIdentityProvider',
    tags: ['admin'],
    summary: 'One upstream identity provider',
    security: Security.admin,
    request: { params: providerParams },
    responses: {
      200: jsonContent(IdentityProviderSchema, 'The provider'),
      ...errorResponses(401, 404),
    },
  }),
  async (c) => {
    const row = await getIdentityProvider(c.var.deps.db, c.var.store.id, c.req.valid('param').id);
    return c.json(identityProviderView(row, publicOrigin(c)), 200);
  },
);

adminIdentityProviderRoutes.openapi(
  createRoute({
    method: 'put',
    path: '/{id}',
    operationId: 'adminPutIdentityProvider',
    tags: ['admin'],
    summary: 'Create or replace an upstream identity provider',
    description:
      'The id is a slug (`google`, `huawei`): lower-case letters, digits and dashes, as in ' +
      '`provider=` on /oauth/authorize. The issuer must serve OpenID Connect discovery. ' +
      "The redirect URI to register at the provider is the answer's `redirectUri`: `{Kiosk's public origin}/oauth/providers/{id}/callback`.",
    security: Security.admin,
    request: {
      params: z.object({
        id: providerParams.shape.id.regex(PROVIDER_SLUG, 'A lower-case slug (a-z, 0-9, -).'),
      }),
      body: jsonBody(identityProviderInput.openapi('IdentityProviderInput')),
    },
    responses: {
      200: jsonContent(IdentityProviderSchema, 'The provider, replaced'),
      201: jsonContent(IdentityProviderSchema, 'The provider, created'),
      ...errorResponses(400, 401),
    },
  }),
  async (c) => {
    const { db, now } = c.var.deps;
    const { row, created } = await putIdentityProvider(
      db,
      c.var.store.id,
      c.req.valid('param').id,
      c.req.valid('json'),
      now(),
    );
    return c.json(identityProviderView(row, publicOrigin(c)), created ? 201 : 200);
  },
);

adminIdentityProviderRoutes.openapi(
  createRoute({
    method: 'delete',
    path: '/{id}',
    operationId: 'adminDeleteIdentityProvider',
    tags: ['admin'],
    summary: 'Remove an upstream identity provider',
    description: 'Customers who signed in with it keep their accounts and other ways in.',
    security: Security.admin,
    request: { params: providerParams },
    responses: {
      204: { description: 'Removed' },
      ...errorResponses(401, 404),
    },
  }),
  async (c) => {
    await deleteIdentityProvider(c.var.deps.db, c.var.store.id, c.req.valid('param').id);
    return c.body(null, 204);
  },
);
