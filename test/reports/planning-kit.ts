// A small campaign for the reports' planning sections, every figure checkable by hand. 14 days
// from Monday 2010-03-01 (Europe/Paris, no DST, no holiday): PDS hours 5 × 12 = 60 a week at
// night, 48 at weekends. Sites (region Hauts-de-France but D):
//   A 590000001 (59): CT-A, MR-A — head CT 30 scheduled + 10 U, head MR 10 scheduled:
//     shares all 40/50 = 80 %, scheduled 30/40 = 75 %, emergency 10/10 = 100 %
//   B 620000002 (62): CT-B, MR-B — head CT 10 + 5 U, head MR 30 + 5 U: 30 %, 25 %, 50 %
//   C 800000003 (80): CT-C only — 10 head CT: not a peer
//   D 750000004 (75, Île-de-France): CT-D, MR-D — head CT 20 + 4 U, MR 20 + 4 U: 50 %, 50 %, 50 %
// Peers A, B, D (type 7): all P20 38 %, P50 50 %, P80 68 %; A ranks (2 + ½)/3 = 83rd and is
// flagged in all three scopes (scheduled P80 65 %, emergency P80 80 %).
// PDS exams (whole-body acts, U): CT-A 6 at night + 4 at weekends, MR-A 2 at weekends, CT-B 2 at
// night, CT-C 4 at weekends: per week (÷ 2) 59: CT 3 night, 2 weekend, MR 1 weekend (6);
// 62: CT 1 night (1); 80: CT 2 weekend (2); region 9.
// Site A has 50 + 12 = 62 exams: 30 with a request time (without: 32/62 = 51.6 %), 40 with a
// booked length (without: 22/62 = 35.5 %); MR-A's 10 head exams carry patient keys, two of them
// the second exam of a patient later that day: repeats 2/10 = 20 %.
// Costs (input): CT-A only (MR-A has no row): purchase 700,000 over 7 years (installed year
// unknown: counted), maintenance 60,000, staff 400,000, overhead 100,000, consumables 20 an exam.
// 50 exams in 14 days = 1,303.57 a year → 686,071.43 € a year; programmed 50 h/week × 52 = 2,600 h
// → 263.87 €/h; 526.30 €/exam; ICR 100 an exam → 130,357.14 a year → 5.26 €/ICR point; tier 0,
// 11,000 − 1,303.57 = 9,696 exams to tier 1.
import type { CostSet, Kit } from '../../src/core/kit-types.ts';
import type { MiniExam, MiniMachine } from '../helpers/build-kit.ts';
import { buildKit } from '../helpers/build-kit.ts';

export const SITE_A = '590000001';
export const SITE_B = '620000002';
export const SITE_C = '800000003';
export const SITE_D = '750000004';

const HEAD_CT = ['ACQK001'];
const HEAD_MR = ['ACQN001'];
const BODY = ['ZZQH033'];

/** The 10 weekdays of the campaign. */
const WEEKDAYS = ['01', '02', '03', '04', '05', '08', '09', '10', '11', '12'].map(
  (d) => `2010-03-${d}`,
);

const clock = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** `n` daytime exams laid 20 minutes apart from 08:00, 20 a weekday, going on from `from.k`. */
function daytime(n: number, shape: Partial<MiniExam>, from: { k: number }): MiniExam[] {
  const out: MiniExam[] = [];
  for (let i = 0; i < n; i++, from.k++) {
    const day = WEEKDAYS[Math.floor(from.k / 20) % WEEKDAYS.length]!;
    const start = 8 * 60 + 20 * (from.k % 20);
    out.push({ in: `${day}T${clock(start)}`, out: `${day}T${clock(start + 15)}`, ...shape });
  }
  return out;
}

