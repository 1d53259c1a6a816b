// Recommended slots: mean of the bookable exams rounded to 5 minutes, backed off when small;
// a pool's slot weighted by its machines' exams.
import { describe, expect, it } from 'vitest';
import {
  predictedSlotMinutesOf,
  recommendSlots,
  roundSlot,
} from '../../../src/plan/durations/slots.ts';
import { rows } from './build.ts';

describe('roundSlot', () => {
  it('rounds to the nearest 5 minutes, at least 5', () => {
    expect([roundSlot(17.4), roundSlot(17.5), roundSlot(22.4), roundSlot(1), roundSlot(0)]).toEqual(
      [15, 20, 20, 5, 5],
    );
  });
});

describe('recommendSlots', () => {
  const ct1 = [
    ...rows(20, 16),
    ...rows(20, 19), // head: mean 17.5 → 20
    ...rows(30, 60, { category: 'U' }), // unscheduled: not booked, left out
    ...rows(40, 30, { family: 'thorax' }), // thorax: 30
    ...rows(3, 50, { family: 'spine' }), // spine: 3 exams on CT-1
    ...rows(5, 12, { family: null }), // no family: only in '*'
  ];
  const ct2 = rows(40, 40, { machine: 'CT-2', family: 'spine' });

  it('gives each machine its families, then *, with the level that gave the mean', () => {
    const slots = recommendSlots([...ct1, ...ct2], ['CT-1', 'CT-2']);
    expect(slots).toEqual([
      { equipmentId: 'CT-1', family: 'head', minutes: 20, exams: 40, level: 'machine×family' },
      { equipmentId: 'CT-1', family: 'spine', minutes: 40, exams: 3, level: 'modality×family' }, // 43 spine exams: (150 + 1600) / 43 = 40.7
      { equipmentId: 'CT-1', family: 'thorax', minutes: 30, exams: 40, level: 'machine×family' },
      { equipmentId: 'CT-1', family: '*', minutes: 25, exams: 88, level: 'machine' }, // (640 + 1200 + 150 + 60) / 88 = 23.3
      { equipmentId: 'CT-2', family: 'spine', minutes: 40, exams: 40, level: 'machine×family' },
      { equipmentId: 'CT-2', family: '*', minutes: 40, exams: 40, level: 'machine' },
    ]);
  });

  it('takes the largest group when none reaches 10', () => {
    expect(recommendSlots(rows(4, 22, { machine: 'MR-1', modality: 'MR' }), ['MR-1'])).toEqual([
      { equipmentId: 'MR-1', family: 'head', minutes: 20, exams: 4, level: 'machine×family' },
      { equipmentId: 'MR-1', family: '*', minutes: 20, exams: 4, level: 'machine' },
    ]);
  });
});

describe('predictedSlotMinutesOf', () => {
  const report = {
    slots: [
      { equipmentId: 'A', family: 'head', minutes: 15, exams: 30, level: 'machine×family' },
      { equipmentId: 'B', family: 'head', minutes: 25, exams: 10, level: 'machine×family' },
      { equipmentId: 'B', family: 'spine', minutes: 35, exams: 8, level: 'machine×family' },
      { equipmentId: 'A', family: '*', minutes: 15, exams: 30, level: 'machine' },
      { equipmentId: 'B', family: '*', minutes: 30, exams: 18, level: 'machine' },
      { equipmentId: 'C', family: '*', minutes: 90, exams: 100, level: 'machine' },
    ],
  };

  it('gives one machine its own slots', () => {
    expect(predictedSlotMinutesOf(report, ['B'])).toEqual({ head: 25, spine: 35, '*': 30 });
  });

  it('weights a pool by exams and rounds again', () => {
    // head (450 + 250) / 40 = 17.5 → 20; * (450 + 540) / 48 = 20.6 → 20; C is not in the pool
    expect(predictedSlotMinutesOf(report, ['A', 'B'])).toEqual({ head: 20, spine: 35, '*': 20 });
    expect(predictedSlotMinutesOf(report, ['Z'])).toEqual({});
  });
});
