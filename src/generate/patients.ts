/**
 * Patient keys of the synthetic exams (planning.md §1, §6): every exam gets a keyed-hash-looking
 * key (32 hex digits drawn from a seeded stream of its own, so no other draw of the campaign
 * moves). Some exams re-use the key of an earlier exam of the same machine and act family (a
 * repeat within 30 days, more often for inpatients and emergencies), and at sites with both a CT
 * and an MR machine some patients are seen on both (a key shared across the two modalities,
 * drawn from the site's own stream of shared patients, so machines stay independent).
 */
import { examFamily, type ActFamily } from '../core/act-families.ts';
import type { Category, Exam, Modality } from '../core/kit-types.ts';
import { AGE_BANDS } from '../core/kit-types.ts';
import { deriveSeed, Rng } from './random.ts';

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** Stream purposes (deriveSeed parts): a machine's key draws, a site's shared patients. */
const KEYS_PURPOSE = 0x7a71;
const SHARED_PURPOSE = 0x5a7e;

/**
 * Chance that an exam repeats an earlier exam of its patient (same machine, same act family),
 * by category, and how far back the earlier exam may be (then at least `minGap` before).
 * ASSUMPTION (no published French rate found): inpatients and emergencies are re-imaged sooner
 * and more often (follow-up of a bleed, a post-operative check) than outpatients; the weights
 * give about 3–6 % of a campaign's exams, the order of magnitude of the repeat rates quoted in
 * the imaging-relevance literature.
 */
export const REPEAT_CHANCE: Readonly<Record<Category, number>> = {
  A: 0.03,
  H: 0.11,
  R: 0.09,
  U: 0.1,
};
const REPEAT_WINDOW: Readonly<Record<Category, number>> = {
  A: 28 * DAY,
  H: 10 * DAY,
  R: 14 * DAY,
  U: 5 * DAY,
};
const REPEAT_MIN_GAP: Readonly<Record<Category, number>> = {
  A: 2 * DAY,
  H: 4 * HOUR,
  R: 1 * DAY,
  U: 2 * HOUR,
};

interface RepeatRule {
  chance: number;
  window: number;
  minGap: number;
}
const rule = (c: Category): RepeatRule => ({
  chance: REPEAT_CHANCE[c],
  window: REPEAT_WINDOW[c],
  minGap: REPEAT_MIN_GAP[c],
});
const REPEAT: Readonly<Record<Category, RepeatRule>> = {
  A: rule('A'),
  H: rule('H'),
  R: rule('R'),
  U: rule('U'),
};

/**
 * Chance that a first exam at a site with both modalities is of a patient seen on the other
 * modality too (ASSUMPTION: neurological and spinal work-ups often take a CT then an MRI).
 */
const SHARED_CHANCE: Partial<Record<ActFamily, number>> = {
  head: 0.1,
  spine: 0.08,
  vascular: 0.05,
};
const SHARED_OTHER = 0.02;

/** Where a machine stands at its site, for the keys shared across modalities. */
export interface PatientFrame {
  /** Index of the machine's establishment in the plan (its shared-patient stream). */
  site: number;
  /** The machine's rank among the site's machines of its modality, and their number. */
  ordinal: number;
  peers: number;
  /** Whether the site has a machine of the other modality (patients may be seen on both). */
  shared: boolean;
  modality: Modality;
}

/** The frame of every machine of a plan, in the order of `equipment`. */
export function patientFrames(
  establishments: readonly { finess: string }[],
  equipment: readonly { finess: string; modality: Modality }[],
): PatientFrame[] {
  const site = new Map(establishments.map((e, i) => [e.finess, i]));
  const count = new Map<string, number>();
  const ordinal = equipment.map((e) => {
    const k = `${e.finess}\u0000${e.modality}`;
    const n = count.get(k) ?? 0;
    count.set(k, n + 1);
    return n;
  });
  return equipment.map((e, i) => {
    const other: Modality = e.modality === 'CT' ? 'MR' : 'CT';
    return {
      site: site.get(e.finess) ?? -1,
      ordinal: ordinal[i] as number,
      peers: count.get(`${e.finess}\u0000${e.modality}`) ?? 1,
      shared: (count.get(`${e.finess}\u0000${other}`) ?? 0) > 0 && site.has(e.finess),
      modality: e.modality,
    };
  });
}

const HEX_CODES = Array.from('0123456789abcdef', (c) => c.charCodeAt(0));
/** Character codes of the key being drawn (one flat string per key, no intermediate strings). */
const codes = new Array<number>(32).fill(0);

/**
 * A key of 32 lowercase hex digits from `rng` (four 32-bit draws): the shape of a keyed hash,
 * which `looksLikeRawIdentifier` accepts; never all digits (it would read as a number).
 */
