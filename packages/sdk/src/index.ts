export { type AdminClientOptions, createAdminClient, type KioskAdminClient } from './admin.js';
export { type ClientOptions, createClient, type KioskClient, type KioskEvents } from './client.js';
export { KioskError } from './errors.js';
export type * from './types.js';
