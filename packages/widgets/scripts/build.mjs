// Builds @kiosk/widgets: the npm ES modules (dist/), the CDN folder (dist/cdn/: the loader
// kiosk.js and one chunk per element, sharing lit, the SDK and i18next; the service worker
// kiosk-sw.js) with Vite 7.
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { minifyHTMLLiterals } from 'minify-literals';
import { build } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
// KIOSK_DIST=/tmp/x builds elsewhere (a bench run unaffected by a build in the shared tree).
const dist = process.env.KIOSK_DIST ?? `${root}dist`;
// KIOSK_ELEMENTS=product-card,store limits the build (while another element is half-written).
const only = process.env.KIOSK_ELEMENTS?.split(',');
const elements = [
  'product-card',
  'mini-cart',
  'review-list',
  'recommendations',
  'login-button',
  'store',
].filter((name) => existsSync(`${root}src/${name}/define.ts`) && (!only || only.includes(name)));
const defines = Object.fromEntries(elements.map((name) => [name, `src/${name}/define.ts`]));
const dependency =
  /^(lit|lit-html|lit-element|i18next|nanostores|@kiosk\/sdk)(\/|$)|^@lit(-labs)?\//;
const common = { root, configFile: false, logLevel: 'warn', publicDir: false };

// The CDN build's shared runtime: lit, nanostores, i18next, the SDK core and the widgets'
// shared code go into one chunk that every element imports, since each page needs all of it
// and one file gzips smaller than several (rollup would otherwise split it by importer).
// Lazily loaded parts stay separate: the SDK's sign-in/points/reviews/notifications/share/
// orders/recommendations (and the recently viewed list the card writes on a view), other languages, and
// the mini cart's panel (imported when a cart first opens, with the modal and positioning
// controllers only it uses), so a page whose cart stays closed loads the trigger and live
// count only. Small modules that the card shares with the panel or the review list (the
// quantity stepper, the stars, the JSON-LD writer, the load-error message) go in the runtime
// too: as chunks of their own they cost a cards page ~0.7 KB more in per-file overhead
// (bench/widgets/size.mjs), more than a page with only a mini cart saves by skipping them.
const lazy =
  /\/sdk\/dist\/(auth|pkce|points|reviews|notifications|share|orders|recommendations|recently-viewed|admin)\.js$|\/i18n\/(ar|de|es|fr|pt-BR|ru|zh-CN)\.ts$|(floating-panel|modal)-controller\.ts$/;
const runtime =
  /\/node_modules\/(lit|lit-html|lit-element|@lit|nanostores|i18next)\/|\/sdk\/dist\/|\/widgets\/src\/(config|context|format|kiosk-element|quantity-stepper|load-error|stars|json-ld|events\/error|analytics\/track)\.ts$|\/widgets\/src\/(controllers|styles|i18n)\//;
