// The scenario file reader: the three forms, every error located by line and JSON pointer (hand-
// counted below), nothing half-read, nothing unreadable quoted, words in both languages, and the
// example files of examples/scenarios read with no issue.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Issue } from '../../../src/core/issues.ts';
import { issueLabel } from '../../../src/i18n/labels.ts';
import { codeOfKey, issueWords } from '../../../src/i18n/issues/index.ts';
import { scenariosIssuesEn } from '../../../src/i18n/issues/scenarios-en.ts';
import {
  checkScenarioMachines,
  MAX_SCENARIO_FILE_BYTES,
  readScenarioFile,
  readScenarioValue,
} from '../../../src/ingest/scenarios/scenario-file.ts';
import type { Scenario } from '../../../src/plan/simulation/types.ts';

const EXAMPLES = join(import.meta.dirname, '..', '..', '..', 'examples', 'scenarios');
const MODEL = {
  machines: [
    { equipmentId: 'CT1', finess: '620000001', modality: 'CT' as const, label: null },
    { equipmentId: 'CT2', finess: '620000001', modality: 'CT' as const, label: null },
  ],
};

/** Every issue key the tests saw (the last test checks each key of the catalog was). */
const seen = new Set<string>();

function read(text: string, model?: typeof MODEL): ReturnType<typeof readScenarioFile> {
  const result = readScenarioFile(text, 'scenarios.json', model === undefined ? {} : { model });
  result.issues.forEach(check);
  return result;
}

/** The issue's words are filled in both languages, French differing from English. */
function check(issue: Issue): void {
  const key = issue.text?.key as string;
  seen.add(key);
  const fr = issueWords(issue, 'fr');
  expect(fr.message, key).not.toBe(issue.message);
  expect(`${fr.message} ${fr.hint} ${issue.message} ${issue.hint}`, key).not.toMatch(/\{\w+\}/);
}

/** `[key, line, pointer]` of each issue. */
const places = (issues: readonly Issue[]) => issues.map((i) => [i.text?.key, i.line, i.column]);

describe('readScenarioFile: forms', () => {
  const scenario: Scenario = {
    name: 'Demand +10 %',
    changes: [{ type: 'demand-growth', percent: 10 }],
  };

  it('reads an object with a list of scenarios, a list, or one scenario', () => {
    const wrapped = read(JSON.stringify({ scenarios: [scenario], description: 'x' }));
    expect(wrapped).toEqual({ scenarios: [scenario], issues: [], pointers: ['/scenarios/0'] });
    expect(read(JSON.stringify([scenario, { ...scenario, name: 'Other' }])).pointers).toEqual([
      '/0',
      '/1',
    ]);
    expect(read(`\ufeff${JSON.stringify(scenario)}`)).toEqual({
      scenarios: [scenario],
      issues: [],
      pointers: [''],
    });
    expect(readScenarioValue([scenario], 'body')).toEqual({
      scenarios: [scenario],
      issues: [],
      pointers: ['/0'],
    });
  });

  it('reads every change type, times written HH:MM (24:00 for an end), names trimmed', () => {
    const { scenarios, issues } = read(
      JSON.stringify({
        name: '  All  ',
        changes: [
          {
            type: 'extend-hours',
            weekdays: [1, 5],
            openEarlierMinutes: 30,
            closeLaterMinutes: 0,
            machine: 'CT2',
          },
          { type: 'add-session', weekdays: [6], start: '8:00', end: '24:00' },
          { type: 'add-machine', count: 2, gridOf: 'CT2' },
          { type: 'emergency-reservation', share: 0.9 },
          {
            type: 'interventional-sessions',
            weekdays: [2],
            start: '13:00',
            end: '18:30',
            machine: 'CT1',
          },
          { type: 'predicted-durations' },
          { type: 'demand-growth', percent: -99.5 },
          { type: 'fix-late-start' },
          { type: 'no-show', rates: { A: 0.05, U: 0 } },
        ],
      }),
    );
    expect(issues).toEqual([]);
    expect(scenarios).toEqual([
      {
        name: 'All',
        changes: [
          {
            type: 'extend-hours',
            weekdays: [1, 5],
            openEarlierMinutes: 30,
            closeLaterMinutes: 0,
            machine: 'CT2',
          },
          { type: 'add-session', weekdays: [6], start: '08:00', end: '24:00' },
          { type: 'add-machine', count: 2, gridOf: 'CT2' },
          { type: 'emergency-reservation', share: 0.9 },
          {
            type: 'interventional-sessions',
            weekdays: [2],
            start: '13:00',
            end: '18:30',
            machine: 'CT1',
          },
          { type: 'predicted-durations' },
          { type: 'demand-growth', percent: -99.5 },
          { type: 'fix-late-start' },
          { type: 'no-show', rates: { A: 0.05, U: 0 } },
        ],
      },
    ]);
  });

  it('keeps a scenario without change, with a warning', () => {
    const { scenarios, issues } = read('[{ "name": "Status quo again", "changes": [] }]');
    expect(scenarios).toEqual([{ name: 'Status quo again', changes: [] }]);
    expect(places(issues)).toEqual([['scenario-empty', 1, '/0']]);
    expect(issues[0]?.severity).toBe('warning');
  });
});

