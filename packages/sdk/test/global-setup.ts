// The workspace's server by path, not as a package: @kiosk/server depends on @kiosk/widgets
// (its share pages render cards with @kiosk/widgets/ssr), so a dependency back would be a cycle.

import type { TestProject } from 'vitest/node';
import { startMailSink } from '../../../scripts/mail-sink.mjs';
import { createLogger, startServer } from '../../server/dist/index.js';

declare module 'vitest' {
  export interface ProvidedContext {
    endpoint: string;
  }
}

/** The real server on a free port, in-memory database with the demo stores, mailing to a sink. */
export default async function setup(project: TestProject) {
  const mail = await startMailSink();
  const server = await startServer({
    db: 'memory://',
    port: 0,
    seed: 'demo',
    log: createLogger('silent'),
    smtpUrl: mail.smtpUrl,
    mailFrom: 'Kiosk tests <no-reply@kiosk.test>',
  });
  project.provide('endpoint', server.url);
  return async () => {
    await server.close();
    await mail.close();
  };
}
