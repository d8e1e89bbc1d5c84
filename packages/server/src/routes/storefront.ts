import { customerAuth, requireStore } from '../middleware/auth.js';
import { idempotency } from '../middleware/idempotency.js';
import { createRouter } from '../openapi.js';
import { cartRoutes } from './carts.js';
import { customerRoutes } from './customers.js';
import { orderRoutes } from './orders.js';
import { pointsRoutes } from './points.js';
import { productRoutes } from './products.js';
import { reviewRoutes } from './reviews.js';
import { storeRoutes } from './store.js';

/**
 * Storefront API (`/v1`): every request carries the store's publishable key; a customer's
 * access token where one is signed in; writes may carry an Idempotency-Key.
 */
export const storefrontRoutes = createRouter();
storefrontRoutes.use('*', requireStore, customerAuth, idempotency);
storefrontRoutes.route('/store', storeRoutes);
storefrontRoutes.route('/products', productRoutes);
storefrontRoutes.route('/carts', cartRoutes);
storefrontRoutes.route('/orders', orderRoutes);
storefrontRoutes.route('/customers', customerRoutes);
storefrontRoutes.route('/points', pointsRoutes);
storefrontRoutes.route('/', reviewRoutes);
