/**
 * The issue-17 figures at kit scale: parse + validate of the 1.7 M-exam kit in this process (one
 * thread), then whole `plateau indicators KIT --json` processes (wall and the child's own peak RSS,
 * `--threads 1` and the default), on that kit and on the national year. Kits are generated once into
 * bench/.cache/ (gitignored) and reused; every figure is printed beside its target and the load.
 */
import { spawn } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { examCount } from '../src/core/exam-table.ts';
import { assembleCampaign } from '../src/core/indicators/index.ts';
import { kitColumns } from '../src/core/indicators/machine-columns.ts';
import type { Kit } from '../src/core/kit-types.ts';
import { computeMachines } from '../src/compute/parallel.ts';
import { readKitDir } from '../src/ingest/kit/read-kit.ts';

/** The repository's root (this file runs from bench/out/bench/). */
const REPO = join(import.meta.dirname, '../../..');
const CLI = join(REPO, 'bin/plateau.js');
const CACHE = join(REPO, 'bench/.cache');

/** One kit of the scale section: how it is generated, where it is cached, how many runs. */
export interface ScaleKit {
  label: string;
  dir: string;
  machines: number;
  days: number;
  runs: number;
  /** Wall seconds, and peak RSS in MB (10⁶ bytes, as the issue's targets are written). */
  target: { wallS: number; rssMb: number };
}

/** The 1.7 M-exam kit (seed 7, 1,000 machines × 91 days) and the national year (2,500 × 365). */
export function scaleKits(): ScaleKit[] {
  return [
    {
      label: 'k7 (1,000 machines × 91 days)',
      dir: process.env['PLATEAU_K7_KIT'] ?? join(CACHE, 'k7-1000x91'),
      machines: 1000,
      days: 91,
      runs: 3,
      target: { wallS: 4, rssMb: 400 },
    },
    {
      label: 'national year (2,500 × 365)',
      dir: process.env['PLATEAU_NATIONAL_KIT'] ?? join(CACHE, 'national-2500x365'),
      machines: 2500,
      days: 365,
      runs: 1,
      target: { wallS: 30, rssMb: 3000 },
    },
  ];
}

export const load = (): string =>
  loadavg()
    .map((v) => v.toFixed(2))
    .join(' ');

const median = (values: readonly number[]): number => {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

/** Generates `kit` with the built CLI unless its folder already holds a whole kit. */
function generateOnce(kit: ScaleKit): void {
  if (['campaign.json', 'sessions.csv', 'exams.csv'].every((f) => existsSync(join(kit.dir, f))))
    return;
  console.log(`kit-scale: generating ${kit.label} into ${kit.dir} (once; later runs reuse it)`);
  mkdirSync(join(kit.dir, '..'), { recursive: true });
  const args = [
    'generate',
    kit.dir,
    '--seed',
    '7',
    '--machines',
    String(kit.machines),
    '--days',
    String(kit.days),
  ];
  execFileSync(process.execPath, ['--max-old-space-size=16384', CLI, ...args], {
    stdio: 'inherit',
  });
}

/**
 * A module a child imports first: on exit it writes its own peak RSS (KB) and CPU time (user and
 * system, µs) to $PLATEAU_BENCH_RSS_FILE. The peak is the kernel's VmHWM of the child's own memory
 * since exec: `resourceUsage().maxRSS` is not, as Linux carries over to it the high-water mark of
 * the memory the child was forked with (this bench process's, hundreds of MB after a parse).
 */
function rssHook(root: string): string {
  const hook = join(root, 'rss-hook.mjs');
  writeFileSync(
    hook,
    "import { readFileSync, writeFileSync } from 'node:fs';\n" +
      "process.on('exit', () => { const f = process.env.PLATEAU_BENCH_RSS_FILE; if (!f) return; const u = process.resourceUsage(); " +
      "const hwm = /VmHWM:\\s*(\\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8')); " +
      "writeFileSync(f, [hwm ? Number(hwm[1]) : u.maxRSS, u.userCPUTime, u.systemCPUTime].join(' ')); });\n",
  );
  return hook;
}

/**
 * One whole `plateau` process, stdout discarded: wall seconds, the child's peak RSS (MiB) and CPU
 * seconds (user + system: what the wall time would be on an idle core, less the work of V8's
 * helper threads; shown beside the wall time, which other processes' load stretches).
 */
function runCli(
  args: readonly string[],
  hook: string,
  rssFile: string,
  env: Readonly<Record<string, string>> = {},
): Promise<{ wallS: number; rssMib: number; cpuS: number }> {
  rmSync(rssFile, { force: true });
  const t = performance.now();
  const child = spawn(process.execPath, ['--import', pathToFileURL(hook).href, CLI, ...args], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, ...env, PLATEAU_BENCH_RSS_FILE: rssFile },
  });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr = (stderr + c.toString()).slice(-2000)));
  return new Promise((resolve, reject) => {
    child.on('exit', (code) => {
      const wallS = (performance.now() - t) / 1000;
      if (code !== 0)
        return reject(new Error(`plateau ${args.join(' ')} exited with ${code}: ${stderr}`));
      const [rssKb, userUs, systemUs] = readFileSync(rssFile, 'utf8').split(' ').map(Number);
      resolve({
        wallS,
        rssMib: (rssKb as number) / 1024,
        cpuS: ((userUs as number) + (systemUs as number)) / 1e6,
      });
    });
  });
}

