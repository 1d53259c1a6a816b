// `plateau references`: the shipped figures without a store (nothing created), an export with
// errors refused with its located issues and nothing stored, an export loaded then listed with
// the shipped figures, a later load replacing a shipped and a loaded figure (counted), in process;
// the commands on one data folder share its open store (shared-store.ts).
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { SHIPPED_REFERENCES } from '../../src/plan/territories/references.ts';
import type { ReferenceFigure } from '../../src/plan/territories/types.ts';
import { runCli } from '../helpers/run-cli.ts';
import { closeSharedStores } from '../helpers/shared-store.ts';

vi.mock('../../src/storage/open-store.ts', async (actual) =>
  (await import('../helpers/shared-store.ts')).sharingOpenStore(await actual()),
);

const tmp = mkdtempSync(join(tmpdir(), 'plateau-references-'));
afterAll(async () => {
  await closeSharedStores();
  rmSync(tmp, { recursive: true, force: true });
});
const FIXTURES = join(import.meta.dirname, '../fixtures/references');

describe('plateau references', () => {
  it('says what the figures are and where they come from', async () => {
    const r = await runCli(['references', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('OECD Health at a Glance 2017');
    expect(r.stdout).toContain('--load FILE.csv');
    expect(r.stdout).toContain('OECD Data Explorer');
  });

  it('lists the shipped figures without a store, says so, and creates nothing', async () => {
    const none = join(tmp, 'none');
    const r = await runCli(['references', '--data', none]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(
      `there is no store in ${none}: these are the figures shipped with plateau only`,
    );
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(
      /^measure\s+modality\s+sector\s+area\s+year\s+value\s+note\s+source\s+origin$/,
    );
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^unitsPerMillion\s+CT\s+OECD\s+2015\s+25\.7\s+OECD Health at a Glance 2017, as reported by docteurimago\.fr \(16\/11\/2017\)\s+shipped$/,
      ),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^unitsPerMillion\s+MR\s+private_practice\s+FRA\s+2018\s+6\.4\s+OECD Health Statistics/,
      ),
    );
    expect(lines).toHaveLength(2 + SHIPPED_REFERENCES.length);
    expect(existsSync(none)).toBe(false);
    const json = await runCli(['references', '--json', '--data', none]);
    expect((JSON.parse(json.stdout) as ReferenceFigure[]).map((f) => f.origin)).toEqual(
      SHIPPED_REFERENCES.map(() => 'shipped'),
    );
    const fr = await runCli(['references', '--lang', 'fr', '--data', none]);
    expect(fr.stdout.split('\n')[0]).toMatch(
      /^mesure\s+modalité\s+secteur\s+zone\s+année\s+valeur\s+remarque\s+source\s+origine$/,
    );
    expect(fr.stderr).toContain('il n’y a pas de base plateau dans');
  });

  it('refuses an export with errors, printing them located, and stores nothing', async () => {
    const data = join(tmp, 'refused');
    const file = join(FIXTURES, 'oecd-codes-errors', 'input.csv');
    const r = await runCli(['references', '--load', file, '--data', data]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('input.csv:3:TIME_PERIOD error: TIME_PERIOD 2019-Q1 is not a year');
    expect(r.stderr).toContain(
      'input.csv:5 error: unitsPerMillion of CT for FRA in 2019 is already on line 2',
    );
    expect(r.stderr).toContain(`${file}: 6 errors; nothing was stored`);
    expect(existsSync(data)).toBe(false);
  });

  it('loads an export, lists it with the shipped figures, and replaces by a later load', async () => {
    const data = join(tmp, 'store');
    const file = join(FIXTURES, 'oecd-med-tech', 'input.csv');
    const r = await runCli(['references', '--load', file, '--data', data]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(
      'input.csv:7:MEASURE warning: 2 rows of the measure MEASURE MTU, UNIT_MEASURE 10P6HB, MEDICAL_TECH PET',
    );
    expect(r.stdout.trim()).toBe(
      `${file}: 8 figures stored in ${data}: 8 added, 0 replaced, 0 unchanged`,
    );

    const listed = JSON.parse(
      (await runCli(['references', '--json', '--data', data])).stdout,
    ) as ReferenceFigure[];
    expect(listed).toHaveLength(SHIPPED_REFERENCES.length + 8);
    expect(
      listed
        .filter((f) => f.origin === 'loaded')
        .map((f) => `${f.measure} ${f.modality} ${f.sector ?? '-'} ${f.area} ${f.year} ${f.value}`),
    ).toEqual([
      'unitsPerMillion CT - DEU 2020 35.1',
      'unitsPerMillion CT - FRA 2021 19.55',
      'unitsPerMillion CT - OECD 2021 29.77',
      'unitsPerMillion MR - FRA 2021 16.64',
      'unitsPerMillion MR hospital FRA 2021 8.91',
      'unitsPerMillion MR private_practice FRA 2021 7.73',
      'unitsPerMillion MR - OECD 2021 19.03',
      'installedUnits MR - FRA 2021 1129',
    ]);

    // A table of the simple form: the OECD 2015 CT average (shipped) and France's 2021 CT density (loaded).
    const later = join(tmp, 'later.csv');
    writeFileSync(
      later,
      'country,measure,year,value,source\nOECD,ct_units_per_million,2015,26,OECD Health Statistics 2017\nFRA,ct_units_per_million,2021,19.6,\n',
    );
    const again = await runCli(['references', '--load', later, '--data', data]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('2 figures stored in');
    expect(again.stdout).toContain(': 1 added, 1 replaced, 0 unchanged');
    const csv = (await runCli(['references', '--csv', '--data', data])).stdout.trim().split('\n');
    expect(csv[0]).toBe('measure,modality,sector,area,year,value,note,source,origin');
    expect(csv.filter((l) => l.startsWith('unitsPerMillion,CT,,OECD,2015,'))).toEqual([
      'unitsPerMillion,CT,,OECD,2015,26,,OECD Health Statistics 2017,loaded',
    ]);
    expect(csv.filter((l) => l.startsWith('unitsPerMillion,CT,,FRA,2021,'))).toEqual([
      'unitsPerMillion,CT,,FRA,2021,19.6,,OECD Data Explorer export later.csv,loaded',
    ]);
    expect(csv).toHaveLength(1 + SHIPPED_REFERENCES.length + 8);
  });

  it('refuses a missing file and options that do not go together', async () => {
    const missing = await runCli([
      'references',
      '--load',
      join(tmp, 'nope.csv'),
      '--data',
      join(tmp, 'x'),
    ]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('nope.csv is not a file');
    expect((await runCli(['references', '--json', '--csv'])).code).toBe(2);
    expect((await runCli(['references', 'extra'])).code).toBe(2);
  });
});

describe('plateau references in French', () => {
  it('counts a load in French words', async () => {
    // The store of the load above when it ran (opened once): this figure's key is new to it.
    const data = join(tmp, 'store');
    const file = join(tmp, 'one.csv');
    writeFileSync(file, 'country,measure,year,value\nFRA,mri_units_per_million,2022,17.1\n');
    const r = await runCli(['references', '--lang', 'fr', '--load', file, '--data', data]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('1 chiffre enregistré dans');
    expect(r.stdout).toContain(': 1 ajouté, 0 remplacé, 0 inchangé');
  });
});
