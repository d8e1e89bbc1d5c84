import { createRouter } from '../../openapi.js';

/** Admin reviews: moderate, reply. */
export const adminReviewRoutes = createRouter();
