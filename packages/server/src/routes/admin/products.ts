import { createRouter } from '../../openapi.js';

/** Admin catalog: create and update products, variants, prices, stock. */
export const adminProductRoutes = createRouter();
