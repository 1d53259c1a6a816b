/**
 * `npm run bench`: the full indicator set and benchmark, timed apart from parsing, on the
 * national campaign (~270k exams) and on a national year (2,500 machines × 365 days, ~10 M
 * exams), then the HTTP API under load (bench/api-load.ts). Same seeded data every time, several
 * runs, medians, peak memory. Flags: `--quick` skips the national year's CSV round trip (its
 * compute is always measured); `--api-only` runs only the API load, `--hl7-only` only HL7 v2 ingestion, `--dicom-only` only DICOM,
 * `--territories-only` only the territory figures and their readers (bench/territories.ts),
 * `--simulation-only` only the capacity simulation (bench/simulation.ts), `--planning-only` only
 * the on-call, costs and relevance documents (bench/planning.ts), `--trends-only` only the trends
 * over the three demo years (bench/trends.ts), `--observatory-only` only the
 * observatory's 50 logged-in users over PostgreSQL (bench/observatory.ts), `--store-only` the national
 * year imported into PGlite and PostgreSQL and served under load (bench/national-store.ts; long).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { CampaignCalendar } from '../src/core/calendar.ts';
import { assembleCampaign, computeCampaignDetailed, computeMachine } from '../src/core/indicators/index.ts';
import type { MachineColumns } from '../src/core/indicators/machine-columns.ts';
import { actTableOf, kitColumns, machineColumns } from '../src/core/indicators/machine-columns.ts';
import { computeMachines } from '../src/compute/parallel.ts';
import { generateMachine, planCampaign, writeGeneratedKit } from '../src/generate/index.ts';
import { readKitDir } from '../src/ingest/kit/read-kit.ts';
import { importKit, openStore } from '../src/storage/index.ts';
import { apiLoadTable, benchApiLoad } from './api-load.ts';
import { benchHl7v2, hl7v2Table } from './hl7v2.ts';
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

async function timed(what: string, runs: number, detail: string, work: () => unknown): Promise<void> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    (globalThis as { gc?: () => void }).gc?.();
    const t = performance.now();
    await work();
    times.push(performance.now() - t);
  }
  const m = median(times);
  rows.push({ what, runs, medianMs: m, detail });
  console.log(`${what.padEnd(52)} median ${(m / 1000).toFixed(2).padStart(7)} s over ${runs} runs  [${times.map((t) => (t / 1000).toFixed(2)).join(', ')}]  ${detail}`);
}

const peakMb = (): number => Math.round(process.resourceUsage().maxRSS / 1024);
const root = mkdtempSync(join(tmpdir(), 'plateau-bench-'));

if (process.argv.includes('--hl7-only')) {
  console.log(`plateau bench, HL7 v2 only — node ${process.version}, ${new Date().toISOString()}`);
  console.log(`\n${hl7v2Table(benchHl7v2())}`);
  rmSync(root, { recursive: true, force: true });
  process.exit(0);
}

if (process.argv.includes('--store-only')) {
  // The national year imported into PGlite and PostgreSQL, then served under load (bench/national-store.ts; long).
  const { benchNationalStore, nationalStoreDefaults, nationalStoreTable } = await import('./national-store.ts');
  const options = nationalStoreDefaults();
  console.log(`plateau bench, national store only — node ${process.version}, ${new Date().toISOString()}`);
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
    console.log(`plateau bench, territories only — node ${process.version}, ${new Date().toISOString()}`);
    console.log(`\n${territoriesTable(await benchTerritories(root))}`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  process.exit(0);
}

if (process.argv.includes('--simulation-only')) {
  try {
    console.log(`plateau bench, simulation only — node ${process.version}, ${new Date().toISOString()}`);
    console.log(`\n${simulationTable(await benchSimulation(root))}`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  process.exit(0);
}

if (process.argv.includes('--planning-only')) {
  try {
    console.log(`plateau bench, planning documents only — node ${process.version}, ${new Date().toISOString()}`);
    console.log(`\n${territoriesTable(await benchPlanning(root), 'Planning documents')}`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  process.exit(0);
}

if (process.argv.includes('--trends-only')) {
  try {
    console.log(`plateau bench, trends only — node ${process.version}, ${new Date().toISOString()}`);
    console.log(`\n${territoriesTable(benchTrends(), 'Trends')}`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  process.exit(0);
}

if (process.argv.includes('--observatory-only')) {
  console.log(`plateau bench, observatory only — node ${process.version}, ${new Date().toISOString()}`);
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
  let t = performance.now();
  const written = await writeGeneratedKit(campaignDir, { seed: 2010 });
  console.log(`generated the national campaign: ${written.exams} exams in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  let kit = (await readKitDir(campaignDir)).kit;
  if (!kit) throw new Error('the generated campaign does not read back without errors');
  const exams = kit.exams.length;
  await timed('campaign: parse the kit (readKitDir)', 5, `${exams} exams`, async () => {
    kit = (await readKitDir(campaignDir)).kit;
  });
  await timed('campaign: compute indicators + benchmark', 5, `${kit.equipment.length} machines`, () => computeCampaignDetailed(kit!));
  await timed('campaign: compute, worker threads', 5, `${kit.equipment.length} machines`, async () => {
    const cols = kitColumns(kit!, { shared: true });
    return assembleCampaign(kit!, await computeMachines(cols, kit!.campaign));
  });
  let run = 0;
  await timed('campaign: end to end (read + import + compute, PGlite)', 3, 'fresh store each run', async () => {
    const read = await readKitDir(campaignDir);
    const store = await openStore({ dataDir: join(root, `store-${run++}`) });
    try {
      await importKit(store, read.kit!, { issues: read.issues });
    } finally {
      await store.close();
    }
  });
  kit = null;
  console.log(`peak memory so far: ${peakMb()} MB`);

  // 2. A national year: 2,500 machines × 365 days, generated machine by machine into columns
  //    (the state after parsing), then computed.
  const options = { seed: 2010, machines: 2500, days: 365 };
  const plan = planCampaign(options);
  const calendar = new CampaignCalendar(plan.campaign.start, plan.campaign.days, plan.campaign.timeZone);
  const acts = actTableOf(plan);
  const establishments = new Map(plan.establishments.map((e) => [e.finess, e]));
  t = performance.now();
  const columns: MachineColumns[] = plan.equipment.map((eq, i) => {
    const { sessions, exams: ex } = generateMachine(plan, i);
    return machineColumns(eq, establishments.get(eq.finess) ?? null, sessions, ex, acts, { shared: true });
  });
  const yearExams = columns.reduce((n, c) => n + c.roomIn.length, 0);
  console.log(`generated the national year in memory: ${yearExams} exams in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  await timed('national year: compute, one thread', 3, `${yearExams} exams, ${columns.length} machines`, () =>
    assembleCampaign(plan, columns.map((c) => computeMachine(c, calendar))),
  );
  const threads = availableParallelism();
  await timed(`national year: compute, ${threads} worker threads`, 3, `${yearExams} exams, ${columns.length} machines`, async () =>
    assembleCampaign(plan, await computeMachines(columns, plan.campaign, { threads })),
  );
  console.log(`peak memory so far: ${peakMb()} MB`);
  columns.length = 0;

  if (!quick) {
    const yearDir = join(root, 'year');
    t = performance.now();
    await writeGeneratedKit(yearDir, options);
    console.log(`wrote the national year as a kit in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    await timed('national year: parse the kit (readKitDir)', 1, `${yearExams} exams`, async () => {
      const read = await readKitDir(yearDir);
      if (!read.kit) throw new Error('the national year does not read back without errors');
    });
  }

  console.log(`\npeak memory (max RSS): ${peakMb()} MB`);
  console.log('\n| what | runs | median |\n|---|---|---|');
  for (const r of rows) console.log(`| ${r.what} (${r.detail}) | ${r.runs} | ${(r.medianMs / 1000).toFixed(2)} s |`);

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
