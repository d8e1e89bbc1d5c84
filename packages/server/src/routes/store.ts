import { createRouter } from '../openapi.js';

/** The store's public configuration: currencies, locales, points rules (/v1/store). */
export const storeRoutes = createRouter();
