// The command as installed: bin/plateau.js runs the compiled dist/ (tsconfig.build.json, built by
// `npm install`'s prepare script), not src/. A module the build leaves out (src/web is Vite's, for
// the browser) imported by a command breaks every command there while in-process tests pass.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const run = promisify(execFile);

async function plateau(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [join(ROOT, 'bin/plateau.js'), ...args], { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

describe('the built command (bin/plateau.js over dist/)', () => {
  it('is built (npm install runs the build; else npm run build)', () => {
    expect(existsSync(join(ROOT, 'dist/cli/main.js'))).toBe(true);
  });

  it('says the version package.json gives, as the API document does', async () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(await plateau(['--version'])).toMatchObject({ code: 0, stdout: `plateau ${version}\n` });
    const { OPENAPI } = (await import(join(ROOT, 'dist/server/openapi.js'))) as { OPENAPI: { info: { version: string } } };
    expect(OPENAPI.info.version).toBe(version);
    // Written once: no source file spells the version as a literal of its own.
    const literal = `'${version}'`;
    const sources = (readdirSync(join(ROOT, 'src'), { recursive: true }) as string[]).filter((f) => /\.tsx?$/.test(f));
    expect(sources.filter((f) => readFileSync(join(ROOT, 'src', f), 'utf8').includes(literal))).toEqual([]);
  });

  it('lists its commands, and each one prints its help', { timeout: 60_000 }, async () => {
    const help = await plateau(['--help']);
    expect(help.stderr).toBe('');
    expect(help.code).toBe(0);
    const commands = [...help.stdout.matchAll(/^ {2}([a-z]+)\s{2,}/gm)].map((m) => m[1] as string);
    expect(commands).toEqual(expect.arrayContaining(['demo', 'import', 'indicators', 'report', 'serve', 'trends', 'bundle']));
    // Each command's help from the built module, in one process (a process per command costs ~1.5 s).
    const script = `import { main } from ${JSON.stringify(join(ROOT, 'dist/cli/main.js'))};
      const out = {}; const write = process.stdout.write.bind(process.stdout);
      for (const c of ${JSON.stringify(commands)}) {
        let text = ''; process.stdout.write = (s) => { text += s; return true; };
        const code = await main([c, '--help']); process.stdout.write = write; out[c] = { code, text };
      }
      write(JSON.stringify(out));`;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT });
    const helps = JSON.parse(stdout) as Record<string, { code: number; text: string }>;
    for (const command of commands) {
      expect(helps[command]?.code, command).toBe(0);
      expect(helps[command]?.text).toMatch(new RegExp(`^Usage: plateau ${command}`));
    }
  });
});
