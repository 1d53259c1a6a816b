/**
 * A machine's vacations over the campaign: the weekly grid repeated day by day in wall-clock
 * minutes, breakdowns cut out of it, on-call (or round-the-clock emergency) filling the gaps,
 * and only then every boundary turned into an instant through ZoneClock. Wall-clock times that
 * a daylight-saving change skips move past the gap, so a session never starts or ends in one.
 */
import type { ZoneClock } from '../core/calendar.ts';
import { MS_PER_MINUTE } from '../core/calendar.ts';
import type { Session, SessionType } from '../core/kit-types.ts';
import type { MachineProfile } from './profile.ts';
import type { Rng } from './random.ts';
import type { Block } from './week.ts';

const DAY = 1440;
const H = 60;

/** Where and when the campaign runs, for laying out a machine's days. */
export interface CampaignFrame {
  /** Naive midnight (see calendar.ts `naiveMs`) of the first day. */
  firstDay: number;
  days: number;
  clock: ZoneClock;
}

/** The minute offsets of a timeline: minutes since the first day's local midnight. */
export interface Timeline {
  sessions: Session[];
  /** Instants of exams done outside any session (a site with no on-call taking one urgent patient). */
  strays: number[];
}

/** Instant of a campaign minute; a minute skipped by a spring change moves past the gap. */
export function instantOfMinute(frame: CampaignFrame, minute: number): number {
  return frame.clock.toInstantLenient(frame.firstDay + minute * MS_PER_MINUTE);
}

/** Removes `[from, to)` from a sorted list of blocks, dropping leftovers shorter than `keep` minutes. */
function cut(blocks: Block[], from: number, to: number, keep: number): Block[] {
  const out: Block[] = [];
  for (const b of blocks) {
    if (b.end <= from || b.start >= to) {
      out.push(b);
      continue;
    }
    if (from - b.start >= keep) out.push({ start: b.start, end: from, type: b.type });
    if (b.end - to >= keep) out.push({ start: to, end: b.end, type: b.type });
  }
  return out;
}

/** Free parts of `[from, to)` between sorted, disjoint blocks. */
function freeParts(blocks: readonly Block[], from: number, to: number): [number, number][] {
  const out: [number, number][] = [];
  let t = from;
  for (const b of blocks) {
    if (b.end <= t) continue;
    if (b.start >= to) break;
    if (b.start > t) out.push([t, b.start]);
    t = Math.max(t, b.end);
  }
  if (t < to) out.push([t, to]);
  return out;
}

/** Splits `[from, to)` at the given minutes of each day (08:00 hand-over, and 20:00 for shifts). */
function splitAtDayMinutes(from: number, to: number, cuts: readonly number[]): [number, number][] {
  const points: number[] = [];
  for (let d = Math.floor(from / DAY); d * DAY < to; d++) {
    for (const c of cuts) {
      const p = d * DAY + c;
      if (p > from && p < to) points.push(p);
    }
  }
  points.sort((a, b) => a - b);
  const out: [number, number][] = [];
  let s = from;
  for (const p of points) {
    out.push([s, p]);
    s = p;
  }
  out.push([s, to]);
  return out;
}

/** The sessions (and stray exam times) of one machine over the campaign. */
export function buildTimeline(profile: MachineProfile, frame: CampaignFrame, rng: Rng): Timeline {
  const { grid } = profile;
  const end = frame.days * DAY;
  const firstWeekday = new Date(frame.firstDay).getUTCDay();
  let blocks: Block[] = [];
  const strays: number[] = [];
  for (let d = 0; d < frame.days; d++) {
    const weekday = (firstWeekday + d) % 7;
    const base = d * DAY;
    for (const b of grid.days[weekday] ?? [])
      blocks.push({ start: base + b.start, end: base + b.end, type: b.type });
    const m = grid.maintenance;
    if (m && weekday === m.weekday && Math.floor(d / 7) % m.period === m.phase) {
      blocks.push({ start: base + m.start, end: base + m.end, type: 'MAINTENANCE' });
    }
    // A site without on-call sometimes still takes an urgent patient after hours: outside any session.
    if (profile.onCall === 'none' && weekday >= 1 && weekday <= 5 && rng.chance(0.05)) {
      const last = (grid.days[weekday] ?? []).reduce((t, b) => Math.max(t, b.end), 18 * H);
      const at = last + 30 + rng.int(60);
      if (at < 20 * H) strays.push(base + at);
    }
  }
  blocks.sort((a, b) => a.start - b.start);

  // Breakdowns: the machine is down, whatever was planned; short leftovers of sessions are dropped.
  const meanGap = (28 / Math.max(profile.breakdownRate, 1e-9)) * DAY;
  let t = rng.exponential(meanGap);
  const downs: [number, number][] = [];
  while (t < end) {
    const start = Math.floor(t / DAY) * DAY + 7 * H + rng.int(44) * 15;
    const length = Math.round(Math.min(1440, Math.max(60, rng.lognormal(240, 0.8))) / 15) * 15;
    const stop = Math.min(start + length, end);
    if (start < stop) downs.push([start, stop]);
    t += rng.exponential(meanGap);
  }
  for (const [s, e] of downs) {
    blocks = cut(blocks, s, e, 30);
    blocks.push({ start: s, end: e, type: 'BREAKDOWN' });
    blocks.sort((a, b) => a.start - b.start);
  }
  // Overlapping breakdowns would have produced overlapping BREAKDOWN blocks: merge them.
  const merged: Block[] = [];
  for (const b of blocks) {
    const last = merged[merged.length - 1];
    if (last && b.start < last.end) {
      if (b.end > last.end) {
        if (b.type === last.type) last.end = b.end;
        else merged.push({ start: last.end, end: b.end, type: b.type });
      }
    } else merged.push({ ...b });
  }
  blocks = merged;

  // On-call fills the unstaffed time: everything but short breaks ('full'), or weekday nights only.
  const fill: Block[] = [];
  const dedicated = profile.kind === 'emergency-dedicated';
  const fillType: SessionType = dedicated ? 'EMERGENCY' : 'ON_CALL';
  const cuts = dedicated ? [8 * H, 20 * H] : [8 * H];
  if (profile.onCall === 'full' || dedicated) {
    for (const [s, e] of freeParts(blocks, 0, end)) {
      if (!dedicated && e - s < 120 && s > 0 && e < end) continue;
      for (const [a, b] of splitAtDayMinutes(s, e, cuts))
        fill.push({ start: a, end: b, type: fillType });
    }
  } else if (profile.onCall === 'weeknights') {
    for (let d = 0; d < frame.days; d++) {
      const weekday = (firstWeekday + d) % 7;
      if (weekday < 1 || weekday > 5) continue;
      for (const [s, e] of freeParts(
        blocks,
        d * DAY + 20 * H,
        Math.min(end, d * DAY + DAY + 8 * H),
      )) {
        if (e - s >= 60) fill.push({ start: s, end: e, type: 'ON_CALL' });
      }
    }
  }
  const all = [...blocks, ...fill].sort((a, b) => a.start - b.start);
  // A stray exam is by definition outside every session (maintenance included).
  const outside = strays.filter((m) => !all.some((b) => b.start <= m && m < b.end));

  const sessions: Session[] = [];
  for (const b of all) {
    const start = instantOfMinute(frame, b.start);
    const stop = instantOfMinute(frame, Math.min(b.end, end));
    if (stop > start)
      sessions.push({ equipmentId: profile.equipmentId, start, end: stop, type: b.type });
  }
  return { sessions, strays: outside.map((m) => instantOfMinute(frame, m)) };
}
