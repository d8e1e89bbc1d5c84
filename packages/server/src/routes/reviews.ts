import { createRouter } from '../openapi.js';

/** Reviews: list, summary, write, helpful votes (/v1/products/{id}/reviews, /v1/reviews). */
export const reviewRoutes = createRouter();
