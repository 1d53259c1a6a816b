// `plateau simulate` on a 30-machine synthetic campaign (seed 2010) as a kit folder and imported
// into a data folder (the commands share its open store: shared-store.ts): the JSON report's keys
// and hand-checked observed figures, seeded identity, the kit and the store giving the same
// figures, a site's machines pooled, scenarios with their paired differences, a refused scenario
// file (located, nothing simulated), usage and input errors, the readable table in both
// languages, and --all: every machine checked, stored (then read back), not stored from a kit,
// and refused clearly while `plateau serve` holds the store.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Kit } from '../../src/core/kit-types.ts';
import { generateKit } from '../../src/generate/index.ts';
import { writeKitDir } from '../../src/ingest/kit/write-kit.ts';
import type { SimulationChecksView } from '../../src/plan/simulation/checks.ts';
import type { SimulationReport } from '../../src/plan/simulation/types.ts';
import { FIGURE_KEYS } from '../../src/plan/simulation/types.ts';
import { lockStore, openStore } from '../../src/storage/index.ts';
import { loadSimulationChecks } from '../../src/storage/simulation-checks.ts';
import { runCli } from '../helpers/run-cli.ts';
import { closeSharedStores } from '../helpers/shared-store.ts';

vi.mock('../../src/storage/open-store.ts', async (actual) =>
  (await import('../helpers/shared-store.ts')).sharingOpenStore(await actual()),
);

const tmp = mkdtempSync(join(tmpdir(), 'plateau-simulate-'));
const KIT = join(tmp, 'kit');
const DATA = join(tmp, 'data');
let kit: Kit;
/** Two machines of one site and one modality, and one of another site. */
let pool: [string, string];
/** Every machine of that site and modality. */
let siteIds: string[];
let site: string;
let modality: string;
let alone: string;

beforeAll(async () => {
  kit = generateKit({ seed: 2010, machines: 30 });
  const bySite = new Map<string, string[]>();
  for (const m of kit.equipment)
    bySite.set(`${m.finess} ${m.modality}`, [
      ...(bySite.get(`${m.finess} ${m.modality}`) ?? []),
      m.equipmentId,
    ]);
  const [key, ids] = [...bySite].find(([, v]) => v.length >= 2)!;
  [site, modality] = key.split(' ') as [string, string];
  pool = [ids[0]!, ids[1]!];
  siteIds = ids;
  alone = kit.equipment.find((m) => m.finess !== site)!.equipmentId;
  await writeKitDir(KIT, kit);
  const imported = await runCli(['import', KIT, '--data', DATA]);
  expect(imported.code, imported.stderr).toBe(0);
}, 60_000);
afterAll(async () => {
  await closeSharedStores();
  rmSync(tmp, { recursive: true, force: true });
});

async function report(...args: string[]): Promise<SimulationReport> {
  const r = await runCli(['simulate', '--json', '--replications', '3', '--seed', '5', ...args]);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as SimulationReport;
}

function scenarioFile(name: string, content: string): string {
  const path = join(tmp, name);
  writeFileSync(path, content);
  return path;
}

