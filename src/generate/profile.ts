/**
 * Machine profiles: what each machine of the panel is like (scheduled-centred or
 * emergency-dedicated, on-call or not, quiet or busy nights) and the targets it is generated
 * towards. Figures compared across machines get stratified ranks, so their percentiles land on
 * the published ones whatever the seed; exam-level latents are balanced against exam counts.
 */
import type { Category, LegalStatus, Modality } from '../core/kit-types.ts';
import { CATEGORIES } from '../core/kit-types.ts';
import type { PanelMachine } from './panel.ts';
import { balancedScores, evalCurve, type Rng, stratifiedScores } from './random.ts';
import {
  durationCurve,
  icrPerHourCurve,
  KNOBS,
  occupancyCurve,
  openingCurve,
  passagesCurve,
} from './targets.ts';
import { buildWeek, type WeekGrid } from './week.ts';

/** How a machine spends the time outside its staffed sessions. */
export type OnCallMode = 'full' | 'weeknights' | 'none';
/** Night activity class aimed at (report: strong ≥ 10 per weekday night, low ≤ 5 per week). */
export type NightClass = 'strong' | 'moderate' | 'low';

/** Category mix, probabilities in CATEGORIES order (A, H, R, U). */
export type Mix = readonly [number, number, number, number];

export interface MachineProfile {
  index: number;
  equipmentId: string;
  finess: string;
  modality: Modality;
  legalStatus: LegalStatus;
  /** `emergency-dedicated` CTs run emergency sessions around the clock. */
  kind: 'scheduled' | 'emergency-dedicated';
  /** Programmed sessions largely empty: the machine fails the occupancy inclusion rule. */
  sparse: boolean;
  grid: WeekGrid;
  /** Programmed and emergency hours per week aimed at. */
  programmedHours: number;
  emergencyHours: number;
  onCall: OnCallMode;
  nightClass: NightClass;
  /** Expected exams per night (20:00-07:00) in on-call or emergency time. */
  nightRate: number;
  /** Expected exams per hour in daytime on-call or round-the-clock emergency time. */
  dayRate: number;
  /** Share of emergency-session time with a patient in the room. */
  emergencyLoad: number;
  /** Occupancy of programmed time aimed at. */
  occupancy: number;
  /** ICR per programmed hour aimed at. */
  icrPerHour: number;
  /** Passages per week aimed at (what sets the machine's exam durations). */
  passagesPerWeek: number;
  /** Of which expected outside programmed sessions (on-call, emergency sessions). */
  extraPerWeek: number;
  programmedMix: Mix;
  urgentMix: Mix;
  /** Machine-level normal scores of exam durations and report delays. */
  durationLatent: number;
  reportLatent: { outpatient: number; inpatient: number; emergency: number };
  /** Mean programmed exam duration (minutes) implied by the mix and the duration latent. */
  meanProgrammedMinutes: number;
  /** Median late start of a session (minutes). */
  lateStartMinutes: number;
  /** Breakdowns expected per 28 days. */
  breakdownRate: number;
}

const MIXES: Record<
  Modality,
  Record<'public' | 'gie' | 'private' | 'emergency' | 'urgent', Mix>
> = {
  CT: {
    public: [0.45, 0.34, 0.05, 0.16],
    gie: [0.6, 0.22, 0.03, 0.15],
    private: [0.72, 0.16, 0.02, 0.1],
    emergency: [0.2, 0.5, 0.1, 0.2],
    urgent: [0.02, 0.14, 0.07, 0.77],
  },
  MR: {
    public: [0.7, 0.25, 0.02, 0.03],
    gie: [0.8, 0.16, 0.015, 0.025],
    private: [0.86, 0.11, 0.01, 0.02],
    emergency: [0.5, 0.4, 0.05, 0.05],
    urgent: [0.1, 0.45, 0.1, 0.35],
  },
};

function statusGroup(status: LegalStatus): 'public' | 'gie' | 'private' {
  if (status === 'PRIVATE' || status === 'LIBERAL') return 'private';
  if (status === 'GIE' || status === 'GCS') return 'gie';
  return 'public';
}

/** A mix with each share moved by a lognormal factor, renormalised. */
function jitter(mix: Mix, rng: Rng, sigma = 0.25): Mix {
  const v = mix.map((p) => p * Math.exp(sigma * rng.normal()));
  const s = v.reduce((a, b) => a + b, 0);
  return [(v[0] as number) / s, (v[1] as number) / s, (v[2] as number) / s, (v[3] as number) / s];
}