/**
 * The environment of the huge-pages runs: glibc asks for transparent huge pages on the large
 * blocks it maps (the exam columns, on fixed-length SharedArrayBuffers), where the kernel offers
 * them on request (`/sys/kernel/mm/transparent_hugepage/enabled` = madvise): a page fault per
 * 2 MiB instead of per 4 KiB, which these virtual machines make expensive. Opt-in (README, Speed).
 */
export const HUGE_PAGES_ENV = { GLIBC_TUNABLES: 'glibc.malloc.hugetlb=1' } as const;

/**
 * `runs` parses of `dir` (readKitDir of the built dist/) in a child process started with `env`:
 * wall and CPU seconds (user + system) of each.
 */
function parseInChild(
  dir: string,
  runs: number,
  env: Readonly<Record<string, string>>,
): { wall: number[]; cpu: number[] } {
  const reader = pathToFileURL(join(REPO, 'dist/ingest/kit/read-kit.js')).href;
  const script = [
    `import { readKitDir } from ${JSON.stringify(reader)};`,
    'const out = [];',
    `for (let i = 0; i < ${runs}; i++) {`,
    '  globalThis.gc();',
    '  const t = performance.now();',
    '  const c = process.cpuUsage();',
    `  const read = await readKitDir(${JSON.stringify(dir)});`,
    '  if (!read.kit) process.exit(3);',
    '  const u = process.cpuUsage(c);',
    '  out.push([(performance.now() - t) / 1000, (u.user + u.system) / 1e6]);',
    '}',
    'console.log(JSON.stringify(out));',
  ].join('\n');
  const stdout = execFileSync(
    process.execPath,
    ['--expose-gc', '--max-old-space-size=16384', '--input-type=module', '-e', script],
    { env: { ...process.env, ...env }, encoding: 'utf8' },
  );
  const pairs = JSON.parse(stdout) as [number, number][];
  return { wall: pairs.map((p) => p[0]), cpu: pairs.map((p) => p[1]) };
}

/** One measured figure of the section. */
export interface ScaleRow {
  kit: string;
  what: string;
  runs: number;
  value: string;
  target: string;
  load: string;
}

const mark = (ok: boolean): string => (ok ? 'met' : 'NOT met');

