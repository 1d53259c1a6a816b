/**
 * Reads a scenario file (docs/scenarios.md): `{ "scenarios": [...] }`, a list of scenarios, or one
 * scenario. Every problem is an issue located by line and JSON pointer (`/scenarios/1/changes/0/
 * weekdays/2`); a file with an error gives no scenario at all. What the user typed reaches a
 * message only as a number, a time or a code — anything else is described, never quoted.
 */
import type { Issue, Severity } from '../../core/issues.ts';
import type { Category } from '../../core/kit-types.ts';
import { CATEGORIES } from '../../core/kit-types.ts';
import type { IssueKey, IssueParams } from '../../i18n/issues/index.ts';
import { makeIssue } from '../../i18n/issues/index.ts';
import {
  localMinutes,
  MAX_ADDED_MACHINES,
  MAX_EXTEND_MINUTES,
  MAX_GROWTH_PERCENT,
  MAX_RESERVED_SHARE,
} from '../../plan/simulation/scenarios.ts';
import type {
  IsoWeekday,
  Scenario,
  ScenarioChange,
  SimulationModel,
} from '../../plan/simulation/types.ts';
import { SCENARIO_CHANGE_TYPES } from '../../plan/simulation/types.ts';
import { describeText, isCodeShaped, quoteCode, shownCellText } from '../kit/identifying.ts';
import { lineCounter, syntaxErrorOffset, tooDeep } from '../sources/fhir/json-text.ts';

/** Largest scenario file read (UTF-8 bytes): a file holds a few scenarios of a few changes. */
export const MAX_SCENARIO_FILE_BYTES = 1 << 20;
/** Deepest nesting of lists and objects read (a valid file nests five levels at most). */
export const MAX_SCENARIO_DEPTH = 20;
/** Longest scenario name (characters). */
export const MAX_SCENARIO_NAME = 200;

/** What a read gives: the scenarios (none when an issue is an error), the issues, where each scenario is. */
export interface ScenarioFile {
  scenarios: Scenario[];
  issues: Issue[];
  /** JSON pointer of each scenario in the file (`/scenarios/2`, `/2`, or `` for a lone scenario). */
  pointers: string[];
}

/** Machines a file's `machine` and `gridOf` may name: those of the simulated model. */
export type ScenarioMachines = Pick<SimulationModel, 'machines'>;

type ChangeType = ScenarioChange['type'];

/** The keys of each change type, required then optional (`type` itself aside). */
const FIELDS: Readonly<
  Record<ChangeType, { required: readonly string[]; optional: readonly string[] }>
> = {
  'extend-hours': {
    required: ['weekdays'],
    optional: ['openEarlierMinutes', 'closeLaterMinutes', 'machine'],
  },
  'add-session': { required: ['weekdays', 'start', 'end'], optional: ['machine'] },
  'add-machine': { required: [], optional: ['count', 'gridOf'] },
  'emergency-reservation': { required: ['share'], optional: [] },
  'interventional-sessions': { required: ['weekdays', 'start', 'end'], optional: ['machine'] },
  'predicted-durations': { required: [], optional: [] },
  'demand-growth': { required: ['percent'], optional: [] },
  'fix-late-start': { required: [], optional: [] },
  'no-show': { required: ['rates'], optional: [] },
};

const FILE_KEYS = ['scenarios', 'description'] as const;
const SCENARIO_KEYS = ['name', 'changes', 'description'] as const;
const TYPES = SCENARIO_CHANGE_TYPES.join(', ');

/**
 * Reads the scenarios of one JSON text; `fileName` locates the issues. With `options.model`, the
 * machines the changes name are checked against it too (`checkScenarioMachines`).
 *
 * @example
 * readScenarioFile('{"scenarios":[{"name":"+10 %","changes":[{"type":"demand-growth","percent":10}]}]}', 'growth.json');
 * // → { scenarios: [{ name: '+10 %', changes: [{ type: 'demand-growth', percent: 10 }] }], issues: [], pointers: ['/scenarios/0'] }
 */
