// The published figures shipped as data: each number, year and source read by hand from
// access-figures.md (and found in it), the OECD average and latest figure picked as the gap to a
// reference density needs them, and a loaded figure replacing the shipped one of the same key.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  latestFigure,
  mergeReferences,
  oecdAverage,
  referenceKey,
  SHIPPED_REFERENCES,
} from '../../../src/plan/territories/references.ts';
import type { ReferenceFigure } from '../../../src/plan/territories/types.ts';
import { REFERENCE_MEASURES } from '../../../src/plan/territories/types.ts';
import { SHARED_DIR } from '../../helpers/shared.ts';

const FIGURES_MD = readFileSync(join(SHARED_DIR, 'data/reference/access-figures.md'), 'utf8');

/** measure modality sector area year value, for comparing lists by eye. */
const row = (f: ReferenceFigure): string =>
  `${f.measure} ${f.modality} ${f.sector ?? '-'} ${f.area} ${f.year} ${f.value}`;

describe('shipped references', () => {
  it('hold every numeric CT/MRI figure of access-figures.md, read by hand', () => {
    expect(SHIPPED_REFERENCES.map(row).sort()).toEqual(
      [
        'unitsPerMillion CT - FRA 2015 16.6',
        'unitsPerMillion CT - OECD 2015 25.7',
        'unitsPerMillion MR - FRA 2015 12.6',
        'unitsPerMillion MR - OECD 2015 15.9',
        'examsPer1000 CT - FRA 2015 197.4',
        'examsPer1000 CT - OECD 2015 143.1',
        'unitsPerMillion CT - FRA 2018 18',
        'unitsPerMillion MR - FRA 2018 14.8',
        'unitsPerMillion MR hospital FRA 2018 8.4',
        'unitsPerMillion MR private_practice FRA 2018 6.4',
        'unitsPerMillion CT - FRA 2010 11.8',
        'unitsPerMillion CT - JPN 2018 111',
        'unitsPerMillion CT - AUS 2018 67',
        'unitsPerMillion CT - ISL 2018 44',
        'exams CT - FRA 2017 4763630',
        'costEuros CT - FRA 2017 246732235',
        'exams MR - FRA 2017 4484648',
        'costEuros MR - FRA 2017 338011387',
        'meanWaitDays MR - FRA 2016 30.3',
        'unitsPerMillion MR - FRA 2016 11.9',
        'installedUnits MR - FRA 2011 618',
      ].sort(),
    );
    expect(SHIPPED_REFERENCES.every((f) => f.origin === 'shipped')).toBe(true);
    expect(
      SHIPPED_REFERENCES.every((f) =>
        (REFERENCE_MEASURES as readonly string[]).includes(f.measure),
      ),
    ).toBe(true);
    // No two figures share a key (a loaded one would replace both).
    expect(new Set(SHIPPED_REFERENCES.map(referenceKey)).size).toBe(SHIPPED_REFERENCES.length);
  });

  it('keep each value and source as the file writes them, and the ranks as notes', () => {
    const text = FIGURES_MD.replaceAll('`', '');
    for (const f of SHIPPED_REFERENCES) {
      expect(text, f.source).toContain(f.source);
      const written =
        Number.isInteger(f.value) && f.value >= 1000
          ? f.value.toLocaleString('en-US')
          : String(f.value);
      expect(text, row(f)).toContain(written);
    }
    expect(
      SHIPPED_REFERENCES.find((f) => f.measure === 'examsPer1000' && f.area === 'FRA')?.note,
    ).toBe('5th');
    expect(
      SHIPPED_REFERENCES.find((f) => f.modality === 'MR' && f.year === 2018 && f.sector === null)
        ?.note,
    ).toBe('13th of 33');
    // The 2015–2016 study is filed under 2016, and says so.
    const study = SHIPPED_REFERENCES.filter((f) =>
      f.source.startsWith('Imagerie Santé Avenir / Cemka-Eval'),
    );
    expect(study.map((f) => f.year)).toEqual([2016, 2016]);
    for (const f of study) expect(f.note).toContain('2015–2016');
    // "same article" is the 2019 article of the row above it.
    expect(SHIPPED_REFERENCES.find((f) => f.year === 2010)?.source).toBe(
      'OECD Health Statistics, as reported by docteurimago.fr (06/09/2019)',
    );
  });
});

