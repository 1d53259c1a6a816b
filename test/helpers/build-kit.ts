// Builds small hand-checkable kits from wall-clock strings in the campaign's zone, so that a
// test reads like the timeline it describes.
import { naiveMs, ZoneClock } from '../../src/core/calendar.ts';
import type {
  Category,
  Exam,
  Kit,
  Modality,
  Session,
  SessionType,
} from '../../src/core/kit-types.ts';

export interface MiniExam {
  in: string;
  out: string;
  cat?: Category;
  icr?: number | null;
  acts?: string[];
  report?: string;
  requested?: string;
  booked?: number;
}

export interface MiniMachine {
  id: string;
  modality?: Modality;
  finess?: string;
  sessions?: [string, string, SessionType][];
  exams?: MiniExam[];
}

/** Instant of a wall-clock `YYYY-MM-DDTHH:MM[:SS][+HH:MM]` in `zone`; throws on a gap or repeat. */
export function at(text: string, zone = 'Europe/Paris'): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:\d{2})?$/.exec(
    text,
  );
  if (!m) throw new Error(`bad time ${text}`);
  const naive = naiveMs(+m[1]!, +m[2]!, +m[3]!, +m[4]!, +m[5]!, +(m[6] ?? 0));
  if (m[7]) {
    if (m[7] === 'Z') return naive;
    const sign = m[7][0] === '-' ? -1 : 1;
    return naive - sign * (+m[7].slice(1, 3) * 60 + +m[7].slice(4, 6)) * 60_000;
  }
  const r = new ZoneClock(zone).resolve(naive);
  if (r.kind !== 'ok') throw new Error(`${text} is ${r.kind} in ${zone}`);
  return r.instant;
}

export function buildKit(
  machines: MiniMachine[],
  campaign: Partial<Kit['campaign']> = {},
  acts: Kit['acts'] = [],
): Kit {
  const c = {
    id: 'test',
    name: 'Test',
    start: '2010-03-01',
    days: 28,
    timeZone: 'Europe/Paris',
    ...campaign,
  };
  const finesses = [...new Set(machines.map((m) => m.finess ?? '590000001'))];
  const sessions: Session[] = [];
  const exams: Exam[] = [];
  for (const m of machines) {
    for (const [s, e, type] of m.sessions ?? [])
      sessions.push({ equipmentId: m.id, start: at(s, c.timeZone), end: at(e, c.timeZone), type });
    (m.exams ?? []).forEach((x, i) =>
      exams.push({
        examId: `${m.id}-${i}`,
        equipmentId: m.id,
        category: x.cat ?? 'A',
        roomIn: at(x.in, c.timeZone),
        roomOut: at(x.out, c.timeZone),
        acts: x.acts ?? [],
        icr: x.icr === undefined ? 100 : x.icr,
        reportValidatedAt: x.report ? at(x.report, c.timeZone) : null,
        requestedAt: x.requested ? at(x.requested, c.timeZone) : null,
        scheduledMinutes: x.booked ?? null,
        ageBand: null,
      }),
    );
  }
  return {
    campaign: c,
    establishments: finesses.map((f, i) => ({
      finess: f,
      name: `Site ${i}`,
      legalStatus: 'CH',
      region: 'HDF',
      department: '59',
    })),
    equipment: machines.map((m) => ({
      equipmentId: m.id,
      finess: m.finess ?? '590000001',
      modality: m.modality ?? 'CT',
      label: null,
      installedYear: null,
      role: 'general',
    })),
    sessions,
    exams,
    acts,
    survey: [],
  };
}
