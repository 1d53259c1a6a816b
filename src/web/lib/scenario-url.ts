/**
 * The Scenarios tab's state in the address, so that a run can be shared: `tab=scenarios`, the
 * scenario as base64url JSON (`scenario=`), `replications`, `seed` and, on an establishment, the
 * pooled `modality`. What comes from an address is untrusted: it is parsed from `unknown` here,
 * once, and a scenario that does not fit the contract is dropped whole (never half-applied).
 */
import type { Category, Modality } from '../../core/kit-types.ts';
import type { IsoWeekday, Scenario, ScenarioChange } from '../../plan/simulation/types.ts';

/** The page tabs that read the query string: the screen's figures, or its capacity scenarios. */
export type PageTab = 'overview' | 'scenarios';

/** Replications when the address says none (planning.md §3: R ≥ 20). */
export const DEFAULT_REPLICATIONS = 20;
/** Fewest replications that give an interval, and most a browser is asked to run. */
export const MIN_REPLICATIONS = 2;
export const MAX_REPLICATIONS = 200;
/** Master seed when the address says none. */
export const DEFAULT_SEED = 1;
/** Seeds are unsigned 32-bit integers (the engine's `deriveSeed`). */
export const MAX_SEED = 0xffff_ffff;

/** What the Scenarios tab reads from (and writes to) the address. */
export interface ScenarioQuery {
  tab: PageTab;
  /** The scenario to run, null when the address carries none or an unreadable one. */
  scenario: Scenario | null;
  /** True when the address carried a `scenario` that could not be read (said on screen). */
  unreadable: boolean;
  replications: number;
  seed: number;
  /** The pooled modality of an establishment's scenarios, null when not chosen. */
  modality: Modality | null;
}