export function readScenarioFile(
  text: string,
  fileName: string,
  options: { model?: ScenarioMachines } = {},
): ScenarioFile {
  const refused = (key: IssueKey, line: number | null, params: IssueParams = {}): ScenarioFile => ({
    scenarios: [],
    issues: [makeIssue('error', key, fileName, line, null, { file: fileName, ...params })],
    pointers: [],
  });
  const bytes = utf8Length(text, MAX_SCENARIO_FILE_BYTES);
  if (bytes > MAX_SCENARIO_FILE_BYTES)
    return refused('scenario-file.size', null, { size: Math.ceil(bytes / 1024) });
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lineOfOffset = lineCounter(body);
  const deep = tooDeep(body, MAX_SCENARIO_DEPTH);
  if (deep !== null)
    return refused('scenario-file.depth', lineOfOffset(deep), { line: lineOfOffset(deep) });
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    const offset = syntaxErrorOffset(error, body);
    const line = lineOfOffset(offset);
    const character = offset - (body.lastIndexOf('\n', offset - 1) + 1) + 1;
    return refused('scenario-file.syntax', line, { line, character });
  }
  const { offsets, duplicates } = scanPointers(body);
  const lineOf = (pointer: string): number | null => {
    const offset = offsets.get(pointer);
    return offset === undefined ? null : lineOfOffset(offset);
  };
  const reader = new ScenarioReader(fileName, lineOf);
  for (const { pointer, key } of duplicates)
    reader.error('scenario-duplicate.key', memberPointer(pointer, key), {
      key: quoteCode(key, 40),
    });
  reader.readRoot(value);
  if (options.model !== undefined && !reader.failed)
    reader.issues.push(
      ...checkScenarioMachines(reader.scenarios, options.model, {
        file: fileName,
        pointers: reader.pointers,
        lineOf,
      }),
    );
  return reader.result();
}

/**
 * Reads scenarios already parsed from JSON (an API body): same forms and issues as
 * `readScenarioFile`, without lines.
 */
export function readScenarioValue(value: unknown, fileName: string): ScenarioFile {
  const reader = new ScenarioReader(fileName, () => null);
  reader.readRoot(value);
  return reader.result();
}

/**
 * Issues for the machines that `machine` and `gridOf` name and that the model has not — nor an
 * earlier `add-machine` of the same scenario (`CT1+1`, `CT1+2`…). Located at
 * `pointers[i]/changes/j/machine` (default pointers: `/scenarios/i`).
 *
 * @example
 * checkScenarioMachines([{ name: 's', changes: [{ type: 'add-machine', gridOf: 'CT9' }] }], model);
 * // → [{ code: 'scenario-machine', column: '/scenarios/0/changes/0/gridOf', … }]
 */
export function checkScenarioMachines(
  scenarios: readonly Scenario[],
  model: ScenarioMachines,
  options: {
    file?: string;
    pointers?: readonly string[];
    lineOf?: (pointer: string) => number | null;
  } = {},
): Issue[] {
  const file = options.file ?? 'scenarios';
  const issues: Issue[] = [];
  scenarios.forEach((scenario, i) => {
    const base = options.pointers?.[i] ?? `/scenarios/${i}`;
    const known = model.machines.map((m) => m.equipmentId);
    const check = (id: string | undefined, pointer: string): boolean => {
      if (id === undefined || known.includes(id)) return true;
      const params = { machine: quoteCode(id, 40), machines: known.join(', ') };
      issues.push(
        makeIssue(
          'error',
          'scenario-machine',
          file,
          options.lineOf?.(pointer) ?? null,
          pointer,
          params,
        ),
      );
      return false;
    };
    scenario.changes.forEach((change, j) => {
      const at = `${base}/changes/${j}`;
      if (change.type === 'add-machine') {
        if (!check(change.gridOf, `${at}/gridOf`)) return;
        // The ids applyScenario gives: `<grid machine>+n`, n the next free number.
        const source = change.gridOf ?? known[0];
        let n = 1;
        for (let k = 0; k < (change.count ?? 1) && source !== undefined; k++) {
          while (known.includes(`${source}+${n}`)) n++;
          known.push(`${source}+${n}`);
        }
      } else if (
        change.type === 'extend-hours' ||
        change.type === 'add-session' ||
        change.type === 'interventional-sessions'
      ) {
        check(change.machine, `${at}/machine`);
      }
    });
  });
  return issues;
}

