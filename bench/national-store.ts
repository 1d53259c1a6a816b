/**
 * A national year in a store (issue 17): `plateau import` of the 2,500-machine × 365-day kit
 * (~17.3 M exams) into PGlite and into a PostgreSQL server, each a whole process timed with its
 * peak RSS (`/usr/bin/time`), the store's size after (du of the PGlite folder, `pg_database_size`),
 * then `plateau serve` over the PGlite store hit by 50 concurrent clients (autocannon, as
 * bench/api-load.ts) on the campaign list, indicators, benchmark, establishment and machine views.
 * The kit is generated once into a cache folder and reused; stores are made afresh each run,
 * unless PLATEAU_NATIONAL_STORE names a PGlite folder already holding the national year: the
 * imports are then skipped and that store served. The benchmark view is hit twice: as autocannon
 * asks (no `Accept-Encoding`), then as a browser does (`gzip`).
 * Takes long (tens of minutes on 2 shared cores): `npm run bench -- --store-only`.
 */
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import type {
  BenchmarkView,
  CampaignDetail,
  EstablishmentListing,
} from '../src/core/views/types.ts';
import { loadRun, median } from './api-load.ts';
import type { RunFigures } from './api-load.ts';
import { startServe } from './serve-child.ts';

const CLI = join(import.meta.dirname, '../src/cli/main.js');

export interface NationalStoreOptions {
  /** Where the generated kit is kept between runs (generated when it holds no exams.csv). */
  kitDir: string;
  /** Scratch folder for the PGlite store. */
  root: string;
  /** A PGlite folder already holding the national year: served as it is, nothing imported. */
  storeDir: string | null;
  /** A PostgreSQL role that may create databases; null: the server import is skipped. */
  pgAdminUrl: string | null;
  connections: number;
  durationS: number;
  runs: number;
  warmupS: number;
}

/** One engine's import: whole-process wall time and peak RSS, store size after. */
export interface ImportFigures {
  engine: 'pglite' | 'postgres';
  seconds: number;
  /** User + system CPU seconds of the plateau process: less swayed than wall time by the load. */
  cpuSeconds: number;
  peakRssMb: number;
  storeMb: number;
  /** The 1-minute load average before and after. */
  load: [number, number];
  /** The import's last lines (its summary), or its error. */
  output: string;
  ok: boolean;
}

export interface ApiFigures {
  view: string;
  urls: number;
  requestsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  failures: number;
  load: number;
}

export interface NationalStoreResult {
  exams: string;
  imports: ImportFigures[];
  /** First answer of the campaign listing, ms. */
  firstListMs: number | null;
  /** First answer of the campaign (the server loads it into its cache), ms. */
  coldCampaignMs: number | null;
  /** First answer of a benchmark narrowed to a region (reads its machines' exam samples), ms. */
  coldBenchmarkMs: number | null;
  serveRssMb: number | null;
  api: ApiFigures[];
}

export function nationalStoreDefaults(): NationalStoreOptions {
  return {
    kitDir:
      process.env['PLATEAU_NATIONAL_KIT'] ??
      join(import.meta.dirname, '../../.cache/national-2500x365'),
    root: join(import.meta.dirname, '../../.cache/national-store'),
    storeDir: process.env['PLATEAU_NATIONAL_STORE'] || null,
    pgAdminUrl: process.env['PLATEAU_BENCH_PG_URL'] || process.env['PLATEAU_TEST_PG_URL'] || null,
    connections: 50,
    durationS: 10,
    runs: 3,
    warmupS: 3,
  };
}

const load1 = (): number => Math.round((loadavg()[0] ?? 0) * 100) / 100;

