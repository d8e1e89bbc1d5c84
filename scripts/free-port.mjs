// A loopback TCP port nothing listens on right now, for the servers tests and benchmarks
// start beside each other (two runs at once never collide on a fixed port).
import { createServer } from 'node:net';

/** @returns {Promise<number>} */
export function freePort() {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}