/** UTF-8 length of `text`, or a number above `max` as soon as it is known to exceed it. */
function utf8Length(text: string, max: number): number {
  if (text.length > max) return text.length;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * The pointer of member `key` of the object at `pointer` as an issue may show it: the member's own
 * when its key has the shape of a code, else the object's (a key may be any text a user typed).
 */
function memberPointer(pointer: string, key: string): string {
  return isCodeShaped(key, 40) ? `${pointer}/${token(key)}` : pointer;
}

/** A JSON pointer's reference token (RFC 6901: `~` → `~0`, `/` → `~1`). */
function token(key: string | number): string {
  return typeof key === 'number' ? String(key) : key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/**
 * The text offset of every value of a valid JSON text by JSON pointer (a member: the offset of
 * its key), and the members whose key repeats one of the same object (JSON.parse keeps the last
 * silently). Recursion is bounded: the depth was checked first.
 */
function scanPointers(text: string): {
  offsets: Map<string, number>;
  duplicates: { pointer: string; key: string }[];
} {
  const offsets = new Map<string, number>();
  const duplicates: { pointer: string; key: string }[] = [];
  let i = 0;
  const space = (): void => {
    while (i < text.length && /\s/.test(text[i] as string)) i++;
  };
  const string = (): string => {
    const start = i;
    for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (pointer: string, at: number): void => {
    space();
    offsets.set(pointer, at < 0 ? i : at);
    const ch = text[i];
    if (ch === '{' || ch === '[') {
      const object = ch === '{';
      const seen = new Set<string>();
      i++;
      space();
      if (text[i] === (object ? '}' : ']')) {
        i++;
        return;
      }
      for (let index = 0; ; index++) {
        space();
        if (object) {
          const keyAt = i;
          const key = string();
          const child = `${pointer}/${token(key)}`;
          if (seen.has(key)) duplicates.push({ pointer, key });
          seen.add(key);
          space();
          i++; // the colon
          value(child, keyAt);
        } else value(`${pointer}/${index}`, -1);
        space();
        if (text[i++] !== ',') return;
      }
    } else if (ch === '"') string();
    else while (i < text.length && !/[\s,\]}]/.test(text[i] as string)) i++;
  };
  value('', -1);
  return { offsets, duplicates };
}

/**
 * A user's value as a message may show it: numbers and literals as JSON writes them (`0.95` in
 * every language: the user finds what they typed), text only when a code, time or number
 * (quoted), else described.
 */
function shown(value: unknown): string {
  if (typeof value === 'string') {
    const text = shownCellText(value);
    return text.startsWith('(') ? text : `"${text}"`;
  }
  if (typeof value === 'number' || typeof value === 'boolean' || value === null)
    return String(value);
  return Array.isArray(value)
    ? '[…]'
    : typeof value === 'object'
      ? '{…}'
      : `(${describeText(String(value))})`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

class ScenarioReader {
  readonly issues: Issue[] = [];
  readonly scenarios: Scenario[] = [];
  readonly pointers: string[] = [];
  readonly #file: string;
  readonly #lineOf: (pointer: string) => number | null;

  constructor(file: string, lineOf: (pointer: string) => number | null) {
    this.#file = file;
    this.#lineOf = lineOf;
  }

  get failed(): boolean {
    return this.issues.some((i) => i.severity === 'error');
  }

  result(): ScenarioFile {
    return this.failed
      ? { scenarios: [], issues: this.issues, pointers: [] }
      : { scenarios: this.scenarios, issues: this.issues, pointers: this.pointers };
  }

  say(severity: Severity, key: IssueKey, pointer: string, params: IssueParams = {}): void {
    this.issues.push(
      makeIssue(
        severity,
        key,
        this.#file,
        this.#lineOf(pointer),
        pointer === '' ? null : pointer,
        params,
      ),
    );
  }

  error(key: IssueKey, pointer: string, params: IssueParams = {}): void {
    this.say('error', key, pointer, params);
  }

  /** Unknown keys of `object` said at their own pointer; true when there is none. */
  #knownKeys(
    object: Record<string, unknown>,
    pointer: string,
    allowed: readonly string[],
    key: IssueKey,
    params: IssueParams = {},
  ): boolean {
    let ok = true;
    for (const name of Object.keys(object)) {
      if (allowed.includes(name)) continue;
      this.error(key, memberPointer(pointer, name), { key: quoteCode(name, 40), ...params });
      ok = false;
    }
    return ok;
  }

  readRoot(value: unknown): void {
    if (Array.isArray(value)) return this.#list(value, '');
    if (!isObject(value)) return this.error('scenario-file.shape', '', { file: this.#file });
    if (!Object.hasOwn(value, 'scenarios')) return this.#scenario(value, '');
    this.#knownKeys(value, '', FILE_KEYS, 'scenario-key.file');
    this.#description(value, '');
    const list = value['scenarios'];
    if (!Array.isArray(list))
      return this.error('scenario-value.list', '/scenarios', { field: 'scenarios' });
    this.#list(list, '/scenarios');
  }

  #list(list: unknown[], pointer: string): void {
    if (list.length === 0) return this.error('scenario-file.empty', pointer, { file: this.#file });
    list.forEach((item, i) => this.#scenario(item, `${pointer}/${i}`));
  }

  #description(object: Record<string, unknown>, pointer: string): void {
    const description = object['description'];
    if (description !== undefined && typeof description !== 'string')
      this.error('scenario-value.text', `${pointer}/description`, { field: 'description' });
  }

  #scenario(value: unknown, pointer: string): void {
    if (!isObject(value)) return this.error('scenario-value.scenario', pointer);
    this.#knownKeys(value, pointer, SCENARIO_KEYS, 'scenario-key.scenario');
    this.#description(value, pointer);
    let ok = true;
    for (const field of ['name', 'changes'] as const)
      if (!Object.hasOwn(value, field)) {
        this.error('scenario-required.scenario', pointer, { field });
        ok = false;
      }
    const name = typeof value['name'] === 'string' ? value['name'].trim() : null;
    if (Object.hasOwn(value, 'name')) {
      if (name === null || name === '' || [...name].length > MAX_SCENARIO_NAME) {
        this.error('scenario-value.name', `${pointer}/name`, { max: String(MAX_SCENARIO_NAME) });
        ok = false;
      } else {
        const first = this.scenarios.findIndex((s) => s.name === name);
        if (first >= 0) {
          this.error('scenario-duplicate.name', `${pointer}/name`, {
            first: this.pointers[first] || '/',
          });
          ok = false;
        }
      }
    }
    const list = value['changes'];
    const changes: ScenarioChange[] = [];
    if (Object.hasOwn(value, 'changes')) {
      if (!Array.isArray(list)) {
        this.error('scenario-value.list', `${pointer}/changes`, { field: 'changes' });
        ok = false;
      } else {
        list.forEach((item, j) => {
          const change = this.#change(item, `${pointer}/changes/${j}`);
          if (change === null) ok = false;
          else changes.push(change);
        });
        if (list.length === 0) this.say('warning', 'scenario-empty', pointer);
      }
    }
    if (ok && name !== null) {
      this.scenarios.push({ name, changes });
      this.pointers.push(pointer);
    }
  }

  #change(value: unknown, pointer: string): ScenarioChange | null {
    if (!isObject(value)) {
      this.error('scenario-value.change', pointer);
      return null;
    }
    const type = value['type'];
    if (type === undefined) {
      this.error('scenario-change-type.missing', pointer, { types: TYPES });
      return null;
    }
    if (typeof type !== 'string' || !(SCENARIO_CHANGE_TYPES as readonly string[]).includes(type)) {
      this.error('scenario-change-type', `${pointer}/type`, { text: shown(type), types: TYPES });
      return null;
    }
    const changeType = type as ChangeType;
    const fields = FIELDS[changeType];
    const keys = ['type', ...fields.required, ...fields.optional];
    const known = this.#knownKeys(value, pointer, keys, 'scenario-key.change', {
      type,
      keys: keys.join(', '),
    });
    let complete = true;
    for (const field of fields.required)
      if (!Object.hasOwn(value, field)) {
        this.error('scenario-required.change', pointer, { field, type, keys: keys.join(', ') });
        complete = false;
      }
    if (!complete) return null;
    // The values are checked even beside an unknown key: every error of the change is said at once.
    const before = this.issues.length;
    const change = this.#fields(changeType, value, pointer);
    return known && this.issues.length === before ? change : null;
  }

  /** The change of a known type whose keys are right; its values checked (issues added when wrong). */
  #fields(type: ChangeType, v: Record<string, unknown>, pointer: string): ScenarioChange {
    const at = (field: string): string => `${pointer}/${field}`;
    switch (type) {
      case 'extend-hours': {
        const change: Extract<ScenarioChange, { type: 'extend-hours' }> = {
          type,
          weekdays: this.#weekdays(v['weekdays'], at('weekdays')),
        };
        const before = this.issues.length;
        for (const field of ['openEarlierMinutes', 'closeLaterMinutes'] as const) {
          const minutes = v[field];
          if (minutes === undefined) continue;
          if (typeof minutes !== 'number' || !(minutes >= 0 && minutes <= MAX_EXTEND_MINUTES))
            this.error('scenario-value.minutes', at(field), {
              field,
              text: shown(minutes),
              max: String(MAX_EXTEND_MINUTES),
            });
          else change[field] = minutes;
        }
        if (
          this.issues.length === before &&
          !((change.openEarlierMinutes ?? 0) > 0) &&
          !((change.closeLaterMinutes ?? 0) > 0)
        )
          this.error('scenario-value.extend-nothing', pointer);
        this.#machineField(v, 'machine', pointer, change);
        return change;
      }
      case 'add-session':
      case 'interventional-sessions': {
        const weekdays = this.#weekdays(v['weekdays'], at('weekdays'));
        const start = this.#time(v['start'], at('start'), 'start', false);
        const end = this.#time(v['end'], at('end'), 'end', true);
        if (
          start !== null &&
          end !== null &&
          (localMinutes(end) as number) <= (localMinutes(start) as number)
        )
          this.error('scenario-value.time-order', at('end'), { start, end });
        const change: ScenarioChange = { type, weekdays, start: start ?? '', end: end ?? '' };
        this.#machineField(v, 'machine', pointer, change);
        return change;
      }
      case 'add-machine': {
        const change: ScenarioChange = { type };
        const count = v['count'];
        if (count !== undefined) {
          if (
            typeof count !== 'number' ||
            !Number.isInteger(count) ||
            count < 1 ||
            count > MAX_ADDED_MACHINES
          )
            this.error('scenario-value.count', at('count'), {
              text: shown(count),
              max: String(MAX_ADDED_MACHINES),
            });
          else change.count = count;
        }
        this.#machineField(v, 'gridOf', pointer, change);
        return change;
      }
      case 'emergency-reservation': {
        const share = v['share'];
        if (typeof share !== 'number' || !(share >= 0 && share <= MAX_RESERVED_SHARE))
          this.error('scenario-value.share', at('share'), {
            text: shown(share),
            max: String(MAX_RESERVED_SHARE),
          });
        return { type, share: share as number };
      }
      case 'demand-growth': {
        const percent = v['percent'];
        if (typeof percent !== 'number' || !(percent > -100 && percent <= MAX_GROWTH_PERCENT))
          this.error('scenario-value.percent', at('percent'), {
            text: shown(percent),
            max: String(MAX_GROWTH_PERCENT),
          });
        return { type, percent: percent as number };
      }
      case 'no-show':
        return { type, rates: this.#rates(v['rates'], at('rates')) };
      case 'predicted-durations':
      case 'fix-late-start':
        return { type };
    }
  }

  #machineField(
    v: Record<string, unknown>,
    field: 'machine' | 'gridOf',
    pointer: string,
    change: Record<string, unknown>,
  ): void {
    const id = v[field];
    if (id === undefined) return;
    if (typeof id !== 'string' || id.trim() === '')
      this.error('scenario-value.machine', `${pointer}/${field}`, { field });
    else change[field] = id.trim();
  }

  #weekdays(value: unknown, pointer: string): IsoWeekday[] {
    if (!Array.isArray(value)) {
      this.error('scenario-value.list', pointer, { field: 'weekdays' });
      return [];
    }
    if (value.length === 0) this.error('scenario-value.weekdays-empty', pointer);
    const out: IsoWeekday[] = [];
    value.forEach((day, k) => {
      if (typeof day !== 'number' || !Number.isInteger(day) || day < 1 || day > 7)
        this.error('scenario-value.weekday', `${pointer}/${k}`, { text: shown(day) });
      else if (out.includes(day as IsoWeekday))
        this.error('scenario-duplicate.weekday', `${pointer}/${k}`, { text: day });
      else out.push(day as IsoWeekday);
    });
    return out;
  }

  /** `HH:MM` as written (zero-padded), or null with an issue. */
  #time(value: unknown, pointer: string, field: string, isEnd: boolean): string | null {
    const minutes = typeof value === 'string' ? localMinutes(value.trim()) : null;
    if (minutes === null || (!isEnd && minutes === 1440)) {
      this.error('scenario-value.time', pointer, { field, text: shown(value) });
      return null;
    }
    return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  }

  #rates(value: unknown, pointer: string): Partial<Record<Category, number>> {
    const rates: Partial<Record<Category, number>> = {};
    if (!isObject(value)) {
      this.error('scenario-value.rates', pointer);
      return rates;
    }
    if (!this.#knownKeys(value, pointer, CATEGORIES, 'scenario-key.rates')) return rates;
    for (const category of CATEGORIES) {
      const rate = value[category];
      if (rate === undefined) continue;
      if (typeof rate !== 'number' || !(rate >= 0 && rate <= 1))
        this.error('scenario-value.rate', `${pointer}/${category}`, {
          text: shown(rate),
          category,
        });
      else rates[category] = rate;
    }
    return rates;
  }
}