const CATEGORY_KEYS: readonly Category[] = ['A', 'H', 'R', 'U'];
const CLOCK = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/** Minutes after midnight of a valid local `HH:MM` (24:00 allowed as an end), else null. */
export function clockMinutes(text: string): number | null {
  if (!CLOCK.test(text)) return null;
  const [h = '0', m = '0'] = text.split(':');
  return Number(h) * 60 + Number(m);
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function weekdaysOf(v: unknown): IsoWeekday[] | null {
  if (!Array.isArray(v) || v.length === 0) return null;
  const days = new Set<IsoWeekday>();
  for (const d of v) {
    if (!Number.isInteger(d) || (d as number) < 1 || (d as number) > 7) return null;
    days.add(d as IsoWeekday);
  }
  return [...days].sort((a, b) => a - b);
}

function optionalMachine(v: unknown): { machine?: string } | null {
  if (v === undefined) return {};
  return typeof v === 'string' && v !== '' ? { machine: v } : null;
}

/** A local hour span `start < end`, or null. */
function spanOf(o: Record<string, unknown>): { start: string; end: string } | null {
  const { start, end } = o;
  if (typeof start !== 'string' || typeof end !== 'string') return null;
  const s = clockMinutes(start);
  const e = clockMinutes(end);
  if (s === null || e === null || s >= e || s === 24 * 60) return null;
  return { start, end };
}

/**
 * One scenario change read from untrusted JSON, or null when it does not fit the contract
 * (unknown type, missing or out-of-range field). Unknown extra fields are dropped.
 *
 * @example
 * changeOf({ type: 'demand-growth', percent: 10 }); // { type: 'demand-growth', percent: 10 }
 * changeOf({ type: 'demand-growth', percent: '10' }); // null
 */
export function changeOf(value: unknown): ScenarioChange | null {
  if (!isRecord(value)) return null;
  switch (value['type']) {
    case 'extend-hours': {
      const weekdays = weekdaysOf(value['weekdays']);
      const machine = optionalMachine(value['machine']);
      const early = value['openEarlierMinutes'];
      const late = value['closeLaterMinutes'];
      const minutes = (v: unknown): boolean =>
        v === undefined || (finite(v) && v >= 0 && v <= 12 * 60);
      if (!weekdays || !machine || !minutes(early) || !minutes(late)) return null;
      const open = (early as number | undefined) ?? 0;
      const close = (late as number | undefined) ?? 0;
      if (open <= 0 && close <= 0) return null;
      return {
        type: 'extend-hours',
        weekdays,
        ...(open > 0 ? { openEarlierMinutes: open } : {}),
        ...(close > 0 ? { closeLaterMinutes: close } : {}),
        ...machine,
      };
    }
    case 'add-session':
    case 'interventional-sessions': {
      const weekdays = weekdaysOf(value['weekdays']);
      const span = spanOf(value);
      const machine = optionalMachine(value['machine']);
      if (!weekdays || !span || !machine) return null;
      return { type: value['type'], weekdays, ...span, ...machine };
    }
    case 'add-machine': {
      const count = value['count'] ?? 1;
      const gridOf = value['gridOf'];
      if (!Number.isInteger(count) || (count as number) < 1 || (count as number) > 10) return null;
      if (gridOf !== undefined && (typeof gridOf !== 'string' || gridOf === '')) return null;
      return { type: 'add-machine', count: count as number, ...(gridOf ? { gridOf } : {}) };
    }
    case 'emergency-reservation': {
      const share = value['share'];
      if (!finite(share) || share < 0 || share > 0.9) return null;
      return { type: 'emergency-reservation', share };
    }
    case 'demand-growth': {
      const percent = value['percent'];
      if (!finite(percent) || percent <= -100 || percent > 1000) return null;
      return { type: 'demand-growth', percent };
    }
    case 'no-show': {
      const rates = value['rates'];
      if (!isRecord(rates)) return null;
      const out: Partial<Record<Category, number>> = {};
      for (const [key, rate] of Object.entries(rates)) {
        if (!CATEGORY_KEYS.includes(key as Category)) return null;
        if (!finite(rate) || rate < 0 || rate > 1) return null;
        out[key as Category] = rate;
      }
      return { type: 'no-show', rates: out };
    }
    case 'predicted-durations':
    case 'fix-late-start':
      return { type: value['type'] };
    default:
      return null;
  }
}

/**
 * A scenario read from untrusted JSON: a name (trimmed, at most 200 characters) and at least one
 * change, every change valid; otherwise null.
 */
export function scenarioOf(value: unknown): Scenario | null {
  if (!isRecord(value)) return null;
  const { name, changes } = value;
  if (typeof name !== 'string' || !Array.isArray(changes) || changes.length === 0) return null;
  if (changes.length > 50) return null;
  const read: ScenarioChange[] = [];
  for (const c of changes) {
    const change = changeOf(c);
    if (!change) return null;
    read.push(change);
  }
  return { name: name.trim().slice(0, 200), changes: read };
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  const padded =
    text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  try {
    return Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

/**
 * A scenario as base64url (RFC 4648 §5, no padding) of its UTF-8 JSON: safe in a query
 * string without escaping.
 *
 * @example
 * encodeScenario({ name: 'Été', changes: [{ type: 'fix-late-start' }] });
 * // "eyJuYW1lIjoiw4l0w6kiLCJjaGFuZ2VzIjpbeyJ0eXBlIjoiZml4LWxhdGUtc3RhcnQifV19"
 */
export function encodeScenario(scenario: Scenario): string {
  return toBase64Url(new TextEncoder().encode(JSON.stringify(scenario)));
}

/** The scenario `encodeScenario` wrote, or null when the text is not one (bad base64, JSON or contract). */
export function decodeScenario(text: string): Scenario | null {
  const bytes = fromBase64Url(text);
  if (!bytes) return null;
  try {
    const json: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    return scenarioOf(json);
  } catch {
    return null;
  }
}

function integerIn(text: string | null, min: number, max: number, fallback: number): number {
  if (text === null || !/^\d+$/.test(text.trim())) return fallback;
  const n = Number(text.trim());
  return Number.isSafeInteger(n) && n >= min && n <= max ? n : fallback;
}

/**
 * The Scenarios tab's state in a query string; anything unreadable falls back to its default
 * (replications 20, seed 1, no scenario).
 *
 * @example
 * readScenarioQuery(new URLSearchParams('tab=scenarios&replications=5'));
 * // { tab: 'scenarios', scenario: null, unreadable: false, replications: 5, seed: 1, modality: null }
 */
export function readScenarioQuery(search: URLSearchParams): ScenarioQuery {
  const raw = search.get('scenario');
  const scenario = raw ? decodeScenario(raw) : null;
  const modality = search.get('modality');
  return {
    tab: search.get('tab') === 'scenarios' ? 'scenarios' : 'overview',
    scenario,
    unreadable: raw !== null && raw !== '' && scenario === null,
    replications: integerIn(
      search.get('replications'),
      MIN_REPLICATIONS,
      MAX_REPLICATIONS,
      DEFAULT_REPLICATIONS,
    ),
    seed: integerIn(search.get('seed'), 0, MAX_SEED, DEFAULT_SEED),
    modality: modality === 'CT' || modality === 'MR' ? modality : null,
  };
}

/** What to write: a tab, and on the Scenarios tab what it runs. */
export interface ScenarioQueryInput {
  tab: PageTab;
  scenario?: Scenario | null;
  replications?: number;
  seed?: number;
  modality?: Modality | null;
}

const SCENARIO_KEYS = ['tab', 'scenario', 'replications', 'seed', 'modality'] as const;

/**
 * `href` (a path with its query) with the Scenarios tab's keys replaced by `input`: the other
 * keys (`lang`, `peers`, `week`) kept, defaults left out, and nothing of the scenario on the
 * overview tab.
 *
 * @example
 * withScenarioQuery('/c/x/machines/EQ1?lang=en', { tab: 'scenarios', replications: 5 });
 * // "/c/x/machines/EQ1?lang=en&tab=scenarios&replications=5"
 */
export function withScenarioQuery(href: string, input: ScenarioQueryInput): string {
  const url = new URL(href, 'http://app.invalid');
  for (const key of SCENARIO_KEYS) url.searchParams.delete(key);
  if (input.tab === 'scenarios') {
    url.searchParams.set('tab', 'scenarios');
    if (input.modality) url.searchParams.set('modality', input.modality);
    if (input.scenario) url.searchParams.set('scenario', encodeScenario(input.scenario));
    if (input.replications !== undefined && input.replications !== DEFAULT_REPLICATIONS)
      url.searchParams.set('replications', String(input.replications));
    if (input.seed !== undefined && input.seed !== DEFAULT_SEED)
      url.searchParams.set('seed', String(input.seed));
  }
  const search = url.searchParams.toString();
  return `${url.pathname}${search ? `?${search}` : ''}${url.hash}`;
}