/** Runs the compiled CLI with `args` under /usr/bin/time: wall and CPU seconds, peak RSS, output. */
function timedCli(
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<{
  seconds: number;
  cpuSeconds: number;
  peakRssMb: number;
  output: string;
  ok: boolean;
}> {
  const entry = `import { main } from ${JSON.stringify(pathToFileURL(CLI).href)}; process.exitCode = await main(process.argv.slice(1));`;
  const child = spawn(
    '/usr/bin/time',
    [
      '-f',
      'TIME %e %M %U %S',
      process.execPath,
      '--max-old-space-size=16384',
      '--input-type=module',
      '-e',
      entry,
      ...args,
    ],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...env },
    },
  );
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  return new Promise((resolve) => {
    child.on('exit', (code) => {
      const m = /TIME ([\d.]+) (\d+) ([\d.]+) ([\d.]+)\s*$/.exec(output);
      resolve({
        seconds: m ? Number(m[1]) : NaN,
        cpuSeconds: m ? Math.round(Number(m[3]) + Number(m[4])) : NaN,
        peakRssMb: m ? Math.round(Number(m[2]) / 1024) : NaN,
        output: output
          .replace(/TIME [\d.]+ \d+ [\d.]+ [\d.]+\s*$/, '')
          .trim()
          .split('\n')
          .slice(-12)
          .join('\n'),
        ok: code === 0,
      });
    });
  });
}

function generateOnce(kitDir: string): void {
  if (existsSync(join(kitDir, 'exams.csv'))) return;
  console.log(`national-store: generating the kit into ${kitDir} (once; later runs reuse it)`);
  mkdirSync(join(kitDir, '..'), { recursive: true });
  execFileSync(
    process.execPath,
    [
      '--max-old-space-size=16384',
      '--input-type=module',
      '-e',
      `import { main } from ${JSON.stringify(pathToFileURL(CLI).href)}; process.exitCode = await main(process.argv.slice(1));`,
      'generate',
      kitDir,
      '--seed',
      '7',
      '--machines',
      '2500',
      '--days',
      '365',
    ],
    { stdio: 'inherit' },
  );
}

async function adminQuery<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(sql)).rows;
  } finally {
    await c.end();
  }
}

async function getJson<T>(url: string): Promise<T> {
  const r = await fetch(url);
  if (r.status !== 200)
    throw new Error(`GET ${url}: ${r.status} ${(await r.text()).slice(0, 300)}`);
  return (await r.json()) as T;
}

/**
 * Imports the national year into each engine and serves the PGlite store under load.
 *
 * @example
 * console.log(nationalStoreTable(await benchNationalStore(nationalStoreDefaults())));
 */
export async function benchNationalStore(
  options: NationalStoreOptions,
): Promise<NationalStoreResult> {
  const imports: ImportFigures[] = [];
  if (options.storeDir !== null) {
    const api = await serveUnderLoad(options, options.storeDir);
    return { exams: '(stored)', imports, ...api };
  }
  generateOnce(options.kitDir);
  const exams =
    execFileSync('du', ['-h', join(options.kitDir, 'exams.csv')])
      .toString()
      .split('\t')[0] ?? '?';
  const dataDir = join(options.root, 'pglite');
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(options.root, { recursive: true });

  let before = load1();
  const lite = await timedCli(['import', options.kitDir, '--data', dataDir]);
  const liteMb = existsSync(dataDir)
    ? Number(execFileSync('du', ['-sm', dataDir]).toString().split('\t')[0])
    : NaN;
  imports.push({ engine: 'pglite', ...lite, storeMb: liteMb, load: [before, load1()] });
  console.log(
    `national-store: PGlite import ${lite.ok ? 'done' : 'FAILED'} in ${lite.seconds} s (${lite.cpuSeconds} CPU-s), peak ${lite.peakRssMb} MB, store ${liteMb} MB (load ${before} → ${load1()})\n${lite.output}`,
  );

  if (options.pgAdminUrl !== null) {
    const database = `plateau_national_${randomBytes(4).toString('hex')}`;
    await adminQuery(options.pgAdminUrl, `create database ${database}`);
    const url = new URL(options.pgAdminUrl);
    url.pathname = `/${database}`;
    try {
      before = load1();
      const server = await timedCli(['import', options.kitDir], {
        PLATEAU_DATABASE_URL: url.toString(),
      });
      const [size] = await adminQuery<{ mb: number }>(
        url.toString(),
        'select (pg_database_size(current_database()) / 1048576)::int as mb',
      );
      imports.push({
        engine: 'postgres',
        ...server,
        storeMb: size?.mb ?? NaN,
        load: [before, load1()],
      });
      console.log(
        `national-store: PostgreSQL import ${server.ok ? 'done' : 'FAILED'} in ${server.seconds} s (${server.cpuSeconds} CPU-s of plateau), peak ${server.peakRssMb} MB, database ${size?.mb} MB (load ${before} → ${load1()})\n${server.output}`,
      );
    } finally {
      await adminQuery(
        options.pgAdminUrl,
        `drop database if exists ${database} with (force)`,
      ).catch((e: unknown) =>
        console.error(`national-store: could not drop ${database}: ${String(e)}`),
      );
    }
  }

  const api = lite.ok
    ? await serveUnderLoad(options, dataDir)
    : {
        firstListMs: null,
        coldCampaignMs: null,
        coldBenchmarkMs: null,
        serveRssMb: null,
        api: [],
      };
  return { exams, imports, ...api };
}