describe('plateau simulate --machine --json', () => {
  let fromKit: SimulationReport;
  beforeAll(async () => {
    fromKit = await report('--machine', alone, KIT);
  });

  it('gives the SimulationReport with its figures keyed as in plateau indicators --json', () => {
    expect(fromKit.campaign).toEqual({ id: 'synthetic-2010', name: kit.campaign.name });
    expect(fromKit.equipmentIds).toEqual([alone]);
    expect(fromKit).toMatchObject({ replications: 3, seed: 5, weeks: 4, scenarios: [] });
    expect(Object.keys(fromKit.statusQuo.observed).sort()).toEqual([...FIGURE_KEYS].sort());
    for (const key of FIGURE_KEYS) {
      const e = fromKit.statusQuo.simulated[key];
      expect(Object.keys(e).sort(), key).toEqual(['ci95', 'mean']);
      if (e.mean !== null) expect(e.ci95![0]).toBeLessThanOrEqual(e.ci95![1]);
    }
    expect(typeof fromKit.statusQuo.reproduces).toBe('boolean');
    expect(fromKit.statusQuo.failing.length === 0).toBe(fromKit.statusQuo.reproduces);
    expect(fromKit.engine.events).toBeGreaterThan(0);
    expect(fromKit.engine.eventsPerSecond).toBeGreaterThan(0);
    expect(fromKit.durations?.heldOut.from).toBe('2010-03-22');
    expect(fromKit.nextAvailable).toEqual([
      { equipmentId: alone, medianDays: null, days: 0, slotMinutes: expect.any(Number) },
    ]);
  });

  it("observes the machine's own campaign: its exams over 4 weeks, no wait of unscheduled patients", () => {
    const exams = kit.exams.filter((e) => e.equipmentId === alone).length;
    expect(fromKit.statusQuo.observed.passagesPerWeek).toBeCloseTo(exams / 4, 9);
    expect(fromKit.statusQuo.observed['unscheduledWaitMinutes.p50']).toBeNull();
    expect(fromKit.statusQuo.simulated['unscheduledWaitMinutes.p50'].mean).not.toBeNull();
  });

  it('gives the same figures from the store as from the kit, and again with the same seed', async () => {
    const fromStore = await report('--machine', alone, '--data', DATA);
    expect(fromStore.statusQuo).toEqual(fromKit.statusQuo);
    expect(fromStore.durations).toEqual(fromKit.durations);
    const other = await report('--machine', alone, KIT, '--seed', '6');
    expect(other.statusQuo.observed).toEqual(fromKit.statusQuo.observed);
    expect(other.statusQuo.simulated).not.toEqual(fromKit.statusQuo.simulated);
  });

  it("pools a site's machines of one modality, with --site or --machine twice", async () => {
    const bySite = await report('--site', site, '--modality', modality, '--data', DATA);
    expect(bySite.equipmentIds).toEqual([...siteIds].sort());
    const byMachine = await report(
      ...[...siteIds].reverse().flatMap((id) => ['--machine', id]),
      '--data',
      DATA,
    );
    expect(byMachine.statusQuo).toEqual(bySite.statusQuo);
    const exams = kit.exams.filter((e) => siteIds.includes(e.equipmentId)).length;
    expect(bySite.statusQuo.observed.passagesPerWeek).toBeCloseTo(exams / 4, 9);
  });

  it('compares scenarios with the status quo, paired replication by replication', async () => {
    const file = scenarioFile(
      'growth.json',
      JSON.stringify([
        { name: 'Demand +50 %', changes: [{ type: 'demand-growth', percent: 50 }] },
        { name: 'Nothing', changes: [{ type: 'demand-growth', percent: 0 }] },
      ]),
    );
    const r = await report('--machine', alone, KIT, '--scenario', file);
    expect(r.statusQuo).toEqual(fromKit.statusQuo);
    expect(r.scenarios.map((s) => s.name)).toEqual(['Demand +50 %', 'Nothing']);
    const [growth, nothing] = r.scenarios;
    expect(growth!.reliable).toBe(r.statusQuo.reproduces);
    expect(growth!.delta.passagesPerWeek.mean).toBeGreaterThan(0);
    // The same model as the status quo, the same draws: every difference exactly 0, none significant.
    for (const key of FIGURE_KEYS) {
      const d = nothing!.delta[key];
      if (d.mean === null) continue;
      expect(d.mean, key).toBe(0);
      expect(d.significant, key).toBe(false);
    }
  });
});

