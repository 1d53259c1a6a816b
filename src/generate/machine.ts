/**
 * One machine's exams over the campaign, from its own random stream (seed + machine index):
 * programmed sessions are filled patient after patient towards the machine's occupancy,
 * emergency and on-call time receive Poisson arrivals by local hour, and a second pass picks
 * each exam's CCAM acts so that the machine produces the ICR per hour it aims for.
 */
import { MS_PER_DAY, MS_PER_MINUTE } from '../core/calendar.ts';
import type { AgeBand, Category, Exam, Modality, Session, SessionType } from '../core/kit-types.ts';
import { AGE_BANDS, CATEGORIES } from '../core/kit-types.ts';
import { type ActCombo, combosOf, pickCombo } from './acts.ts';
import type { MachineProfile, Mix } from './profile.ts';
import { type Curve, deriveSeed, evalCurve, Rng } from './random.ts';
import {
  durationCurve,
  KNOBS,
  reportDelayCurve,
  type ReportPatient,
  requestDelayCurve,
} from './targets.ts';
import { buildTimeline, type CampaignFrame } from './timeline.ts';

const MINUTE = MS_PER_MINUTE;
const PROGRAMMED: ReadonlySet<SessionType> = new Set([
  'PUBLIC_SCHEDULED',
  'PUBLIC_UNSCHEDULED',
  'LIBERAL',
  'PRIVATE',
  'OTHER_SPECIALTY',
]);

/** Age bands by category (A, H, R, U), per modality: inpatients older, MRI younger. */
const AGE_WEIGHTS: Record<Modality, readonly (readonly number[])[]> = {
  CT: [
    [0.04, 0.5, 0.3, 0.16],
    [0.03, 0.37, 0.33, 0.27],
    [0.03, 0.42, 0.35, 0.2],
    [0.06, 0.44, 0.24, 0.26],
  ],
  MR: [
    [0.08, 0.62, 0.23, 0.07],
    [0.06, 0.48, 0.32, 0.14],
    [0.08, 0.5, 0.3, 0.12],
    [0.07, 0.55, 0.26, 0.12],
  ],
};

interface ModalityCurves {
  duration: Curve[];
  report: Record<ReportPatient, Curve>;
  requestA: Curve;
  requestH: Curve;
  combos: ActCombo[];
}

const curveCache = new Map<Modality, ModalityCurves>();

function curvesOf(m: Modality): ModalityCurves {
  let c = curveCache.get(m);
  if (!c) {
    c = {
      duration: CATEGORIES.map((cat) => durationCurve(m, cat)),
      report: {
        outpatient: reportDelayCurve(m, 'outpatient'),
        inpatient: reportDelayCurve(m, 'inpatient'),
        emergency: reportDelayCurve(m, 'emergency'),
      },
      requestA: requestDelayCurve(m, 'A'),
      requestH: requestDelayCurve(m, 'H'),
      combos: combosOf(m),
    };
    curveCache.set(m, c);
  }
  return c;
}

const ceilMinute = (t: number): number => Math.ceil(t / MINUTE) * MINUTE;

/** Exams of one machine, and its sessions. */
export interface MachineData {
  sessions: Session[];
  exams: Exam[];
}

/**
 * Exams being built, as growable columns (a machine-year holds thousands: one object per exam
 * would only feed the garbage collector before the kit records are made).
 */
class Drafts {
  length = 0;
  category = new Uint8Array(1024);
  roomIn = new Float64Array(1024);
  roomOut = new Float64Array(1024);
  programmed = new Uint8Array(1024);
  /** Exam-level complexity latent (longer exams tend to carry heavier acts). */
  complexity = new Float64Array(1024);
  /** Booked minutes, NaN when not booked. */
  booked = new Float64Array(1024);

