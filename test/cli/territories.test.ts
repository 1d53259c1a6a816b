// `plateau territories` on a small kit with a register whose figures are worked out by hand
// (territories-kit.ts): the JSON document, the table and the CSV in both languages, the levels,
// the filters, the --gap-to forms and their usage errors, and the same document from the store
// (the import and the command share its open store: shared-store.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { writeKitDir } from '../../src/ingest/kit/write-kit.ts';
import { POPULATION } from '../../src/plan/territories/population.ts';
import type { TerritoryDocument } from '../../src/plan/territories/types.ts';
import { runCli } from '../helpers/run-cli.ts';
import { closeSharedStores } from '../helpers/shared-store.ts';
import { territoriesKit } from './territories-kit.ts';

vi.mock('../../src/storage/open-store.ts', async (actual) =>
  (await import('../helpers/shared-store.ts')).sharingOpenStore(await actual()),
);

const tmp = mkdtempSync(join(tmpdir(), 'plateau-territories-'));
const KIT = join(tmp, 'kit');
afterAll(async () => {
  await closeSharedStores();
  rmSync(tmp, { recursive: true, force: true });
});
beforeAll(async () => {
  await writeKitDir(KIT, territoriesKit());
});

const pop = (code: string): number =>
  POPULATION.departments.find((d) => d.code === code)!.population;
const TOTAL = POPULATION.departments.reduce((s, d) => s + d.population, 0);

async function doc(...args: string[]): Promise<TerritoryDocument> {
  const r = await runCli(['territories', KIT, '--json', ...args]);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as TerritoryDocument;
}

describe('plateau territories KIT_DIR --json', () => {
  let d: TerritoryDocument;
  beforeAll(async () => {
    d = await doc();
  });
  it('gives the nation, 18 regions and 101 départements with their population', () => {
    expect(d.regions).toHaveLength(18);
    expect(d.departments).toHaveLength(101);
    expect(d.national.code).toBe('FR');
    expect(d.national.population).toBe(TOTAL);
    expect(d.population).toMatchObject({
      year: POPULATION.year,
      inForce: POPULATION.inForce,
      total: TOTAL,
    });
    expect(d.departments.find((x) => x.code === '59')).toMatchObject({
      name: 'Nord',
      region: '32',
      population: pop('59'),
    });
    expect(Object.keys(d.national)).toEqual(
      expect.arrayContaining([
        'code',
        'name',
        'population',
        'units',
        'unitsPerMillion',
        'examsPer1000',
        'imputedShare',
        'gapTo',
        'fleetAge',
        'completeness',
        'nightCoverage',
      ]),
    );
  });
  it('counts the register units in service on the first day, and their density', () => {
    // MR2 is put into service in 2011: not counted.
    expect(d.register).toMatchObject({
      source: 'register',
      rows: 4,
      inService: 3,
      notYetInService: 1,
      addedFromCampaign: 0,
    });
    expect(d.national.units.CT).toEqual({
      total: 2,
      hospital: 1,
      privatePractice: 1,
      unknownSector: 0,
    });
    expect(d.national.units.MR).toEqual({
      total: 1,
      hospital: 0,
      privatePractice: 1,
      unknownSector: 0,
    });
    const nord = d.departments.find((x) => x.code === '59')!;
    expect(nord.unitsPerMillion.CT?.total).toBeCloseTo((2 / pop('59')) * 1e6, 9);
    expect(d.regions.find((x) => x.code === '11')!.units.MR?.total).toBe(1);
  });
  it('annualises the measured exams and imputes those of the register unit absent from the campaign', () => {
    const nord = d.departments.find((x) => x.code === '59')!;
    // CT1: 8 exams in 28 days; CT2 imputed at the CT median of 2 passages a week.
    const measured = (8 * 365) / 28;
    const imputed = (2 * 365) / 7;
    expect(nord.examsPer1000.CT?.measuredExams).toBeCloseTo(measured, 9);
    expect(nord.examsPer1000.CT?.imputedExams).toBeCloseTo(imputed, 9);
    expect(nord.examsPer1000.CT?.value).toBeCloseTo(((measured + imputed) / pop('59')) * 1000, 9);
    expect(nord.imputedShare.CT).toBeCloseTo(0.5, 12);
    expect(d.departments.find((x) => x.code === '75')!.imputedShare.MR).toBe(0);
  });
  it('gives fleet age, completeness and night MRI access', () => {
    // In 2010: CT1 12 years old, CT2 5, MR1 10.
    expect(d.national.fleetAge.CT).toMatchObject({
      known: 2,
      atLeast7: 1,
      atLeast10: 1,
      shareAtLeast10: 0.5,
    });
    expect(d.national.fleetAge.MR).toMatchObject({ known: 1, atLeast10: 1 });
    expect(d.national.completeness).toMatchObject({ sites: 3, complete: 0, ctOnly: 2, mriOnly: 1 });
    expect(d.national.nightCoverage.nightMriMachines).toBe(1);
    expect(d.departments.find((x) => x.code === '75')!.nightCoverage.nightMriAccess).toBe(true);
    expect(d.departments.find((x) => x.code === '59')!.nightCoverage.nightMriAccess).toBe(false);
  });
  it('measures the gap to the national density and the latest OECD average, and lists the references', () => {
    const nord = d.departments.find((x) => x.code === '59')!;
    const oecd = d.references.find(
      (r) =>
        r.area === 'OECD' &&
        r.measure === 'unitsPerMillion' &&
        r.modality === 'CT' &&
        r.year === 2015,
    )!;
    expect(oecd.value).toBe(25.7);
    expect(nord.gapTo.find((g) => g.reference === 'oecd' && g.modality === 'CT')).toMatchObject({
      year: 2015,
      machines: Math.ceil((25.7 * pop('59')) / 1e6 - 2),
    });
    expect(
      nord.gapTo.find((g) => g.reference === 'national' && g.modality === 'CT')?.machines,
    ).toBe(Math.max(0, Math.ceil((2 / TOTAL) * pop('59') - 2)));
    for (const r of d.references)
      expect(r).toMatchObject({ year: expect.any(Number), source: expect.any(String) });
    expect(d.caveats.map((c) => c.code)).toContain('place-of-machine');
  });
});

