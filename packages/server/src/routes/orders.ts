import { createRouter } from '../openapi.js';

/** A customer's orders (/v1/orders). */
export const orderRoutes = createRouter();
