// Runs every benchmark in turn. Pass --record to write the figures into bench/RESULTS.md.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
for (const script of [
  'sdk/size.mjs',
  'server/run.mjs',
  'server/search.mjs',
  'server/share.mjs',
  'widgets/size.mjs',
  'widgets/cards-page.mjs',
]) {
  console.log(`\n# ${script}`);
  const { status } = spawnSync('node', [join(here, script), ...args], { stdio: 'inherit' });
  if (status !== 0) process.exit(status ?? 1);
}
