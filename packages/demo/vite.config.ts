// The demo pages: a multi-page Vite build. The API endpoint is baked in at build time from
// KIOSK_ENDPOINT (default http://localhost:8787); the module pages also accept ?api=<origin>.
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const DEFAULT_ENDPOINT = 'http://localhost:8787';
const endpoint = (process.env.KIOSK_ENDPOINT ?? DEFAULT_ENDPOINT).replace(/\/+$/, '');
const pages = ['index', 'brand', 'influencer', 'app', 'builder', 'elements', 'merchant'];

/** The HTML pages name the default endpoint literally (copy-paste ready); a build for another API rewrites it. */
function endpointInHtml(): Plugin {
  return {
    name: 'kiosk-demo-endpoint',
    transformIndexHtml: (html) => html.replaceAll(DEFAULT_ENDPOINT, endpoint),
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  publicDir: false,
  plugins: [endpointInHtml()],
  define: { __KIOSK_ENDPOINT__: JSON.stringify(endpoint) },
  build: {
    outDir: process.env.KIOSK_DEMO_OUT ?? 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // No inline scripts or styles anywhere: the pages run under a CSP without 'unsafe-inline'.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    rollupOptions: {
      input: Object.fromEntries(
        pages.map((p) => [p, fileURLToPath(new URL(`${p}.html`, import.meta.url))]),
      ),
    },
  },
});
