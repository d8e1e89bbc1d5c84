import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const r = await build({
  stdin: {
    contents: "export { createClient, KioskError } from '@kiosk/sdk';",
    resolveDir: '/work/wt/recs/bench/sdk',
  },
  bundle: true,
  splitting: true,
  minify: true,
  format: 'esm',
  outdir: '/tmp/szout',
  write: false,
  metafile: true,
  define: { 'process.env.NODE_ENV': '"production"' },
});
let t = 0;
for (const f of r.outputFiles)
  if (/stdin|chunk/.test(f.path)) {
    const g = gzipSync(f.contents, { level: 9 }).length;
    t += g;
    console.log(f.path.split('/').pop(), g);
    if (/stdin/.test(f.path)) require_write(f);
  }
function require_write(f) {
  import('node:fs').then((fs) => fs.writeFileSync('/tmp/core.js', f.contents));
}
console.log('total', t);
