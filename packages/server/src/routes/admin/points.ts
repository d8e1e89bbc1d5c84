import { createRouter } from '../../openapi.js';

/** Admin points: manual adjustments, expiry run. */
export const adminPointsRoutes = createRouter();
