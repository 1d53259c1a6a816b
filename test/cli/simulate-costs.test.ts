// `plateau simulate --scenario F --hourly-staff-cost EUR` on a small synthetic campaign (seed 2010,
// 6 machines, 28 days, its illustrative cost set): each scenario's added yearly cost by hand —
// a Sunday session 06:00–08:00 adds 2 programmed machine-hours a week (× 50 € × 52 = 5,200 €);
// an added machine copies the machine's programmed grid (its hours a week counted from the kit's
// sessions) and adds its costs row's amortisation and maintenance, said illustrative — the ratios
// (cost ÷ exams gained a year, ÷ days of P50 delay saved) or their reason, the kit without costs
// (no costs row), the readable lines in English and French, and the usage errors.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Kit } from '../../src/core/kit-types.ts';
import { generateKit } from '../../src/generate/index.ts';
import { writeKitDir } from '../../src/ingest/kit/write-kit.ts';
import type { SimulationReport, ScenarioResult } from '../../src/plan/simulation/types.ts';
import type { ScenarioCostLine } from '../../src/cli/commands/scenario-costs.ts';
import { at } from '../helpers/build-kit.ts';
import { runCli } from '../helpers/run-cli.ts';
import { closeSharedStores } from '../helpers/shared-store.ts';

vi.mock('../../src/storage/open-store.ts', async (actual) =>
  (await import('../helpers/shared-store.ts')).sharingOpenStore(await actual()),
);

const tmp = mkdtempSync(join(tmpdir(), 'plateau-simulate-costs-'));
const KIT = join(tmp, 'kit');
const BARE = join(tmp, 'bare');
const PROGRAMMED = new Set(['PUBLIC_SCHEDULED', 'PUBLIC_UNSCHEDULED', 'LIBERAL', 'PRIVATE']);
let kit: Kit;
let machine: string;
let file: string;

beforeAll(async () => {
  kit = generateKit({ seed: 2010, machines: 6 });
  expect(kit.costs?.origin).toBe('illustrative');
  machine = kit.equipment.find((e) =>
    kit.costs!.rows.some((r) => r.equipmentId === e.equipmentId),
  )!.equipmentId;
  // The machine's sessions meeting Sunday 06:00–08:00 (its on-call nights) are taken out, so that
  // the session the scenario adds there falls on none: exactly 2 h a week added.
  const sundays = ['2010-03-07', '2010-03-14', '2010-03-21', '2010-03-28'].map(
    (d) => [at(`${d}T06:00`), at(`${d}T08:00`)] as const,
  );
  kit.sessions = kit.sessions.filter(
    (s) => s.equipmentId !== machine || !sundays.some(([a, b]) => s.start < b && s.end > a),
  );
  await writeKitDir(KIT, kit);
  const { costs: _costs, ...bare } = kit;
  await writeKitDir(BARE, bare);
  file = join(tmp, 'scenarios.json');
  writeFileSync(
    file,
    JSON.stringify({
      scenarios: [
        {
          name: 'Sunday early',
          changes: [{ type: 'add-session', weekdays: [7], start: '06:00', end: '08:00' }],
        },
        { name: 'One more machine', changes: [{ type: 'add-machine' }] },
      ],
    }),
  );
}, 60_000);
afterAll(async () => {
  await closeSharedStores();
  rmSync(tmp, { recursive: true, force: true });
});

type Priced = ScenarioResult & { cost: ScenarioCostLine };

async function priced(dir: string): Promise<Priced[]> {
  const r = await runCli([
    'simulate',
    '--machine',
    machine,
    dir,
    '--scenario',
    file,
    '--hourly-staff-cost',
    '50',
    '--json',
    '--replications',
    '3',
    '--seed',
    '5',
  ]);
  expect(r.code, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as SimulationReport & { scenarios: Priced[] }).scenarios;
}

/** Cost ÷ gain when the gain is significant and positive, else the reason. */
function expectRatio(
  ratio: ScenarioCostLine['costPerExamGained'],
  cost: number,
  gain: number | null,
  significant: boolean,
): void {
  if (gain === null) expect(ratio).toEqual({ value: null, reason: 'not-computable' });
  else if (!significant) expect(ratio).toEqual({ value: null, reason: 'not-significant' });
  else if (gain <= 0) expect(ratio).toEqual({ value: null, reason: 'no-gain' });
  else expect(ratio.value).toBeCloseTo(cost / gain, 6);
}