describe('levels, filters and gap references', () => {
  it('takes one modality', async () => {
    const d = await doc('--modality', 'MR');
    expect(d.modalities).toEqual(['MR']);
    expect(d.national.units.CT).toBeUndefined();
    expect(d.national.units.MR?.total).toBe(1);
  });
  it('lists one region and its départements with --region (code or former name); France stays', async () => {
    for (const region of ['32', 'Nord-Pas-de-Calais']) {
      const d = await doc('--region', region);
      expect(d.regions.map((r) => r.code)).toEqual(['32']);
      expect(d.departments.map((x) => x.code)).toEqual(['02', '59', '60', '62', '80']);
      expect(d.national.units.CT?.total).toBe(2);
    }
  });
  it('narrows the measured figures to the campaign machines of a place, legal status or typology', async () => {
    const paris = await doc('--department', '75');
    expect(paris.national.nightCoverage.campaignMachines.CT ?? 0).toBe(0);
    expect(paris.national.nightCoverage.campaignMachines.MR).toBe(1);
    // The register's units are not filtered.
    expect(paris.national.units.CT?.total).toBe(2);
    const nord = await doc('--insee-region', 'Nord-Pas-de-Calais');
    expect(nord.national.nightCoverage.campaignMachines.CT).toBe(1);
    expect(nord.national.nightCoverage.campaignMachines.MR ?? 0).toBe(0);
    const privat = await doc('--legal-status', 'PRIVATE');
    expect(privat.national.nightCoverage.campaignMachines.CT ?? 0).toBe(0);
    expect(privat.national.nightCoverage.campaignMachines.MR).toBe(1);
    // Both machines work on scheduled sessions only.
    const emergency = await doc('--typology', 'emergency-dedicated');
    expect(emergency.national.nightCoverage.campaignMachines.CT ?? 0).toBe(0);
    expect(emergency.national.nightCoverage.campaignMachines.MR ?? 0).toBe(0);
    expect(
      (await doc('--typology', 'scheduled-centred')).national.nightCoverage.campaignMachines,
    ).toMatchObject({ CT: 1, MR: 1 });
  });
  it('measures the gap to a typed target or a chosen OECD year', async () => {
    const target = await doc('--gap-to', 'CT=20,MR=15.5');
    expect(target.national.gapTo).toEqual([
      expect.objectContaining({
        reference: 'target',
        modality: 'CT',
        unitsPerMillion: 20,
        machines: Math.ceil((20 * TOTAL) / 1e6 - 2),
      }),
      expect.objectContaining({
        reference: 'target',
        modality: 'MR',
        unitsPerMillion: 15.5,
        machines: Math.ceil((15.5 * TOTAL) / 1e6 - 1),
      }),
    ]);
    const oecd = await doc('--gap-to', 'oecd:2015', '--modality', 'CT');
    expect(oecd.national.gapTo).toEqual([
      expect.objectContaining({ reference: 'oecd', year: 2015, unitsPerMillion: 25.7 }),
    ]);
  });
  it.each([
    ['--gap-to', 'oecd:15'],
    ['--gap-to', 'CT='],
    ['--gap-to', 'XR=3'],
    ['--gap-to', 'national,national'],
    ['--gap-to', 'oecd:1990'],
    ['--level', 'county'],
    ['--region', 'Atlantis'],
    ['--department', '20'],
    ['--insee-region', '99'],
    ['--legal-status', 'NGO'],
  ])('refuses %s %s as a usage error (exit 2)', async (option, value) => {
    const r = await runCli(['territories', KIT, option, value, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(option);
    expect(r.stdout).toBe('');
  });
  it('says which OECD years are known', async () => {
    const r = await runCli(['territories', KIT, '--gap-to', 'oecd:1990', '--lang', 'en']);
    expect(r.stderr).toContain('no OECD average density for 1990');
    expect(r.stderr).toMatch(/the years known: [\d, ]*2015/);
    expect((await runCli(['territories', KIT, '--json', '--csv'])).code).toBe(2);
  });
});

describe('table and CSV', () => {
  it('prints France then one row per region, in English', async () => {
    const r = await runCli(['territories', KIT, '--lang', 'en']);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    const header = lines.findIndex((l) => l.startsWith('Code'));
    expect(lines[header]).toMatch(
      /Population\s+CT units\s+MR units\s+CT\/million\s+MR\/million\s+CT exams\/1,000/,
    );
    expect(lines[header]).toContain('Gap OECD 2015 CT');
    const rows = lines.slice(header + 2, lines.indexOf('', header));
    expect(rows).toHaveLength(19);
    expect(rows[0]).toMatch(/^FR\s+France\s+[\d,]+\s+2\s+1\s/);
    // Hauts-de-France: 2 CT, half of the CT exams imputed, 1 of 2 CT 10 years old or more.
    const hdf = rows.find((l) => l.startsWith('32'))!;
    expect(hdf).toContain('Hauts-de-France');
    expect(hdf.split(/\s{2,}/)).toEqual(expect.arrayContaining(['2', '0', '50%']));
    expect(r.stdout).toContain('by place of the machine');
    expect(r.stdout).toContain('OECD average · CT · Units per million inhabitants: 25.7 (2015)');
  });
  it('prints one row per département with --level department, in French', async () => {
    const r = await runCli(['territories', KIT, '--level', 'department', '--lang', 'fr']);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    const header = lines.findIndex((l) => l.startsWith('Code'));
    expect(lines[header]).toContain('Appareils CT');
    expect(lines.slice(header + 2, lines.indexOf('', header))).toHaveLength(102);
    expect(r.stdout).toContain('Pour bien lire ces chiffres');
    expect(r.stdout).toMatch(/La population est celle de 2023, la campagne date de 2010/);
  });
  it('writes CSV: France and the regions, decimal point in English', async () => {
    const r = await runCli(['territories', KIT, '--csv', '--lang', 'en']);
    expect(r.code).toBe(0);
    const lines = r.stdout
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines).toHaveLength(1 + 1 + 18);
    const header = lines[0]!.split(',');
    expect(header.slice(0, 5)).toEqual(['level', 'code', 'name', 'region', 'population']);
    expect(header).toEqual(
      expect.arrayContaining([
        'ct_units',
        'ct_per_million',
        'ct_exams_per_1000',
        'ct_imputed_share',
        'ct_gap_oecd_2015',
        'ct_gap_national',
        'night_mri_machines',
      ]),
    );
    const hdf = lines.find((l) => l.startsWith('region,32,'))!.split(',');
    expect(hdf[header.indexOf('ct_units')]).toBe('2');
    expect(hdf[header.indexOf('ct_imputed_share')]).toBe('0.5');
    expect(lines[1]!.startsWith(`nation,FR,France,,${TOTAL},`)).toBe(true);
  });
  it('writes CSV with ; and the decimal comma in French, one row per département', async () => {
    const r = await runCli(['territories', KIT, '--csv', '--level', 'department', '--lang', 'fr']);
    expect(r.code).toBe(0);
    const lines = r.stdout
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines).toHaveLength(1 + 1 + 101);
    const header = lines[0]!.split(';');
    const nord = lines.find((l) => l.startsWith('department;59;'))!.split(';');
    expect(nord[header.indexOf('ct_imputed_share')]).toBe('0,5');
    expect(nord[header.indexOf('region')]).toBe('32');
  });
});

