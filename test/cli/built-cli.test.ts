// The command as installed: bin/plateau.js runs the compiled dist/ (tsconfig.build.json, built by
// `npm install`'s prepare script), not src/. A module the build leaves out (src/web is Vite's, for
// the browser) imported by a command breaks every command there while in-process tests pass.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const run = promisify(execFile);

async function plateau(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      [join(ROOT, 'bin/plateau.js'), ...args],
      { cwd: ROOT },
    );
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
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      version: string;
    };
    expect(await plateau(['--version'])).toMatchObject({ code: 0, stdout: `plateau ${version}\n` });
    const { OPENAPI } = (await import(join(ROOT, 'dist/server/openapi.js'))) as {
      OPENAPI: { info: { version: string } };
    };
    expect(OPENAPI.info.version).toBe(version);
    // Written once: no source file spells the version as a literal of its own.
    const literal = `'${version}'`;
    const sources = (readdirSync(join(ROOT, 'src'), { recursive: true }) as string[]).filter((f) =>
      /\.tsx?$/.test(f),
    );
    expect(
      sources.filter((f) => readFileSync(join(ROOT, 'src', f), 'utf8').includes(literal)),
    ).toEqual([]);
  });

  it('lists its commands, and each one prints its help', { timeout: 60_000 }, async () => {
    const help = await plateau(['--help']);
    expect(help.stderr).toBe('');
    expect(help.code).toBe(0);
    const commands = [...help.stdout.matchAll(/^ {2}([a-z]+)\s{2,}/gm)].map((m) => m[1] as string);
    expect(commands).toEqual(
      expect.arrayContaining([
        'demo',
        'import',
        'indicators',
        'report',
        'serve',
        'trends',
        'bundle',
      ]),
    );
    // Each command's help from the built module, in one process (a process per command costs ~1.5 s).
    const script = `import { main } from ${JSON.stringify(join(ROOT, 'dist/cli/main.js'))};
      const out = {}; const write = process.stdout.write.bind(process.stdout);
      for (const c of ${JSON.stringify(commands)}) {
        let text = ''; process.stdout.write = (s) => { text += s; return true; };
        const code = await main([c, '--help']); process.stdout.write = write; out[c] = { code, text };
      }
      const { COMMANDS } = await import(${JSON.stringify(join(ROOT, 'dist/cli/commands/index.js'))});
      const listed = {};
      for (const e of COMMANDS) { const c = await e.load(); listed[e.name] = { name: c.name, summary: c.summary, listed: e.summary }; }
      write(JSON.stringify({ out, listed }));`;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], {
      cwd: ROOT,
    });
    const { out: helps, listed } = JSON.parse(stdout) as {
      out: Record<string, { code: number; text: string }>;
      listed: Record<string, { name: string; summary: string; listed: string }>;
    };
    for (const command of commands) {
      expect(helps[command]?.code, command).toBe(0);
      expect(helps[command]?.text).toMatch(new RegExp(`^Usage: plateau ${command}`));
    }
    // The registry (src/cli/commands/index.ts) lists every command once, under the name and summary
    // its module gives: the main help, written before any module loads, says what the commands say.
    expect(Object.keys(listed).sort()).toEqual([...commands].sort());
    for (const [name, c] of Object.entries(listed))
      expect({ name, summary: c.listed }).toEqual({ name: c.name, summary: c.summary });
  });

  it(
    'loads no command module (PGlite, Playwright) for --help, and a command’s module for its own help',
    { timeout: 60_000 },
    async () => {
      // A module hook (node:module register) writes every URL the child resolves to a file.
      const tmp = mkdtempSync(join(tmpdir(), 'plateau-lazy-'));
      try {
        writeFileSync(
          join(tmp, 'hooks.mjs'),
          `import { appendFileSync } from 'node:fs';
        let log;
        export function initialize(data) { log = data.log; }
        export async function resolve(specifier, context, next) {
          const r = await next(specifier, context); appendFileSync(log, r.url + '\\n'); return r;
        }`,
        );
        writeFileSync(
          join(tmp, 'register.mjs'),
          `import { register } from 'node:module';
        register('./hooks.mjs', import.meta.url, { data: { log: process.env.PLATEAU_TEST_LOAD_LOG } });`,
        );
        const loaded = async (args: string[], name: string): Promise<string[]> => {
          const log = join(tmp, `${name}.log`);
          writeFileSync(log, '');
          await run(
            process.execPath,
            [
              '--import',
              pathToFileURL(join(tmp, 'register.mjs')).href,
              join(ROOT, 'bin/plateau.js'),
              ...args,
            ],
            {
              cwd: ROOT,
              env: { ...process.env, PLATEAU_TEST_LOAD_LOG: log },
            },
          );
          return readFileSync(log, 'utf8').split('\n').filter(Boolean);
        };
        const commandModules = (urls: string[]): string[] =>
          urls
            .filter((u) => /\/dist\/cli\/commands\/[^/]+\.js$/.test(u) && !u.endsWith('/index.js'))
            .map((u) => u.replace(/.*\//, ''));
        const heavy = (urls: string[]): string[] =>
          urls.filter((u) =>
            /@electric-sql\/pglite|playwright-core|\/pg\/|@hono\/node-server/.test(u),
          );

        const help = await loaded(['--help'], 'help');
        expect(help.some((u) => u.endsWith('/dist/cli/commands/index.js'))).toBe(true); // the hook sees the CLI's modules
        expect(commandModules(help)).toEqual([]);
        expect(heavy(help)).toEqual([]);

        // A command's own help loads its module, with what it needs: serve brings PGlite in (so the
        // checks above can fail, as they did when main.ts imported every command).
        const serve = await loaded(['serve', '--help'], 'serve');
        expect(commandModules(serve)).toContain('serve.js');
        expect(heavy(serve).length).toBeGreaterThan(0);

        // A kit's figures load no store module: the store's modules are loaded for the store path only.
        const kit = await loaded(
          ['indicators', join(ROOT, 'test/fixtures/kits/good-minimal/input'), '--json'],
          'indicators',
        );
        expect(commandModules(kit)).toContain('indicators.js');
        expect(kit.filter((u) => /\/dist\/storage\/|@electric-sql\/pglite/.test(u))).toEqual([]);
      } finally {
        rmSync(tmp, { recursive: true, force: true });
      }
    },
  );
});