/** Weighted choice of `k` items without replacement (Efraimidis-Spirakis keys). */
function chooseWeighted(
  items: readonly number[],
  weight: (i: number) => number,
  k: number,
  rng: Rng,
): Set<number> {
  const keyed = items
    .map((i) => {
      const w = weight(i);
      return { i, key: w > 0 ? Math.log(rng.open()) / w : -Infinity };
    })
    .sort((a, b) => b.key - a.key || a.i - b.i);
  return new Set(keyed.slice(0, k).map((x) => x.i));
}

const BIG_PUBLIC: ReadonlySet<LegalStatus> = new Set(['CHU', 'CHU_APHP', 'CHU_APHM']);

/** Shares of the CT panel in each role, from the report (rare emergency CTs, 10 excluded of 326…). */
const CT_SHARES = {
  emergencyDedicated: 14 / 326,
  emergencyWithoutProgrammed: 6 / 326,
  sparse: 4 / 326,
  significantOnCall: 0.7,
  strongNight: 0.065,
  lowNight: 2 / 3,
};
const MR_SIGNIFICANT_ON_CALL = 0.21;

const meanTables = new Map<string, Float64Array>();
const TABLE_LO = -4;
const TABLE_STEP = 0.02;
const TABLE_SIZE = 401;

/**
 * Mean of a duration curve over exam latents N(shift + ρ·ζ, 1 − ρ²), by a 41-point rule on
 * the normal density: what one machine's exams of a category last on average. Tabulated once
 * per modality and category over ζ in [−4, 4], then interpolated.
 */
function meanDuration(modality: Modality, c: Category, machineLatent: number): number {
  let table = meanTables.get(modality + c);
  if (!table) {
    table = new Float64Array(TABLE_SIZE);
    const rho = KNOBS.durationMachineShare[modality];
    const curve = durationCurve(modality, c);
    const sd = Math.sqrt(1 - rho * rho);
    for (let t = 0; t < TABLE_SIZE; t++) {
      const centre = KNOBS.durationLatentShift[modality][c] + rho * (TABLE_LO + t * TABLE_STEP);
      let sum = 0;
      let weights = 0;
      for (let k = -20; k <= 20; k++) {
        const z = k / 5;
        const w = Math.exp(-0.5 * z * z);
        sum += w * evalCurve(curve, centre + sd * z);
        weights += w;
      }
      table[t] = sum / weights;
    }
    meanTables.set(modality + c, table);
  }
  const x = Math.min(TABLE_SIZE - 1.000001, Math.max(0, (machineLatent - TABLE_LO) / TABLE_STEP));
  const i = Math.floor(x);
  return (table[i] as number) + (x - i) * ((table[i + 1] as number) - (table[i] as number));
}

/** Mean duration of a mix. */
export function meanMixDuration(modality: Modality, mix: Mix, machineLatent: number): number {
  return CATEGORIES.reduce(
    (s, c, i) => s + (mix[i] as number) * meanDuration(modality, c, machineLatent),
    0,
  );
}

/**
 * Expected exams per week outside programmed sessions (on-call, emergency sessions) from the
 * weekly grid and the machine's rates, on a 15-minute raster of the week: what the passages
 * target must leave to programmed time.
 */
function expectedExtraPerWeek(
  p: Omit<MachineProfile, 'durationLatent' | 'meanProgrammedMinutes' | 'reportLatent'>,
  urgentMinutes: number,
): number {
  const step = 15;
  let total = 0;
  for (let w = 0; w < 7; w++) {
    const day = p.grid.days[w] ?? [];
    for (let m = 0; m < 1440; m += step) {
      const block = day.find((b) => b.start <= m && m < b.end);
      const hour = m / 60;
      const hourly =
        hour >= 20 ? (p.nightRate * 0.62) / 4 : hour < 7 ? (p.nightRate * 0.38) / 7 : p.dayRate;
      if (block) {
        if (block.type === 'EMERGENCY')
          total +=
            ((p.emergencyLoad * step) / urgentMinutes) * (p.kind === 'emergency-dedicated' ? 0 : 1);
        continue;
      }
      const dedicated = p.kind === 'emergency-dedicated';
      // Night of weekday D runs into D+1 before 08:00.
      const nightOf = m < 8 * 60 ? (w + 6) % 7 : w;
      const covered =
        dedicated ||
        p.onCall === 'full' ||
        (p.onCall === 'weeknights' && nightOf >= 1 && nightOf <= 5 && (m >= 20 * 60 || m < 8 * 60));
      if (covered) total += (hourly * step) / 60;
    }
  }
  return total;
}

