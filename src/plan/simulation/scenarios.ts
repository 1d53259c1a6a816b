/**
 * Scenarios applied to a calibrated model (planning.md §3): each change edits a copy of the grid
 * or of the policy, in the scenario's order. Local times are read on the campaign's own days in its
 * time zone, so a session added at 08:00 stays at 08:00 across a daylight-saving change; a change
 * that cannot be applied as asked (a session overlapping another, nothing to extend) is clipped and
 * said in a note, never silently.
 */
import type { Category, SessionType } from '../../core/kit-types.ts';
import { CampaignCalendar, MS_PER_DAY, MS_PER_MINUTE } from '../../core/calendar.ts';
import { PROGRAMMED_TYPES } from '../../core/indicators/openings.ts';
import { unionOf } from '../../core/intervals.ts';
import type {
  CalibrationNote,
  GridSession,
  IsoWeekday,
  Scenario,
  ScenarioChange,
  SimulationModel,
  SimulationPolicy,
} from './types.ts';

/** Largest `reservedShare` a scenario may set (the rest of a session stays bookable). */
export const MAX_RESERVED_SHARE = 0.9;
/** Largest opening earlier or closing later of one `extend-hours` change (minutes). */
export const MAX_EXTEND_MINUTES = 720;
/** Most machines one `add-machine` change adds. */
export const MAX_ADDED_MACHINES = 10;
/** Largest demand growth (percent): the engine's work grows with the demand. */
export const MAX_GROWTH_PERCENT = 1000;

const PROGRAMMED = new Set<SessionType>(PROGRAMMED_TYPES);

/**
 * Minutes after local midnight of a wall-clock time `HH:MM` (`H:MM` too; `24:00` is the next
 * midnight, for an end), or null when it is not one.
 *
 * @example
 * localMinutes('07:30') // → 450
 * localMinutes('24:00') // → 1440
 * localMinutes('7h30')  // → null
 */
export function localMinutes(text: string): number | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text);
  if (!m) return null;
  const hours = Number(m[1]);
  const minutes = Number(m[2]);
  if (minutes > 59) return null;
  if (hours === 24 && minutes === 0) return 1440;
  return hours <= 23 ? hours * 60 + minutes : null;
}

/** The grid with every change of `scenario` applied, and what could not be applied as asked. */
export interface AppliedScenario {
  model: SimulationModel;
  /** This scenario's notes alone (`model.notes` holds the base model's notes, then these). */
  notes: CalibrationNote[];
}

/**
 * `model` with every change of `scenario` applied in order (see `applyScenarioWithNotes`); the
 * notes of the changes follow the model's own notes in `notes`.
 *
 * @example
 * applyScenario(model, { name: 'Open at 7:30', changes: [{ type: 'extend-hours', weekdays: [1, 2, 3, 4, 5], openEarlierMinutes: 30 }] });
 */
export function applyScenario(model: SimulationModel, scenario: Scenario): SimulationModel {
  return applyScenarioWithNotes(model, scenario).model;
}

/**
 * `model` with every change of `scenario` applied in order, and the notes of the changes. The
 * input is never modified; the result copies what a change touches (the grid, the machines, the
 * policy, the notes) and shares the rest (pools, rates) with it — treat both as read-only.
 * Sessions stay sorted by start, then machine.
 *
 * Notes (`simulation.note.<code>`, params `change` = 1-based position of the change):
 * `scenario-machine-unknown` (change skipped), `scenario-extend-none`, `scenario-extend-clipped`,
 * `scenario-session-overlap`, `scenario-interventional-none`, `scenario-predicted-missing`.
 *
 * @throws RangeError on a value the scenario reader refuses (weekday, `HH:MM`, share, percent…):
 * read untrusted scenarios with `readScenarioFile` / `readScenarioValue` first.
 */
export function applyScenarioWithNotes(
  model: SimulationModel,
  scenario: Scenario,
): AppliedScenario {
  const grid = new GridEditor(model);
  scenario.changes.forEach((change, i) => grid.apply(change, i + 1));
  const notes = grid.notes;
  return {
    model: {
      ...model,
      machines: grid.machines,
      sessions: grid.sortedSessions(),
      policy: grid.policy,
      notes: [...model.notes, ...notes],
    },
    notes,
  };
}

