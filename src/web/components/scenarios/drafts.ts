/**
 * The scenario form's state: one draft per change, every field kept as the text typed (so that
 * a half-typed "12," is not lost), turned into a contract `ScenarioChange` only when it is valid,
 * with a message per wrong field. Shares and rates are typed in percent, stored as fractions.
 */
import type { Category } from '../../../core/kit-types.ts';
import type { IsoWeekday, Scenario, ScenarioChange } from '../../../plan/simulation/types.ts';
import type { MessageKey } from '../../../i18n/translate.ts';
import { changeOf, clockMinutes } from '../../lib/scenario-url.ts';

/** A change type of the contract. */
export type ChangeType = ScenarioChange['type'];

/** The categories whose no-show rate can be typed. */
export const NO_SHOW_CATEGORIES: readonly Category[] = ['A', 'H', 'R', 'U'];

/** One change as the form holds it. */
export interface ChangeDraft {
  /** Stable key of the draft in the list (React key, ids of its fields). */
  id: number;
  type: ChangeType;
  weekdays: IsoWeekday[];
  openEarlier: string;
  closeLater: string;
  start: string;
  end: string;
  /** One machine's equipment id, or '' for every machine of the pool. */
  machine: string;
  count: string;
  /** The pool machine whose grid a new machine copies ('' for the first). */
  gridOf: string;
  /** Percent of each programmed session reserved. */
  share: string;
  percent: string;
  /** No-show rate per category, in percent ('' leaves the category out). */
  rates: Record<Category, string>;
}

/** A field of a draft that can be wrong. */
export type DraftField =
  'weekdays' | 'openEarlier' | 'start' | 'end' | 'count' | 'share' | 'percent' | `rate.${Category}`;

/** What is wrong with a draft, field by field (message keys). */
export type DraftErrors = Partial<Record<DraftField, MessageKey>>;

const EMPTY_RATES: Record<Category, string> = { A: '', H: '', R: '', U: '' };

/** A new draft of `type` with values a manager would start from (e.g. Saturday 08:00–13:00). */
export function newDraft(type: ChangeType, id: number): ChangeDraft {
  const base: ChangeDraft = {
    id,
    type,
    weekdays: [],
    openEarlier: '',
    closeLater: '',
    start: '',
    end: '',
    machine: '',
    count: '',
    gridOf: '',
    share: '',
    percent: '',
    rates: { ...EMPTY_RATES },
  };
  switch (type) {
    case 'extend-hours':
      return { ...base, weekdays: [1, 2, 3, 4, 5], openEarlier: '30', closeLater: '0' };
    case 'add-session':
      return { ...base, weekdays: [6], start: '08:00', end: '13:00' };
    case 'add-machine':
      return { ...base, count: '1' };
    case 'emergency-reservation':
      return { ...base, share: '20' };
    case 'interventional-sessions':
      return { ...base, weekdays: [2], start: '14:00', end: '18:00' };
    case 'demand-growth':
      return { ...base, percent: '10' };
    case 'no-show':
      return { ...base, rates: { A: '5', H: '0', R: '0', U: '0' } };
    case 'predicted-durations':
    case 'fix-late-start':
      return base;
  }
}

/** Up to six decimals: 30 % is 0.3, not 0.30000000000000004. */
const round6 = (v: number): number => Math.round(v * 1e6) / 1e6;
const percentText = (fraction: number): string => String(round6(fraction * 100));

/** The draft of a contract change (to fill the form from a shared address). */
export function draftOf(change: ScenarioChange, id: number): ChangeDraft {
  const draft = newDraft(change.type, id);
  switch (change.type) {
    case 'extend-hours':
      return {
        ...draft,
        weekdays: [...change.weekdays],
        openEarlier: String(change.openEarlierMinutes ?? 0),
        closeLater: String(change.closeLaterMinutes ?? 0),
        machine: change.machine ?? '',
      };
    case 'add-session':
    case 'interventional-sessions':
      return {
        ...draft,
        weekdays: [...change.weekdays],
        start: change.start,
        end: change.end,
        machine: change.machine ?? '',
      };
    case 'add-machine':
      return { ...draft, count: String(change.count ?? 1), gridOf: change.gridOf ?? '' };
    case 'emergency-reservation':
      return { ...draft, share: percentText(change.share) };
    case 'demand-growth':
      return { ...draft, percent: String(change.percent) };
    case 'no-show': {
      const rates = { ...EMPTY_RATES };
      for (const c of NO_SHOW_CATEGORIES) {
        const rate = change.rates[c];
        if (rate !== undefined) rates[c] = percentText(rate);
      }
      return { ...draft, rates };
    }
    case 'predicted-durations':
    case 'fix-late-start':
      return draft;
  }
}

