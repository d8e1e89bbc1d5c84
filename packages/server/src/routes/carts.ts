import { createRouter } from '../openapi.js';

/** Guest and customer carts, lines, points redemption, merge and checkout (/v1/carts). */
export const cartRoutes = createRouter();
