// Checks custom-elements.json (written by `cem analyze`) against the custom-elements-manifest
// schema, and that every module it names is a file the package exports (and the build wrote).
// A declaration may match any of the schema's kinds (a custom element is also a plain class),
// so each custom element is checked against CustomElementDeclaration itself: that is where
// an event's name and type are required.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Ajv from 'ajv';

const root = new URL('..', import.meta.url);
const schema = createRequire(import.meta.url)('custom-elements-manifest/schema.json');
const manifest = JSON.parse(readFileSync(new URL('custom-elements.json', root), 'utf8'));
const { exports } = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
const exported = new Set(Object.values(exports).map((e) => e.default?.replace(/^\.\//, '')));

const ajv = new Ajv({ allErrors: true, strict: false }).addSchema(schema, 'cem');
const problems = [];
const check = (ref, value, at) => {
  const validate = ajv.getSchema(`cem${ref}`);
  if (!validate(value))
    for (const e of validate.errors) problems.push(`${at}${e.instancePath} ${e.message}`);
};
check('', manifest, '');
for (const [m, module] of manifest.modules.entries())
  for (const [d, declaration] of (module.declarations ?? []).entries())
    if (declaration.customElement)
      check(
        '#/definitions/CustomElementDeclaration',
        declaration,
        `/modules/${m}/declarations/${d}`,
      );
for (const { path } of manifest.modules)
  if (!exported.has(path) || !existsSync(new URL(path, root)))
    problems.push(`${path} is not a built file of the package's exports`);

if (problems.length) {
  console.error(`custom-elements.json:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`custom-elements.json: valid, ${manifest.modules.length} shipped modules`);