describe('plateau simulate --hourly-staff-cost', () => {
  let scenarios: Priced[];
  beforeAll(async () => {
    scenarios = await priced(KIT);
  }, 120_000);

  it('prices an added session: 2 h a week × 50 € × 52, input', () => {
    const [sunday] = scenarios;
    expect(sunday!.cost.staffHoursPerWeek).toBeCloseTo(2, 9);
    expect(sunday!.cost.addedCostPerYear).toEqual({ value: 5200 });
    expect(sunday!.cost.provenance).toBe('input');
    expect(sunday!.cost.addedMachines).toEqual([]);
    const exams = sunday!.delta.passagesPerWeek;
    expect(sunday!.cost.examsGainedPerYear).toBeCloseTo(exams.mean! * 52, 9);
    expectRatio(
      sunday!.cost.costPerExamGained,
      5200,
      exams.mean === null ? null : exams.mean * 52,
      exams.significant,
    );
    const delay = sunday!.delta['appointmentDelayDays.outpatient.p50'];
    expectRatio(
      sunday!.cost.costPerDaySaved,
      5200,
      delay.mean === null ? null : -delay.mean,
      delay.significant,
    );
  });

  it("prices an added machine from its copied grid and its costs row's amortisation and maintenance, illustrative", () => {
    const more = scenarios[1]!;
    // The machine's programmed hours a week, from the kit's sessions (28 days = 4 weeks).
    const ms = kit.sessions
      .filter((s) => s.equipmentId === machine && PROGRAMMED.has(s.type))
      .reduce((sum, s) => sum + (s.end - s.start), 0);
    const hours = ms / 3_600_000 / 4;
    expect(hours).toBeGreaterThan(10);
    expect(more.cost.staffHoursPerWeek).toBeCloseTo(hours, 6);
    const row = kit.costs!.rows.find((r) => r.equipmentId === machine)!;
    const yearly = hours * 50 * 52 + row.purchasePrice / row.amortisationYears + row.maintenance;
    expect(more.cost.addedCostPerYear.value).toBeCloseTo(yearly, 4);
    expect(more.cost.provenance).toBe('illustrative');
    expect(more.cost.addedMachines).toEqual([{ gridOf: machine, count: 1, costsRow: true }]);
    const exams = more.delta.passagesPerWeek;
    expectRatio(
      more.cost.costPerExamGained,
      yearly,
      exams.mean === null ? null : exams.mean * 52,
      exams.significant,
    );
  });

  it('without costs, an added machine has no costs row: its cost and ratios say so', async () => {
    const [sunday, more] = await priced(BARE);
    expect(sunday!.cost.addedCostPerYear).toEqual({ value: 5200 });
    expect(more!.cost.addedCostPerYear).toEqual({ value: null, reason: 'no-cost-row' });
    expect(more!.cost.addedMachines).toEqual([{ gridOf: machine, count: 1, costsRow: false }]);
    for (const r of [more!.cost.costPerExamGained, more!.cost.costPerDaySaved]) {
      expect(r.value).toBeNull();
      expect(['no-cost-row', 'not-significant', 'no-gain', 'not-computable']).toContain(r.reason);
    }
  }, 120_000);

  it('prints the cost lines in English and French, saying illustrative', async () => {
    const args = [
      'simulate',
      '--machine',
      machine,
      KIT,
      '--scenario',
      file,
      '--hourly-staff-cost',
      '50',
      '--replications',
      '3',
      '--seed',
      '5',
    ];
    const en = await runCli([...args, '--lang', 'en']);
    expect(en.code, en.stderr).toBe(0);
    expect(en.stdout).toMatch(
      /Added cost \(input\): 5,200\u00a0€ a year = 2(\.0)? programmed machine-hours a week × 50(\.00)? € × 52/,
    );
    expect(en.stdout).toContain('Added cost (ILLUSTRATIVE costs):');
    expect(en.stdout).toContain('amortisation and maintenance of the machines added (1 × ');
    expect(en.stdout).toContain('Per exam gained (');
    const fr = await runCli([...args, '--lang', 'fr']);
    expect(fr.code, fr.stderr).toBe(0);
    expect(fr.stdout).toContain('Coût ajouté (coûts ILLUSTRATIFS)');
    expect(fr.stdout).toContain('par jour de délai P50 externe gagné');
  }, 120_000);

  it('refuses a bad hourly cost, or one without --scenario (exit 2)', async () => {
    const bad = await runCli([
      'simulate',
      '--machine',
      machine,
      KIT,
      '--scenario',
      file,
      '--hourly-staff-cost',
      '-3',
      '--lang',
      'en',
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(
      '--hourly-staff-cost takes euros per staff hour, a number ≥ 0 (got -3)',
    );
    const alone = await runCli([
      'simulate',
      '--machine',
      machine,
      KIT,
      '--hourly-staff-cost',
      '50',
      '--lang',
      'en',
    ]);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain('give it with --scenario');
  });
});
