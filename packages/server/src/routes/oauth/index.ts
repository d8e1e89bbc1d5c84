import { createRouter } from '../../openapi.js';

/** OAuth 2.0 authorization server: authorize (hosted page), token, revoke, poll. */
export const oauthRoutes = createRouter();