describe('oecdAverage and latestFigure', () => {
  it('give the OECD average of a year, the latest without a year, and null for a year without one', () => {
    expect(oecdAverage(SHIPPED_REFERENCES, 'CT')?.value).toBe(25.7);
    expect(oecdAverage(SHIPPED_REFERENCES, 'MR', 2015)?.value).toBe(15.9);
    expect(oecdAverage(SHIPPED_REFERENCES, 'CT', 2018)).toBeNull();
    const loaded: ReferenceFigure = {
      measure: 'unitsPerMillion',
      modality: 'CT',
      sector: null,
      area: 'OECD',
      year: 2021,
      value: 29.1,
      source: 'OECD Data Explorer export x.csv',
      note: null,
      origin: 'loaded',
    };
    const merged = mergeReferences(SHIPPED_REFERENCES, [loaded]);
    expect(oecdAverage(merged, 'CT')).toBe(loaded);
    expect(oecdAverage(merged, 'CT', 2015)?.value).toBe(25.7);
    // A sector figure of the OECD is never the whole fleet's average.
    const hospital = { ...loaded, sector: 'hospital' as const, year: 2022, value: 12 };
    expect(oecdAverage([...merged, hospital], 'CT')?.year).toBe(2021);
  });

  it('pick the latest figure of a measure, modality, area and sector', () => {
    const mri = { measure: 'unitsPerMillion', modality: 'MR', area: 'FRA' } as const;
    expect(latestFigure(SHIPPED_REFERENCES, mri)?.value).toBe(14.8);
    expect(latestFigure(SHIPPED_REFERENCES, { ...mri, sector: 'private_practice' })?.value).toBe(
      6.4,
    );
    expect(latestFigure(SHIPPED_REFERENCES, { ...mri, area: 'OECD' })?.year).toBe(2015);
    expect(latestFigure(SHIPPED_REFERENCES, { ...mri, measure: 'examsPer1000' })).toBeNull();
    expect(
      latestFigure(SHIPPED_REFERENCES, { measure: 'unitsPerMillion', modality: 'CT', area: 'FRA' })
        ?.year,
    ).toBe(2018);
  });
});

describe('mergeReferences', () => {
  it('replaces a shipped figure by the loaded one of the same key, and sorts', () => {
    const replacing: ReferenceFigure = {
      measure: 'unitsPerMillion',
      modality: 'MR',
      sector: 'hospital',
      area: 'FRA',
      year: 2018,
      value: 8.5,
      source: 'OECD Data Explorer export med.csv',
      note: null,
      origin: 'loaded',
    };
    const added: ReferenceFigure = {
      ...replacing,
      measure: 'examsPer1000',
      sector: null,
      area: 'DEU',
      year: 2019,
      value: 150,
    };
    const merged = mergeReferences(SHIPPED_REFERENCES, [added, replacing]);
    expect(merged).toHaveLength(SHIPPED_REFERENCES.length + 1);
    const hospital = merged.filter((f) => f.sector === 'hospital');
    expect(hospital).toEqual([replacing]);
    // Sorted by measure (contract order), modality, area, year, then sector (whole fleet first).
    const head = merged.slice(0, 14).map(row);
    expect(head).toEqual([
      'unitsPerMillion CT - AUS 2018 67',
      'unitsPerMillion CT - FRA 2010 11.8',
      'unitsPerMillion CT - FRA 2015 16.6',
      'unitsPerMillion CT - FRA 2018 18',
      'unitsPerMillion CT - ISL 2018 44',
      'unitsPerMillion CT - JPN 2018 111',
      'unitsPerMillion CT - OECD 2015 25.7',
      'unitsPerMillion MR - FRA 2015 12.6',
      'unitsPerMillion MR - FRA 2016 11.9',
      'unitsPerMillion MR - FRA 2018 14.8',
      'unitsPerMillion MR hospital FRA 2018 8.5',
      'unitsPerMillion MR private_practice FRA 2018 6.4',
      'unitsPerMillion MR - OECD 2015 15.9',
      'examsPer1000 CT - FRA 2015 197.4',
    ]);
    expect(merged.slice(14, 17).map(row)).toEqual([
      'examsPer1000 CT - OECD 2015 143.1',
      'examsPer1000 MR - DEU 2019 150',
      'exams CT - FRA 2017 4763630',
    ]);
    // The inputs are left as they were.
    expect(SHIPPED_REFERENCES.find((f) => f.sector === 'hospital')?.value).toBe(8.4);
  });
});
