import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { CatalogCache } from './cache/catalog-cache.js';
import { type AppDeps, publicOrigin } from './context.js';
import { describeError, isDatabaseUnavailable, isRefusedByGate } from './db/faults.js';
import { countStatements } from './db/statement-count.js';
import { ApiError } from './errors.js';
import { admission } from './middleware/admission.js';
import { noStoreByDefault } from './middleware/cache-control.js';
import { cors } from './middleware/cors.js';
import { requestLog } from './middleware/request-log.js';
import { storableText } from './middleware/storable-text.js';
import { createRouter } from './openapi.js';
import { adminRoutes } from './routes/admin/index.js';
import { assetRoutes } from './routes/assets.js';
import { checkoutPageRoutes } from './routes/checkout.js';
import { creatorPageRoutes, creatorReportRoutes } from './routes/creator-report.js';
import { eventRoutes } from './routes/events.js';
import { imageRoutes } from './routes/images.js';
import { notificationPageRoutes } from './routes/notification-pages.js';
import { notificationReceiptRoutes } from './routes/notification-receipts.js';
import { oauthRoutes } from './routes/oauth/index.js';
import { orderPageRoutes } from './routes/order-pages.js';
import { paymentWebhookRoutes } from './routes/payment-webhooks.js';
import { publicRoutes } from './routes/public.js';
import { sharePageRoutes } from './routes/share-pages.js';
import { storefrontRoutes } from './routes/storefront.js';
import { wellKnownRoutes } from './routes/well-known.js';
import { serviceUnavailable } from './service-unavailable.js';

/** Request bodies larger than this are refused with 413 before they are read. */
export const MAX_BODY_BYTES = 64 * 1024;

export function createApp(options: AppDeps) {
  const app = createRouter();
  // The caller's object, filled in: startServer sets publicOrigins on it once listening.
  const deps = Object.assign(options, {
    catalogCache: options.catalogCache ?? new CatalogCache(),
  });

  app.use('*', async (c, next) => {
    c.set('deps', deps);
    await next();
  });
  app.use('*', requestLog);
  if (deps.countStatements) {
    // Only for a request that asks (the benchmarks' probes): setting a header on a finished
    // answer costs the Node adapter a copy of its body, which the measured load must not pay.
    app.use('*', async (c, next) => {
      if (!c.req.header('x-kiosk-count-statements')) return next();
      const { statements } = await countStatements(next);
      c.header('X-Kiosk-Statements', String(statements));
    });
  }
  app.use('*', cors);
  if (deps.admission) {
    const admit = admission(deps.admission);
    // The health check stays out of line: it must answer while the server is busy.
    app.use('*', (c, next) => (c.req.path === '/healthz' ? next() : admit(c, next)));
  }
  app.use('*', noStoreByDefault);
  const limitBody = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: () => {
      throw new ApiError(
        'payload_too_large',
        `Request bodies are limited to ${MAX_BODY_BYTES} bytes.`,
      );
    },
  });
  // A GET or HEAD has no body: asking for one would make the Node adapter build a Request.
  app.use('*', (c, next) =>
    c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : limitBody(c, next),
  );

  // Before any JSON API handler: no string PostgreSQL cannot store gets further.
  app.use('/v1/*', storableText);
  app.use('/admin/v1/*', storableText);

  app.route('/', publicRoutes);
  app.route('/.well-known', wellKnownRoutes);
  app.route('/images', imageRoutes);
  app.route('/assets', assetRoutes);
  app.route('/checkout', checkoutPageRoutes);
  app.route('/orders', orderPageRoutes);
  app.route('/', sharePageRoutes);
  app.route('/oauth', oauthRoutes);
  // The links in messages take no store key (their token authorizes): before /v1's key check.
  app.route('/v1/notifications', notificationPageRoutes);
  app.route('/', notificationReceiptRoutes);
  // The key may come in the body (navigator.sendBeacon): before /v1's key check too.
  app.route('/v1/events', eventRoutes);
  // A payment provider's signature authorizes its webhooks, not a store key.
  app.route('/v1/payment-webhooks', paymentWebhookRoutes);
  // A creator link's token authorizes, not a store key.
  app.route('/v1/creator', creatorReportRoutes);
  app.route('/creator', creatorPageRoutes);
  app.route('/v1', storefrontRoutes);
  app.route('/admin/v1', adminRoutes);

  app.openAPIRegistry.registerComponent('securitySchemes', 'storeKey', {
    type: 'apiKey',
    in: 'header',
    name: 'X-Kiosk-Key',
    description: "The store's publishable key (pk_…).",
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'customerToken', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'A customer access token from /oauth/token.',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'secretKey', {
    type: 'http',
    scheme: 'bearer',
    description: "The store's secret key (sk_…), server to server only.",
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'creatorToken', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: "A creator link's token (the #t= of its URL): one creator's own figures.",
  });
  app.doc31('/openapi.json', (c) => ({
    openapi: '3.1.0',
    info: {
      title: 'Kiosk commerce API',
      version: '1.0.0',
      license: { name: 'MIT', identifier: 'MIT' },
      description:
        'Catalog, carts, checkout, customers (OAuth 2.0 + PKCE), loyalty points and reviews.',
    },
    servers: [{ url: publicOrigin(c) }],
  }));

  app.notFound((c) => c.json(new ApiError('not_found', 'No such route.').toJSON(), 404));
  app.onError((err, c) => {
    // One 503 for every cause (database, rate-limit counters): a page for browsers on the
    // hosted pages, JSON for API clients.
    if (err instanceof ApiError && err.code === 'service_unavailable') return serviceUnavailable(c);
    if (err instanceof ApiError) return c.json(err.toJSON(), err.status);
    if (err instanceof HTTPException && err.status < 500) {
      const malformed = /malformed json/i.test(err.message);
      const code = malformed
        ? 'invalid_json'
        : err.status === 413
          ? 'payload_too_large'
          : 'conflict';
      const apiError = new ApiError(
        code,
        malformed ? 'The body is not valid JSON.' : err.message,
        undefined,
        err.status as ApiError['status'],
      );
      return c.json(apiError.toJSON(), apiError.status);
    }
    // describeError keeps what may be logged: never SQL parameters or the server's detail.
    const where = { requestId: c.get('requestId'), path: new URL(c.req.url).pathname };
    if (isDatabaseUnavailable(err)) {
      if (!isRefusedByGate(err))
        deps.log.warn('database unavailable', { ...where, ...describeError(err) });
      return serviceUnavailable(c);
    }
    deps.log.error('unhandled error', { ...where, ...describeError(err, { stack: true }) });
    return c.json(
      new ApiError('internal_error', 'Something went wrong on our side.').toJSON(),
      500,
    );
  });

  return app;
}

export type App = ReturnType<typeof createApp>;
