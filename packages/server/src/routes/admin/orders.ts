import { createRouter } from '../../openapi.js';

/** Admin orders: mark paid (as a payment webhook would), cancel, refund. */
export const adminOrderRoutes = createRouter();
