/**
 * CCAM act code → act family (planning.md §1: for the duration model and relevance). A CCAM code
 * is four letters and three digits: the first two letters say where (body system, then organ or
 * region), the third the action (`Q` = diagnostic examination; any other letter a therapeutic or
 * sampling action), the fourth the technique or access (imaging uses `K`/`H` for X-ray and CT,
 * `H` with an intravascular injection, `N`/`J` for MRI, `J` with an injection), the digits count.
 * A short table of codes read one by one (their labels) wins; other codes fall to rules on the
 * letters: a non-`Q` action on a CT or MRI machine is image-guided, hence `interventional`; a `Q`
 * act takes the family of its region. Codes that tell no region (chapter 19 supplements `Y…`,
 * the complementary anaesthesia `ZZLP025`) have none, so an exam takes its first act that has one.
 *
 * Sources (structure read, nothing copied): the CCAM reading and coding guide (CNAMTS/ATIH,
 * "Guide de lecture et de codage", § 2.3 structure and § code), the chapter list of the CCAM
 * (chapters 1–17 by body system, 18 anaesthesia, 19 supplements; e.g. SNMR's CCAM pages), and
 * for the table the labels of the codes in the synthetic act table (src/generate/acts.ts), the
 * conformance kits and the radiology list of the arrêté of 14 August 2019 (annex 33-3).
 * A user's `acts.csv` may carry its own `family` column (planning.md §1): that extension is read
 * by the kit reader (issue 14), not here.
 */

/** The act families, in display order. Stable ids: stored and used as keys, never rename. */
export const ACT_FAMILIES = [
  'head',
  'spine',
  'thorax',
  'breast',
  'abdomen-pelvis',
  'musculoskeletal',
  'vascular',
  'cardiac',
  'whole-body',
  'interventional',
  'other',
] as const;
/**
 * An act family. `head` is the skull and its contents (brain), face, orbits and ears: a head CT
 * on a scanner, a brain MRI on an MR machine (the model crosses family with the machine's
 * modality). `whole-body` is an exam of several regions in one act (thorax–abdomen–pelvis,
 * head and trunk); `interventional` an image-guided action rather than an examination.
 */
export type ActFamily = (typeof ACT_FAMILIES)[number];

/** Codes read one by one from their labels (see the sources above). */
const KNOWN: Readonly<Record<string, ActFamily | null>> = {
  // skull and its contents
  ACQK001: 'head', // CT, no contrast
  ACQK003: 'head', // CT for stereotactic marking
  ACQH001: 'head', // CT, intrathecal contrast (cisternography)
  ACQH003: 'head', // CT, IV contrast
  ACQN001: 'head', // MRI, no contrast
  ACQJ002: 'head', // MRI, contrast
  // several regions in one act
  ACQH002: 'whole-body', // CT skull and thorax
  ACQH004: 'whole-body', // CT skull and trunk
  ZZQH033: 'whole-body', // CT thorax, abdomen and pelvis
  // spine
  AEQH001: 'spine', // myelography (dorsal, lumbar)
  AEQH002: 'spine', // myelography (cervical)
  AFQH001: 'spine', // radiculography with CT
  AFQH002: 'spine', // radiculography
  AFQH003: 'spine', // myelo-CT
  LFQK001: 'spine', // CT of a spine segment
  LFQN001: 'spine', // MRI of a spine segment
  LFQJ001: 'spine', // MRI of a spine segment, contrast
  // thorax
  ZBQK001: 'thorax', // CT, no contrast
  ZBQK002: 'thorax', // chest (conformance kits: "scanner thorax")
  ZBQH001: 'thorax', // CT, IV contrast
  // abdomen and pelvis
  ZCQK002: 'abdomen-pelvis', // CT abdomen and pelvis, no contrast
  ZCQK004: 'abdomen-pelvis', // conformance kits: "scanner abdo"
  ZCQH001: 'abdomen-pelvis', // CT abdomen and pelvis, IV contrast
  ZCQN001: 'abdomen-pelvis', // MRI abdomen
  ZCQJ004: 'abdomen-pelvis', // MRI abdomen, contrast
  JJQJ001: 'abdomen-pelvis', // MRI pelvis, contrast
  // limbs and joints
  NZQN001: 'musculoskeletal', // MRI knee (synthetic table)
  NFQN001: 'musculoskeletal', // conformance kits: "IRM genou"
  MZQN001: 'musculoskeletal', // MRI shoulder
  // vessels
  EBQJ001: 'vascular', // MR angiography, cervical and intracranial vessels
  ECQH010: 'vascular', // CT angiography of the thorax (and/or heart)
  ECQH011: 'vascular', // CT angiography, thorax with abdomen and/or pelvis
  // tells no region
  ZZLP025: null, // complementary anaesthesia (chapter 18)
};

