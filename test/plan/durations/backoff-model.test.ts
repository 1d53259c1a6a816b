// The back-off median model on hand-built groups whose level and median are known.
import { describe, expect, it } from 'vitest';
import { BACKOFF_VARIANTS, BackoffModel } from '../../../src/plan/durations/backoff-model.ts';
import { row, rows } from './build.ts';

const [plain, age, ageHour] = BACKOFF_VARIANTS as [
  (typeof BACKOFF_VARIANTS)[0],
  (typeof BACKOFF_VARIANTS)[0],
  (typeof BACKOFF_VARIANTS)[0],
];

// CT-1: head/A 10..39 (30 exams); thorax/A 12 × 20 min; thorax/H 25 × 40 min; spine/U 5 × 50 min.
const ct1 = [
  ...Array.from({ length: 30 }, (_, i) => row(10 + i)),
  ...rows(12, 20, { family: 'thorax' }),
  ...rows(25, 40, { family: 'thorax', category: 'H' }),
  ...rows(5, 50, { family: 'spine', category: 'U' }),
];

describe('BackoffModel', () => {
  const model = BackoffModel.fit(ct1, plain);

  it('answers from the finest group with 30 exams: median and P80 (type 7)', () => {
    // 10..39: median (24 + 25) / 2; P80 at rank 29 × 0.8 = 23.2 → 33 + 0.2 × 1
    expect(model.predict(row(0))).toEqual({
      median: 24.5,
      p80: 33.2,
      level: 'machine×family×category',
      exams: 30,
    });
  });

  it('backs off to machine × family when the category group is small', () => {
    // thorax/A has 12 < 30; thorax has 37: 12 × 20 then 25 × 40, median at rank 18 → 40
    expect(model.predict(row(0, { family: 'thorax' }))).toEqual({
      median: 40,
      p80: 40,
      level: 'machine×family',
      exams: 37,
    });
  });

  it('backs off to the whole machine when family and category are small', () => {
    // spine/U: 5; spine: 5; category U: 5; the machine: 72 exams. Sorted: 10..19, 20 × 13,
    // 21..39, 40 × 25, 50 × 5; ranks 35 and 36 are 33 and 34.
    const p = model.predict(row(0, { family: 'spine', category: 'U' }));
    expect(p).toMatchObject({ median: 33.5, level: 'machine', exams: 72 });
  });

  it('skips the levels keyed on a feature the exam lacks (no act family)', () => {
    // machine × category A: 30 head + 12 thorax = 42
    expect(model.predict(row(0, { family: null }))).toMatchObject({
      level: 'machine×category',
      exams: 42,
    });
  });

  it('answers an unseen machine from its modality, and nothing for an unseen modality', () => {
    expect(model.predict(row(0, { machine: 'CT-9' }))).toMatchObject({
      level: 'modality×family×category',
      median: 24.5,
    });
    expect(model.predict(row(0, { machine: 'MR-9', modality: 'MR' }))).toBeNull();
  });

  it('asks 10 exams when no group has 30, then takes the largest group', () => {
    const small = BackoffModel.fit(
      [
        ...rows(12, 30, { machine: 'MR-1', modality: 'MR' }),
        ...rows(3, 60, { machine: 'MR-1', modality: 'MR', family: 'spine' }),
      ],
      plain,
    );
    // head/A: 12 ≥ 10 → the finest group in the second pass
    expect(small.predict(row(0, { machine: 'MR-1', modality: 'MR' }))).toMatchObject({
      level: 'machine×family×category',
      exams: 12,
      median: 30,
    });
    // spine/A: 3, spine: 3, category A: 15 ≥ 10
    expect(
      small.predict(row(0, { machine: 'MR-1', modality: 'MR', family: 'spine' })),
    ).toMatchObject({ level: 'machine×category', exams: 15 });
    const tiny = BackoffModel.fit(rows(4, 25), plain);
    expect(tiny.predict(row(0))).toEqual({
      median: 25,
      p80: 25,
      level: 'machine×family×category',
      exams: 4,
    });
    expect(
      BackoffModel.fit(rows(4, 25), plain, [30]).predict(row(0, { category: 'H' })),
    ).toMatchObject({ level: 'machine×family', exams: 4 });
  });

  it('uses the age band first in the richer ladders, and backs off past an unknown one', () => {
    const data = [...rows(30, 40, { ageBand: '80+' }), ...rows(30, 10)];
    expect(BackoffModel.fit(data, plain).predict(row(0, { ageBand: '80+' }))).toMatchObject({
      median: 25,
      exams: 60,
    });
    expect(BackoffModel.fit(data, age).predict(row(0, { ageBand: '80+' }))).toMatchObject({
      median: 40,
      level: 'machine×family×category×ageBand',
    });
    expect(BackoffModel.fit(data, age).predict(row(0, { ageBand: null }))).toMatchObject({
      median: 25,
      level: 'machine×family×category',
    });
    const byHour = [...rows(30, 40, { hourBand: 'night' }), ...rows(30, 10)];
    expect(
      BackoffModel.fit(byHour, ageHour).predict(row(0, { hourBand: 'night', ageBand: null })),
    ).toMatchObject({ median: 40, level: 'machine×family×category×hourBand' });
  });
});