describe('plateau territories from the store', () => {
  it('gives the document of the kit once imported', async () => {
    const data = join(tmp, 'store');
    const imported = await runCli(['import', KIT, '--data', data]);
    expect(imported.code, imported.stderr).toBe(0);
    const r = await runCli(['territories', '--json', '--data', data]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(await doc());
  }, 60_000);
});

describe('plateau indicators --department / --insee-region', () => {
  it('narrows the machines and their benchmark to the sites of a place', async () => {
    const ids = async (...args: string[]): Promise<string[]> => {
      const r = await runCli(['indicators', KIT, '--json', ...args]);
      expect(r.code, r.stderr).toBe(0);
      return (JSON.parse(r.stdout) as { machines: { equipmentId: string }[] }).machines.map(
        (m) => m.equipmentId,
      );
    };
    expect(await ids('--department', '75')).toEqual(['MR1']);
    const paris = JSON.parse(
      (await runCli(['indicators', KIT, '--json', '--department', '75'])).stdout,
    ) as { benchmark: Record<string, { machines: number }> };
    expect(Object.keys(paris.benchmark)).toEqual(['MR']);
    expect(paris.benchmark['MR']?.machines).toBe(1);
    expect(await ids('--insee-region', '32')).toEqual(['CT1']);
    expect(await ids('--insee-region', 'Hauts-de-France', '--modality', 'CT')).toEqual(['CT1']);
    const r = await runCli(['indicators', KIT, '--json', '--department', '2a']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no machine matches these filters');
    expect((await runCli(['indicators', KIT, '--department', '20'])).code).toBe(2);
    expect((await runCli(['indicators', KIT, '--insee-region', 'Atlantis'])).code).toBe(2);
  });
});
