import { createRouter } from '../../openapi.js';
import { authorizeRoutes } from './authorize.js';
import { emailCodeRoutes } from './email-code.js';
import { upstreamRoutes } from './oidc.js';
import { registerOAuthDocs } from './openapi-docs.js';
import { passkeyRoutes } from './passkeys.js';
import { tokenRoutes } from './token.js';

/** OAuth 2.0 authorization server: authorize (hosted page), token, revoke, poll. */
export const oauthRoutes = createRouter();
oauthRoutes.route('/', authorizeRoutes);
oauthRoutes.route('/', passkeyRoutes);
oauthRoutes.route('/', tokenRoutes);
oauthRoutes.route('/', emailCodeRoutes);
oauthRoutes.route('/', upstreamRoutes);
registerOAuthDocs(oauthRoutes);
