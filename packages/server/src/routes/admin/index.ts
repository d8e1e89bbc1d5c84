import { requireAdmin } from '../../middleware/auth.js';
import { catalogChanged } from '../../middleware/catalog-changed.js';
import { idempotency } from '../../middleware/idempotency.js';
import { createRouter } from '../../openapi.js';
import { adminCampaignRoutes } from './campaigns.js';
import { adminCustomerRoutes } from './customers.js';
import { adminIdentityProviderRoutes } from './identity-providers.js';
import { adminMembershipRoutes } from './membership.js';
import { adminOrderRoutes } from './orders.js';
import { adminPointsRoutes } from './points.js';
import { adminProductRoutes } from './products.js';
import { adminCreatorRoutes, adminReportRoutes } from './reports.js';
import { adminReviewRoutes } from './reviews.js';
import { adminShippingRoutes } from './shipping.js';
import { adminStoreRoutes } from './store.js';
import { adminWebhookRoutes } from './webhooks.js';

/** Admin API (`/admin/v1`): the store's secret key, server to server only. */
export const adminRoutes = createRouter();
adminRoutes.use('*', requireAdmin);
// The writes that change what the storefront's catalog reads answer (a product, its variants'
// prices, stock, pictures and labels; a rating; the store's currencies, origins, settings).
// Before Idempotency-Key, which runs the write in its transaction: the notice goes once that
// has committed (inside it, other instances would read the old data again, and on PGlite the
// notice would wait for the transaction it is in).
adminRoutes.on(
  ['POST', 'PATCH', 'PUT', 'DELETE'],
  ['/products', '/products/*', '/store', '/membership', '/reviews/:id/moderation'],
  catalogChanged,
);
adminRoutes.use('*', idempotency);
adminRoutes.route('/store', adminStoreRoutes);
adminRoutes.route('/products', adminProductRoutes);
adminRoutes.route('/customers', adminCustomerRoutes);
adminRoutes.route('/identity-providers', adminIdentityProviderRoutes);
adminRoutes.route('/orders', adminOrderRoutes);
adminRoutes.route('/points', adminPointsRoutes);
adminRoutes.route('/membership', adminMembershipRoutes);
adminRoutes.route('/reviews', adminReviewRoutes);
adminRoutes.route('/shipping', adminShippingRoutes);
adminRoutes.route('/campaigns', adminCampaignRoutes);
adminRoutes.route('/reports', adminReportRoutes);
adminRoutes.route('/creators', adminCreatorRoutes);
adminRoutes.route('/webhooks', adminWebhookRoutes);
