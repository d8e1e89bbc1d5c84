// The SDK's weight in a page: @kiosk/sdk with nanostores, bundled and minified as an app's
// bundler would, gzip-compressed. Budget (DESIGN.md): 8 KB. `--record` writes RESULTS.md.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const BUDGET = 8 * 1024;

async function gzipOf(contents) {
  const result = await build({
    stdin: { contents, resolveDir: here, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    platform: 'browser',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  const code = result.outputFiles[0].contents;
  return { raw: code.length, gzip: gzipSync(code, { level: 9 }).length };
}

// The budget is for what a page loads. createAdminClient holds a secret key and refuses to
// run in a page, so the second row is information only.
const rows = [
  [
    'createClient + KioskError (what a page imports)',
    "export { createClient, KioskError } from '@kiosk/sdk';",
    true,
  ],
  ['every export, incl. the server-only admin client', "export * from '@kiosk/sdk';", false],
];
const results = [];
for (const [name, code, budgeted] of rows) {
  const size = await gzipOf(code);
  results.push({ name, budgeted, ...size });
  console.log(
    `${name.padEnd(60)} ${(size.gzip / 1024).toFixed(2)} KB gzip (${(size.raw / 1024).toFixed(1)} KB min)` +
      (budgeted ? `  budget 8 KB: ${size.gzip <= BUDGET ? 'ok' : 'OVER'}` : '  (not in pages)'),
  );
}

if (process.argv.includes('--record')) {
  const file = join(here, '..', 'RESULTS.md');
  const table = [
    '<!-- sdk:start -->',
    `Recorded ${new Date().toISOString().slice(0, 10)}: esbuild bundle, minified, gzip -9, nanostores included.`,
    '',
    '| import | gzip | minified | budget |',
    '|---|---:|---:|---|',
    ...results.map(
      (r) =>
        `| ${r.name} | ${(r.gzip / 1024).toFixed(2)} KB | ${(r.raw / 1024).toFixed(1)} KB | ${r.budgeted ? `8 KB ${r.gzip <= BUDGET ? '✓' : '✗'}` : '—'} |`,
    ),
    '<!-- sdk:end -->',
  ].join('\n');
  const current = readFileSync(file, 'utf8');
  writeFileSync(
    file,
    current.includes('<!-- sdk:start -->')
      ? current.replace(/<!-- sdk:start -->[\s\S]*<!-- sdk:end -->/, table)
      : `${current.trimEnd()}\n\n## SDK size (\`node bench/sdk/size.mjs --record\`)\n\n${table}\n`,
  );
}
if (results.some((r) => r.budgeted && r.gzip > BUDGET)) process.exitCode = 1;