/**
 * `plateau serve` over the PGlite store `dataDir`: the first listing and campaign answer timed,
 * then each view under load.
 */
async function serveUnderLoad(
  options: NationalStoreOptions,
  dataDir: string,
): Promise<Omit<NationalStoreResult, 'exams' | 'imports'>> {
  const api: ApiFigures[] = [];
  let firstListMs: number | null = null;
  let coldCampaignMs: number | null = null;
  let coldBenchmarkMs: number | null = null;
  let serveRssMb: number | null = null;
  const server = await startServe(['--data', dataDir]);
  try {
    let t = performance.now();
    const campaigns = await getJson<{ id: string }[]>(`${server.url}/api/campaigns`);
    firstListMs = Math.round(performance.now() - t);
    const id = campaigns[0]?.id;
    if (id === undefined) throw new Error('national-store: the store lists no campaign');
    const base = `/api/campaigns/${encodeURIComponent(id)}`;
    t = performance.now();
    const detail = await getJson<CampaignDetail>(`${server.url}${base}`);
    coldCampaignMs = Math.round(performance.now() - t);
    const q = encodeURIComponent;
    const benchmarks = detail.options.regions.flatMap((r) =>
      detail.options.modalities.map((m) => `${base}/benchmark?modality=${m}&region=${q(r)}`),
    );
    t = performance.now();
    await getJson<BenchmarkView>(`${server.url}${benchmarks[0]}`);
    coldBenchmarkMs = Math.round(performance.now() - t);
    console.log(
      `national-store: first listing ${firstListMs} ms, first campaign answer ${coldCampaignMs} ms, first narrowed benchmark ${coldBenchmarkMs} ms (load ${load1()})`,
    );
    const establishments = await getJson<EstablishmentListing[]>(
      `${server.url}${base}/establishments`,
    );
    const machines = (await getJson<BenchmarkView>(`${server.url}${base}/benchmark`)).machines;
    const timelines = (from: number, to: number): string[] =>
      machines.slice(from, to).map((m) => `${base}/machines/${q(m.equipmentId)}/timeline`);
    const views: {
      view: string;
      paths: string[];
      headers?: Record<string, string>;
      /** Each path asked once, in one run (its first answer: nothing read or memoized before). */
      once?: boolean;
    }[] = [
      { view: 'campaign list', paths: ['/api/campaigns'] },
      { view: 'campaign (indicators)', paths: [base] },
      { view: 'benchmark, modality × region', paths: benchmarks },
      {
        view: 'benchmark, same, gzip accepted',
        paths: benchmarks,
        headers: { 'accept-encoding': 'gzip, deflate, br' },
      },
      {
        view: 'establishment',
        paths: establishments.map((e) => `${base}/establishments/${q(e.finess)}`),
      },
      { view: 'machine', paths: machines.map((m) => `${base}/machines/${q(m.equipmentId)}`) },
      { view: 'machine timeline, first reads', paths: timelines(200, 400), once: true },
      { view: 'machine timeline', paths: timelines(0, 200) },
    ];
    for (const { view, paths, headers, once } of views) {
      const hit = (seconds: number): Promise<RunFigures> =>
        loadRun(server.url, paths, seconds, options.connections, headers);
      const runs: RunFigures[] = [];
      if (once) {
        runs.push(await loadRun(server.url, paths, 0, options.connections, headers, paths.length));
      } else {
        await hit(options.warmupS);
        for (let i = 0; i < options.runs; i++) runs.push(await hit(options.durationS));
      }
      const row: ApiFigures = {
        view,
        urls: paths.length,
        requestsPerSecond: median(runs.map((r) => r.requestsPerSecond)),
        p50Ms: median(runs.map((r) => r.p50)),
        p95Ms: median(runs.map((r) => r.p95)),
        p99Ms: median(runs.map((r) => r.p99)),
        failures: runs.reduce((n, r) => n + r.failures, 0),
        load: load1(),
      };
      api.push(row);
      console.log(
        `national-store: ${view.padEnd(30)} ${row.requestsPerSecond.toFixed(0).padStart(6)} req/s  P95 ${row.p95Ms.toFixed(1)} ms  P99 ${row.p99Ms.toFixed(1)} ms  (${row.failures} failed, load ${row.load})`,
      );
    }
    serveRssMb = serverRss(server.url);
  } finally {
    await server.stop();
  }
  return { firstListMs, coldCampaignMs, coldBenchmarkMs, serveRssMb, api };
}