describe('readScenarioFile: errors, located', () => {
  it('says every error of a file with its line and pointer, and gives no scenario at all', () => {
    const text = `{
  "scenarios": [
    { "name": "A", "changes": [{ "type": "demand-growth", "percent": 10 }] },
    {
      "name": "B",
      "changes": [
        { "type": "add-session", "weekdays": [1, 2, 8], "start": "7h30", "end": "12:00", "machne": "CT1" },
        { "type": "open-earlier" },
        { "type": "emergency-reservation", "share": 0.95 },
        { "type": "demand-growth", "percent": -100 },
        { "weekdays": [1] }
      ]
    }
  ]
}`;
    const { scenarios, issues, pointers } = read(text);
    expect(scenarios).toEqual([]);
    expect(pointers).toEqual([]);
    expect(places(issues)).toEqual([
      ['scenario-key.change', 7, '/scenarios/1/changes/0/machne'],
      ['scenario-value.weekday', 7, '/scenarios/1/changes/0/weekdays/2'],
      ['scenario-value.time', 7, '/scenarios/1/changes/0/start'],
      ['scenario-change-type', 8, '/scenarios/1/changes/1/type'],
      ['scenario-value.share', 9, '/scenarios/1/changes/2/share'],
      ['scenario-value.percent', 10, '/scenarios/1/changes/3/percent'],
      ['scenario-change-type.missing', 11, '/scenarios/1/changes/4'],
    ]);
    expect(issues.every((i) => i.severity === 'error' && i.file === 'scenarios.json')).toBe(true);
    expect(issues.map((i) => i.message)).toEqual([
      'unknown key "machne" in a change of type add-session',
      '8 is not a weekday',
      'start "7h30" is not a local time HH:MM',
      'unknown change type "open-earlier"',
      'share 0.95 is not a number from 0 to 0.9',
      'percent -100 is not a number above -100 and at most 1000',
      'a change has no "type"',
    ]);
    expect(issues[0]?.hint).toBe(
      'a change of type add-session takes the keys type, weekdays, start, end, machine: check the spelling (letters are case-sensitive)',
    );
    expect(issueWords(issues[4] as Issue, 'fr').message).toBe(
      'share 0.95 n’est pas un nombre de 0 à 0.9',
    );
  });

  it('checks each field of each change type', () => {
    const change = (c: object) =>
      places(read(JSON.stringify([{ name: 'x', changes: [c] }])).issues);
    const at = (field: string) => `/0/changes/0${field}`;
    expect(change({ type: 'add-session', weekdays: [6], start: '12:00', end: '12:00' })).toEqual([
      ['scenario-value.time-order', 1, at('/end')],
    ]);
    expect(change({ type: 'add-session', weekdays: [6], start: '24:00', end: '24:00' })).toEqual([
      ['scenario-value.time', 1, at('/start')],
    ]);
    expect(change({ type: 'interventional-sessions', weekdays: [], start: '08:00' })).toEqual([
      ['scenario-required.change', 1, at('')],
    ]);
    expect(
      change({ type: 'interventional-sessions', weekdays: [], start: '08:00', end: '09:00' }),
    ).toEqual([['scenario-value.weekdays-empty', 1, at('/weekdays')]]);
    expect(change({ type: 'add-session', weekdays: '6', start: '08:00', end: '09:00' })).toEqual([
      ['scenario-value.list', 1, at('/weekdays')],
    ]);
    expect(change({ type: 'add-session', weekdays: [6, 7, 6], start: '08:00', end: 9 })).toEqual([
      ['scenario-duplicate.weekday', 1, at('/weekdays/2')],
      ['scenario-value.time', 1, at('/end')],
    ]);
    expect(change({ type: 'extend-hours', weekdays: [1] })).toEqual([
      ['scenario-value.extend-nothing', 1, at('')],
    ]);
    expect(
      change({
        type: 'extend-hours',
        weekdays: [1],
        openEarlierMinutes: 0,
        closeLaterMinutes: 721,
      }),
    ).toEqual([['scenario-value.minutes', 1, at('/closeLaterMinutes')]]);
    expect(
      change({ type: 'extend-hours', weekdays: [1], openEarlierMinutes: 30, machine: '' }),
    ).toEqual([['scenario-value.machine', 1, at('/machine')]]);
    expect(change({ type: 'add-machine', count: 1.5 })).toEqual([
      ['scenario-value.count', 1, at('/count')],
    ]);
    expect(change({ type: 'add-machine', count: 11 })).toEqual([
      ['scenario-value.count', 1, at('/count')],
    ]);
    expect(change({ type: 'add-machine', gridOf: 7 })).toEqual([
      ['scenario-value.machine', 1, at('/gridOf')],
    ]);
    expect(change({ type: 'demand-growth', percent: '10' })).toEqual([
      ['scenario-value.percent', 1, at('/percent')],
    ]);
    expect(change({ type: 'demand-growth', percent: 1001 })).toEqual([
      ['scenario-value.percent', 1, at('/percent')],
    ]);
    expect(change({ type: 'demand-growth', percent: 1000 })).toEqual([]);
    expect(change({ type: 'emergency-reservation', share: -0.1 })).toEqual([
      ['scenario-value.share', 1, at('/share')],
    ]);
    expect(change({ type: 'no-show', rates: { X: 0.1, a: 0.2 } })).toEqual([
      ['scenario-key.rates', 1, at('/rates/X')],
      ['scenario-key.rates', 1, at('/rates/a')],
    ]);
    expect(change({ type: 'no-show', rates: { A: 2 } })).toEqual([
      ['scenario-value.rate', 1, at('/rates/A')],
    ]);
    expect(change({ type: 'no-show', rates: [0.1] })).toEqual([
      ['scenario-value.rates', 1, at('/rates')],
    ]);
    expect(change({ type: 'fix-late-start', percent: 3 })).toEqual([
      ['scenario-key.change', 1, at('/percent')],
    ]);
    expect(change({ type: 'add-machine', 'a/b': 1 })).toEqual([
      ['scenario-key.change', 1, at('/a~1b')],
    ]);
    expect(change([{ type: 'fix-late-start' }])).toEqual([['scenario-value.change', 1, at('')]]);
  });

  it('checks the file and each scenario', () => {
    const file = (text: string) => places(read(text).issues);
    expect(file('42')).toEqual([['scenario-file.shape', 1, null]]);
    expect(file('[]')).toEqual([['scenario-file.empty', 1, null]]);
    expect(file('{"scenarios": []}')).toEqual([['scenario-file.empty', 1, '/scenarios']]);
    expect(file('{"scenarios": {}}')).toEqual([['scenario-value.list', 1, '/scenarios']]);
    expect(file('{"scenarios": [1],\n "versoin": 2}')).toEqual([
      ['scenario-key.file', 2, '/versoin'],
      ['scenario-value.scenario', 1, '/scenarios/0'],
    ]);
    expect(file('{"changes": []}')).toEqual([
      ['scenario-required.scenario', 1, null],
      ['scenario-empty', 1, null],
    ]);
    expect(file('{"name": " ", "changes": [], "description": 3}')).toEqual([
      ['scenario-value.text', 1, '/description'],
      ['scenario-value.name', 1, '/name'],
      ['scenario-empty', 1, null],
    ]);
    expect(file(`{"name": "${'x'.repeat(201)}", "changes": []}`)[0]).toEqual([
      'scenario-value.name',
      1,
      '/name',
    ]);
    expect(file('{"name": "a", "changes": {}}')).toEqual([['scenario-value.list', 1, '/changes']]);
    expect(file('{"name": "a", "changs": []}')).toEqual([
      ['scenario-key.scenario', 1, '/changs'],
      ['scenario-required.scenario', 1, null],
    ]);
    expect(file('[\n{"name": "a", "changes": []},\n{"name": "a", "changes": []}\n]')).toEqual([
      ['scenario-empty', 2, '/0'],
      ['scenario-duplicate.name', 3, '/1/name'],
      ['scenario-empty', 3, '/1'],
    ]);
    const twice = read('{"name": "a",\n "changes": [],\n "name": "b"}');
    expect(places(twice.issues)).toEqual([
      ['scenario-duplicate.key', 3, '/name'],
      ['scenario-empty', 1, null],
    ]);
    expect(twice.scenarios).toEqual([]);
  });

  it('refuses a file that is not JSON at the place it breaks, without quoting it', () => {
    const trailing = read('{\n  "name": "x",\n  "changes": [],\n}');
    expect(places(trailing.issues)).toEqual([['scenario-file.syntax', 4, null]]);
    expect(trailing.issues[0]?.message).toBe(
      'scenarios.json is not valid JSON: it stops making sense at line 4, character 1',
    );
    const named = read('{"name": "Jean Dupont" "changes": []}');
    expect(named.issues[0]?.message).toBe(
      'scenarios.json is not valid JSON: it stops making sense at line 1, character 24',
    );
    const typed = read('{"name": "x", "changes": [{"type": "Jean Dupont"}]}');
    expect(typed.issues[0]?.message).toBe('unknown change type (11 characters: letters, spaces)');
    expect(issueWords(typed.issues[0] as Issue, 'fr').message).toBe(
      'type de changement inconnu (11 caractères\u202f: lettres, espaces)',
    );
    const key = read('{"name": "x", "changes": [{"type": "fix-late-start", "Jean Dupont": 1}]}');
    expect(key.issues[0]?.message).toBe(
      'unknown key a value of 11 characters: letters, spaces in a change of type fix-late-start',
    );
    // The pointer names the change, not the key typed in it.
    expect(key.issues[0]?.column).toBe('/changes/0');
    for (const r of [named, typed, key]) expect(JSON.stringify(r.issues)).not.toContain('Dupont');
  });

  it('refuses a file nested deeper than 20 levels or larger than 1 MiB before reading it', () => {
    const deep = read(`{"name": "x", "changes": ${'['.repeat(20)}${']'.repeat(20)}}`);
    expect(places(deep.issues)).toEqual([['scenario-file.depth', 1, null]]);
    expect(deep.issues[0]?.message).toBe(
      'scenarios.json nests lists and objects more than 20 levels deep (line 1)',
    );
    const twenty = read(`{"name": "x", "changes": ${'['.repeat(19)}${']'.repeat(19)}}`);
    expect(twenty.issues[0]?.text?.key).toBe('scenario-value.change');
    // 600,000 characters but 1,200,000 UTF-8 bytes: 1,172 KiB.
    const wide = read(`{"name": "${'é'.repeat(600_000)}", "changes": []}`);
    expect(places(wide.issues)).toEqual([['scenario-file.size', null, null]]);
    expect(wide.issues[0]?.message).toBe(
      'scenarios.json is 1,172 KiB: a scenario file is at most 1,024 KiB (1 MiB)',
    );
    const body = '{"name": "x", "changes": []}';
    const exact = read(body + ' '.repeat(MAX_SCENARIO_FILE_BYTES - body.length));
    expect(exact.scenarios).toEqual([{ name: 'x', changes: [] }]);
    expect(
      read(body + ' '.repeat(MAX_SCENARIO_FILE_BYTES - body.length + 1)).issues[0]?.text?.key,
    ).toBe('scenario-file.size');
  });
});

