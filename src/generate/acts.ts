/**
 * The synthetic act table: CCAM-style CT and MRI act codes with ILLUSTRATIVE ICR values (not
 * the official CCAM ICR), and the act combinations an exam can carry, sorted by their summed
 * ICR so that an exam's acts can be picked to give a machine the ICR per hour it aims for.
 */
import type { Act, Modality } from '../core/kit-types.ts';
import type { Rng } from './random.ts';

/** Appended to every label: these values only make the synthetic campaign coherent. */
export const ILLUSTRATIVE = ' [ICR illustratif, non officiel]';

const CT_ACTS: readonly (readonly [string, string, number])[] = [
  [
    'LFQK001',
    "Scanographie d'un segment de la colonne vertébrale, sans injection de produit de contraste",
    30,
  ],
  [
    'ACQK001',
    'Scanographie du crâne et de son contenu, sans injection de produit de contraste',
    34,
  ],
  ['ZBQK001', 'Scanographie du thorax, sans injection de produit de contraste', 40],
  [
    'ZCQK002',
    "Scanographie de l'abdomen et du petit bassin, sans injection de produit de contraste",
    46,
  ],
  [
    'ACQH003',
    'Scanographie du crâne et de son contenu, avec injection intraveineuse de produit de contraste',
    50,
  ],
  ['ZBQH001', 'Scanographie du thorax, avec injection intraveineuse de produit de contraste', 56],
  [
    'ZCQH001',
    "Scanographie de l'abdomen et du petit bassin, avec injection intraveineuse de produit de contraste",
    64,
  ],
  ['ECQH010', 'Scanographie des vaisseaux du thorax et/ou du cœur [Angioscanner thoracique]', 78],
  [
    'ZZQH033',
    "Scanographie du thorax, de l'abdomen et du petit bassin, avec injection intraveineuse de produit de contraste",
    90,
  ],
  [
    'ACQH002',
    'Scanographie du crâne, de son contenu et du thorax, avec injection intraveineuse de produit de contraste',
    98,
  ],
  [
    'ECQH011',
    "Scanographie des vaisseaux du thorax et/ou du cœur, avec scanographie des vaisseaux de l'abdomen et/ou du petit bassin",
    112,
  ],
  [
    'ACQH004',
    'Scanographie du crâne, de son contenu et du tronc, avec injection intraveineuse de produit de contraste',
    126,
  ],
];

const MR_ACTS: readonly (readonly [string, string, number])[] = [
  ['NZQN001', 'Remnographie du genou, sans injection de produit de contraste', 56],
  ['MZQN001', "Remnographie de l'épaule, sans injection de produit de contraste", 60],
  [
    'LFQN001',
    "Remnographie d'un segment de la colonne vertébrale, sans injection de produit de contraste",
    64,
  ],
  [
    'ACQN001',
    'Remnographie du crâne et de son contenu, sans injection de produit de contraste',
    70,
  ],
  [
    'LFQJ001',
    "Remnographie d'un segment de la colonne vertébrale, avec injection intraveineuse de produit de contraste",
    82,
  ],
  ['ZCQN001', "Remnographie de l'abdomen, sans injection de produit de contraste", 84],
  [
    'ACQJ002',
    'Remnographie du crâne et de son contenu, avec injection intraveineuse de produit de contraste',
    90,
  ],
  [
    'EBQJ001',
    'Remnographie des vaisseaux cervicaux et intracrâniens, avec injection de produit de contraste',
    98,
  ],
  [
    'ZCQJ004',
    "Remnographie de l'abdomen, avec injection intraveineuse de produit de contraste",
    104,
  ],
  [
    'JJQJ001',
    'Remnographie du petit bassin [pelvis], avec injection intraveineuse de produit de contraste',
    110,
  ],
];

/** The act table written to acts.csv. */
export function actTable(): Act[] {
  return [...CT_ACTS, ...MR_ACTS].map(([code, label, icr]) => ({
    code,
    label: label + ILLUSTRATIVE,
    icr,
  }));
}

/** An exam's act list and its ICR. */
export interface ActCombo {
  acts: readonly string[];
  icr: number;
}

/** Exams with several acts group regions that are commonly explored together. */
const CT_PAIRS: readonly (readonly string[])[] = [
  ['ACQK001', 'LFQK001'],
  ['ACQK001', 'ZBQK001'],
  ['ACQH003', 'ZBQH001'],
  ['ZBQH001', 'ZCQH001'],
  ['ECQH010', 'ZCQH001'],
  ['ZZQH033', 'ACQH003'],
  ['ACQH004', 'ECQH010'],
  ['ECQH011', 'ACQH003'],
  ['ACQH004', 'ECQH011'],
];
const MR_PAIRS: readonly (readonly string[])[] = [
  ['NZQN001', 'MZQN001'],
  ['ACQN001', 'LFQN001'],
  ['ACQJ002', 'EBQJ001'],
  ['ZCQN001', 'JJQJ001'],
  ['ACQJ002', 'LFQJ001'],
  ['ZCQJ004', 'JJQJ001'],
  ['ACQJ002', 'EBQJ001', 'LFQJ001'],
  ['ZCQJ004', 'JJQJ001', 'LFQJ001'],
];

/** Every combination of one modality, ascending by ICR. */
export function combosOf(modality: Modality): ActCombo[] {
  const acts = modality === 'CT' ? CT_ACTS : MR_ACTS;
  const pairs = modality === 'CT' ? CT_PAIRS : MR_PAIRS;
  const icr = new Map(acts.map(([code, , v]) => [code, v]));
  const combos: ActCombo[] = acts.map(([code, , v]) => ({ acts: [code], icr: v }));
  for (const codes of pairs) {
    combos.push({ acts: codes, icr: codes.reduce((s, c) => s + (icr.get(c) ?? 0), 0) });
  }
  return combos.sort((a, b) => a.icr - b.icr);
}

/**
 * Picks a combination whose ICR is `target` on average: the two combinations around the
 * target, the upper one with the probability that makes the expectation exact.
 */
export function pickCombo(combos: readonly ActCombo[], target: number, rng: Rng): ActCombo {
  const first = combos[0] as ActCombo;
  const last = combos[combos.length - 1] as ActCombo;
  if (target <= first.icr) return first;
  if (target >= last.icr) return last;
  let hi = 1;
  while ((combos[hi] as ActCombo).icr < target) hi++;
  const upper = combos[hi] as ActCombo;
  const lower = combos[hi - 1] as ActCombo;
  return rng.float() < (target - lower.icr) / (upper.icr - lower.icr) ? upper : lower;
}
