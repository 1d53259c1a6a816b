// `plateau costs` on the small territories kit written to disk (CT1: 8 exams in 28 days, installed
// 1998; MR1: 4 exams, installed 2000; campaign 2010): a hand-made costs.csv gives JSON equal to
// computeCosts on the same input, CT1 checked by hand (amortisation over: age 12 ≥ 7 years; tier 0);
// a negative cost and an unknown machine refused with line and column, nothing computed (exit 1);
// no costs → how to give them; --illustrative (or a costs.csv whose origin column says illustrative)
// labelled on every line and in the JSON; the stored costs read without KIT_DIR; --costs overrides
// the kit's; FR and EN.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { computeCampaign } from '../../src/core/indicators/index.ts';
import { writeKitDir } from '../../src/ingest/kit/write-kit.ts';
import { computeCosts, costMachines } from '../../src/plan/costs/index.ts';
import { costsDocument } from '../../src/plan/costs/document.ts';
import { runCli } from '../helpers/run-cli.ts';
import { closeSharedStores } from '../helpers/shared-store.ts';
import { territoriesKit } from './territories-kit.ts';

vi.mock('../../src/storage/open-store.ts', async (actual) =>
  (await import('../helpers/shared-store.ts')).sharingOpenStore(await actual()),
);
const tmp = mkdtempSync(join(tmpdir(), 'plateau-costs-'));
const KIT = join(tmp, 'kit');
const BARE = join(tmp, 'bare');
const HEADER =
  'equipment_id,purchase_price,amortisation_years,maintenance,staff,consumables_per_exam,overhead';
const GOOD = `${HEADER}\nCT1,700000,7,60000,400000,20,40000\nMR1,1200000,12,100000,450000,30,60000\n`;

beforeAll(async () => {
  await writeKitDir(KIT, territoriesKit());
  writeFileSync(join(KIT, 'costs.csv'), GOOD);
  await writeKitDir(BARE, territoriesKit());
});
afterAll(async () => {
  await closeSharedStores();
  rmSync(tmp, { recursive: true, force: true });
});

interface JsonMachine {
  equipmentId: string;
  costPerYear: number | null;
  costPerOpeningHour: number | null;
  costPerExam: number | null;
  costPerIcr: number | null;
  ftTier: number | null;
  examsToNextTier: number | null;
  provenance: { costs: string };
}

