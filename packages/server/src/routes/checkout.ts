import { createRouter } from '../openapi.js';

/** The hosted checkout page with the test payment method (/checkout). */
export const checkoutPageRoutes = createRouter();
