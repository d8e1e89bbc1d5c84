// @custom-elements-manifest/analyzer's configuration (`cem analyze`): it reads the sources,
// and the plugin turns that source-level description into the published package's.
import { readFileSync } from 'node:fs';
import { publishedManifest } from './scripts/cem-published-manifest.mjs';

const { exports } = JSON.parse(readFileSync(new URL('package.json', import.meta.url), 'utf8'));

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/i18n/**'],
  litelement: true,
  plugins: [publishedManifest(exports)],
};