describe('plateau costs', () => {
  it('gives the figures of computeCosts on the kit and its costs.csv, CT1 by hand', async () => {
    const r = await runCli(['costs', KIT, '--json', '--lang', 'en']);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as {
      origin: string;
      machines: JsonMachine[];
      sites: { finess: string; costPerYear: number }[];
    };
    expect(doc.origin).toBe('input');

    const kit = territoriesKit();
    const indicators = computeCampaign(kit);
    const expected = computeCosts({
      campaign: { year: 2010, days: 28 },
      machines: costMachines(kit.equipment, indicators.machines),
      costs: {
        origin: 'input',
        rows: [
          {
            equipmentId: 'CT1',
            purchasePrice: 700000,
            amortisationYears: 7,
            maintenance: 60000,
            staff: 400000,
            consumablesPerExam: 20,
            overhead: 40000,
          },
          {
            equipmentId: 'MR1',
            purchasePrice: 1200000,
            amortisationYears: 12,
            maintenance: 100000,
            staff: 450000,
            consumablesPerExam: 30,
            overhead: 60000,
          },
        ],
      },
    });
    expect(doc).toEqual(
      JSON.parse(JSON.stringify(costsDocument(expected, join(KIT, 'costs.csv')))),
    );

    // CT1 by hand: 8 exams × 365 / 28 = 104.2857 a year; installed 1998, 12 years ≥ 7: no amortisation.
    const ct1 = doc.machines.find((m) => m.equipmentId === 'CT1')!;
    const annual = (8 * 365) / 28;
    const yearly = 60000 + 400000 + 40000 + 20 * annual;
    expect(ct1.costPerYear).toBeCloseTo(502085.714, 2);
    expect(ct1.costPerYear).toBeCloseTo(yearly, 6);
    expect(ct1.costPerExam).toBeCloseTo(yearly / annual, 6); // 4814.52
    expect(ct1.ftTier).toBe(0);
    expect(ct1.examsToNextTier).toBeCloseTo(11000 - annual, 6); // 10895.71
    expect(ct1.provenance.costs).toBe('input');
    // MR1: installed 2000, 10 years < 12: 1,200,000 / 12 = 100,000 amortised; 4 exams → 52.14 a year.
    const mr1 = doc.machines.find((m) => m.equipmentId === 'MR1')!;
    expect(mr1.costPerYear).toBeCloseTo(100000 + 100000 + 450000 + 60000 + (30 * 4 * 365) / 28, 6);
    for (const m of doc.machines)
      for (const k of ['costPerOpeningHour', 'costPerIcr'] as const)
        expect(m[k] === null || typeof m[k] === 'number').toBe(true);
    expect(doc.sites.find((s) => s.finess === '590000001')?.costPerYear).toBeCloseTo(yearly, 6);
  });

  it('prints a table per machine and site, with provenance, in English and French', async () => {
    const en = await runCli(['costs', KIT, '--lang', 'en']);
    expect(en.code, en.stderr).toBe(0);
    expect(en.stderr).not.toContain('costs.csv is not a file of the data kit');
    expect(en.stdout).toContain('(provenance: input;');
    expect(en.stdout).toMatch(/CT1\s+590000001\s+CT\s+104\s+502086\s/);
    expect(en.stdout).toContain('cost input, exams measured, tier reference');
    expect(en.stdout).toContain('Forfait technique tiers: Arrêté du 21/04/2023');
    const fr = await runCli(['costs', KIT, '--lang', 'fr']);
    expect(fr.code, fr.stderr).toBe(0);
    expect(fr.stdout).toContain('Par machine (saisie)');
    expect(fr.stdout).toContain('coût saisie, examens mesurés, palier référence');
    expect(fr.stdout).toContain('€/examen');
  });

  it('refuses a negative cost and an unknown machine with their line and column, computing nothing', async () => {
    const bad = join(tmp, 'bad.csv');
    writeFileSync(bad, `${HEADER}\nCT1,700000,7,60000,-400000,20,40000\nCT9,1,7,1,1,1,1\n`);
    const r = await runCli(['costs', BARE, '--costs', bad, '--json', '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('bad.csv:2:staff error: staff -400000 is negative');
    expect(r.stderr).toContain(
      'bad.csv:3:equipment_id error: equipment_id CT9 is not a machine of the campaign',
    );
    expect(r.stderr).toContain(`${bad} has errors (above): no cost was computed`);
    const fr = await runCli(['costs', BARE, '--costs', bad, '--lang', 'fr']);
    expect(fr.code).toBe(1);
    expect(fr.stderr).toContain('staff -400000 est négatif');
    expect(fr.stderr).toContain('aucun coût n’a été calculé');
  });

  it('says how to give costs when there are none', async () => {
    const r = await runCli(['costs', BARE, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'no costs given: write a costs.csv in the kit folder (imported with it into the store), or give --costs FILE.csv',
    );
    expect(r.stderr).toContain('--illustrative');
    expect(r.stdout).toBe('');
  });

  it('labels the illustrative set on every line and in the JSON, the same on every run', async () => {
    // The kit's own costs.csv is not read with --illustrative.
    const r = await runCli(['costs', KIT, '--illustrative', '--lang', 'en']);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.split('\n').filter((l) => l.trim() !== '' && !/^[─\s]+$/.test(l));
    for (const line of lines) expect(line).toContain('illustrative');
    expect(r.stdout).toContain('ILLUSTRATIVE costs');
    const fr = await runCli(['costs', BARE, '--illustrative', '--lang', 'fr']);
    for (const line of fr.stdout.split('\n').filter((l) => l.trim() !== '' && !/^[─\s]+$/.test(l)))
      expect(line).toMatch(/illustrati/i);
    const json = await runCli(['costs', BARE, '--illustrative', '--json']);
    const doc = JSON.parse(json.stdout) as {
      origin: string;
      machines: JsonMachine[];
      sites: { provenance: { costs: string } }[];
    };
    expect(doc.origin).toBe('illustrative');
    expect(
      doc.machines.every((m) => m.provenance.costs === 'illustrative' && m.costPerYear! > 0),
    ).toBe(true);
    expect(doc.sites.every((s) => s.provenance.costs === 'illustrative')).toBe(true);
    expect((await runCli(['costs', BARE, '--illustrative', '--json'])).stdout).toBe(json.stdout);
  });

  it('reads the machines of a stored campaign with --costs, the same figures as from the kit', async () => {
    const data = join(tmp, 'store');
    const imported = await runCli(['import', BARE, '--data', data]);
    expect(imported.code, imported.stderr).toBe(0);
    const fromStore = await runCli([
      'costs',
      '--costs',
      join(KIT, 'costs.csv'),
      '--data',
      data,
      '--json',
    ]);
    expect(fromStore.code, fromStore.stderr).toBe(0);
    const fromKit = await runCli(['costs', KIT, '--json']);
    const strip = (text: string) =>
      (JSON.parse(text) as { machines: JsonMachine[] }).machines.map((m) => [
        m.equipmentId,
        m.costPerYear,
        m.costPerExam,
        m.ftTier,
      ]);
    expect(strip(fromStore.stdout)).toEqual(strip(fromKit.stdout));
  });

  it('reads the costs stored with the campaign when neither KIT_DIR nor --costs is given', async () => {
    const data = join(tmp, 'store-with-costs');
    const imported = await runCli(['import', KIT, '--data', data]);
    expect(imported.code, imported.stderr).toBe(0);
    const stored = await runCli(['costs', '--data', data, '--json']);
    expect(stored.code, stored.stderr).toBe(0);
    const doc = JSON.parse(stored.stdout) as {
      origin: string;
      costsFile: string | null;
      machines: JsonMachine[];
    };
    expect(doc.origin).toBe('input');
    expect(doc.costsFile).toBeNull();
    // CT1 by hand, as above: 60,000 + 400,000 + 40,000 + 20 × 8 × 365 / 28.
    expect(doc.machines.find((m) => m.equipmentId === 'CT1')!.costPerYear).toBeCloseTo(
      502085.714,
      2,
    );
    const text = await runCli(['costs', '--data', data, '--lang', 'en']);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain('from the costs imported with the campaign (provenance: input;');
    const none = await runCli(['costs', '--data', join(tmp, 'store'), '--lang', 'en']);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('no costs given');
  });

  it("--costs FILE overrides the kit's costs.csv", async () => {
    const other = join(tmp, 'other.csv');
    writeFileSync(other, `${HEADER}\nCT1,0,7,0,0,0,1000\n`);
    const r = await runCli(['costs', KIT, '--costs', other, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as { costsFile: string; machines: JsonMachine[] };
    expect(doc.costsFile).toBe(other);
    expect(doc.machines.find((m) => m.equipmentId === 'CT1')!.costPerYear).toBe(1000);
    expect(doc.machines.find((m) => m.equipmentId === 'MR1')!.costPerYear).toBeNull();
  });

  it("says illustrative on every line and in the JSON when the kit's costs.csv says so (origin column)", async () => {
    const demo = join(tmp, 'demo');
    await writeKitDir(demo, territoriesKit());
    writeFileSync(
      join(demo, 'costs.csv'),
      `${HEADER},origin\nCT1,700000,7,60000,400000,20,40000,illustrative\n`,
    );
    const r = await runCli(['costs', demo, '--lang', 'en']);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.split('\n').filter((l) => l.trim() !== '' && !/^[─\s]+$/.test(l));
    for (const line of lines) expect(line).toContain('illustrative');
    const json = await runCli(['costs', demo, '--json']);
    const doc = JSON.parse(json.stdout) as { origin: string; machines: JsonMachine[] };
    expect(doc.origin).toBe('illustrative');
    expect(doc.machines.find((m) => m.equipmentId === 'CT1')!.provenance.costs).toBe(
      'illustrative',
    );
    // Same figures as the input set: only the label differs.
    expect(doc.machines.find((m) => m.equipmentId === 'CT1')!.costPerYear).toBeCloseTo(
      502085.714,
      2,
    );
  });

  it('refuses --costs with --illustrative', async () => {
    const r = await runCli(['costs', KIT, '--costs', 'x.csv', '--illustrative']);
    expect(r.code).toBe(2);
  });
});