  push(
    category: number,
    roomIn: number,
    roomOut: number,
    programmed: boolean,
    complexity: number,
    booked: number,
  ): void {
    if (this.length === this.roomIn.length) this.#grow();
    const i = this.length++;
    this.category[i] = category;
    this.roomIn[i] = roomIn;
    this.roomOut[i] = roomOut;
    this.programmed[i] = programmed ? 1 : 0;
    this.complexity[i] = complexity;
    this.booked[i] = booked;
  }

  #grow(): void {
    const n = this.roomIn.length * 2;
    const grow = <T extends Uint8Array | Float64Array>(a: T, make: (n: number) => T): T => {
      const b = make(n);
      b.set(a);
      return b;
    };
    this.category = grow(this.category, (k) => new Uint8Array(k));
    this.roomIn = grow(this.roomIn, (k) => new Float64Array(k));
    this.roomOut = grow(this.roomOut, (k) => new Float64Array(k));
    this.programmed = grow(this.programmed, (k) => new Uint8Array(k));
    this.complexity = grow(this.complexity, (k) => new Float64Array(k));
    this.booked = grow(this.booked, (k) => new Float64Array(k));
  }
}

/**
 * Generates the sessions and exams of one machine. Deterministic: the same profile, frame and
 * seed always give the same records, whatever other machines were generated before.
 */
