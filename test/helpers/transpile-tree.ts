/**
 * Type-strips a module and the relative modules it imports (JSON data copied) into a folder, for
 * child processes and worker threads that run plateau's sources without vitest. Same output layout
 * as test/ingest/sources/mllp/transpile-tree.ts, but through Oxc (vite's `transformWithOxc`), which
 * strips the CLI's ~400 modules in about a second where TypeScript's `transpileModule` takes ten.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { transformWithOxc } from 'vite';

/** The repository's root folder. */
export const ROOT = resolve(import.meta.dirname, '../..');

/**
 * Transpiles `entry` and the relative modules it imports into `out`, keeping their paths relative
 * to the repository (`src/cli/main.ts` → `out/src/cli/main.js`).
 *
 * @example
 * await transpileTree(join(ROOT, 'src/cli/main.ts'), join(tmp, 'code'));
 */
export async function transpileTree(entry: string, out: string): Promise<void> {
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const { code } = await transformWithOxc(readFileSync(file, 'utf8'), file, {
      lang: 'ts',
      target: 'es2023',
      sourcemap: false,
      // The sources import with `.ts` extensions; the stripped files are `.js`.
      typescript: { rewriteImportExtensions: 'rewrite', onlyRemoveTypeImports: true },
    });
    const target = join(out, relative(ROOT, file)).replace(/\.ts$/, '.js');
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, code);
    for (const m of code.matchAll(/from ["'](\.[^"']+)\.js["']/g))
      queue.push(resolve(dirname(file), `${m[1]}.ts`));
    // Modules loaded on demand (the CLI's commands: src/cli/commands/index.ts).
    for (const m of code.matchAll(/import\(["'](\.[^"']+)\.js["']\)/g))
      queue.push(resolve(dirname(file), `${m[1]}.ts`));
    // Data the modules import as JSON (the population table) is copied as it is.
    for (const m of code.matchAll(/from ["'](\.[^"']+\.json)["']/g)) {
      const json = resolve(dirname(file), m[1] as string);
      mkdirSync(dirname(join(out, relative(ROOT, json))), { recursive: true });
      copyFileSync(json, join(out, relative(ROOT, json)));
    }
  }
}
