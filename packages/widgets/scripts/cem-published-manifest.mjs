// An analyzer plugin that makes custom-elements.json describe what the package ships.
// The analyzer describes src/*.ts, which is not shipped and which Vite bundles into one
// dist/*.js per package export; so each declaration moves to the export that makes it
// public, and every reference follows it. It also names the events the analyzer finds by
// `dispatchEvent(new X(...))` without learning their name, and resolves names given as
// constants (`new Event(STORE_CHANGE)`), which the schema requires to be strings.
import { posix } from 'node:path';

/** `exports` of package.json: each JS export's source (its .d.ts under dist/types) → its file. */
function entries(exports) {
  const out = new Map();
  for (const target of Object.values(exports)) {
    if (typeof target !== 'object' || !target.default?.endsWith('.js')) continue;
    const source = target.types.replace('./dist/types/', 'src/').replace(/\.d\.ts$/, '.ts');
    out.set(source, target.default.replace(/^\.\//, ''));
  }
  return out;
}

/** A module reference as the analyzer writes it ("./x.js", "/src/x.js", "src/x.ts") → "src/x.ts". */
const sourcePath = (ref, from) =>
  (ref.startsWith('.') ? posix.join(posix.dirname(from), ref) : ref)
    .replace(/^\//, '')
    .replace(/\.js$/, '.ts');

function nameEvents(declaration, constants) {
  if (!declaration.events) return;
  const named = new Map();
  for (const event of declaration.events) {
    const name = constants.get(event.name) ?? event.name;
    if (!name) continue;
    named.set(name, { ...event, ...named.get(name), name });
  }
  for (const event of declaration.events) {
    const type = event.type?.text;
    if (!event.name && ![...named.values()].some((e) => e.type?.text === type))
      throw new Error(`${declaration.name} fires a ${type} with no name: document it with @fires`);
  }
  declaration.events = [...named.values()];
}

export function publishedManifest(packageExports) {
  return {
    name: 'kiosk-published-manifest',
    packageLinkPhase({ customElementsManifest: manifest }) {
      const modules = new Map(manifest.modules.map((m) => [m.path, m]));
      // String constants (`export const STORE_CHANGE = 'kiosk-store-change'`) by name.
      const constants = new Map();
      for (const m of manifest.modules)
        for (const d of m.declarations ?? [])
          if (d.kind === 'variable' && /^'[^']*'$/.test(d.default ?? ''))
            constants.set(d.name, d.default.slice(1, -1));

      // Where a name exported by a module is declared: [source module, declaration].
      const resolve = (path, name, seen = new Set()) => {
        const m = modules.get(path);
        if (!m || seen.has(path)) return undefined;
        seen.add(path);
        const own = m.declarations?.find((d) => d.name === name);
        if (own) return [path, own];
        for (const e of m.exports ?? []) {
          const ref = e.declaration;
          // define.ts re-exports the class it defines; only the definition says from where.
          if (e.kind === 'custom-element-definition' && ref.name === name)
            return resolve(sourcePath(ref.module, path), name, seen);
          if (e.kind !== 'js' || !ref.module || (e.name !== name && e.name !== '*')) continue;
          const found = resolve(
            sourcePath(ref.module, path),
            e.name === '*' ? name : ref.name,
            seen,
          );
          if (found) return found;
        }
        return undefined;
      };
      // Every name a module exports, following `export *`.
      const exported = (path, seen = new Set()) => {
        const m = modules.get(path);
        if (!m || seen.has(path)) return [];
        seen.add(path);
        return (m.exports ?? []).flatMap((e) => {
          if (e.kind !== 'js') return [];
          if (e.name !== '*') return [e];
          return exported(sourcePath(e.declaration.module, path), seen);
        });
      };

      const owner = new Map(); // "src/x.ts#Name" → the dist file that exports it
      const published = [];
      for (const [source, file] of entries(packageExports)) {
        const module = { kind: 'javascript-module', path: file, declarations: [], exports: [] };
        for (const e of exported(source)) {
          const found = e.declaration.module && resolve(source, e.name);
          if (!found) {
            // Declared elsewhere (@kiosk/sdk) or not analysed (types, the i18n folder).
            const { package: pkg, name } = e.declaration;
            module.exports.push({
              kind: 'js',
              name: e.name,
              declaration: pkg ? { name, package: pkg } : { name, module: file },
            });
            continue;
          }
          const [from, declaration] = found;
          const key = `${from}#${declaration.name}`;
          if (!owner.has(key)) {
            owner.set(key, file);
            module.declarations.push({ ...declaration, source: from });
          }
          module.exports.push({
            kind: 'js',
            name: e.name,
            declaration: { name: declaration.name, module: owner.get(key) },
          });
        }
        for (const e of modules.get(source)?.exports ?? [])
          if (e.kind === 'custom-element-definition')
            module.exports.push({
              ...e,
              declaration: { ...e.declaration, module: sourcePath(e.declaration.module, source) },
            });
        published.push(module);
      }

      // References into src/ → the dist file that exports the declaration (or no module).
      const relink = (ref, from) => {
        if (!ref?.module) return;
        const file = owner.get(`${sourcePath(ref.module, from)}#${ref.name}`);
        if (file) ref.module = file;
        else delete ref.module;
      };
      for (const module of published) {
        for (const e of module.exports)
          if (e.kind === 'custom-element-definition') relink(e.declaration, e.declaration.module);
        module.declarations = module.declarations.map(({ source, ...declaration }) => {
          const d = structuredClone(declaration);
          nameEvents(d, constants);
          relink(d.superclass, source);
          for (const mixin of d.mixins ?? []) relink(mixin, source);
          for (const list of [d.members, d.attributes, d.events])
            for (const item of list ?? []) relink(item.inheritedFrom, source);
          return d;
        });
      }
      manifest.modules = published;
    },
  };
}
