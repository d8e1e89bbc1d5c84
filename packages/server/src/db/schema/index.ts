export * from './carts.js';
export * from './catalog.js';
export * from './customers.js';
export * from './idempotency.js';
export * from './orders.js';
export * from './points.js';
export * from './reviews.js';
export * from './stores.js';
