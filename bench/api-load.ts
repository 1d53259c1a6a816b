/**
 * The HTTP API under load: `plateau serve` in a child process over a store holding the national
 * campaign, hit by autocannon (50 connections) on the establishment, benchmark and machine
 * views, each request's latency collected from the client to give P50/P95/P99 and requests/s.
 * Same seeded campaign every time, several runs per view, medians.
 */
import { join } from 'node:path';
import autocannon from 'autocannon';
import { quantileSorted, sortedFinite } from '../src/core/stats.ts';
import type {
  BenchmarkView,
  CampaignDetail,
  EstablishmentListing,
} from '../src/core/views/types.ts';
import { generateKit } from '../src/generate/index.ts';
import { importKit, openStore } from '../src/storage/index.ts';
import { startServe } from './serve-child.ts';

/** How hard and how long each view is hit. */
export interface ApiLoadOptions {
  connections: number;
  /** Seconds per measured run. */
  durationS: number;
  runs: number;
  /** Seconds of unmeasured load before the runs (caches, JIT). */
  warmupS: number;
}

export const API_LOAD_DEFAULTS: ApiLoadOptions = {
  connections: 50,
  durationS: 10,
  runs: 3,
  warmupS: 3,
};

/** One view's figures: medians over the runs. */
export interface ApiLoadRow {
  view: string;
  /** The route, with `:placeholders` for the values cycled over. */
  route: string;
  /** How many distinct URLs were cycled over. */
  urls: number;
  runs: number;
  requestsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  /** Responses counted over all runs, and those that were not 200. */
  responses: number;
  failures: number;
}

