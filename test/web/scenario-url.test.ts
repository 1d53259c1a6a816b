import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/plan/simulation/types.ts';
import {
  changeOf,
  clockMinutes,
  decodeScenario,
  encodeScenario,
  readScenarioQuery,
  scenarioOf,
  withScenarioQuery,
} from '../../src/web/lib/scenario-url.ts';

const every: Scenario = {
  name: 'Tout à la fois — 7 h 30',
  changes: [
    { type: 'extend-hours', weekdays: [1, 2, 3, 4, 5], openEarlierMinutes: 30, machine: 'EQ2' },
    { type: 'add-session', weekdays: [6], start: '08:00', end: '13:00' },
    { type: 'add-machine', count: 1, gridOf: 'EQ1' },
    { type: 'emergency-reservation', share: 0.3 },
    { type: 'interventional-sessions', weekdays: [2, 4], start: '14:00', end: '18:00' },
    { type: 'predicted-durations' },
    { type: 'demand-growth', percent: -5 },
    { type: 'fix-late-start' },
    { type: 'no-show', rates: { A: 0.05, H: 0.01 } },
  ],
};

describe('encodeScenario / decodeScenario', () => {
  it('writes base64url of the UTF-8 JSON (checked against Node’s own encoder)', () => {
    const scenario: Scenario = { name: 'Été', changes: [{ type: 'fix-late-start' }] };
    // Buffer.from('{"name":"Été","changes":[{"type":"fix-late-start"}]}').toString('base64url')
    expect(encodeScenario(scenario)).toBe(
      'eyJuYW1lIjoiw4l0w6kiLCJjaGFuZ2VzIjpbeyJ0eXBlIjoiZml4LWxhdGUtc3RhcnQifV19',
    );
    expect(
      decodeScenario('eyJuYW1lIjoiw4l0w6kiLCJjaGFuZ2VzIjpbeyJ0eXBlIjoiZml4LWxhdGUtc3RhcnQifV19'),
    ).toEqual(scenario);
  });

  it('gives back every change type unchanged, and the text needs no escaping in a query', () => {
    const text = encodeScenario(every);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeScenario(text)).toEqual(every);
    expect(new URLSearchParams(`scenario=${text}`).get('scenario')).toBe(text);
  });

  it('refuses text that is not base64url, not UTF-8, not JSON or not a scenario', () => {
    expect(decodeScenario('abc+/')).toBeNull();
    expect(decodeScenario('a')).toBeNull();
    expect(decodeScenario('_w')).toBeNull(); // one byte 0xFF: not UTF-8
    expect(decodeScenario('bm90IGpzb24')).toBeNull(); // "not json"
    // {"name":"x","changes":[{"type":"demand-growth","percent":"10"}]}: a string where a number goes
    expect(
      decodeScenario(
        'eyJuYW1lIjoieCIsImNoYW5nZXMiOlt7InR5cGUiOiJkZW1hbmQtZ3Jvd3RoIiwicGVyY2VudCI6IjEwIn1dfQ',
      ),
    ).toBeNull();
  });
});

