import { expireDueOrders } from '../services/order-expiry.js';
import type { Job } from './scheduler.js';

/** Unpaid orders past their hold give their stock and points back (see expireDueOrders). */
export const expireOrdersJob: Job = {
  name: 'expire-orders',
  everyMs: 60_000,
  run: (deps) => expireDueOrders(deps.db, deps.now()),
};
