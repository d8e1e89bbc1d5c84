import { createLogger, startServer } from '@kiosk/server';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    endpoint: string;
  }
}

/** The real server on a free port, in-memory database with the demo stores. */
export default async function setup(project: TestProject) {
  const server = await startServer({
    db: 'memory://',
    port: 0,
    seed: 'demo',
    log: createLogger('silent'),
  });
  project.provide('endpoint', server.url);
  return () => server.close();
}