/** One local day of the grid: its naive midnight, ISO weekday and instants `[start, end)`. */
interface GridDay {
  naive: number;
  weekday: IsoWeekday;
  start: number;
  end: number;
}

type Machine = SimulationModel['machines'][number];

/** The working copy a scenario edits, change after change. */
class GridEditor {
  readonly machines: Machine[];
  sessions: GridSession[];
  readonly policy: SimulationPolicy;
  readonly notes: CalibrationNote[] = [];
  readonly #days: GridDay[];
  readonly #calendar: CampaignCalendar;
  readonly #period: number;
  readonly #hasPredicted: boolean;

  constructor(model: SimulationModel) {
    this.machines = model.machines.map((m) => ({ ...m }));
    this.sessions = model.sessions.map((s) => ({ ...s }));
    this.policy = { ...model.policy, noShow: { ...model.policy.noShow } };
    this.#hasPredicted = Object.keys(model.predictedSlotMinutes).length > 0;
    const { start, days, timeZone } = model.campaign;
    this.#calendar = new CampaignCalendar(start, days, timeZone);
    const gridDays = model.gridWeeks * 7;
    this.#period = gridDays * MS_PER_DAY;
    this.#days = [];
    const clock = this.#calendar.clock;
    for (let d = 0; d < gridDays; d++) {
      const naive = this.#calendar.firstDay + d * MS_PER_DAY;
      const weekday = (new Date(naive).getUTCDay() || 7) as IsoWeekday;
      this.#days.push({
        naive,
        weekday,
        start: clock.startOfDay(naive),
        end: clock.startOfDay(naive + MS_PER_DAY),
      });
    }
  }

  sortedSessions(): GridSession[] {
    return [...this.sessions].sort(
      (a, b) => a.start - b.start || a.machine - b.machine || a.end - b.end,
    );
  }

  apply(change: ScenarioChange, position: number): void {
    switch (change.type) {
      case 'extend-hours':
        return this.#extendHours(change, position);
      case 'add-session':
        return this.#addSession(change, position);
      case 'add-machine':
        return this.#addMachine(change, position);
      case 'emergency-reservation':
        if (!(change.share >= 0 && change.share <= MAX_RESERVED_SHARE))
          throw new RangeError(
            `emergency-reservation: share ${change.share} is not within 0..${MAX_RESERVED_SHARE}`,
          );
        this.policy.reservedShare = change.share;
        return;
      case 'interventional-sessions':
        return this.#interventional(change, position);
      case 'predicted-durations':
        if (this.#hasPredicted) this.policy.booking = 'predicted';
        else this.#note('scenario-predicted-missing', position);
        return;
      case 'demand-growth':
        if (!(change.percent > -100 && change.percent <= MAX_GROWTH_PERCENT))
          throw new RangeError(
            `demand-growth: percent ${change.percent} is not within (-100, ${MAX_GROWTH_PERCENT}]`,
          );
        this.policy.demandFactor *= 1 + change.percent / 100;
        return;
      case 'fix-late-start':
        this.policy.lateStarts = false;
        return;
      case 'no-show':
        for (const [category, rate] of Object.entries(change.rates))
          if (!(typeof rate === 'number' && rate >= 0 && rate <= 1))
            throw new RangeError(`no-show: rate ${String(rate)} of ${category} is not within 0..1`);
        this.policy.noShow = { ...change.rates } as Partial<Record<Category, number>>;
        this.policy.noShowSource = 'input';
        return;
      default:
        throw new RangeError(`unknown change type: ${String((change as { type: unknown }).type)}`);
    }
  }

  #note(code: string, change: number, params: Record<string, string | number> = {}): void {
    this.notes.push({ code, params: { change, ...params } });
  }

  /** Index of a named machine (null, with a note, when the model has none of that id). */
  #machine(id: string, position: number): number | null {
    const index = this.machines.findIndex((m) => m.equipmentId === id);
    if (index < 0) this.#note('scenario-machine-unknown', position, { machine: id });
    return index < 0 ? null : index;
  }

  /** The machines a change targets: the named one, or `all` / the first one. */
  #targets(id: string | undefined, position: number, all: boolean): number[] | null {
    if (id !== undefined) {
      const index = this.#machine(id, position);
      return index === null ? null : [index];
    }
    return all ? this.machines.map((_, i) => i) : [0];
  }

  #daysOf(weekdays: readonly IsoWeekday[]): GridDay[] {
    for (const w of weekdays)
      if (!(Number.isInteger(w) && w >= 1 && w <= 7))
        throw new RangeError(`weekday ${w} is not within 1..7`);
    const set = new Set<number>(weekdays);
    return this.#days.filter((d) => set.has(d.weekday));
  }

  /** The instants `[start, end)` of local `HH:MM` times on a grid day. */
  #localSpan(day: GridDay, start: string, end: string, type: string): [number, number] {
    const a = localMinutes(start);
    const b = localMinutes(end);
    if (a === null || b === null || a === 1440 || b <= a)
      throw new RangeError(`${type}: ${start}–${end} is not a span of local times HH:MM`);
    const clock = this.#calendar.clock;
    return [
      clock.toInstantLenient(day.naive + a * MS_PER_MINUTE),
      clock.toInstantLenient(day.naive + b * MS_PER_MINUTE),
    ];
  }

  /**
   * Sessions of machine `m` that a new or longer session must not overlap: all of them (any
   * type), and their copies one grid period before and after, since the grid repeats.
   */
  #blockers(m: number, except: GridSession | null): { start: number; end: number }[] {
    const out: { start: number; end: number }[] = [];
    for (const s of this.sessions) {
      if (s.machine !== m) continue;
      if (s !== except) out.push(s);
      out.push({ start: s.start - this.#period, end: s.end - this.#period });
      out.push({ start: s.start + this.#period, end: s.end + this.#period });
    }
    return out;
  }

  #extendHours(change: Extract<ScenarioChange, { type: 'extend-hours' }>, position: number): void {
    const earlier = (change.openEarlierMinutes ?? 0) * MS_PER_MINUTE;
    const later = (change.closeLaterMinutes ?? 0) * MS_PER_MINUTE;
    for (const minutes of [change.openEarlierMinutes ?? 0, change.closeLaterMinutes ?? 0])
      if (!(minutes >= 0 && minutes <= MAX_EXTEND_MINUTES))
        throw new RangeError(
          `extend-hours: ${minutes} minutes is not within 0..${MAX_EXTEND_MINUTES}`,
        );
    const days = this.#daysOf(change.weekdays);
    const targets = this.#targets(change.machine, position, true);
    if (targets === null) return;
    for (const m of targets) {
      let extended = 0;
      let clippedDays = 0;
      let clipped = 0;
      for (const day of days) {
        let first: GridSession | null = null;
        let last: GridSession | null = null;
        for (const s of this.sessions) {
          if (
            s.machine !== m ||
            !PROGRAMMED.has(s.type) ||
            s.interventional ||
            s.start < day.start ||
            s.start >= day.end
          )
            continue;
          if (first === null || s.start < first.start) first = s;
          if (last === null || s.end > last.end) last = s;
        }
        if (first === null || last === null) continue;
        extended++;
        let lost = 0;
        if (earlier > 0) {
          const wanted = first.start - earlier;
          let start = wanted;
          for (const b of this.#blockers(m, first))
            if (b.start < first.start && b.end > start) start = b.end;
          start = Math.min(start, first.start);
          lost += start - wanted;
          first.start = start;
        }
        if (later > 0) {
          const wanted = last.end + later;
          let end = wanted;
          for (const b of this.#blockers(m, last))
            if (b.end > last.end && b.start < end) end = b.start;
          end = Math.max(end, last.end);
          lost += wanted - end;
          last.end = end;
        }
        if (lost > 0) {
          clippedDays++;
          clipped += lost;
        }
      }
      const equipment = (this.machines[m] as Machine).equipmentId;
      if (extended === 0) this.#note('scenario-extend-none', position, { equipment });
      else if (clipped > 0)
        this.#note('scenario-extend-clipped', position, {
          equipment,
          days: clippedDays,
          minutes: Math.round(clipped / MS_PER_MINUTE),
        });
    }
  }

  #addSession(change: Extract<ScenarioChange, { type: 'add-session' }>, position: number): void {
    const days = this.#daysOf(change.weekdays);
    const targets = this.#targets(change.machine, position, false);
    if (targets === null) return;
    const m = targets[0] as number;
    let droppedDays = 0;
    let dropped = 0;
    for (const day of days) {
      const [a, b] = this.#localSpan(day, change.start, change.end, change.type);
      const busy = this.#blockers(m, null);
      const union = unionOf(
        busy.map((s) => s.start),
        busy.map((s) => s.end),
      );
      let cursor = a;
      let kept = 0;
      for (let i = 0; i < union.starts.length && cursor < b; i++) {
        const s = union.starts[i] as number;
        const e = union.ends[i] as number;
        if (e <= cursor) continue;
        if (s >= b) break;
        if (s > cursor) {
          this.sessions.push({ machine: m, start: cursor, end: s, type: 'PUBLIC_SCHEDULED' });
          kept += s - cursor;
        }
        cursor = Math.max(cursor, e);
      }
      if (cursor < b) {
        this.sessions.push({ machine: m, start: cursor, end: b, type: 'PUBLIC_SCHEDULED' });
        kept += b - cursor;
      }
      if (kept < b - a) {
        droppedDays++;
        dropped += b - a - kept;
      }
    }
    if (dropped > 0)
      this.#note('scenario-session-overlap', position, {
        equipment: (this.machines[m] as Machine).equipmentId,
        days: droppedDays,
        minutes: Math.round(dropped / MS_PER_MINUTE),
      });
  }

  #addMachine(change: Extract<ScenarioChange, { type: 'add-machine' }>, position: number): void {
    const count = change.count ?? 1;
    if (!(Number.isInteger(count) && count >= 1 && count <= MAX_ADDED_MACHINES))
      throw new RangeError(`add-machine: count ${count} is not within 1..${MAX_ADDED_MACHINES}`);
    const source = change.gridOf === undefined ? 0 : this.#machine(change.gridOf, position);
    if (source === null) return;
    const model = this.machines[source] as Machine;
    const copied = this.sessions.filter((s) => s.machine === source && PROGRAMMED.has(s.type));
    const taken = new Set(this.machines.map((m) => m.equipmentId));
    let n = 1;
    for (let k = 0; k < count; k++) {
      while (taken.has(`${model.equipmentId}+${n}`)) n++;
      const equipmentId = `${model.equipmentId}+${n}`;
      taken.add(equipmentId);
      const index = this.machines.length;
      this.machines.push({
        equipmentId,
        finess: model.finess,
        modality: model.modality,
        label: null,
      });
      for (const s of copied) this.sessions.push({ ...s, machine: index });
    }
  }

  #interventional(
    change: Extract<ScenarioChange, { type: 'interventional-sessions' }>,
    position: number,
  ): void {
    const days = this.#daysOf(change.weekdays);
    const targets = this.#targets(change.machine, position, true);
    if (targets === null) return;
    const chosen = new Set(targets);
    let cut = 0;
    for (const day of days) {
      const [a, b] = this.#localSpan(day, change.start, change.end, change.type);
      const next: GridSession[] = [];
      for (const s of this.sessions) {
        if (
          !chosen.has(s.machine) ||
          !PROGRAMMED.has(s.type) ||
          s.interventional ||
          s.end <= a ||
          s.start >= b
        ) {
          next.push(s);
          continue;
        }
        const from = Math.max(s.start, a);
        const to = Math.min(s.end, b);
        if (s.start < from) next.push({ ...s, end: from });
        next.push({ ...s, start: from, end: to, interventional: true });
        if (to < s.end) next.push({ ...s, start: to });
        cut += to - from;
      }
      this.sessions = next;
    }
    if (cut === 0)
      this.#note('scenario-interventional-none', position, {
        equipment: targets.map((m) => (this.machines[m] as Machine).equipmentId).join(', '),
      });
  }
}
