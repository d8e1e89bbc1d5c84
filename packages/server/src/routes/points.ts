import { createRouter } from '../openapi.js';

/** The signed-in customer's points balance, tier and history (/v1/points). */
export const pointsRoutes = createRouter();
