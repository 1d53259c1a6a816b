// A deterministic, plausible campaign of any size (machines with weekday sessions, night on-call,
// exams of every category with acts, reports, requests and bookings), for volume tests.
import { at } from '../helpers/build-kit.ts';
import { CATEGORIES, AGE_BANDS } from '../../src/core/kit-types.ts';
import type {
  Act,
  Equipment,
  Establishment,
  Exam,
  Kit,
  Session,
  SurveyAnswer,
} from '../../src/core/kit-types.ts';
import { mulberry32 } from '../helpers/rng.ts';

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const MINUTE = 60_000;

export interface SyntheticOptions {
  id?: string;
  machines: number;
  /** Exams per machine over the campaign (about; the total is exact: machines × this). */
  examsPerMachine: number;
  seed?: number;
}

/** A 28-day Europe/Paris campaign from Monday 2010-03-01 (it crosses the spring DST change). */
export function syntheticKit({
  id = 'synthetic',
  machines,
  examsPerMachine,
  seed = 7,
}: SyntheticOptions): Kit {
  const random = mulberry32(seed);
  const days = 28;
  const dates = Array.from({ length: days }, (_, d) => `2010-03-${pad(d + 1, 2)}`);
  const dayStart = dates.map((d) => at(`${d}T08:00`));
  const dayEnd = dates.map((d) => at(`${d}T18:00`));
  const nightEnd = dates.map((_, d) =>
    d + 1 < days ? dayStart[d + 1]! : dayEnd[d]! + 14 * 60 * MINUTE,
  );
  const acts: Act[] = Array.from({ length: 40 }, (_, i) => ({
    code: `ZZQK${pad(i, 3)}`,
    label: `Act ${i}`,
    icr: 20 + i * 5,
  }));
  const establishments: Establishment[] = [];
  const equipment: Equipment[] = [];
  const sessions: Session[] = [];
  const exams: Exam[] = [];
  const survey: SurveyAnswer[] = [];
  const sites = Math.max(1, Math.round(machines * 0.58));
  for (let s = 0; s < sites; s++) {
    establishments.push({
      finess: `59${pad(s, 7)}`,
      name: `Site ${s}`,
      legalStatus: (['CH', 'CHU', 'ESPIC', 'LIBERAL', 'PRIVATE'] as const)[s % 5]!,
      region: `R${s % 14}`,
      department: s % 3 ? '59' : null,
    });
    survey.push({
      finess: `59${pad(s, 7)}`,
      modality: 'CT',
      case: 'CT_BRAIN_80F',
      patient: 'outpatient',
      days: Math.floor(random() * 30),
    });
  }
  for (let m = 0; m < machines; m++) {
    const equipmentId = `EQ${pad(m, 4)}`;
    const modality = m % 8 < 5 ? 'CT' : 'MR';
    equipment.push({
      equipmentId,
      finess: establishments[m % sites]!.finess,
      modality,
      label: m % 2 ? `${modality} ${m}` : null,
      installedYear: m % 4 ? 2000 + (m % 10) : null,
      role: m % 17 === 0 ? 'emergency' : 'general',
    });
    const weekdays: number[] = [];
    for (let d = 0; d < days; d++) {
      const weekday = d % 7 < 5;
      if (weekday) {
        weekdays.push(d);
        sessions.push({
          equipmentId,
          start: dayStart[d]!,
          end: dayEnd[d]!,
          type: m % 3 ? 'PUBLIC_SCHEDULED' : 'LIBERAL',
        });
      }
      if (modality === 'CT')
        sessions.push({ equipmentId, start: dayEnd[d]!, end: nightEnd[d]!, type: 'ON_CALL' });
    }
    const perDay = Math.ceil(examsPerMachine / weekdays.length);
    let made = 0;
    for (const d of weekdays) {
      let t = dayStart[d]! + Math.floor(random() * 20) * MINUTE;
      for (let k = 0; k < perDay && made < examsPerMachine; k++, made++) {
        const night = k % 25 === 24;
        const roomIn = night ? dayEnd[d]! + (60 + Math.floor(random() * 600)) * MINUTE : t;
        const minutes = 4 + Math.floor(random() * (modality === 'CT' ? 15 : 30));
        const roomOut = roomIn + minutes * MINUTE;
        if (!night) t = roomOut + Math.floor(random() * 6) * MINUTE;
        const category = night ? 'U' : CATEGORIES[Math.floor(random() * 3)]!;
        const actCount = Math.floor(random() * 3);
        exams.push({
          examId: `X${pad(m, 4)}-${pad(made, 5)}`,
          equipmentId,
          category,
          roomIn,
          roomOut,
          acts: Array.from(
            { length: actCount },
            () => acts[Math.floor(random() * acts.length)]!.code,
          ),
          icr: actCount === 0 ? Math.round(random() * 1000) / 10 : null,
          reportValidatedAt: random() < 0.8 ? roomOut + Math.floor(random() * 2000) * MINUTE : null,
          requestedAt:
            category === 'A' || category === 'H'
              ? roomIn - Math.floor(random() * 30) * 86_400_000
              : null,
          scheduledMinutes: random() < 0.5 ? 15 : null,
          ageBand: random() < 0.7 ? AGE_BANDS[Math.floor(random() * 4)]! : null,
        });
      }
    }
  }
  return {
    campaign: {
      id,
      name: `Synthetic ${machines} machines`,
      start: '2010-03-01',
      days,
      timeZone: 'Europe/Paris',
    },
    establishments,
    equipment,
    sessions,
    exams,
    acts,
    survey,
  };
}