/** `n` PDS exams of 15 minutes: at night (22:00 + 20 min steps on weekdays) or at weekends (Saturday 10:00…). */
function pds(n: number, period: 'night' | 'weekend'): MiniExam[] {
  const out: MiniExam[] = [];
  for (let i = 0; i < n; i++) {
    const day =
      period === 'night'
        ? WEEKDAYS[i % WEEKDAYS.length]!
        : ['2010-03-06', '2010-03-07', '2010-03-13', '2010-03-14'][i % 4]!;
    const start =
      (period === 'night' ? 22 * 60 : 10 * 60) + 20 * Math.floor(i / (period === 'night' ? 10 : 4));
    out.push({
      in: `${day}T${clock(start)}`,
      out: `${day}T${clock(start + 15)}`,
      cat: 'U',
      acts: BODY,
    });
  }
  return out;
}

function machine(
  id: string,
  finess: string,
  modality: 'CT' | 'MR',
  exams: MiniExam[],
): MiniMachine {
  return {
    id,
    finess,
    modality,
    sessions: WEEKDAYS.map((d): [string, string, 'PUBLIC_SCHEDULED'] => [
      `${d}T08:00`,
      `${d}T18:00`,
      'PUBLIC_SCHEDULED',
    ]),
    exams,
  };
}

function headMachine(
  id: string,
  finess: string,
  modality: 'CT' | 'MR',
  scheduled: number,
  emergency: number,
  extra: MiniExam[] = [],
  shape: Partial<MiniExam> = {},
): MiniMachine {
  const k = { k: 0 };
  const acts = modality === 'CT' ? HEAD_CT : HEAD_MR;
  return machine(id, finess, modality, [
    ...daytime(scheduled, { cat: 'A', acts, ...shape }, k),
    ...daytime(emergency, { cat: 'U', acts }, k),
    ...extra,
  ]);
}

/** The costs of CT-A (MR-A has no row). */
export function planningCosts(origin: CostSet['origin'] = 'input'): CostSet {
  return {
    origin,
    rows: [
      {
        equipmentId: 'CT-A',
        purchasePrice: 700_000,
        amortisationYears: 7,
        maintenance: 60_000,
        staff: 400_000,
        consumablesPerExam: 20,
        overhead: 100_000,
      },
    ],
  };
}

const KEYS = Array.from({ length: 8 }, (_, i) => `abcdef${i}`.repeat(10).slice(0, 64));

/** The kit (with costs and patient keys unless told otherwise). */
export function planningKit(options: { costs?: CostSet | null; keys?: boolean } = {}): Kit {
  const kit = buildKit(
    [
      headMachine('CT-A', SITE_A, 'CT', 30, 10, [...pds(6, 'night'), ...pds(4, 'weekend')], {
        requested: '2010-02-15T09:00',
        booked: 15,
      }),
      headMachine('MR-A', SITE_A, 'MR', 10, 0, pds(2, 'weekend'), { booked: 15 }),
      headMachine('CT-B', SITE_B, 'CT', 10, 5, pds(2, 'night')),
      headMachine('MR-B', SITE_B, 'MR', 30, 5),
      headMachine('CT-C', SITE_C, 'CT', 10, 0, pds(4, 'weekend')),
      headMachine('CT-D', SITE_D, 'CT', 20, 4),
      headMachine('MR-D', SITE_D, 'MR', 20, 4),
    ],
    { id: 'planning', name: 'Campagne de planification', days: 14 },
  );
  const places: Record<string, [string, string, string]> = {
    [SITE_A]: ['Centre hospitalier A', 'Hauts-de-France', '59'],
    [SITE_B]: ['Centre hospitalier B', 'Hauts-de-France', '62'],
    [SITE_C]: ['Clinique C', 'Hauts-de-France', '80'],
    [SITE_D]: ['Hôpital D', 'Île-de-France', '75'],
  };
  for (const e of kit.establishments) {
    const [name, region, department] = places[e.finess]!;
    Object.assign(e, { name, region, department });
  }
  if (options.keys !== false) {
    // MR-A's 10 head exams (all on 1 March): 8 patients, the first two seen again later that day.
    const head = kit.exams.filter((x) => x.equipmentId === 'MR-A' && x.category === 'A');
    head.forEach((x, i) => (x.patientKey = KEYS[i < 8 ? i : i - 8]));
  }
  const costs = options.costs === undefined ? planningCosts() : options.costs;
  if (costs) kit.costs = costs;
  return kit;
}
