// The planning screens' pure helpers: the on-call page's address (territory and settings), the
// form checked and turned into the API's query, the notes worded from their codes, and the
// demand summed per département — each against values worked out by hand.
import { describe, expect, it } from 'vitest';
import type { OncallDocument } from '../../src/plan/oncall/document.ts';
import type { OncallForm } from '../../src/web/lib/planning.ts';
import {
  demandByDepartment,
  formOf,
  oncallNoteText,
  oncallQuery,
  oncallQueryOf,
  settingsOfForm,
  withProvenance,
} from '../../src/web/lib/planning.ts';

const FORM: OncallForm = {
  readingCT: '15',
  readingMR: '20',
  reading: 'fixed',
  targetMinutes: '30',
  targetSharePercent: '90',
  hourlyRate: '',
  holidays: '',
};

describe('the on-call page’s address', () => {
  it('reads one territory and the settings given, trimmed', () => {
    const q = oncallQueryOf(
      new URLSearchParams('department=59&readingCT=%2010%20&hourlyRate=&lang=en'),
    );
    expect(q.place).toEqual({ kind: 'department', code: '59' });
    expect(q.settings).toEqual({ readingCT: '10' });
    expect(oncallQueryOf(new URLSearchParams('region=32')).place).toEqual({
      kind: 'region',
      code: '32',
    });
    // Neither, or both: no territory.
    expect(oncallQueryOf(new URLSearchParams('')).place).toBeNull();
    expect(oncallQueryOf(new URLSearchParams('department=59&region=32')).place).toBeNull();
    expect(oncallQuery({ kind: 'region', code: '32' }, { reading: 'fixed' })).toEqual({
      region: '32',
      reading: 'fixed',
    });
  });
});

describe('the settings form', () => {
  it('gives the API its query: share in 0–1, decimal commas read, holidays sorted', () => {
    const r = settingsOfForm({
      ...FORM,
      readingCT: '12,5',
      targetSharePercent: '85',
      hourlyRate: '120',
      holidays: '2026-12-25, 2026-01-01 2026-12-25',
    });
    expect(r).toEqual({
      ok: true,
      settings: {
        readingCT: '12.5',
        readingMR: '20',
        reading: 'fixed',
        targetMinutes: '30',
        targetShare: '0.85',
        hourlyRate: '120',
        holidays: '2026-01-01,2026-12-25',
      },
    });
  });

  it('names the first field that does not fit', () => {
    expect(settingsOfForm({ ...FORM, readingMR: '0' })).toEqual({
      ok: false,
      field: 'readingMR',
      value: '0',
    });
    expect(settingsOfForm({ ...FORM, targetSharePercent: '100' })).toMatchObject({
      field: 'targetSharePercent',
    });
    expect(settingsOfForm({ ...FORM, hourlyRate: '-1' })).toMatchObject({ field: 'hourlyRate' });
    expect(settingsOfForm({ ...FORM, holidays: '25/12/2026' })).toEqual({
      ok: false,
      field: 'holidays',
      value: '25/12/2026',
    });
    expect(settingsOfForm({ ...FORM, readingCT: 'quinze' })).toMatchObject({ field: 'readingCT' });
  });

  it('fills itself from the model the API used, in the reader’s decimals', () => {
    const form = formOf(
      {
        readingMinutes: { CT: 12.5, MR: 20 },
        readingProvenance: 'input',
        distribution: 'exponential',
        targetMinutes: 30,
        targetShare: 0.9,
        hourlyRate: null,
        seed: 1,
        simulatedCustomers: 40_000,
        maxLines: 20,
        holidays: ['2026-01-01'],
      },
      'fr',
    );
    expect(form).toEqual({
      readingCT: '12,5',
      readingMR: '20',
      reading: 'exponential',
      targetMinutes: '30',
      targetSharePercent: '90',
      hourlyRate: '',
      holidays: '2026-01-01',
    });
  });
});

describe('the words of the planning documents', () => {
  it('word the notes from their codes and raw parameters', () => {
    expect(
      oncallNoteText(
        {
          code: 'readingCeiling',
          params: { modality: 'CT', share: 0.8647, targetMinutes: 30, minutes: 15 },
        },
        'en',
      ),
    ).toBe(
      'Exponential reading: even with no wait, only 86% of CT exams are read within 30 min (mean length 15 min), less than the target. Take a fixed length, a longer target or a lower share.',
    );
    expect(oncallNoteText({ code: 'unreachable', params: { max: 20 } }, 'fr')).toContain(
      'jusqu’à 20',
    );
    expect(withProvenance('Coût / an (€)', 'illustrative', 'fr')).toBe(
      'Coût / an (€) (illustratif)',
    );
    expect(withProvenance('Lines', 'input', 'en')).toBe('Lines (declared (input))');
  });

  it('sums nights and weekends per département, 0 where sites have none', () => {
    const row = (site: string, night: number, weekend: number) =>
      ({
        site,
        modality: 'CT',
        examsInCampaign: 0,
        perWeek: { night, weekend },
        perYear: 0,
        byHourOfWeek: [],
      }) as const;
    const doc = {
      sites: [
        { finess: 'A', name: 'A', department: '59' },
        { finess: 'B', name: 'B', department: '59' },
        { finess: 'C', name: 'C', department: '62' },
        { finess: 'D', name: 'D', department: null },
      ],
      demand: { rows: [row('A', 3.5, 2), row('B', 1, 0.5), row('D', 9, 9)] },
    } as unknown as OncallDocument;
    expect([...demandByDepartment(doc)]).toEqual([
      ['59', 7],
      ['62', 0],
    ]);
  });
});
