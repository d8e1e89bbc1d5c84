import { createRouter } from '../../openapi.js';

/** Admin customers: single sign-on session tokens. */
export const adminCustomerRoutes = createRouter();
