// The exact version package.json pins for an npm package, checked against the installed copy (shared by the
// table generators).
import { readFileSync } from 'node:fs';

const root = new URL('..', import.meta.url);

/** `name@version (npm)` for the installed `name`; throws when it is not the version package.json pins. */
export function pinned(name) {
  // Read by path: some packages (psl) do not export their package.json.
  const version = JSON.parse(readFileSync(new URL(`node_modules/${name}/package.json`, root))).version;
  const wanted = JSON.parse(readFileSync(new URL('package.json', root))).devDependencies[name];
  if (version !== wanted) throw new Error(`${name}: installed ${version}, package.json pins ${wanted}; run npm ci`);
  return `${name}@${version} (npm)`;
}
