import { describe, expect, it } from 'vitest';
import type { ScenarioChange } from '../../src/plan/simulation/types.ts';
import { SCENARIO_CHANGE_TYPES } from '../../src/plan/simulation/types.ts';
import {
  changeOfDraft,
  draftOf,
  newDraft,
  numberOf,
  scenarioOfForm,
} from '../../src/web/components/scenarios/drafts.ts';

describe('numberOf', () => {
  it('reads decimal points and commas, and nothing else', () => {
    expect(numberOf(' 12,5 ')).toBe(12.5);
    expect(numberOf('-5')).toBe(-5);
    expect(numberOf('.5')).toBe(0.5);
    expect(numberOf('12 min')).toBeNull();
    expect(numberOf('')).toBeNull();
    expect(numberOf('1e3')).toBeNull();
  });
});

describe('newDraft', () => {
  it('starts every change type from a valid change', () => {
    for (const type of SCENARIO_CHANGE_TYPES) {
      const { change, errors } = changeOfDraft(newDraft(type, 1));
      expect(errors, type).toEqual({});
      expect(change?.type, type).toBe(type);
    }
  });

  it('starts a session on Saturday morning and a reservation at 20 %', () => {
    expect(changeOfDraft(newDraft('add-session', 1)).change).toEqual({
      type: 'add-session',
      weekdays: [6],
      start: '08:00',
      end: '13:00',
    });
    expect(changeOfDraft(newDraft('emergency-reservation', 1)).change).toEqual({
      type: 'emergency-reservation',
      share: 0.2,
    });
  });
});

describe('changeOfDraft', () => {
  it('turns percent into fractions without float noise', () => {
    const share = { ...newDraft('emergency-reservation', 1), share: '30' };
    expect(changeOfDraft(share).change).toEqual({ type: 'emergency-reservation', share: 0.3 });
    const noShow = { ...newDraft('no-show', 1), rates: { A: '7', H: '', R: '0,5', U: '' } };
    expect(changeOfDraft(noShow).change).toEqual({ type: 'no-show', rates: { A: 0.07, R: 0.005 } });
  });

  it('names each wrong field', () => {
    const session = { ...newDraft('add-session', 1), weekdays: [], start: '13:00', end: '08:00' };
    expect(changeOfDraft(session)).toEqual({
      change: null,
      errors: { weekdays: 'scenarios.web.error.weekdays', end: 'scenarios.web.error.span' },
    });
    expect(changeOfDraft({ ...newDraft('add-session', 1), start: '8h' }).errors).toEqual({
      start: 'scenarios.web.error.clock',
    });
    expect(
      changeOfDraft({ ...newDraft('extend-hours', 1), openEarlier: '0', closeLater: '' }).errors,
    ).toEqual({
      openEarlier: 'scenarios.web.error.minutes',
    });
    expect(changeOfDraft({ ...newDraft('add-machine', 1), count: '1.5' }).errors).toEqual({
      count: 'scenarios.web.error.count',
    });
    expect(changeOfDraft({ ...newDraft('emergency-reservation', 1), share: '95' }).errors).toEqual({
      share: 'scenarios.web.error.share',
    });
    expect(changeOfDraft({ ...newDraft('demand-growth', 1), percent: '-100' }).errors).toEqual({
      percent: 'scenarios.web.error.percent',
    });
    expect(
      changeOfDraft({ ...newDraft('no-show', 1), rates: { A: '120', H: '', R: '', U: 'x' } })
        .errors,
    ).toEqual({
      'rate.A': 'scenarios.web.error.rate',
      'rate.U': 'scenarios.web.error.rate',
    });
  });

  it('keeps the chosen machine, and none for the whole pool', () => {
    const one = { ...newDraft('extend-hours', 1), closeLater: '60', machine: 'EQ2' };
    expect(changeOfDraft(one).change).toEqual({
      type: 'extend-hours',
      weekdays: [1, 2, 3, 4, 5],
      openEarlierMinutes: 30,
      closeLaterMinutes: 60,
      machine: 'EQ2',
    });
    expect(
      changeOfDraft({ ...newDraft('add-machine', 1), count: '2', gridOf: 'EQ1' }).change,
    ).toEqual({
      type: 'add-machine',
      count: 2,
      gridOf: 'EQ1',
    });
  });
});

describe('draftOf', () => {
  it('gives back the change it was made from, for every change type', () => {
    const changes: ScenarioChange[] = [
      { type: 'extend-hours', weekdays: [1, 3], closeLaterMinutes: 45, machine: 'EQ1' },
      { type: 'add-session', weekdays: [6, 7], start: '08:30', end: '12:00' },
      { type: 'add-machine', count: 2, gridOf: 'EQ2' },
      { type: 'emergency-reservation', share: 0.15 },
      {
        type: 'interventional-sessions',
        weekdays: [4],
        start: '14:00',
        end: '18:00',
        machine: 'EQ2',
      },
      { type: 'predicted-durations' },
      { type: 'demand-growth', percent: -7.5 },
      { type: 'fix-late-start' },
      { type: 'no-show', rates: { A: 0.04, U: 0 } },
    ];
    for (const [i, change] of changes.entries())
      expect(changeOfDraft(draftOf(change, i)).change, change.type).toEqual(change);
  });
});

describe('scenarioOfForm', () => {
  it('needs a name and at least one valid change', () => {
    const saturday = newDraft('add-session', 1);
    expect(scenarioOfForm('  Samedi ', [saturday]).scenario).toEqual({
      name: 'Samedi',
      changes: [{ type: 'add-session', weekdays: [6], start: '08:00', end: '13:00' }],
    });
    const unnamed = scenarioOfForm(' ', [saturday]);
    expect(unnamed.scenario).toBeNull();
    expect(unnamed.nameError).toBe('scenarios.web.error.name');
    const none = scenarioOfForm('x', []);
    expect([none.scenario, none.empty]).toEqual([null, true]);
    const oneBad = scenarioOfForm('x', [
      saturday,
      { ...newDraft('demand-growth', 2), percent: 'a' },
    ]);
    expect(oneBad.scenario).toBeNull();
    expect(oneBad.errors).toEqual([{}, { percent: 'scenarios.web.error.percent' }]);
  });
});
