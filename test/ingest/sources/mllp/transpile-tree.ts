/** Type-strips a module and the relative modules it imports (JSON data copied) into a folder, for child processes. */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

/** The repository's root folder. */
export const ROOT = resolve(import.meta.dirname, '../../../..');

/** Transpiles `entry` and the relative modules it imports into `out`, keeping their paths. */
export function transpileTree(entry: string, out: string): void {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    const { outputText } = ts.transpileModule(source, {
      fileName: file,
      compilerOptions: {
        module: ts.ModuleKind.ESNext,
        target: ts.ScriptTarget.ES2023,
        verbatimModuleSyntax: true,
        rewriteRelativeImportExtensions: true,
      },
    });
    const target = join(out, relative(ROOT, file)).replace(/\.ts$/, '.js');
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, outputText);
    for (const m of outputText.matchAll(/from ["'](\.[^"']+)\.js["']/g))
      visit(resolve(dirname(file), `${m[1]}.ts`));
    // Data the modules import as JSON (the population table) is copied as it is.
    for (const m of outputText.matchAll(/from ["'](\.[^"']+\.json)["']/g)) {
      const json = resolve(dirname(file), m[1] as string);
      copyFileSync(json, join(out, relative(ROOT, json)));
    }
  };
  visit(entry);
}
