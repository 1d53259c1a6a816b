// The campaign-level views: summary, filter options, region and establishment listings with
// the accent-insensitive search, and the quality view.
import { describe, expect, it } from 'vitest';
import {
  campaignDetail,
  establishmentListings,
  foldText,
  qualityView,
  regionListings,
} from '../../../src/core/views/index.ts';
import { exclusionCodeOf } from '../../../src/core/views/quality-view.ts';
import { buildKit } from '../../helpers/build-kit.ts';
import { indexOf, SITES, viewsKit } from './views-kit.ts';

const index = indexOf(viewsKit());

describe('campaign summary and options', () => {
  it('counts exams, machines per modality and establishments', () => {
    const detail = campaignDetail(index);
    expect(detail).toMatchObject({
      id: 'views',
      name: 'Views',
      start: '2010-03-01',
      days: 7,
      timeZone: 'Europe/Paris',
      updatedAt: '2026-01-02T03:04:05.000Z',
      exams: 1 + 2 + 3 + 4 + 5 + 1,
      machines: { CT: 5, MR: 1 },
      establishments: 3,
    });
  });
  it('lists each filter value once, sorted', () => {
    expect(index.options).toEqual({
      modalities: ['CT', 'MR'],
      regions: ['Hauts-de-France', 'Île-de-France'],
      legalStatuses: ['CH', 'CHU', 'PRIVATE'],
      typologies: expect.any(Array),
      // No places given to the index: no département or INSEE region to choose.
      departments: [],
      inseeRegions: [],
    });
    expect(index.options.typologies.length).toBeGreaterThan(0);
  });
});

describe('listings', () => {
  it('gives one row per region with its machines and exams', () => {
    expect(regionListings(index)).toEqual([
      { region: 'Hauts-de-France', establishments: 2, machines: { CT: 4 }, exams: 1 + 2 + 3 + 4 },
      { region: 'Île-de-France', establishments: 1, machines: { CT: 1, MR: 1 }, exams: 5 + 1 },
    ]);
  });
  it('sorts establishments by name and counts their machines', () => {
    const rows = establishmentListings(index);
    expect(rows.map((r) => r.name)).toEqual([
      'Clinique du Nord',
      'Hôpital Européen',
      'Hôpital Saint-Éloi',
    ]);
    expect(rows[1]).toEqual({
      finess: SITES.europe,
      name: 'Hôpital Européen',
      region: 'Île-de-France',
      department: '75',
      legalStatus: 'CHU',
      machines: { CT: 1, MR: 1 },
      exams: 6,
    });
  });
  it('searches names ignoring case and accents, and FINESS', () => {
    const names = (q: string) => establishmentListings(index, { q }).map((r) => r.finess);
    expect(names('HOPITAL')).toEqual([SITES.europe, SITES.eloi]);
    expect(names('saint eloi')).toEqual([SITES.eloi]);
    expect(names('Saint-Éloi')).toEqual([SITES.eloi]);
    expect(names('  ')).toHaveLength(3);
    expect(names('7500')).toEqual([SITES.europe]);
    expect(names('radiologie')).toEqual([]);
    expect(foldText('Île  de—France')).toBe('ile de france');
    expect(foldText("Clinique du Sacré-Cœur d'Æ")).toBe('clinique du sacre coeur d ae');
  });
  it('filters by region and legal status', () => {
    expect(
      establishmentListings(index, { region: 'Hauts-de-France' }).map((r) => r.finess),
    ).toEqual([SITES.nord, SITES.eloi]);
    expect(
      establishmentListings(index, { region: 'Hauts-de-France', legalStatus: 'CH' }).map(
        (r) => r.finess,
      ),
    ).toEqual([SITES.eloi]);
    expect(establishmentListings(index, { legalStatus: 'ESPIC' })).toEqual([]);
  });
});