/**
 * A typed number (a decimal comma accepted), or null when the text is not one.
 *
 * @example
 * numberOf(' 12,5 '); // 12.5
 * numberOf('12 min'); // null
 */
export function numberOf(text: string): number | null {
  const t = text.trim().replace(',', '.');
  if (!/^[-+]?(?:\d+\.?\d*|\.\d+)$/.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

function inRange(text: string, min: number, max: number, integer = false): number | null {
  const n = numberOf(text);
  if (n === null || n < min || n > max || (integer && !Number.isInteger(n))) return null;
  return n;
}

/** The change a draft stands for, or the messages of its wrong fields. */
export function changeOfDraft(draft: ChangeDraft): {
  change: ScenarioChange | null;
  errors: DraftErrors;
} {
  const errors: DraftErrors = {};
  const machine = draft.machine ? { machine: draft.machine } : {};
  const needsDays = (): void => {
    if (draft.weekdays.length === 0) errors.weekdays = 'scenarios.web.error.weekdays';
  };
  const span = (): void => {
    const s = clockMinutes(draft.start);
    const e = clockMinutes(draft.end);
    if (s === null || s === 24 * 60) errors.start = 'scenarios.web.error.clock';
    if (e === null) errors.end = 'scenarios.web.error.clock';
    if (s !== null && e !== null && s < 24 * 60 && e <= s) errors.end = 'scenarios.web.error.span';
  };
  let candidate: unknown = null;
  switch (draft.type) {
    case 'extend-hours': {
      needsDays();
      const early = draft.openEarlier.trim() === '' ? 0 : inRange(draft.openEarlier, 0, 720);
      const late = draft.closeLater.trim() === '' ? 0 : inRange(draft.closeLater, 0, 720);
      if (early === null || late === null || early + late <= 0)
        errors.openEarlier = 'scenarios.web.error.minutes';
      candidate = {
        type: draft.type,
        weekdays: draft.weekdays,
        openEarlierMinutes: early ?? 0,
        closeLaterMinutes: late ?? 0,
        ...machine,
      };
      break;
    }
    case 'add-session':
    case 'interventional-sessions':
      needsDays();
      span();
      candidate = {
        type: draft.type,
        weekdays: draft.weekdays,
        start: draft.start,
        end: draft.end,
        ...machine,
      };
      break;
    case 'add-machine': {
      const count = inRange(draft.count, 1, 10, true);
      if (count === null) errors.count = 'scenarios.web.error.count';
      candidate = { type: draft.type, count, ...(draft.gridOf ? { gridOf: draft.gridOf } : {}) };
      break;
    }
    case 'emergency-reservation': {
      const share = inRange(draft.share, 0, 90);
      if (share === null) errors.share = 'scenarios.web.error.share';
      candidate = { type: draft.type, share: share === null ? null : round6(share / 100) };
      break;
    }
    case 'demand-growth': {
      const percent = numberOf(draft.percent);
      if (percent === null || percent <= -100 || percent > 1000)
        errors.percent = 'scenarios.web.error.percent';
      candidate = { type: draft.type, percent };
      break;
    }
    case 'no-show': {
      const rates: Partial<Record<Category, number>> = {};
      for (const c of NO_SHOW_CATEGORIES) {
        if (draft.rates[c].trim() === '') continue;
        const rate = inRange(draft.rates[c], 0, 100);
        if (rate === null) errors[`rate.${c}`] = 'scenarios.web.error.rate';
        else rates[c] = round6(rate / 100);
      }
      candidate = { type: draft.type, rates };
      break;
    }
    case 'predicted-durations':
    case 'fix-late-start':
      candidate = { type: draft.type };
      break;
  }
  if (Object.keys(errors).length > 0) return { change: null, errors };
  // The address reader is the contract's one gate: what the form builds must pass it too.
  const change = changeOf(candidate);
  return { change, errors };
}

/** The scenario of a whole form, or what is wrong with it. */
export interface FormCheck {
  scenario: Scenario | null;
  /** One entry per draft, in order. */
  errors: DraftErrors[];
  nameError: MessageKey | null;
  /** True when there is no change at all. */
  empty: boolean;
}

/** Checks a form: a name, at least one change, every change valid. */
export function scenarioOfForm(name: string, drafts: readonly ChangeDraft[]): FormCheck {
  const checked = drafts.map(changeOfDraft);
  const nameError: MessageKey | null = name.trim() === '' ? 'scenarios.web.error.name' : null;
  const changes = checked.flatMap((c) => (c.change ? [c.change] : []));
  const valid = nameError === null && drafts.length > 0 && changes.length === drafts.length;
  return {
    scenario: valid ? { name: name.trim(), changes } : null,
    errors: checked.map((c) => c.errors),
    nameError,
    empty: drafts.length === 0,
  };
}
