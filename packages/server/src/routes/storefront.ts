import { customerAuth, requireStore } from '../middleware/auth.js';
import { catalogChanged } from '../middleware/catalog-changed.js';
import { idempotency, keyedInRoute } from '../middleware/idempotency.js';
import { createRouter } from '../openapi.js';
import { rateLimit } from '../rate-limit/middleware.js';
import { cartRoutes } from './carts.js';
import { customerPasskeyRoutes } from './customer-passkeys.js';
import { customerRoutes } from './customers.js';
import { membershipRoutes } from './membership.js';
import { notificationRoutes } from './notifications.js';
import { orderRoutes } from './orders.js';
import { pointsRoutes } from './points.js';
import { productRoutes } from './products.js';
import { recommendationRoutes } from './recommendations.js';
import { reviewRoutes } from './reviews.js';
import { shareLinkRoutes } from './share-links.js';
import { storeRoutes } from './store.js';

/**
 * Storefront API (`/v1`): every request carries the store's publishable key; a customer's
 * access token where one is signed in; writes may carry an Idempotency-Key.
 */
export const storefrontRoutes = createRouter();
storefrontRoutes.use('*', requireStore, customerAuth);
// Write limits per client address and store, before Idempotency-Key: a refused request
// never ran, so it must not claim the key its retry will carry.
storefrontRoutes.post('/carts', rateLimit('carts'));
storefrontRoutes.post('/carts/:id/lines', rateLimit('cart-lines'));
storefrontRoutes.post('/products/:product/reviews', rateLimit('reviews'));
storefrontRoutes.post('/notifications/subscriptions', rateLimit('notification-subscriptions'));
storefrontRoutes.post('/share-links', rateLimit('share-links'));
// Renewing a browser's subscription counts with subscribing: both write where pushes go.
storefrontRoutes.post(
  '/notifications/subscriptions/renew',
  rateLimit('notification-subscriptions'),
);
// Cart line writes store their Idempotency-Key's answer in their own transaction (the
// busiest writes: services/write-once.ts); the middleware keeps the keys of the others.
storefrontRoutes.post('/carts/:id/lines', keyedInRoute);
storefrontRoutes.on(['PATCH', 'DELETE'], '/carts/:id/lines/:lineId', keyedInRoute);
// A review the store approves by itself changes the product's rating. Before Idempotency-Key:
// the notice goes once the write's transaction has committed (routes/admin/index.ts says why).
storefrontRoutes.post('/products/:product/reviews', catalogChanged);
storefrontRoutes.use('*', idempotency);
storefrontRoutes.route('/store', storeRoutes);
storefrontRoutes.route('/products', productRoutes);
storefrontRoutes.route('/carts', cartRoutes);
storefrontRoutes.route('/orders', orderRoutes);
storefrontRoutes.route('/customers', customerRoutes);
storefrontRoutes.route('/customers', customerPasskeyRoutes);
storefrontRoutes.route('/points', pointsRoutes);
storefrontRoutes.route('/membership', membershipRoutes);
storefrontRoutes.route('/', reviewRoutes);
storefrontRoutes.route('/notifications', notificationRoutes);
storefrontRoutes.route('/share-links', shareLinkRoutes);
storefrontRoutes.route('/recommendations', recommendationRoutes);
