// The gap references a short text names, the OECD years a references list knows, and the
// region a filter names.
import { describe, expect, it } from 'vitest';
import { SHIPPED_REFERENCES } from '../../../src/plan/territories/references.ts';
import {
  oecdDensityYears,
  parseGapTo,
  territoryRegion,
  unknownOecdYears,
} from '../../../src/plan/territories/territory-query.ts';

describe('parseGapTo', () => {
  it('reads national, oecd, oecd:YEAR and targets, alone or joined by commas', () => {
    expect(parseGapTo('national')).toEqual([{ kind: 'national' }]);
    expect(parseGapTo('OECD')).toEqual([{ kind: 'oecd' }]);
    expect(parseGapTo('oecd:2021')).toEqual([{ kind: 'oecd', year: 2021 }]);
    expect(parseGapTo(' CT=20 , mr = 15,5')).toBeNull(); // a decimal comma would split the list
    expect(parseGapTo('CT=20,MR=15.5')).toEqual([
      { kind: 'target', modality: 'CT', unitsPerMillion: 20 },
      { kind: 'target', modality: 'MR', unitsPerMillion: 15.5 },
    ]);
    expect(parseGapTo('national, oecd:2015, CT=12')).toEqual([
      { kind: 'national' },
      { kind: 'oecd', year: 2015 },
      { kind: 'target', modality: 'CT', unitsPerMillion: 12 },
    ]);
  });
  it('refuses anything else, and a reference given twice', () => {
    for (const bad of [
      '',
      ',',
      'oecd:',
      'oecd:15',
      'oecd 2015',
      'CT=',
      'CT=-3',
      'XR=3',
      'CT=1e3',
      'national,',
      'national,national',
      'CT=1,CT=2',
      'oecd,oecd',
    ]) {
      expect(parseGapTo(bad), bad).toBeNull();
    }
  });
});

describe('OECD years and regions', () => {
  it('knows the OECD average densities shipped', () => {
    const years = oecdDensityYears(SHIPPED_REFERENCES);
    expect(years).toContain(2015);
    expect(years).toEqual([...years].sort((a, b) => a - b));
    expect(
      unknownOecdYears([{ kind: 'oecd', year: 2015 }, { kind: 'national' }], SHIPPED_REFERENCES),
    ).toEqual([]);
    expect(
      unknownOecdYears([{ kind: 'oecd', year: 1990 }, { kind: 'oecd' }], SHIPPED_REFERENCES),
    ).toEqual([1990]);
  });
  it('names a region by code or name, current or former', () => {
    expect(territoryRegion('32')).toBe('32');
    expect(territoryRegion('Picardie')).toBe('32');
    expect(territoryRegion('île-de-france')).toBe('11');
    expect(territoryRegion('1')).toBe('01');
    expect(territoryRegion('Atlantis')).toBeNull();
  });
});