// The CDN build minifies the CSS and HTML inside lit's css`` and html`` templates (esbuild
// leaves template text alone): about a third of an element's bytes are its styles.
const minifyLiterals = {
  name: 'kiosk-minify-literals',
  enforce: 'post',
  transform(code, id) {
    if (!/\/widgets\/src\/.*\.ts$/.test(id) || !/(html|css|svg)`/.test(code)) return null;
    return minifyHTMLLiterals(code, { fileName: id });
  },
};
const manualChunks = (id) => (!lazy.test(id) && runtime.test(id) ? 'runtime' : undefined);

// Only what this script writes (dist/types is tsc's).
for (const dir of ['cdn', 'chunks', 'ssr'])
  rmSync(`${dist}/${dir}`, { recursive: true, force: true });

// 1. npm: ES modules (their templates minified as in the CDN build), dependencies left as
// imports for the app's bundler.
await build({
  ...common,
  plugins: [minifyLiterals],
  build: {
    outDir: dist,
    emptyOutDir: false,
    target: 'es2022',
    minify: false,
    sourcemap: true,
    lib: { entry: { index: 'src/index.ts', ...defines }, formats: ['es'] },
    rollupOptions: {
      external: (id) => dependency.test(id) || id.startsWith('node:'),
      output: { entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
});

// 1b. ssr.js, for Node (@kiosk/widgets/ssr), where lit resolves to its server build: a build
// of its own, so that no element's define module becomes a chunk shared with the entries above
// (an app's bundler would drop it as free of side effects: sideEffects names the entries).
await build({
  ...common,
  plugins: [minifyLiterals],
  build: {
    outDir: dist,
    emptyOutDir: false,
    target: 'es2022',
    minify: false,
    sourcemap: true,
    lib: { entry: { ssr: 'src/ssr/index.ts' }, formats: ['es'] },
    rollupOptions: {
      external: (id) => dependency.test(id) || id.startsWith('node:'),
      output: { entryFileNames: '[name].js', chunkFileNames: 'ssr/[name]-[hash].js' },
    },
  },
});

// 2. CDN: everything bundled and minified, one entry per element, shared chunks beside them.
await build({
  ...common,
  plugins: [minifyLiterals],
  // The part of i18next the widgets use, proven equal on every shipped string by
  // src/i18n/i18next-subset.test.ts: 1 KB instead of 15 (docs/decisions/003).
  resolve: { alias: [{ find: /^i18next$/, replacement: `${root}src/i18n/i18next-subset.ts` }] },
  build: {
    outDir: `${dist}/cdn`,
    emptyOutDir: false,
    target: 'es2022',
    modulePreload: false,
    sourcemap: true,
    // terser with four compress passes: ~0.9 KB gzip less than esbuild over all four elements
    // (bench/widgets/size.mjs), the room the 55 KB budget needs for small, single-job modules
    // (passes three and four: a few bytes more off a cards page, at 32 KB of its 32).
    minify: 'terser',
    terserOptions: { module: true, ecma: 2020, compress: { passes: 4 } },
    rollupOptions: {
      input: defines,
      preserveEntrySignatures: 'allow-extension',
      output: {
        format: 'es',
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
        manualChunks,
      },
    },
  },
});

/** A classic script of its own in the CDN folder, with nothing to import. */
const classicScript = (entry, name, fileName) =>
  build({
    ...common,
    build: {
      outDir: `${dist}/cdn`,
      emptyOutDir: false,
      target: 'es2020',
      lib: { entry, formats: ['iife'], name, fileName: () => fileName },
    },
  });

// 3. The loader: no static imports, so it runs as a classic or a module script.
await classicScript('src/loader/kiosk.ts', 'kioskLoader', 'kiosk.js');

// 4. kiosk-sw.js: the service worker a brand serves from its own origin for web push (CONTRACT
// §6), fetched by the browser itself, never by the loader.
await classicScript('src/service-worker/kiosk-sw.ts', 'kioskServiceWorker', 'kiosk-sw.js');

// 5. kiosk.css: the loader's size reservations as a stylesheet a page can link in its <head>
// (render-blocking, so cards have their size even before the deferred loader runs).
await build({
  ...common,
  build: {
    outDir: `${dist}/.placeholder`,
    emptyOutDir: true,
    lib: {
      entry: {
        card: 'src/product-card/placeholder.ts',
        login: 'src/login-button/placeholder.ts',
        cart: 'src/mini-cart/placeholder.ts',
      },
      formats: ['es'],
      fileName: (_format, name) => `${name}.mjs`,
    },
  },
});
const { productCardPlaceholderCss } = await import(`${dist}/.placeholder/card.mjs`);
const { loginButtonPlaceholderCss } = await import(`${dist}/.placeholder/login.mjs`);
const { miniCartPlaceholderCss } = await import(`${dist}/.placeholder/cart.mjs`);
writeFileSync(
  `${dist}/cdn/kiosk.css`,
  `${productCardPlaceholderCss}\n${loginButtonPlaceholderCss}\n${miniCartPlaceholderCss}\n`,
);
rmSync(`${dist}/.placeholder`, { recursive: true, force: true });

console.log(`built @kiosk/widgets: ${elements.join(', ')} + loader + service worker`);