describe('plateau simulate refusals', () => {
  it('refuses a scenario file with errors, each located, and simulates nothing', async () => {
    const file = scenarioFile(
      'bad.json',
      '[\n  { "name": "x", "changes": [\n    { "type": "demand-growth", "percent": "ten" }\n  ] }\n]\n',
    );
    const r = await runCli([
      'simulate',
      '--machine',
      alone,
      KIT,
      '--scenario',
      file,
      '--lang',
      'en',
    ]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('bad.json:3');
    expect(r.stderr).toContain('nothing was simulated');
    const syntax = await runCli([
      'simulate',
      '--machine',
      alone,
      KIT,
      '--scenario',
      scenarioFile('syntax.json', '[{"name": "x",,}]'),
    ]);
    expect(syntax.code).toBe(1);
    expect(syntax.stderr).toContain('syntax.json:1');
    const missing = await runCli([
      'simulate',
      '--machine',
      alone,
      KIT,
      '--scenario',
      join(tmp, 'none.json'),
      '--lang',
      'en',
    ]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('cannot read the scenario file');
  });

  it('refuses a scenario naming a machine that is not simulated', async () => {
    const file = scenarioFile(
      'machine.json',
      JSON.stringify([
        {
          name: 'Saturday',
          changes: [
            { type: 'add-session', weekdays: [6], start: '08:00', end: '12:00', machine: pool[0] },
          ],
        },
      ]),
    );
    const r = await runCli([
      'simulate',
      '--machine',
      alone,
      KIT,
      '--scenario',
      file,
      '--lang',
      'en',
    ]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('machine.json');
    expect(r.stderr).toContain('/changes/0/machine');
  });

  it('says what it needs: usage errors exit 2, unknown or mixed machines 1', async () => {
    const usage = async (args: string[], says: string): Promise<void> => {
      const r = await runCli(['simulate', ...args, '--lang', 'en']);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain(says);
    };
    await usage([KIT], 'say what to simulate');
    await usage(['--all', '--machine', alone], 'choose one of');
    await usage(['--site', site, KIT], '--modality goes with --site');
    await usage(['--all', '--scenario', 'x.json'], '--scenario does not apply');
    await usage(['--machine', alone, '--replications', '1'], '--replications');
    await usage(['--site', site, '--modality', 'XR'], '--modality');
    const unknown = await runCli(['simulate', '--machine', `${alone}X`, KIT, '--lang', 'en']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain(`no machine “${alone}X”`);
    expect(unknown.stderr).toContain(alone);
    const mixed = await runCli([
      'simulate',
      '--machine',
      pool[0],
      '--machine',
      alone,
      KIT,
      '--lang',
      'en',
    ]);
    expect(mixed.code).toBe(1);
    expect(mixed.stderr).toContain('one site and one modality');
  });
});

describe('plateau simulate, the readable report', () => {
  it('shows the status quo against the campaign and each scenario, in English and in French', async () => {
    const file = scenarioFile(
      'late.json',
      JSON.stringify([{ name: 'On time', changes: [{ type: 'fix-late-start' }] }]),
    );
    const en = await runCli([
      'simulate',
      '--machine',
      alone,
      KIT,
      '--replications',
      '3',
      '--scenario',
      file,
      '--lang',
      'en',
    ]);
    expect(en.code, en.stderr).toBe(0);
    expect(en.stdout).toContain('Status quo: the campaign replayed by the model');
    expect(en.stdout).toMatch(/Reproduces the campaign: (yes|no)/);
    expect(en.stdout).toContain('Scenario: On time');
    expect(en.stdout).toContain('Occupancy (programmed)');
    expect(en.stdout).toContain('95 % CI of the difference');
    // the occupancy difference is in percentage points, its level in percent
    const occupancyRows = en.stdout
      .split('\n')
      .filter((l) => l.startsWith('Occupancy (programmed)'));
    expect(occupancyRows.at(-1)).toMatch(/[+-]?\d+(\.\d)?\u00a0pt/);
    expect(occupancyRows.at(-1)).toMatch(/\d%/);
    expect(en.stdout).toMatch(/Engine: [\d,]+ events/);
    const fr = await runCli([
      'simulate',
      '--machine',
      alone,
      KIT,
      '--replications',
      '3',
      '--lang',
      'fr',
    ]);
    expect(fr.code, fr.stderr).toBe(0);
    expect(fr.stdout).toContain('Statu quo');
    expect(fr.stdout).toContain('Taux d’occupation (programmé)');
    expect(fr.stdout).toContain('Aucun scénario');
  });
});

describe('plateau simulate --all', () => {
  it('checks every machine, stores the checks and prints how many reproduce', async () => {
    const r = await runCli([
      'simulate',
      '--all',
      '--data',
      DATA,
      '--replications',
      '2',
      '--seed',
      '3',
      '--lang',
      'en',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const line = /Machines that reproduce their campaign: (\d+) of 30/.exec(r.stdout);
    expect(line, r.stdout).not.toBeNull();
    expect(r.stdout).toContain('Stored in');
    const json = await runCli([
      'simulate',
      '--all',
      '--data',
      DATA,
      '--replications',
      '2',
      '--seed',
      '3',
      '--json',
    ]);
    const view = JSON.parse(json.stdout) as SimulationChecksView;
    expect(view.campaignMachines).toBe(30);
    expect(view.summary?.machines).toBe(30);
    expect(view.summary?.reproduce).toBe(Number(line![1]));
    expect(view.summary?.failing.map((m) => m.equipmentId)).toEqual(
      view.checks.filter((c) => !c.reproduces).map((c) => c.equipmentId),
    );
    for (const m of view.summary?.failing ?? []) expect(r.stdout).toContain(m.equipmentId);
    // A machine checked alone gives the same status quo as `--machine` with the same seed.
    const one = await report(
      '--machine',
      alone,
      '--data',
      DATA,
      '--replications',
      '2',
      '--seed',
      '3',
    );
    expect(view.checks.find((c) => c.equipmentId === alone)?.statusQuo).toEqual(one.statusQuo);
    const store = await openStore({ dataDir: DATA });
    expect(
      (await loadSimulationChecks(store, 'synthetic-2010')).map((c) => c.equipmentId).sort(),
    ).toEqual(kit.equipment.map((m) => m.equipmentId).sort());
  }, 120_000);

  it('stores nothing from a kit folder', async () => {
    const r = await runCli(['simulate', '--all', KIT, '--replications', '2', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as SimulationChecksView).summary?.machines).toBe(30);
    const text = await runCli(['simulate', '--all', KIT, '--replications', '2', '--lang', 'en']);
    expect(text.stdout).toContain('nothing is stored');
  }, 120_000);

  it('refuses clearly, before simulating, while plateau serve holds the store', async () => {
    const held = join(tmp, 'held');
    mkdirSync(held);
    const lock = await lockStore(held, { command: 'plateau serve' });
    lock.announce({ url: 'http://127.0.0.1:9/' });
    try {
      const r = await runCli(['simulate', '--all', '--data', held, '--lang', 'en']);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('holds the store');
      expect(r.stderr).toContain('nothing was simulated');
    } finally {
      await lock.release();
    }
  });
});