export function generateMachineData(
  profile: MachineProfile,
  frame: CampaignFrame,
  seed: number,
): MachineData {
  const rng = new Rng(deriveSeed(seed, 0x6d61, profile.index));
  const { sessions, strays } = buildTimeline(profile, frame, rng);
  const curves = curvesOf(profile.modality);
  const { clock } = frame;
  const modality = profile.modality;
  const rho = KNOBS.durationMachineShare[modality];
  const rhoSd = Math.sqrt(1 - rho * rho);
  const centres = CATEGORIES.map(
    (c) => KNOBS.durationLatentShift[modality][c] + rho * profile.durationLatent,
  );
  const shortShare = KNOBS.shortExamShare[modality];
  const drafts = new Drafts();
  let freeAt = -Infinity;

  // The last drawn duration: whole minutes (0-2 for a doubtful entry), exact value and latent.
  let minutes = 0;
  let exact = 0;
  let latent = 0;
  const drawDuration = (category: number): void => {
    latent = rng.normal();
    exact = evalCurve(
      curves.duration[category] as Curve,
      (centres[category] as number) + rhoSd * latent,
    );
    minutes = rng.chance(shortShare) ? rng.int(3) : Math.max(3, Math.round(exact));
  };
  const pickCategory = (mix: Mix): number => rng.weighted(mix);

  const emit = (category: number, roomIn: number, programmed: boolean, booked: number): void => {
    const roomOut = roomIn + minutes * MINUTE;
    drafts.push(category, roomIn, roomOut, programmed, 0.6 * latent + 0.8 * rng.normal(), booked);
    freeAt = roomOut;
  };

  /** Booked slot of a programmed outpatient or inpatient exam (NaN when none). */
  const bookedMinutes = (category: number): number => {
    if (category !== 0 && category !== 1) return NaN;
    if (rng.chance(0.05)) return NaN;
    return Math.max(5, Math.round((exact * Math.exp(0.2 * rng.normal())) / 5) * 5);
  };

  // Programmed sessions: patients one after the other, gaps sized to reach the target occupancy.
  let carry = 0;
  let lastProgrammedEnd = -Infinity;
  const fillSession = (
    s: Session,
    target: number,
    mix: Mix,
    programmed: boolean,
    idle: boolean,
  ): void => {
    const length = s.end - s.start;
    const contiguous = s.start - lastProgrammedEnd < 30 * MINUTE;
    if (programmed) lastProgrammedEnd = s.end;
    if (idle) {
      carry = 0;
      return;
    }
    const aim = Math.min(0.97 * length, Math.max(0, target * length + 0.5 * carry));
    const late =
      contiguous || rng.chance(0.25)
        ? 0
        : Math.min(60, rng.lognormal(profile.lateStartMinutes, 0.8));
    let t = ceilMinute(
      Math.max(s.start + late * MINUTE, freeAt + (freeAt > s.start - 10 * MINUTE ? MINUTE : 0)),
    );
    let busy = 0;
    const meanMs = profile.meanProgrammedMinutes * MINUTE;
    while (t < s.end) {
      const category = pickCategory(mix);
      drawDuration(category);
      const ms = minutes * MINUTE;
      if (minutes >= 3 && t + ms > s.end + 0.25 * ms) break;
      emit(category, t, programmed, programmed ? bookedMinutes(category) : NaN);
      if (minutes >= 3) busy += Math.min(t + ms, s.end) - t;
      const remainingBusy = aim - busy;
      const remainingTime = s.end - freeAt;
      if (remainingBusy <= 0 || remainingTime <= 0) break;
      const gapMean = Math.max(
        MINUTE,
        (remainingTime - remainingBusy) / (remainingBusy / meanMs + 0.5),
      );
      t =
        freeAt +
        Math.max(
          MINUTE,
          Math.round((gapMean * Math.exp(0.5 * rng.normal() - 0.125)) / MINUTE) * MINUTE,
        );
    }
    if (programmed) carry += target * length - busy;
  };

  // Emergency and on-call time: Poisson arrivals by local hour, served in order.
  const meanUrgent = profile.meanProgrammedMinutes * MINUTE;
  const rateAt = (t: number, s: Session): number => {
    if (s.type === 'EMERGENCY' && profile.kind !== 'emergency-dedicated')
      return profile.emergencyLoad / meanUrgent;
    const naive = clock.toNaive(t);
    const hour = Math.floor((((naive % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY) / 3_600_000);
    if (hour >= 20) return (profile.nightRate * 0.62) / (240 * MINUTE);
    if (hour < 7) return (profile.nightRate * 0.38) / (420 * MINUTE);
    return profile.dayRate / (60 * MINUTE);
  };
  const arrivals = (s: Session): void => {
    const maxRate = Math.max(
      s.type === 'EMERGENCY' && profile.kind !== 'emergency-dedicated'
        ? profile.emergencyLoad / meanUrgent
        : 0,
      (profile.nightRate * 0.62) / (240 * MINUTE),
      (profile.nightRate * 0.38) / (420 * MINUTE),
      profile.dayRate / (60 * MINUTE),
    );
    if (maxRate <= 0) return;
    let t = s.start;
    for (;;) {
      t += rng.exponential(1 / maxRate);
      if (t >= s.end) return;
      if (rng.float() * maxRate >= rateAt(t, s)) continue;
      const start = ceilMinute(Math.max(t, freeAt + MINUTE));
      if (start >= s.end) return;
      const category = pickCategory(profile.urgentMix);
      drawDuration(category);
      emit(category, start, false, NaN);
    }
  };

  let strayIndex = 0;
  const sparseIdle = profile.sparse ? 0.45 : 0;
  for (const s of sessions) {
    while (strayIndex < strays.length && (strays[strayIndex] as number) < s.start) {
      const at = strays[strayIndex++] as number;
      if (at > freeAt) {
        drawDuration(3);
        emit(3, at, false, NaN);
      }
    }
    if (PROGRAMMED.has(s.type)) {
      const occupancy = profile.sparse ? 0.3 : profile.occupancy;
      fillSession(s, occupancy, profile.programmedMix, true, rng.chance(sparseIdle));
    } else if (s.type === 'RESEARCH') {
      fillSession(s, 0.3, [1, 0, 0, 0], false, false);
    } else if (s.type === 'EMERGENCY' || s.type === 'ON_CALL') {
      arrivals(s);
    }
  }

  return { sessions, exams: finishExams(profile, drafts, sessions, frame, rng) };
}

/** Second pass: acts valued to the machine's ICR target, report and request times, ages, ids. */
function finishExams(
  profile: MachineProfile,
  drafts: Drafts,
  sessions: readonly Session[],
  frame: CampaignFrame,
  rng: Rng,
): Exam[] {
  const curves = curvesOf(profile.modality);
  const { clock } = frame;
  const n = drafts.length;
  let programmedMs = 0;
  for (const s of sessions) if (PROGRAMMED.has(s.type)) programmedMs += s.end - s.start;
  let programmedCount = 0;
  for (let i = 0; i < n; i++) programmedCount += drafts.programmed[i] as number;
  // Mean ICR per programmed exam that gives the machine its ICR per programmed hour.
  let perExam =
    programmedCount > 0
      ? (profile.icrPerHour * programmedMs) / 3_600_000 / programmedCount
      : profile.modality === 'CT'
        ? 55
        : 95;
  const sigma = 0.35;
  const spread = new Float64Array(n);
  for (let i = 0; i < n; i++)
    spread[i] = Math.exp(sigma * (drafts.complexity[i] as number) - (sigma * sigma) / 2);
  const combos: ActCombo[] = new Array(n);
  // Act combinations are discrete and clipped at both ends: a second pass corrects the mean.
  const wanted = perExam;
  for (let pass = 0; pass < 2; pass++) {
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const c = pickCombo(curves.combos, perExam * (spread[i] as number), rng);
      combos[i] = c;
      if (drafts.programmed[i]) sum += c.icr;
    }
    if (pass === 1 || programmedCount === 0 || sum <= 0) break;
    perExam *= (wanted * programmedCount) / sum;
  }

  const rhoR = KNOBS.reportMachineShare;
  const rhoRsd = Math.sqrt(1 - rhoR * rhoR);
  const ageWeights = AGE_WEIGHTS[profile.modality];
  const prefix = `${profile.equipmentId}-`;
  const exams: Exam[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const cat = drafts.category[i] as number;
    const category = CATEGORIES[cat] as Category;
    const roomIn = drafts.roomIn[i] as number;
    const roomOut = drafts.roomOut[i] as number;
    const patient: ReportPatient = cat === 0 ? 'outpatient' : cat === 3 ? 'emergency' : 'inpatient';
    let reportValidatedAt: number | null = null;
    if (!rng.chance(0.03)) {
      const z = rhoR * profile.reportLatent[patient] + rhoRsd * rng.normal();
      reportValidatedAt = roomOut + Math.round(evalCurve(curves.report[patient], z)) * MINUTE;
    }
    let requestedAt: number | null = null;
    if (cat <= 1) {
      if (!rng.chance(0.08)) {
        const days = Math.floor(
          evalCurve(cat === 0 ? curves.requestA : curves.requestH, rng.normal()),
        );
        if (days <= 0) requestedAt = roomIn - (30 + rng.int(270)) * MINUTE;
        else {
          // Asked for during office hours, `days` calendar days before the exam.
          const day = Math.floor(clock.toNaive(roomIn) / MS_PER_DAY) - days;
          requestedAt = clock.toInstantLenient(day * MS_PER_DAY + (8 * 60 + rng.int(600)) * MINUTE);
        }
      }
    } else if (!rng.chance(0.3)) requestedAt = roomIn - (10 + rng.int(110)) * MINUTE;
    const combo = combos[i] as ActCombo;
    const booked = drafts.booked[i] as number;
    exams[i] = {
      examId: prefix + String(i + 1).padStart(6, '0'),
      equipmentId: profile.equipmentId,
      category,
      roomIn,
      roomOut,
      // Exams with the same acts share one (never mutated) list.
      acts: combo.acts as string[],
      // A few sites send the ICR on the row rather than leaving it to the act table.
      icr: rng.chance(0.03) ? combo.icr : null,
      reportValidatedAt,
      requestedAt,
      scheduledMinutes: Number.isNaN(booked) ? null : booked,
      ageBand: rng.chance(0.01)
        ? null
        : (AGE_BANDS[rng.weighted(ageWeights[cat] as number[])] as AgeBand),
      // Drawn afterwards from a stream of its own (patients.ts); in the literal so that setting
      // it keeps the record's shape.
      patientKey: null,
    };
  }
  return exams;
}
