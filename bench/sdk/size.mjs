// The SDK's weight in a page: @kiosk/sdk with nanostores, bundled, code-split and minified as
// an app's bundler would, gzip-compressed. What a page loads up front (the core) has the
// docs/architecture/design.md budget of 8 KB; sign-in, points and reviews are chunks the client imports on
// first use, reported apart. `--record` writes RESULTS.md.
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const BUDGET = 8 * 1024;
const kb = (bytes) => `${(bytes / 1024).toFixed(2)} KB`;

/** Bundles `contents` with splitting; returns its files with sizes and import graph. */
async function bundle(contents) {
  const result = await build({
    entryPoints: ['entry'],
    plugins: [
      {
        name: 'entry',
        setup(b) {
          b.onResolve({ filter: /^entry$/ }, () => ({ path: 'entry', namespace: 'entry' }));
          b.onLoad({ filter: /.*/, namespace: 'entry' }, () => ({
            contents,
            resolveDir: here,
            loader: 'js',
          }));
        },
      },
    ],
    bundle: true,
    splitting: true,
    minify: true,
    format: 'esm',
    outdir: join(here, 'out'),
    write: false,
    metafile: true,
    platform: 'browser',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  const files = new Map();
  for (const file of result.outputFiles) {
    const meta =
      result.metafile.outputs[
        Object.keys(result.metafile.outputs).find((k) => file.path.endsWith(k))
      ];
    files.set(basename(file.path), {
      raw: file.contents.length,
      gzip: gzipSync(file.contents, { level: 9 }).length,
      entry: !!meta.entryPoint,
      sources: Object.keys(meta.inputs).map((i) => basename(i)),
      imports: meta.imports.map((i) => ({
        file: basename(i.path),
        dynamic: i.kind === 'dynamic-import',
      })),
    });
  }
  return files;
}

/** `name` and every file it imports statically: what loads together with it. */
function closure(files, name, seen = new Set()) {
  if (seen.has(name)) return seen;
  seen.add(name);
  for (const i of files.get(name).imports) if (!i.dynamic) closure(files, i.file, seen);
  return seen;
}
const sum = (files, names, key) => [...names].reduce((n, f) => n + files.get(f)[key], 0);

const page = await bundle("export { createClient, KioskError } from '@kiosk/sdk';");
const entry = [...page.keys()].find((f) => page.get(f).entry);
const core = closure(page, entry);
const lazyChunks = [];
for (const name of core)
  for (const i of page.get(name).imports)
    if (i.dynamic && !lazyChunks.includes(i.file)) lazyChunks.push(i.file);
const label = (sources) =>
  sources.includes('auth.js')
    ? 'sign-in (auth, PKCE): on login, a stored session, another tab signing in'
    : sources.includes('points.js')
      ? "points: a signed-in customer's first points call"
      : sources.includes('reviews.js')
        ? 'reviews: the first reviews call'
        : sources.includes('notifications.js')
          ? 'notifications: the first subscribe, list or unsubscribe'
          : sources.includes('share.js')
            ? "share: the first share.link (a card's share panel)"
            : sources.includes('recommendations.js')
              ? 'recommendations: the first products.recommendations (with the recently viewed list)'
              : sources.join(' + ');
const everything = await bundle("export * from '@kiosk/sdk';");
const everyEntry = [...everything.keys()].find((f) => everything.get(f).entry);

const rows = [
  {
    name: 'core: createClient + KioskError (what a page loads up front)',
    gzip: sum(page, core, 'gzip'),
    raw: sum(page, core, 'raw'),
    budgeted: true,
  },
  ...lazyChunks.map((f) => {
    const extra = [...closure(page, f)].filter((c) => !core.has(c));
    return {
      name: `lazy chunk, ${label(extra.flatMap((c) => page.get(c).sources))}`,
      gzip: sum(page, extra, 'gzip'),
      raw: sum(page, extra, 'raw'),
      budgeted: false,
    };
  }),
  {
    name: 'every export up front, incl. the server-only admin client',
    gzip: sum(everything, closure(everything, everyEntry), 'gzip'),
    raw: sum(everything, closure(everything, everyEntry), 'raw'),
    budgeted: false,
  },
];
for (const r of rows) {
  console.log(
    `${r.name.padEnd(80)} ${kb(r.gzip)} gzip (${(r.raw / 1024).toFixed(1)} KB min)` +
      (r.budgeted ? `  budget 8 KB: ${r.gzip <= BUDGET ? 'ok' : 'OVER'}` : ''),
  );
}

if (process.argv.includes('--record')) {
  const file = join(here, '..', 'RESULTS.md');
  const table = [
    '<!-- sdk:start -->',
    `Recorded ${new Date().toISOString().slice(0, 10)}: esbuild bundle with code splitting, minified, gzip -9 per file, nanostores included. The budget is for the core; the client imports each lazy chunk on first use.`,
    '',
    '| import | gzip | minified | budget |',
    '|---|---:|---:|---|',
    ...rows.map(
      (r) =>
        `| ${r.name} | ${kb(r.gzip)} | ${(r.raw / 1024).toFixed(1)} KB | ${r.budgeted ? `8 KB ${r.gzip <= BUDGET ? '✓' : '✗'}` : '—'} |`,
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
if (rows.some((r) => r.budgeted && r.gzip > BUDGET)) process.exitCode = 1;