describe('changeOf / scenarioOf', () => {
  it('keeps valid changes, sorting and de-duplicating weekdays and dropping unknown fields', () => {
    expect(
      changeOf({ type: 'add-session', weekdays: [6, 6, 1], start: '08:00', end: '12:30', x: 1 }),
    ).toEqual({
      type: 'add-session',
      weekdays: [1, 6],
      start: '08:00',
      end: '12:30',
    });
    expect(changeOf({ type: 'add-machine' })).toEqual({ type: 'add-machine', count: 1 });
    expect(
      changeOf({
        type: 'extend-hours',
        weekdays: [1],
        openEarlierMinutes: 0,
        closeLaterMinutes: 45,
      }),
    ).toEqual({
      type: 'extend-hours',
      weekdays: [1],
      closeLaterMinutes: 45,
    });
  });

  it('refuses out-of-range and malformed fields', () => {
    const bad: unknown[] = [
      { type: 'extend-hours', weekdays: [1] }, // no minutes at all
      { type: 'extend-hours', weekdays: [0], openEarlierMinutes: 30 },
      { type: 'extend-hours', weekdays: [], openEarlierMinutes: 30 },
      { type: 'add-session', weekdays: [6], start: '13:00', end: '08:00' }, // ends before it starts
      { type: 'add-session', weekdays: [6], start: '8:00', end: '12:00' }, // not HH:MM
      { type: 'add-session', weekdays: [6], start: '08:00', end: '25:00' },
      { type: 'add-machine', count: 0 },
      { type: 'add-machine', count: 1.5 },
      { type: 'emergency-reservation', share: 0.95 }, // above the contract's 0.9
      { type: 'emergency-reservation', share: 30 },
      { type: 'demand-growth', percent: -100 },
      { type: 'no-show', rates: { Z: 0.1 } },
      { type: 'no-show', rates: { A: 1.2 } },
      { type: 'open-a-hospital' },
      null,
      'fix-late-start',
    ];
    for (const value of bad) expect(changeOf(value), JSON.stringify(value)).toBeNull();
  });

  it('refuses a whole scenario with one bad change, no change or no name', () => {
    expect(
      scenarioOf({ name: 'a', changes: [{ type: 'fix-late-start' }, { type: 'nope' }] }),
    ).toBeNull();
    expect(scenarioOf({ name: 'a', changes: [] })).toBeNull();
    expect(scenarioOf({ changes: [{ type: 'fix-late-start' }] })).toBeNull();
    expect(scenarioOf({ name: '  Samedi  ', changes: [{ type: 'fix-late-start' }] })).toEqual({
      name: 'Samedi',
      changes: [{ type: 'fix-late-start' }],
    });
  });

  it('reads clock times, 24:00 as an end only', () => {
    expect(clockMinutes('07:30')).toBe(450);
    expect(clockMinutes('24:00')).toBe(1440);
    expect(clockMinutes('7:30')).toBeNull();
    expect(
      changeOf({ type: 'add-session', weekdays: [7], start: '20:00', end: '24:00' }),
    ).not.toBeNull();
    expect(
      changeOf({ type: 'add-session', weekdays: [7], start: '24:00', end: '24:00' }),
    ).toBeNull();
  });
});

describe('readScenarioQuery / withScenarioQuery', () => {
  it('reads defaults from an empty query: overview, 20 replications, seed 1', () => {
    expect(readScenarioQuery(new URLSearchParams(''))).toEqual({
      tab: 'overview',
      scenario: null,
      unreadable: false,
      replications: 20,
      seed: 1,
      modality: null,
    });
  });

  it('writes the tab, the scenario, replications and seed, keeps other keys, and reads them back', () => {
    const href = withScenarioQuery('/c/x/machines/EQ1?lang=en&week=3', {
      tab: 'scenarios',
      scenario: every,
      replications: 5,
      seed: 42,
    });
    const url = new URL(href, 'http://h');
    expect(url.pathname).toBe('/c/x/machines/EQ1');
    expect(url.searchParams.get('lang')).toBe('en');
    expect(url.searchParams.get('week')).toBe('3');
    expect(url.searchParams.get('scenario')).toBe(encodeScenario(every));
    expect(readScenarioQuery(url.searchParams)).toEqual({
      tab: 'scenarios',
      scenario: every,
      unreadable: false,
      replications: 5,
      seed: 42,
      modality: null,
    });
  });

  it('leaves defaults out, and drops the scenario keys on the overview tab', () => {
    expect(withScenarioQuery('/e', { tab: 'scenarios', replications: 20, seed: 1 })).toBe(
      '/e?tab=scenarios',
    );
    expect(
      withScenarioQuery('/e?tab=scenarios&scenario=abc&seed=9&modality=MR&peers=region', {
        tab: 'overview',
      }),
    ).toBe('/e?peers=region');
    expect(withScenarioQuery('/e', { tab: 'scenarios', modality: 'MR' })).toBe(
      '/e?tab=scenarios&modality=MR',
    );
  });

  it('falls back to defaults on unreadable values and says when the scenario was unreadable', () => {
    const q = readScenarioQuery(
      new URLSearchParams('tab=scenarios&scenario=%%%&replications=1&seed=-4&modality=XR'),
    );
    expect(q).toEqual({
      tab: 'scenarios',
      scenario: null,
      unreadable: true,
      replications: 20,
      seed: 1,
      modality: null,
    });
    expect(
      readScenarioQuery(new URLSearchParams('replications=500&seed=4294967296')).replications,
    ).toBe(20);
    expect(readScenarioQuery(new URLSearchParams('seed=4294967295')).seed).toBe(4294967295);
  });
});