/** The machine latent whose mean mix duration is `minutes` (bisection; clamped to ±3). */
function latentForMean(modality: Modality, mix: Mix, minutes: number): number {
  let lo = -3;
  let hi = 3;
  if (meanMixDuration(modality, mix, lo) >= minutes) return lo;
  if (meanMixDuration(modality, mix, hi) <= minutes) return hi;
  for (let k = 0; k < 30; k++) {
    const mid = (lo + hi) / 2;
    if (meanMixDuration(modality, mix, mid) < minutes) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** Draws the profile of every machine of the panel (one modality at a time, stratified). */
export function drawProfiles(machines: readonly PanelMachine[], rng: Rng): MachineProfile[] {
  const profiles: MachineProfile[] = new Array(machines.length);
  for (const modality of ['CT', 'MR'] as const) {
    const idx = machines
      .map((m, i) => (m.equipment.modality === modality ? i : -1))
      .filter((i) => i >= 0);
    const n = idx.length;
    if (n === 0) continue;
    const at = (i: number): PanelMachine => machines[i] as PanelMachine;
    const status = (i: number): LegalStatus => at(i).establishment.legalStatus;

    // Roles (CT): a few emergency-dedicated machines, mostly the second CT of big hospitals.
    let emergency = new Set<number>();
    let withoutProgrammed = new Set<number>();
    let sparse = new Set<number>();
    if (modality === 'CT') {
      const k = Math.round(n * CT_SHARES.emergencyDedicated);
      emergency = chooseWeighted(
        idx,
        (i) =>
          (BIG_PUBLIC.has(status(i))
            ? 6
            : status(i) === 'CH'
              ? 2
              : status(i) === 'ESPIC'
                ? 1
                : 0.3) * (at(i).rankInSite > 0 ? 4 : 1),
        k,
        rng,
      );
      const list = [...emergency];
      const kNo = Math.min(list.length, Math.round(n * CT_SHARES.emergencyWithoutProgrammed));
      withoutProgrammed = new Set(list.slice(0, kNo));
      sparse = new Set(
        list.slice(kNo, kNo + Math.min(list.length - kNo, Math.round(n * CT_SHARES.sparse))),
      );
    }

    // Programmed opening: stratified over the modality; emergency-dedicated CTs take the lowest ranks.
    const zH = idx.map((i) => rng.normal() - (emergency.has(i) ? 100 : 0));
    const zHs = stratifiedScores(zH);
    const hours = zHs.map((z) => evalCurve(openingCurve(modality), z));

    // Occupancy: stratified over the machines meant to pass the inclusion rule, correlated with opening.
    const r = KNOBS.openingOccupancyCorrelation;
    const included = idx.map((i) => !withoutProgrammed.has(i) && !sparse.has(i));
    const zO = idx.map((_, k) => r * (zHs[k] as number) + Math.sqrt(1 - r * r) * rng.normal());
    const inc = idx.map((_, k) => k).filter((k) => included[k]);
    const occScores = stratifiedScores(inc.map((k) => zO[k] as number));
    const occupancy = idx.map(() => 0.3);
    inc.forEach(
      (k, j) => (occupancy[k] = evalCurve(occupancyCurve(modality), occScores[j] as number)),
    );

    // On-call and nights.
    const onCall = new Map<number, OnCallMode>();
    const night = new Map<number, NightClass>();
    const progHours = new Map(
      idx.map((i, k) => [i, withoutProgrammed.has(i) ? 0 : (hours[k] as number)]),
    );
    if (modality === 'CT') {
      const scheduled = idx.filter((i) => !emergency.has(i));
      const nSig = Math.max(0, Math.round(n * CT_SHARES.significantOnCall) - emergency.size);
      // Long programmed openings leave under 90 h a week for on-call: those sites hand it over.
      const sig = chooseWeighted(
        scheduled,
        (i) =>
          ((progHours.get(i) ?? 0) > 66 ? 0.02 : 1) *
          statusOnCallWeight(status(i)) *
          (at(i).rankInSite > 0 ? 0.5 : 1),
        nSig,
        rng,
      );
      const nStrong = Math.max(0, Math.round(n * CT_SHARES.strongNight) - emergency.size);
      const nLow = Math.round(n * CT_SHARES.lowNight);
      const strong = chooseWeighted(
        [...sig],
        (i) => (BIG_PUBLIC.has(status(i)) ? 5 : 1),
        nStrong,
        rng,
      );
      const nModerate = Math.max(0, n - nLow - nStrong - emergency.size);
      const moderate = chooseWeighted(
        [...sig].filter((i) => !strong.has(i)),
        (i) => (statusGroup(status(i)) === 'public' ? 2 : 1),
        nModerate,
        rng,
      );
      for (const i of idx) {
        if (emergency.has(i)) {
          onCall.set(i, 'full');
          night.set(i, 'strong');
        } else if (sig.has(i)) {
          onCall.set(i, 'full');
          night.set(i, strong.has(i) ? 'strong' : moderate.has(i) ? 'moderate' : 'low');
        } else {
          onCall.set(i, rng.chance(0.4) ? 'weeknights' : 'none');
          night.set(i, 'low');
        }
      }
    } else {
      const nSig = Math.round(n * MR_SIGNIFICANT_ON_CALL);
      const sig = chooseWeighted(
        idx,
        (i) =>
          ((progHours.get(i) ?? 0) > 70 ? 0.02 : 1) *
          (BIG_PUBLIC.has(status(i)) ? 4 : status(i) === 'CH' ? 2 : 0.6),
        nSig,
        rng,
      );
      for (const i of idx) {
        onCall.set(i, sig.has(i) ? 'full' : rng.chance(0.1) ? 'weeknights' : 'none');
        night.set(i, 'low');
      }
    }

    // Grids, rates and mixes: everything but the exam-level latents.
    type ProfileDraft = Omit<
      MachineProfile,
      'durationLatent' | 'meanProgrammedMinutes' | 'reportLatent'
    >;
    const partial: ProfileDraft[] = idx.map((i, k) => {
      const m = at(i);
      const st = status(i);
      const isEmergency = emergency.has(i);
      const nightClass = night.get(i) ?? 'low';
      const mode = onCall.get(i) ?? 'none';
      const programmedHours = progHours.get(i) ?? 0;
      let emergencyHours = 0;
      if (modality === 'CT' && !isEmergency) {
        // A quarter of scheduled CTs take emergencies within programmed or on-call time only.
        const u = rng.float();
        emergencyHours = u < 0.3 ? 0 : 2 + 16 * ((u - 0.3) / 0.7) ** 1.6;
      } else if (modality === 'MR' && rng.chance(0.5)) emergencyHours = rng.uniform(1, 5);
      const latestEnd = modality === 'MR' ? 22 * 60 : nightClass === 'low' ? 20 * 60 : 21 * 60;
      const grid = buildWeek(
        {
          modality,
          legalStatus: st,
          programmedHours,
          emergencyHours,
          latestEnd,
          reconditioning: rng.chance(0.3),
          research: BIG_PUBLIC.has(st) && rng.chance(modality === 'MR' ? 0.35 : 0.1),
        },
        rng,
      );
      let nightRate: number;
      let dayRate: number;
      if (modality === 'CT') {
        if (nightClass === 'strong') {
          nightRate = rng.uniform(12.5, 19);
          dayRate = isEmergency ? rng.uniform(0.9, 1.5) : rng.uniform(0.6, 1.2);
        } else if (nightClass === 'moderate') {
          nightRate = rng.uniform(9, 36) / 7;
          dayRate = rng.uniform(0.1, 0.35);
        } else {
          nightRate = mode === 'none' ? 0 : rng.uniform(0.5, 3) / 7;
          dayRate = mode === 'full' ? rng.uniform(0.05, 0.3) : 0.05;
        }
      } else {
        nightRate = mode === 'none' ? 0 : rng.uniform(0.1, 0.5);
        dayRate = mode === 'full' ? rng.uniform(0.05, 0.25) : 0.05;
      }
      const group = isEmergency ? 'emergency' : statusGroup(st);
      const research = grid.days.some((d) => d.some((b) => b.type === 'RESEARCH'));
      // A few second CTs of university hospitals are kept for interventional work.
      const interventional =
        modality === 'CT' && BIG_PUBLIC.has(st) && m.rankInSite > 0 && rng.chance(0.2);
      m.equipment.role = isEmergency
        ? 'emergency'
        : interventional
          ? 'interventional'
          : modality === 'MR' && research
            ? 'research'
            : 'general';
      return {
        index: i,
        equipmentId: m.equipment.equipmentId,
        finess: m.equipment.finess,
        modality,
        legalStatus: st,
        kind: isEmergency ? 'emergency-dedicated' : 'scheduled',
        sparse: sparse.has(i),
        grid,
        programmedHours,
        emergencyHours,
        onCall: mode,
        nightClass,
        nightRate,
        dayRate,
        emergencyLoad: modality === 'CT' ? rng.uniform(0.4, 0.7) : rng.uniform(0.2, 0.45),
        occupancy: occupancy[k] as number,
        icrPerHour: 0,
        passagesPerWeek: 0,
        extraPerWeek: 0,
        programmedMix: jitter(MIXES[modality][group], rng),
        urgentMix: jitter(MIXES[modality].urgent, rng, 0.15),
        lateStartMinutes: modality === 'CT' ? rng.uniform(2, 10) : rng.uniform(3, 12),
        breakdownRate: rng.uniform(0, 0.5),
      } satisfies ProfileDraft;
    });

    // Passages per week: stratified targets, correlated with opening and occupancy; machines
    // that work around the clock take the top ranks. What programmed time must produce sets how
    // long the machine's exams last (its duration latent).
    const [a, b] = KNOBS.passagesCorrelation[modality];
    const zP = idx.map(
      (i, k) =>
        a * (zHs[k] as number) +
        b * (zO[k] as number) +
        Math.sqrt(Math.max(0, 1 - a * a - b * b)) * rng.normal() +
        (emergency.has(i) || night.get(i) === 'strong' ? 100 : 0),
    );
    const passages = stratifiedScores(zP).map((z) => evalCurve(passagesCurve(modality), z));
    const extras = partial.map((p) =>
      expectedExtraPerWeek(p, meanMixDuration(modality, p.urgentMix, 0)),
    );
    const durationLatent = partial.map((p, k) => {
      const extra = extras[k] as number;
      const programmedExams =
        ((passages[k] as number) - extra) /
        (1 + KNOBS.shortExamShare[modality]) /
        KNOBS.programmedCountBias;
      if (p.programmedHours <= 0 || p.sparse || programmedExams < 0.25 * (passages[k] as number))
        return rng.normal() * 0.5;
      return latentForMean(
        modality,
        p.programmedMix,
        (p.programmedHours * p.occupancy * 60) / programmedExams,
      );
    });

    // ICR per hour: follows occupancy and throughput (short exams, more of them), stratified over included machines.
    const zI = idx.map(
      (_, k) =>
        0.45 * (zO[k] as number) - 0.35 * (durationLatent[k] as number) + 0.82 * rng.normal(),
    );
    const icrScores = stratifiedScores(inc.map((k) => zI[k] as number));
    const icr = idx.map(() => evalCurve(icrPerHourCurve(modality), rng.normal()));
    inc.forEach((k, j) => (icr[k] = evalCurve(icrPerHourCurve(modality), icrScores[j] as number)));

    // Report latents, balanced against the machine's outpatient and inpatient volumes.
    const repA = balancedScores(
      partial.map((p, k) => (passages[k] as number) * p.programmedMix[0]),
      rng,
    );
    const repH = balancedScores(
      partial.map((p, k) => (passages[k] as number) * (p.programmedMix[1] + p.programmedMix[2])),
      rng,
    );
    partial.forEach((p, k) => {
      const latent = durationLatent[k] as number;
      profiles[p.index] = {
        ...p,
        icrPerHour: icr[k] as number,
        passagesPerWeek: passages[k] as number,
        extraPerWeek: extras[k] as number,
        durationLatent: latent,
        reportLatent: {
          outpatient: repA[k] as number,
          inpatient: repH[k] as number,
          emergency: rng.normal(),
        },
        meanProgrammedMinutes: meanMixDuration(modality, p.programmedMix, latent),
      };
    });
  }
  return profiles;
}

function statusOnCallWeight(status: LegalStatus): number {
  switch (status) {
    case 'CH':
    case 'CHU':
    case 'CHU_APHP':
    case 'CHU_APHM':
    case 'HIA':
      return 3;
    case 'ESPIC':
      return 2;
    case 'PRIVATE':
      return 1.2;
    case 'GIE':
    case 'GCS':
      return 0.8;
    case 'LIBERAL':
      return 0.3;
  }
}
