import { createRouter } from '../../openapi.js';

/** Admin store settings: allowed origins, currencies, locales, points rules, moderation. */
export const adminStoreRoutes = createRouter();