describe('checkScenarioMachines', () => {
  const scenarios: Scenario[] = [
    {
      name: 'ok',
      changes: [{ type: 'extend-hours', weekdays: [1], openEarlierMinutes: 30, machine: 'CT2' }],
    },
    {
      name: 'pool',
      changes: [
        { type: 'add-machine' },
        { type: 'add-session', weekdays: [6], start: '08:00', end: '12:00', machine: 'CT1+1' },
        {
          type: 'interventional-sessions',
          weekdays: [2],
          start: '08:00',
          end: '12:00',
          machine: 'CT1+2',
        },
        { type: 'add-machine', gridOf: 'CT9' },
      ],
    },
  ];

  it('names the machines the model has not, counting those an earlier add-machine adds', () => {
    const issues = checkScenarioMachines(scenarios, MODEL, { file: 'what-if.json' });
    issues.forEach(check);
    expect(places(issues)).toEqual([
      ['scenario-machine', null, '/scenarios/1/changes/2/machine'],
      ['scenario-machine', null, '/scenarios/1/changes/3/gridOf'],
    ]);
    expect(issues[0]?.message).toBe(
      'no machine "CT1+2" among the simulated ones (CT1, CT2, CT1+1)',
    );
    expect(issues[0]?.file).toBe('what-if.json');
  });

  it('runs within readScenarioFile when given the model, with lines and the file’s own pointers', () => {
    const text = JSON.stringify(scenarios, null, 1);
    const { scenarios: read1, issues } = read(text, MODEL);
    expect(read1).toEqual([]);
    expect(places(issues)).toEqual([
      ['scenario-machine', 37, '/1/changes/2/machine'],
      ['scenario-machine', 41, '/1/changes/3/gridOf'],
    ]);
    expect(text.split('\n')[36]).toContain('"machine": "CT1+2"');
    expect(text.split('\n')[40]).toContain('"gridOf": "CT9"');
    expect(read(JSON.stringify([scenarios[0]]), MODEL).issues).toEqual([]);
  });
});

