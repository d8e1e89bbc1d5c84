// The OpenAPI document exactly as GET /openapi.json serves it, from the built server (no
// database needed: it comes from the route definitions). Run directly, it prints it:
//   node scripts/openapi.mjs > openapi.json
import { fileURLToPath } from 'node:url';
import { createApp, createLogger } from '../dist/index.js';

export async function openApiDocument() {
  const app = createApp({ db: null, log: createLogger('silent'), now: () => new Date() });
  const res = await app.request('http://localhost:3000/openapi.json');
  if (!res.ok) throw new Error(`GET /openapi.json answered ${res.status}`);
  return res.json();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.stdout.write(`${JSON.stringify(await openApiDocument(), null, 2)}\n`);
}