describe('quality view', () => {
  it('gives one row per machine from its stored quality and inclusion, and counts issues', () => {
    const view = qualityView(index, [
      {
        severity: 'warning',
        code: 'w',
        file: 'exams.csv',
        line: 3,
        column: null,
        message: 'm',
        hint: null,
        source: 'kit',
      },
      {
        severity: 'info',
        code: 'i',
        file: 'exams.csv',
        line: null,
        column: null,
        message: 'm',
        hint: null,
        source: 'kit',
      },
    ]);
    expect(view.campaign.id).toBe('views');
    expect(view.machines).toHaveLength(6);
    const ct0 = view.machines.find((m) => m.equipmentId === 'CT0')!;
    const stored = index.machineById.get('CT0')!;
    expect(ct0).toEqual({
      equipmentId: 'CT0',
      finess: SITES.eloi,
      establishment: 'Hôpital Saint-Éloi',
      modality: 'CT',
      exams: 1,
      shortExams: stored.quality.shortExams,
      unvaluedExams: stored.quality.unvaluedExams,
      examsOutsideSessions: stored.quality.examsOutsideSessions,
      overlappingExams: stored.quality.overlappingExams,
      unknownActs: [],
      occupancyIncluded: stored.occupancyIncluded,
      exclusionReason: stored.occupancyIncluded ? null : stored.inclusion.reason,
      exclusionCode: stored.occupancyIncluded ? null : 'below-15-percent',
      shareAbove15: stored.inclusion.shareAbove15,
    });
    expect(view.issueCounts).toEqual({ error: 0, warning: 1, info: 1 });
    expect(view.quality).toBe(index.data.results.quality);
  });
});

describe('exclusion codes', () => {
  it('say why the inclusion rule left a machine out, beside the share above 15 %', () => {
    const kit = buildKit([
      // Busy 20 min of a 2-hour programmed session: 17 % occupied, kept.
      {
        id: 'KEPT',
        sessions: [['2010-03-01T08:00', '2010-03-01T10:00', 'PUBLIC_SCHEDULED']],
        exams: [{ in: '2010-03-01T08:00', out: '2010-03-01T08:20' }],
      },
      // Busy 1 h of a 10-hour programmed session: 10 %, under 15 %.
      {
        id: 'IDLE',
        sessions: [['2010-03-01T08:00', '2010-03-01T18:00', 'PUBLIC_SCHEDULED']],
        exams: [{ in: '2010-03-01T08:00', out: '2010-03-01T09:00' }],
      },
      // Emergency sessions only: no programmed time at all.
      {
        id: 'EMERG',
        sessions: [['2010-03-01T08:00', '2010-03-01T18:00', 'EMERGENCY']],
        exams: [{ in: '2010-03-01T08:00', out: '2010-03-01T09:00', cat: 'U' }],
      },
    ]);
    const view = qualityView(indexOf(kit), []);
    const row = (id: string) => view.machines.find((m) => m.equipmentId === id)!;
    expect(row('KEPT')).toMatchObject({
      occupancyIncluded: true,
      exclusionCode: null,
      exclusionReason: null,
      shareAbove15: 1,
    });
    expect(row('IDLE')).toMatchObject({
      occupancyIncluded: false,
      exclusionCode: 'below-15-percent',
      shareAbove15: 0,
    });
    expect(row('IDLE').exclusionReason).toContain('only 0.0 %');
    expect(row('EMERG')).toMatchObject({
      occupancyIncluded: false,
      exclusionCode: 'no-programmed-sessions',
      shareAbove15: null,
    });
    expect(row('EMERG').exclusionReason).toBe('no programmed session');
  });

  it('follow the inclusion detail', () => {
    expect(
      exclusionCodeOf({
        included: true,
        programmedSessionHours: 10,
        shareAbove15: 0.97,
        reason: null,
      }),
    ).toBeNull();
    expect(
      exclusionCodeOf({
        included: false,
        programmedSessionHours: 10,
        shareAbove15: 0.5,
        reason: 'x',
      }),
    ).toBe('below-15-percent');
    expect(
      exclusionCodeOf({
        included: false,
        programmedSessionHours: 0,
        shareAbove15: null,
        reason: 'x',
      }),
    ).toBe('no-programmed-sessions');
  });
});
