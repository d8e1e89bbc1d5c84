import { createRoute } from '@hono/zod-openapi';
import { publicOrigin } from '../context.js';
import { hostedLocales } from '../hosted/i18n.js';
import { createRouter, jsonContent, Security, z } from '../openapi.js';

/** OAuth authorization server metadata, RFC 8414 (/.well-known). */
export const wellKnownRoutes = createRouter();

const Metadata = z
  .object({
    issuer: z.string(),
    authorization_endpoint: z.string(),
    token_endpoint: z.string(),
    revocation_endpoint: z.string(),
    response_types_supported: z.array(z.string()),
    response_modes_supported: z.array(z.string()),
    grant_types_supported: z.array(z.string()),
    code_challenge_methods_supported: z.array(z.string()),
    token_endpoint_auth_methods_supported: z.array(z.string()),
    revocation_endpoint_auth_methods_supported: z.array(z.string()),
    ui_locales_supported: z.array(z.string()),
    authorization_response_iss_parameter_supported: z.boolean(),
  })
  .openapi('AuthorizationServerMetadata');

wellKnownRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/oauth-authorization-server',
    operationId: 'getAuthorizationServerMetadata',
    tags: ['oauth'],
    security: Security.none,
    summary: 'OAuth 2.0 authorization server metadata (RFC 8414)',
    responses: { 200: jsonContent(Metadata, 'Metadata') },
  }),
  (c) => {
    const issuer = publicOrigin(c);
    // Public, identical for every store: any page may read it.
    c.header('Access-Control-Allow-Origin', '*');
    c.header('Cache-Control', 'public, max-age=300');
    return c.json(
      {
        issuer,
        authorization_endpoint: `${issuer}/oauth/authorize`,
        token_endpoint: `${issuer}/oauth/token`,
        revocation_endpoint: `${issuer}/oauth/revoke`,
        response_types_supported: ['code'],
        response_modes_supported: ['query', 'web_message'],
        grant_types_supported: [
          'authorization_code',
          'refresh_token',
          'urn:ietf:params:oauth:grant-type:token-exchange',
        ],
        code_challenge_methods_supported: ['S256'],
        token_endpoint_auth_methods_supported: ['none'],
        revocation_endpoint_auth_methods_supported: ['none'],
        ui_locales_supported: [...hostedLocales],
        authorization_response_iss_parameter_supported: true,
      },
      200,
    );
  },
);
