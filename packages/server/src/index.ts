export { type App, createApp } from './app.js';
export { clientRules } from './client-rules.js';
export type { AppDeps } from './context.js';
export { type Database, openDatabase } from './db/index.js';
export { ApiError, type ErrorCode, errorCodes } from './errors.js';
export { createLogger, type Logger } from './log.js';
export { seedDemo } from './seed/demo.js';
export { seedTestFixtures } from './seed/test-fixtures.js';
export { type RunningServer, type ServerOptions, startServer } from './server.js';
export { createStore } from './services/stores.js';
export {
  type ReceivedPush,
  TestPushService,
  type TestPushSubscription,
} from './testing/push-service.js';
export { TestAuthenticator } from './testing/webauthn-authenticator.js';
