// The INSEE place of a site: its département normalised (and that département's region), else
// the region its region cell names; nothing when neither is known.
import { describe, expect, it } from 'vitest';
import { sitePlace, sitePlaces } from '../../../src/plan/territories/site-places.ts';

describe('sitePlace', () => {
  it('takes the département, and its region, first', () => {
    expect(sitePlace({ department: '59', region: 'Bretagne' })).toEqual({
      department: '59',
      inseeRegion: '32',
    });
    expect(sitePlace({ department: '2a', region: '' })).toEqual({
      department: '2A',
      inseeRegion: '94',
    });
    expect(sitePlace({ department: '1', region: '' })).toEqual({
      department: '01',
      inseeRegion: '84',
    });
    expect(sitePlace({ department: '9A', region: '' })).toEqual({
      department: '971',
      inseeRegion: '01',
    });
  });
  it('falls back on the region cell, by code or by a current or former name', () => {
    expect(sitePlace({ department: null, region: 'Nord-Pas-de-Calais' })).toEqual({
      department: null,
      inseeRegion: '32',
    });
    expect(sitePlace({ department: '20', region: 'Corse' })).toEqual({
      department: null,
      inseeRegion: '94',
    });
    expect(sitePlace({ department: null, region: '11' })).toEqual({
      department: null,
      inseeRegion: '11',
    });
    expect(sitePlace({ department: null, region: 'HDF?' })).toEqual({
      department: null,
      inseeRegion: null,
    });
  });
  it('maps every establishment by FINESS', () => {
    const places = sitePlaces([
      {
        finess: '590000001',
        name: 'A',
        legalStatus: 'CH',
        region: 'Hauts-de-France',
        department: '59',
      },
      {
        finess: '750000001',
        name: 'B',
        legalStatus: 'CHU',
        region: 'Île-de-France',
        department: null,
      },
    ]);
    expect([...places]).toEqual([
      ['590000001', { department: '59', inseeRegion: '32' }],
      ['750000001', { department: null, inseeRegion: '11' }],
    ]);
  });
});