const CAMPAIGN = 'synthetic-2010';
/** The CLI compiled beside this file by `tsc -p bench/tsconfig.json`: the sources being measured. */

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (response.status !== 200)
    throw new Error(`GET ${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

export interface RunFigures {
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  responses: number;
  failures: number;
}

/**
 * One autocannon run cycling over `paths`, every response's latency kept. `headers` are sent
 * with every request (autocannon sends no `Accept-Encoding`; a browser always does). With
 * `amount`, the run ends after that many requests rather than after `seconds`.
 */
export async function loadRun(
  base: string,
  paths: readonly string[],
  seconds: number,
  connections: number,
  headers: Record<string, string> = {},
  amount?: number,
): Promise<RunFigures> {
  const latencies: number[] = [];
  let failures = 0;
  let next = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: base,
        connections,
        ...(amount === undefined ? { duration: seconds } : { amount }),
        headers,
        requests: [
          {
            method: 'GET',
            setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length]! }),
          },
        ],
      },
      (error, done) => (error ? reject(error as Error) : resolve(done)),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      if (statusCode !== 200) failures += 1;
    });
  });
  const sorted = sortedFinite(latencies);
  const at = (p: number): number => quantileSorted(sorted, p) ?? Number.NaN;
  return {
    requestsPerSecond: latencies.length / (result.duration || seconds),
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    responses: latencies.length,
    failures: failures + result.errors + result.timeouts,
  };
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * Measures the API under load on the national campaign; `root` is a scratch folder for the store.
 * Logs each run as it goes and returns one row per view.
 *
 * @example
 * const rows = await benchApiLoad(mkdtempSync(join(tmpdir(), 'bench-')));
 * console.log(apiLoadTable(rows));
 */
export async function benchApiLoad(
  root: string,
  options: ApiLoadOptions = API_LOAD_DEFAULTS,
): Promise<ApiLoadRow[]> {
  const dataDir = join(root, 'api-store');
  let t = performance.now();
  const store = await openStore({ dataDir });
  try {
    await importKit(store, generateKit({ seed: 2010 }), {
      source: 'bench: generated national campaign (seed 2010)',
    });
  } finally {
    await store.close();
  }
  console.log(
    `api: stored the national campaign in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );

  t = performance.now();
  const server = await startServe(['--data', dataDir]);
  console.log(
    `api: plateau serve answers at ${server.url} after ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );
  try {
    const api = `/api/campaigns/${CAMPAIGN}`;
    const detail = await getJson<CampaignDetail>(`${server.url}${api}`);
    const establishments = await getJson<EstablishmentListing[]>(
      `${server.url}${api}/establishments`,
    );
    const machines = (await getJson<BenchmarkView>(`${server.url}${api}/benchmark`)).machines;
    const q = encodeURIComponent;
    const views = [
      {
        view: 'establishment view',
        route: `GET ${api}/establishments/:finess`,
        paths: establishments.map((e) => `${api}/establishments/${q(e.finess)}`),
      },
      {
        view: 'benchmark view, region filter',
        route: `GET ${api}/benchmark?modality=:m&region=:region`,
        paths: detail.options.regions.flatMap((r) =>
          detail.options.modalities.map((m) => `${api}/benchmark?modality=${m}&region=${q(r)}`),
        ),
      },
      {
        view: 'machine view',
        route: `GET ${api}/machines/:equipmentId`,
        paths: machines.map((m) => `${api}/machines/${q(m.equipmentId)}`),
      },
    ];
    const rows: ApiLoadRow[] = [];
    for (const { view, route, paths } of views) {
      if (paths.length === 0) throw new Error(`api: nothing to request for the ${view}`);
      await loadRun(server.url, paths, options.warmupS, options.connections);
      const runs: RunFigures[] = [];
      for (let i = 0; i < options.runs; i++) {
        const r = await loadRun(server.url, paths, options.durationS, options.connections);
        runs.push(r);
        console.log(
          `api: ${view.padEnd(30)} run ${i + 1}: ${r.requestsPerSecond.toFixed(0).padStart(6)} req/s  P50 ${r.p50.toFixed(1)} ms  P95 ${r.p95.toFixed(1)} ms  P99 ${r.p99.toFixed(1)} ms  (${r.responses} responses, ${r.failures} failed)`,
        );
      }
      rows.push({
        view,
        route,
        urls: paths.length,
        runs: runs.length,
        requestsPerSecond: median(runs.map((r) => r.requestsPerSecond)),
        p50Ms: median(runs.map((r) => r.p50)),
        p95Ms: median(runs.map((r) => r.p95)),
        p99Ms: median(runs.map((r) => r.p99)),
        responses: runs.reduce((n, r) => n + r.responses, 0),
        failures: runs.reduce((n, r) => n + r.failures, 0),
      });
    }
    return rows;
  } finally {
    await server.stop();
  }
}

/** The establishment view's P95 must stay under this (ms) with 50 connections. */
export const ESTABLISHMENT_P95_TARGET_MS = 50;

/** The rows as a Markdown table, with the establishment view's verdict under it. */
export function apiLoadTable(
  rows: readonly ApiLoadRow[],
  options: ApiLoadOptions = API_LOAD_DEFAULTS,
): string {
  const lines = [
    `API under load: ${options.connections} connections, ${options.runs} runs of ${options.durationS} s per view, medians`,
    '',
    '| view | route | URLs | req/s | P50 | P95 | P99 | responses | not 200 |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.view} | \`${r.route}\` | ${r.urls} | ${r.requestsPerSecond.toFixed(0)} | ${r.p50Ms.toFixed(1)} ms | ${r.p95Ms.toFixed(1)} ms | ${r.p99Ms.toFixed(1)} ms | ${r.responses} | ${r.failures} |`,
    ),
  ];
  const establishment = rows.find((r) => r.view === 'establishment view');
  if (establishment) {
    const ok = establishment.p95Ms < ESTABLISHMENT_P95_TARGET_MS;
    lines.push(
      '',
      `establishment view P95 ${establishment.p95Ms.toFixed(1)} ms: ${ok ? 'under' : 'NOT under'} the ${ESTABLISHMENT_P95_TARGET_MS} ms target`,
    );
  }
  return lines.join('\n');
}
