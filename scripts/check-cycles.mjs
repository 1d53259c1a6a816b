#!/usr/bin/env node
// Fails when the runtime imports between src/ modules form a cycle (type-only imports are
// erased at build time and do not count). A small stand-in for madge, whose peer range refuses
// TypeScript 6; it reads relative `import … from './x.ts'` and `export … from` statements.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(process.argv[2] ?? 'src');
const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== 'web' && name !== 'node_modules') walk(path);
    } else if (path.endsWith('.ts') && !path.endsWith('.d.ts')) files.push(path);
  }
};
walk(root);

const statement = /^\s*(import|export)\s+(type\s+)?[^;]*?\sfrom\s+['"](\.{1,2}\/[^'"]+)['"]/gms;
const graph = new Map();
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const deps = [];
  for (const m of text.matchAll(statement)) if (!m[2]) deps.push(resolve(dirname(file), m[3]));
  graph.set(
    file,
    deps.filter((d) => graph.has(d) || files.includes(d)),
  );
}

const state = new Map(); // 1 = on the stack, 2 = done
const stack = [];
const cycles = [];
const visit = (file) => {
  state.set(file, 1);
  stack.push(file);
  for (const dep of graph.get(file) ?? []) {
    if (state.get(dep) === 1) cycles.push([...stack.slice(stack.indexOf(dep)), dep]);
    else if (!state.has(dep)) visit(dep);
  }
  stack.pop();
  state.set(file, 2);
};
for (const file of files) if (!state.has(file)) visit(file);

if (cycles.length > 0) {
  for (const c of cycles)
    console.error(`import cycle: ${c.map((f) => relative(process.cwd(), f)).join(' → ')}`);
  process.exit(1);
}
console.log(`no import cycle among ${files.length} modules`);
