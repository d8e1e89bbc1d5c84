import { createRouter } from '../openapi.js';

/** Catalog: product lists, search, batch and single reads (/v1/products). */
export const productRoutes = createRouter();
