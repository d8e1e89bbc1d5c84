import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../context.js';
import { Security, z } from '../../openapi.js';

/**
 * The OAuth endpoints parse their bodies themselves (form or JSON, RFC 6749 errors rather
 * than our error shape), so they are described here rather than validated by zod-openapi.
 */
const OAuthError = z
  .object({
    error: z.string().openapi({ example: 'invalid_grant' }),
    error_description: z.string(),
  })
  .openapi('OAuthError');

const TokenRequest = z
  .object({
    grant_type: z.enum([
      'authorization_code',
      'refresh_token',
      'urn:ietf:params:oauth:grant-type:token-exchange',
    ]),
    client_id: z.string().openapi({ description: "The store's publishable key (pk_…)." }),
    code: z.string().optional(),
    code_verifier: z.string().optional(),
    redirect_uri: z.string().optional(),
    refresh_token: z
      .string()
      .optional()
      .openapi({ description: 'Omit in cookie mode: the kiosk_rt_… cookie is read instead.' }),
    subject_token: z.string().optional().openapi({ description: 'An SSO session token.' }),
    subject_token_type: z.literal('urn:kiosk:params:oauth:token-type:session_token').optional(),
    refresh_token_mode: z.literal('cookie').optional().openapi({
      description:
        'Browsers: put the refresh token in an HttpOnly, Partitioned cookie instead of the body.',
    }),
  })
  .openapi('TokenRequest');

const TokenResponse = z
  .object({
    access_token: z.string(),
    token_type: z.literal('Bearer'),
    expires_in: z.number().int(),
    refresh_token: z.string().optional(),
    issued_token_type: z.string().optional(),
    customer: z.object({ id: z.string(), email: z.string(), name: z.string() }),
  })
  .openapi('TokenResponse');

const AuthorizeQuery = z.object({
  response_type: z.literal('code'),
  client_id: z.string(),
  redirect_uri: z.string(),
  code_challenge: z.string(),
  code_challenge_method: z.literal('S256'),
  state: z.string(),
  response_mode: z.enum(['query', 'web_message']).optional(),
  ui_locales: z.string().optional(),
  prompt: z.string().optional(),
});

const both = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: {
    'application/x-www-form-urlencoded': { schema },
    'application/json': { schema },
  },
});

const html = (description: string) => ({
  description,
  content: { 'text/html': { schema: z.string() } },
});
const oauthError = (description: string) => ({
  description,
  content: { 'application/json': { schema: OAuthError } },
});

export function registerOAuthDocs(router: OpenAPIHono<AppEnv>) {
  const registry = router.openAPIRegistry;
  registry.registerPath({
    method: 'get',
    path: '/authorize',
    operationId: 'getAuthorizePage',
    tags: ['oauth'],
    security: Security.none,
    summary: 'Authorization endpoint: the hosted sign-in / create-account page',
    request: { query: AuthorizeQuery },
    responses: {
      200: html('The sign-in page'),
      302: { description: 'An error sent back to the redirect_uri (RFC 6749 §4.1.2.1)' },
      400: html('Unknown client or redirect_uri not allowed: an error page, never a redirect'),
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/authorize',
    operationId: 'submitAuthorizeForm',
    tags: ['oauth'],
    security: Security.none,
    summary: 'The sign-in form: signs in or creates the account, then returns the code',
    request: {
      body: {
        required: true,
        content: {
          'application/x-www-form-urlencoded': {
            schema: AuthorizeQuery.extend({
              intent: z.enum(['signin', 'create']),
              email: z.string(),
              password: z.string(),
              name: z.string().optional(),
            }),
          },
        },
      },
    },
    responses: {
      200: html('web_message: the callback page that posts the code to the opener'),
      302: { description: 'query: redirect_uri?code=…&state=…&iss=…' },
      400: html('Invalid input'),
      401: html('Wrong email or password'),
      409: html('Email already registered'),
      429: html('Too many failed attempts'),
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/token',
    operationId: 'requestToken',
    tags: ['oauth'],
    security: Security.none,
    summary: 'Token endpoint: authorization_code (PKCE), refresh_token, token-exchange (SSO)',
    request: { body: both(TokenRequest) },
    responses: {
      200: { description: 'Tokens', content: { 'application/json': { schema: TokenResponse } } },
      400: oauthError('invalid_request, invalid_grant, invalid_client, unsupported_grant_type'),
      403: oauthError('invalid_client: the Origin is not allowed for this client'),
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/revoke',
    operationId: 'revokeToken',
    tags: ['oauth'],
    security: Security.none,
    summary: 'Revocation (RFC 7009): ends the refresh token family, clears the cookie',
    request: {
      body: both(
        z.object({
          token: z.string().optional(),
          token_type_hint: z.string().optional(),
          client_id: z.string(),
        }),
      ),
    },
    responses: {
      200: { description: 'Revoked (also for unknown tokens)' },
      400: oauthError('invalid_request, invalid_client'),
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/poll',
    operationId: 'pollAuthorization',
    tags: ['oauth'],
    security: Security.none,
    summary: 'Collects a popup sign-in result once, when the popup lost its opener',
    request: { body: both(z.object({ client_id: z.string(), state: z.string() })) },
    responses: {
      200: {
        description: 'The authorization code (useless without the PKCE verifier)',
        content: { 'application/json': { schema: z.object({ code: z.string() }) } },
      },
      400: oauthError('authorization_pending, invalid_request, invalid_client'),
    },
  });
}