describe('the example files', () => {
  const files = readdirSync(EXAMPLES)
    .filter((f) => f.endsWith('.json'))
    .sort();

  it('are the documented ones, and each reads with no issue', () => {
    expect(files).toEqual([
      'combined.json',
      'emergency-reservation.json',
      'growth-10.json',
      'open-at-7h30.json',
      'predicted-durations.json',
      'saturday-morning.json',
      'second-machine.json',
    ]);
    for (const file of files) {
      const { scenarios, issues } = readScenarioFile(
        readFileSync(join(EXAMPLES, file), 'utf8'),
        file,
        { model: MODEL },
      );
      expect(issues, file).toEqual([]);
      expect(scenarios.length, file).toBeGreaterThan(0);
    }
    const combined = readScenarioFile(
      readFileSync(join(EXAMPLES, 'combined.json'), 'utf8'),
      'combined.json',
    );
    const types = new Set(combined.scenarios.flatMap((s) => s.changes.map((c) => c.type)));
    expect(types.size).toBeGreaterThanOrEqual(8);
  });
});

afterAll(() => {
  // Every issue of the catalog was produced above, with words in both languages and a name.
  expect([...seen].sort()).toEqual(Object.keys(scenariosIssuesEn).sort());
  for (const key of seen) {
    expect(issueLabel(codeOfKey(key), 'fr'), key).not.toBeNull();
    expect(issueLabel(codeOfKey(key), 'en'), key).not.toBeNull();
  }
});