/** Parse + validate (in this process), compute, then whole processes, for each kit. */
export async function benchKitScale(
  root: string,
  kits: readonly ScaleKit[] = scaleKits(),
): Promise<ScaleRow[]> {
  const rows: ScaleRow[] = [];
  const hook = rssHook(root);
  const rssFile = join(root, 'child-rss.txt');
  const threads = availableParallelism();
  const add = (row: ScaleRow): void => {
    rows.push(row);
    console.log(
      `kit-scale: ${row.kit}: ${row.what}: ${row.value} (target ${row.target}; ${row.runs} run(s), load ${row.load})`,
    );
  };
  for (const spec of kits) {
    generateOnce(spec);
    // (a) parse + validate, this process, one thread.
    const times: number[] = [];
    const cpus: number[] = [];
    let kit: Kit | null = null;
    let exams = 0;
    let loadBefore = load();
    for (let i = 0; i < spec.runs; i++) {
      kit = null;
      (globalThis as { gc?: () => void }).gc?.();
      const t = performance.now();
      const cpu = process.cpuUsage();
      const read = await readKitDir(spec.dir);
      times.push((performance.now() - t) / 1000);
      const used = process.cpuUsage(cpu);
      cpus.push((used.user + used.system) / 1e6);
      if (!read.kit) throw new Error(`${spec.dir} does not read without errors`);
      kit = read.kit;
      exams = examCount(kit);
    }
    const parseS = median(times);
    const rate = exams / parseS;
    add({
      kit: spec.label,
      what: `parse + validate (readKitDir, ${exams.toLocaleString('en')} exams)`,
      runs: spec.runs,
      value: `${parseS.toFixed(2)} s, ${(rate / 1e6).toFixed(2)} M exam rows/s [${times.map((s) => s.toFixed(2)).join(', ')}]; CPU ${median(cpus).toFixed(2)} s (${(exams / median(cpus) / 1e6).toFixed(2)} M rows per CPU-second)`,
      target: `≥ 1 M rows/s: ${mark(rate >= 1e6)}`,
      load: loadBefore,
    });
    {
      loadBefore = load();
      const huge = parseInChild(spec.dir, spec.runs, HUGE_PAGES_ENV);
      const hugeS = median(huge.wall);
      add({
        kit: spec.label,
        what: `parse + validate, child process with GLIBC_TUNABLES=${HUGE_PAGES_ENV.GLIBC_TUNABLES}`,
        runs: spec.runs,
        value: `${hugeS.toFixed(2)} s, ${(exams / hugeS / 1e6).toFixed(2)} M exam rows/s [${huge.wall.map((x) => x.toFixed(2)).join(', ')}]; CPU ${median(huge.cpu).toFixed(2)} s`,
        target: `≥ 1 M rows/s: ${mark(exams / hugeS >= 1e6)}`,
        load: loadBefore,
      });
    }
    // Compute only (columns + machines + benchmark), in this process, on the kit just read.
    for (const n of [1, threads]) {
      loadBefore = load();
      const t = performance.now();
      const k = kit as Kit;
      assembleCampaign(
        k,
        await computeMachines(kitColumns(k, { shared: n > 1 }), k.campaign, { threads: n }),
      );
      add({
        kit: spec.label,
        what: `compute, ${n} thread(s), in process`,
        runs: 1,
        value: `${((performance.now() - t) / 1000).toFixed(2)} s`,
        target: '–',
        load: loadBefore,
      });
    }
    kit = null;
    (globalThis as { gc?: () => void }).gc?.();
    // (b) whole processes: plateau indicators KIT --json > /dev/null.
    const variants: [string[], Readonly<Record<string, string>>][] = [
      [['--threads', '1'], {}],
      [[], {}],
      [['--threads', '1'], HUGE_PAGES_ENV],
      [[], HUGE_PAGES_ENV],
    ];
    for (const [extra, env] of variants) {
      const walls: number[] = [];
      const rss: number[] = [];
      const cpus: number[] = [];
      loadBefore = load();
      for (let i = 0; i < spec.runs; i++) {
        const r = await runCli(['indicators', spec.dir, '--json', ...extra], hook, rssFile, env);
        walls.push(r.wallS);
        rss.push(r.rssMib);
        cpus.push(r.cpuS);
      }
      const wall = median(walls);
      const peak = Math.max(...rss);
      const peakMb = (peak * 1024 * 1024) / 1e6;
      add({
        kit: spec.label,
        what: `plateau indicators --json ${extra.length ? '--threads 1' : `(default: ${threads} threads)`}${env === HUGE_PAGES_ENV ? `, GLIBC_TUNABLES=${HUGE_PAGES_ENV.GLIBC_TUNABLES}` : ''}`,
        runs: spec.runs,
        value: `${wall.toFixed(2)} s wall [${walls.map((s) => s.toFixed(2)).join(', ')}], CPU ${median(cpus).toFixed(2)} s, peak RSS ${peak.toFixed(0)} MiB (${peakMb.toFixed(0)} MB) [${rss.map((m) => m.toFixed(0)).join(', ')} MiB]`,
        target: `≤ ${spec.target.wallS} s: ${mark(wall <= spec.target.wallS)}; ≤ ${spec.target.rssMb} MB: ${mark(peakMb <= spec.target.rssMb)}`,
        load: `${loadBefore} → ${load()}`,
      });
    }
  }
  return rows;
}

/** The section as a Markdown table, with the figures before issue 17 beside it. */
export function kitScaleTable(rows: readonly ScaleRow[]): string {
  return [
    `Kit scale (load average now ${load()}; 1, 5, 15 min)`,
    '| kit | what | runs | measured | target | load |',
    '|---|---|---|---|---|---|',
    ...rows.map(
      (r) => `| ${r.kit} | ${r.what} | ${r.runs} | ${r.value} | ${r.target} | ${r.load} |`,
    ),
    '',
    'Before issue 17 (2026-12-07, same machine): k7 `plateau indicators --json` 11.4–13.4 s wall, 1.12 GB peak RSS;',
    'k7 readKitDir 6.9–8.6 s (≈ 0.2–0.25 M rows/s); compute 1.8 s (2 threads) / 2.8 s (1 thread);',
    'national year parse 102 s, 7.7 GB peak.',
    'After the first session of issue 17 (67da5e4, load ≈ 2): k7 `plateau indicators --json` 4.4–4.55 s, 385 MB',
    '(one thread); parse + validate ≈ 0.55–0.6 M rows/s; national year 37.6 s, 2.44 GB (one thread).',
    'After the second session (46b7064, load ≈ 2): parse + validate 0.85–0.87 M rows/s; k7 `plateau indicators',
    '--json` 3.53–3.58 s; national year 25.3 s (2 threads) / 26.6 s (1 thread). Peak memory printed until the',
    'third session counted the bench process too (a forked child inherits its high-water mark): 385–411 MiB, 3.03 GiB.',
  ].join('\n');
}