/** Families of diagnostic (`Q`) acts by the code's first two letters, then by its first letter. */
const BY_REGION: Readonly<Record<string, ActFamily>> = {
  AE: 'spine', // spinal canal (myelography)
  AF: 'spine', // spinal cord and roots
  A: 'head', // nervous system: on CT/MRI, mostly the brain
  B: 'head', // eye and orbit
  C: 'head', // ear
  D: 'cardiac', // heart and coronary vessels
  E: 'vascular', // arteries and veins
  F: 'other', // lymphatic and blood-forming organs
  GA: 'head', // nasal cavities
  GB: 'head', // paranasal sinuses
  G: 'thorax', // airways and lungs
  H: 'abdomen-pelvis', // digestive system
  J: 'abdomen-pelvis', // urinary and genital organs, pregnancy
  K: 'other', // endocrine glands
  LA: 'head', // skull and face bones
  LB: 'head', // jaws and face
  LD: 'spine',
  LE: 'spine',
  LF: 'spine', // spine (vertebral column)
  L: 'musculoskeletal', // other bones and muscles of the head, neck and trunk
  M: 'musculoskeletal', // upper limb
  N: 'musculoskeletal', // lower limb
  P: 'musculoskeletal', // bones and muscles, no region
  QE: 'breast',
  Q: 'other', // skin
  ZB: 'thorax',
  ZC: 'abdomen-pelvis',
  ZZ: 'whole-body', // several regions
  Z: 'other', // other regions with no body system
};

const CODE = /^([A-Z]{4})(\d{3})(?:$|[^A-Z0-9])/;

/**
 * The family of one CCAM code, `null` when the text is not a CCAM code or the code tells no
 * region (supplements, anaesthesia). Case and surrounding blanks are ignored, as is a suffix
 * after the seven characters (activity or phase, `ACQK001-1`).
 *
 * @example
 * actFamily('ACQK001'); // 'head' (skull CT)
 * actFamily('ACQN001'); // 'head' (brain MRI)
 * actFamily('ZZQH033'); // 'whole-body'
 * actFamily('ZCHH001'); // 'interventional' (a non-examination action, read from the letters)
 * actFamily('YYYY600'); // null (supplement)
 */
export function actFamily(code: string): ActFamily | null {
  const m = CODE.exec(code.trim().toUpperCase());
  if (!m) return null;
  const letters = m[1] as string;
  const full = letters + (m[2] as string);
  if (full in KNOWN) return KNOWN[full] ?? null;
  const system = letters[0] as string;
  if (system === 'Y') return null; // chapter 19: supplements and adaptations
  if (letters[2] !== 'Q') return 'interventional';
  return BY_REGION[letters.slice(0, 2)] ?? BY_REGION[system] ?? 'other';
}

/**
 * The family of an exam: that of its first act with a family, `null` when none has one (no act,
 * or only supplements and unreadable codes).
 *
 * @example
 * examFamily(['YYYY600', 'ZBQK001']); // 'thorax'
 * examFamily(['ZBQK001'], new Map([['ZBQK001', 'cardiac']])); // 'cardiac' (the user's acts.csv)
 */
export function examFamily(
  acts: readonly string[],
  overrides?: ActFamilyOverrides,
): ActFamily | null {
  for (const code of acts) {
    const family = overrides?.get(normalizeCode(code)) ?? actFamily(code);
    if (family !== null) return family;
  }
  return null;
}

/** The user's act families (acts.csv `family`), by upper-case code, over the shipped table. */
export type ActFamilyOverrides = ReadonlyMap<string, ActFamily>;

function normalizeCode(code: string): string {
  return code.trim().toUpperCase();
}

/**
 * The overrides of a kit's act table: the codes whose `family` column is filled. An empty map
 * when none is (the shipped table then decides alone).
 *
 * @example
 * examFamily(exam.acts, familyOverrides(kit.acts));
 */
export function familyOverrides(
  acts: readonly { code: string; family?: ActFamily | null }[],
): ActFamilyOverrides {
  const out = new Map<string, ActFamily>();
  for (const a of acts) if (a.family) out.set(normalizeCode(a.code), a.family);
  return out;
}