/** RSS of the process listening on the URL's port (ps), MB; null when it cannot be told. */
function serverRss(url: string): number | null {
  try {
    const port = new URL(url).port;
    const pid = execFileSync('sh', [
      '-c',
      `ss -ltnp 'sport = :${port}' | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2`,
    ])
      .toString()
      .trim();
    if (pid === '') return null;
    return Math.round(
      Number(execFileSync('ps', ['-o', 'rss=', '-p', pid]).toString().trim()) / 1024,
    );
  } catch {
    return null;
  }
}

/** Issue 17's target for every view: P95 at most this (ms) with `connections` clients. */
export const API_P95_TARGET_MS = 50;

/** The figures as Markdown tables. */
export function nationalStoreTable(r: NationalStoreResult, options: NationalStoreOptions): string {
  const lines = [
    `National year in a store (exams.csv ${r.exams}; 1-min load average shown beside each figure)`,
    '',
    '| engine | import wall | CPU (plateau) | peak RSS | store size | load before → after | ok |',
    '|---|---|---|---|---|---|---|',
    ...r.imports.map(
      (i) =>
        `| ${i.engine} | ${i.seconds.toFixed(1)} s | ${i.cpuSeconds} s | ${i.peakRssMb} MB | ${i.storeMb} MB | ${i.load[0]} → ${i.load[1]} | ${i.ok ? 'yes' : `NO: ${i.output.split('\n').slice(-2).join(' ')}`} |`,
    ),
    '',
    `plateau serve on the PGlite store: first listing ${r.firstListMs ?? '?'} ms, first campaign answer ${r.coldCampaignMs ?? '?'} ms, first narrowed benchmark ${r.coldBenchmarkMs ?? '?'} ms, server RSS after the runs ${r.serveRssMb ?? '?'} MB; ${options.connections} clients, ${options.runs} runs of ${options.durationS} s, medians`,
    '',
    '| view | URLs | req/s | P50 | P95 | P99 | failed | load |',
    '|---|---|---|---|---|---|---|---|',
    ...r.api.map(
      (a) =>
        `| ${a.view} | ${a.urls} | ${a.requestsPerSecond.toFixed(0)} | ${a.p50Ms.toFixed(1)} ms | ${a.p95Ms.toFixed(1)} ms | ${a.p99Ms.toFixed(1)} ms | ${a.failures} | ${a.load} |`,
    ),
  ];
  if (r.api.length > 0) {
    const over = r.api.filter((a) => !(a.p95Ms <= API_P95_TARGET_MS) || a.failures > 0);
    lines.push(
      '',
      over.length === 0
        ? `every view at P95 ≤ ${API_P95_TARGET_MS} ms with no failure`
        : `over the ${API_P95_TARGET_MS} ms P95 target or failing: ${over.map((a) => a.view).join(', ')}`,
    );
  }
  return lines.join('\n');
}