export function drawPatientKey(rng: Rng): string {
  let letters = false;
  for (let w = 0; w < 4; w++) {
    let x = rng.uint32();
    for (let j = 7; j >= 0; j--) {
      const nibble = x & 15;
      if (nibble > 9) letters = true;
      codes[w * 8 + j] = HEX_CODES[nibble] as number;
      x >>>= 4;
    }
  }
  if (!letters) codes[0] = 0x66; // 'f'
  return String.fromCharCode.apply(null, codes);
}

/** The key of shared patient `n` of age band `band` at site `site` (the same from any machine). */
function sharedKey(seed: number, site: number, band: number, n: number): string {
  return drawPatientKey(new Rng(deriveSeed(seed, SHARED_PURPOSE, site, band, n)));
}

/**
 * Sets `patientKey` on every exam of one machine (in place), from the machine's own stream
 * (seed, machine index): the same exams always get the same keys, whatever other machines were
 * generated before. Exams are taken in room-entry order; a repeat takes the key of an earlier
 * exam of the same act family and age band within its category's window.
 */
export function assignPatientKeys(
  exams: Exam[],
  frame: PatientFrame,
  seed: number,
  index: number,
): void {
  const rng = new Rng(deriveSeed(seed, KEYS_PURPOSE, index));
  const n = exams.length;
  const order = new Uint32Array(n);
  let sorted = true;
  for (let i = 0; i < n; i++) {
    order[i] = i;
    if (i > 0 && (exams[i] as Exam).roomIn < (exams[i - 1] as Exam).roomIn) sorted = false;
  }
  if (!sorted) order.sort((a, b) => (exams[a] as Exam).roomIn - (exams[b] as Exam).roomIn || a - b);
  /** Per act list (exams with the same acts share one list): its family, share chance and exams seen so far. */
  const groups = new Map<readonly string[], Group>();
  const byFamily = new Map<ActFamily | null, number[]>();
  const nextShared = new Array<number>(AGE_BANDS.length).fill(0);
  // Patients of this machine as chains: each exam's chain, each chain's last room entry (a repeat
  // keeps its minimum gap to the patient's last exam).
  const chainOf = new Int32Array(n);
  const chainLast = new Float64Array(n);
  let chains = 0;
  for (let k = 0; k < n; k++) {
    const i = order[k] as number;
    const e = exams[i] as Exam;
    let group = groups.get(e.acts);
    if (group === undefined) {
      const family = examFamily(e.acts);
      let seen = byFamily.get(family);
      if (!seen) byFamily.set(family, (seen = []));
      group = {
        family,
        share: family === null ? 0 : (SHARED_CHANCE[family] ?? SHARED_OTHER),
        seen,
      };
      groups.set(e.acts, group);
    }
    const rule = REPEAT[e.category];
    let chain = -1;
    if (group.family !== null && rng.chance(rule.chance)) {
      const earlier = earlierExam(exams, group.seen, chainOf, chainLast, e, rule, rng);
      if (earlier >= 0) {
        chain = chainOf[earlier] as number;
        e.patientKey = (exams[earlier] as Exam).patientKey ?? null;
      }
    }
    if (chain < 0) {
      chain = chains++;
      const band = frame.shared && e.ageBand !== null ? AGE_BANDS.indexOf(e.ageBand) : -1;
      if (band >= 0 && rng.chance(group.share)) {
        // Shared patient m of the band is met once on each modality: this machine takes the
        // numbers m ≡ ordinal (mod peers), so two machines of one modality never share a patient.
        const slot = nextShared[band] as number;
        nextShared[band] = slot + 1;
        e.patientKey = sharedKey(seed, frame.site, band, frame.ordinal + frame.peers * slot);
      } else e.patientKey = drawPatientKey(rng);
    }
    chainOf[i] = chain;
    chainLast[chain] = e.roomIn;
    group.seen.push(i);
  }
}

interface Group {
  family: ActFamily | null;
  share: number;
  seen: number[];
}

/**
 * An earlier exam (its index) of the same family and age band (both maybe unknown) between
 * `window` and `minGap` before `e`, whose patient was last seen at least `minGap` before, picked
 * at random among a few tries; `-1` when none is found.
 */
function earlierExam(
  exams: readonly Exam[],
  seen: readonly number[],
  chainOf: Int32Array,
  chainLast: Float64Array,
  e: Exam,
  { window, minGap }: RepeatRule,
  rng: Rng,
): number {
  const from = lowerBound(exams, seen, e.roomIn - window);
  const to = lowerBound(exams, seen, e.roomIn - minGap + 1);
  if (to <= from) return -1;
  for (let t = 0; t < 4; t++) {
    const c = seen[from + rng.int(to - from)] as number;
    const candidate = exams[c] as Exam;
    if (
      candidate.ageBand === e.ageBand &&
      (chainLast[chainOf[c] as number] as number) <= e.roomIn - minGap
    )
      return c;
  }
  return -1;
}

/** First position of `seen` (exam indexes sorted by roomIn) whose exam enters at or after `t`. */
function lowerBound(exams: readonly Exam[], seen: readonly number[], t: number): number {
  let lo = 0;
  let hi = seen.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((exams[seen[mid] as number] as Exam).roomIn < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
