import { createRouter } from '../openapi.js';

/** OAuth authorization server metadata, RFC 8414 (/.well-known). */
export const wellKnownRoutes = createRouter();
