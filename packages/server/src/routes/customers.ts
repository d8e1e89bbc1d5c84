import { createRouter } from '../openapi.js';

/** The signed-in customer (/v1/customers/me). */
export const customerRoutes = createRouter();
