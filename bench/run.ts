/**
 * `npm run bench`: the full indicator set and benchmark, timed apart from parsing, on the
 * national campaign (~270k exams); then the kit scale of issue 17 (bench/kit-scale.ts: the
 * 1.7 M-exam kit and the national year, 2,500 machines × 365 days, ~17.3 M exams, cached in
 * bench/.cache/: parse + validate rows/s, compute, whole `plateau indicators --json` processes with
 * their peak RSS); then the HTTP API under load (bench/api-load.ts). Same seeded data every time,
 * several runs, medians, peak memory, load printed. Flags: `--quick` leaves the national year out
 * of the kit scale; `--scale-only` runs only the kit scale; `--api-only` runs only the API load, `--hl7-only` only HL7 v2 ingestion, `--dicom-only` only DICOM,
 * `--territories-only` only the territory figures and their readers (bench/territories.ts),
 * `--simulation-only` only the capacity simulation (bench/simulation.ts), `--planning-only` only
 * the on-call, costs and relevance documents (bench/planning.ts), `--trends-only` only the trends
 * over the three demo years (bench/trends.ts), `--observatory-only` only the
 * observatory's 50 logged-in users over PostgreSQL (bench/observatory.ts), `--store-only` the national
 * year imported into PGlite and PostgreSQL and served under load (bench/national-store.ts; long).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { assembleCampaign, computeCampaignDetailed } from '../src/core/indicators/index.ts';
import { kitColumns } from '../src/core/indicators/machine-columns.ts';
import { computeMachines } from '../src/compute/parallel.ts';
import { writeGeneratedKit } from '../src/generate/index.ts';
import { readKitDir } from '../src/ingest/kit/read-kit.ts';
import { importKit, openStore } from '../src/storage/index.ts';
import { apiLoadTable, benchApiLoad } from './api-load.ts';
import { benchHl7v2, hl7v2Table } from './hl7v2.ts';
import { benchKitScale, kitScaleTable, load, scaleKits } from './kit-scale.ts';
import { benchDicom, dicomTable } from './dicom.ts';
import { benchObservatory, observatoryTable } from './observatory.ts';
import { benchPlanning } from './planning.ts';
import { benchTrends } from './trends.ts';
import { benchTerritories, territoriesTable } from './territories.ts';
import { benchSimulation, simulationTable } from './simulation.ts';

const quick = process.argv.includes('--quick');
const rows: { what: string; runs: number; medianMs: number; detail: string }[] = [];

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

async function timed(
  what: string,
  runs: number,
  detail: string,
  work: () => unknown,
): Promise<void> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    (globalThis as { gc?: () => void }).gc?.();
    const t = performance.now();
    await work();
    times.push(performance.now() - t);
  }
  const m = median(times);
  rows.push({ what, runs, medianMs: m, detail });
  console.log(
    `${what.padEnd(52)} median ${(m / 1000).toFixed(2).padStart(7)} s over ${runs} runs  [${times.map((t) => (t / 1000).toFixed(2)).join(', ')}]  ${detail}`,
  );
}

const peakMb = (): number => Math.round(process.resourceUsage().maxRSS / 1024);
const root = mkdtempSync(join(tmpdir(), 'plateau-bench-'));

if (process.argv.includes('--hl7-only')) {
  console.log(`plateau bench, HL7 v2 only — node ${process.version}, ${new Date().toISOString()}`);
  console.log(`\n${hl7v2Table(benchHl7v2())}`);
  rmSync(root, { recursive: true, force: true });
  process.exit(0);
}

if (process.argv.includes('--scale-only')) {
  try {
    console.log(
      `plateau bench, kit scale only — node ${process.version}, ${new Date().toISOString()}, load ${load()}`,
    );
    console.log(
      `\n${kitScaleTable(await benchKitScale(root, quick ? scaleKits().slice(0, 1) : scaleKits()))}`,
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  process.exit(0);
}

if (process.argv.includes('--store-only')) {
  // The national year imported into PGlite and PostgreSQL, then served under load (bench/national-store.ts; long).
  const { benchNationalStore, nationalStoreDefaults, nationalStoreTable } =
    await import('./national-store.ts');
  const options = nationalStoreDefaults();
  console.log(
    `plateau bench, national store only — node ${process.version}, ${new Date().toISOString()}`,
  );
  console.log(`\n${nationalStoreTable(await benchNationalStore(options), options)}`);
  rmSync(root, { recursive: true, force: true });
  process.exit(0);
}

if (process.argv.includes('--dicom-only')) {
  console.log(`plateau bench, DICOM only — node ${process.version}, ${new Date().toISOString()}`);
  console.log(`\n${dicomTable(await benchDicom(root))}`);
  rmSync(root, { recursive: true, force: true });
  process.exit(0);
}

if (process.argv.includes('--territories-only')) {
  try {
    console.log(
      `plateau bench, territories only — node ${process.version}, ${new Date().toISOString()}`,
    );
    console.log(`\n${territoriesTable(await benchTerritories(root))}`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  process.exit(0);
}

if (process.argv.includes('--simulation-only')) {
  try {
    console.log(
      `plateau bench, simulation only — node ${process.version}, ${new Date().toISOString()}`,
    );
    console.log(`\n${simulationTable(await benchSimulation(root))}`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  process.exit(0);
}

if (process.argv.includes('--planning-only')) {
  try {
    console.log(
      `plateau bench, planning documents only — node ${process.version}, ${new Date().toISOString()}`,
    );
    console.log(`\n${territoriesTable(await benchPlanning(root), 'Planning documents')}`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  process.exit(0);
}

if (process.argv.includes('--trends-only')) {
  try {
    console.log(
      `plateau bench, trends only — node ${process.version}, ${new Date().toISOString()}`,
    );
    console.log(`\n${territoriesTable(benchTrends(), 'Trends')}`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  process.exit(0);
}

if (process.argv.includes('--observatory-only')) {
  console.log(
    `plateau bench, observatory only — node ${process.version}, ${new Date().toISOString()}`,
  );
  console.log(`\n${observatoryTable(await benchObservatory())}`);
  rmSync(root, { recursive: true, force: true });
  process.exit(0);
}

if (process.argv.includes('--api-only')) {
  try {
    console.log(`plateau bench, API only — node ${process.version}, ${new Date().toISOString()}`);
    console.log(`\n${apiLoadTable(await benchApiLoad(root))}`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  process.exit(0);
}

try {
  console.log(`plateau bench — node ${process.version}, ${new Date().toISOString()}`);

  // 1. The national campaign (seed 2010): ~270k exams.
  const campaignDir = join(root, 'campaign');
  const t = performance.now();
  const written = await writeGeneratedKit(campaignDir, { seed: 2010 });
  console.log(
    `generated the national campaign: ${written.exams} exams in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );
  let kit = (await readKitDir(campaignDir)).kit;
  if (!kit) throw new Error('the generated campaign does not read back without errors');
  const exams = kit.exams.length;
  await timed('campaign: parse the kit (readKitDir)', 5, `${exams} exams`, async () => {
    kit = (await readKitDir(campaignDir)).kit;
  });
  await timed(
    'campaign: compute indicators + benchmark',
    5,
    `${kit.equipment.length} machines`,
    () => computeCampaignDetailed(kit!),
  );
  await timed(
    'campaign: compute, worker threads',
    5,
    `${kit.equipment.length} machines`,
    async () => {
      const cols = kitColumns(kit!, { shared: true });
      return assembleCampaign(kit!, await computeMachines(cols, kit!.campaign));
    },
  );
  let run = 0;
  await timed(
    'campaign: end to end (read + import + compute, PGlite)',
    3,
    'fresh store each run',
    async () => {
      const read = await readKitDir(campaignDir);
      const store = await openStore({ dataDir: join(root, `store-${run++}`) });
      try {
        await importKit(store, read.kit!, { issues: read.issues });
      } finally {
        await store.close();
      }
    },
  );
  kit = null;
  console.log(`peak memory so far: ${peakMb()} MB`);

  // 2. Kit scale (issue 17): the 1.7 M-exam kit and the national year (2,500 machines × 365
  //    days, seed 7), cached in bench/.cache/: parse + validate, compute, whole CLI processes.
  const scale = await benchKitScale(root, quick ? scaleKits().slice(0, 1) : scaleKits());

  console.log(`\npeak memory (max RSS): ${peakMb()} MB`);
  console.log('\n| what | runs | median |\n|---|---|---|');
  for (const r of rows)
    console.log(`| ${r.what} (${r.detail}) | ${r.runs} | ${(r.medianMs / 1000).toFixed(2)} s |`);
  console.log(`\n${kitScaleTable(scale)}`);

  // 3. The HTTP API under load (its own child server and store).
  console.log(`\n${apiLoadTable(await benchApiLoad(root))}`);

  // 4. HL7 v2 ingestion: messages per second, parse + adapter (bench/hl7v2.ts).
  console.log(`\n${hl7v2Table(benchHl7v2())}`);

  // 5. DICOM ingestion: files per second, headers only (bench/dicom.ts).
  console.log(`\n${dicomTable(await benchDicom(root))}`);

  // 6. Territories: computeTerritories, the territory document, register, FINESS and OECD readers.
  console.log(`\n${territoriesTable(await benchTerritories(root))}`);

  // 7. Capacity simulation: engine events/s on a busy machine, the national status-quo run.
  console.log(`\n${simulationTable(await benchSimulation(root))}`);

  // 8. On-call, costs and relevance documents on the national campaign (bench/planning.ts).
  console.log(`\n${territoriesTable(await benchPlanning(root), 'Planning documents')}`);

  // 9. Trends over the three demo years (bench/trends.ts).
  console.log(`\n${territoriesTable(benchTrends(), 'Trends')}`);

  // 10. The observatory: 50 logged-in users of mixed roles over PostgreSQL (bench/observatory.ts).
  console.log(`\n${observatoryTable(await benchObservatory())}`);
} finally {
  rmSync(root, { recursive: true, force: true });
}
