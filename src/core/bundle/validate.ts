/**
 * The bundle's allow-list reader: a payload parsed from JSON is accepted only when every object
 * holds exactly the keys of `BundlePayload` (anything else, exam rows first, is refused by its
 * JSON path), every value has its type and range, and the figures agree with the histograms they
 * were computed from (counts equal; quantiles within the bin's half-width), which is cheap.
 */
import { isValidTimeZone, parseIsoDate } from '../calendar.ts';
import { PATIENT_TYPES } from '../indicators/types.ts';
import {
  CATEGORIES,
  CLINICAL_CASES,
  EQUIPMENT_ROLES,
  LEGAL_STATUSES,
  MODALITIES,
  SURVEY_PATIENTS,
} from '../kit-types.ts';
import { quantilesOfSorted } from '../stats.ts';
import { histogramFaults, valuesOf } from './binning.ts';
import type { BundleProblem, Schema } from './schema.ts';
import { check, childPath, ProblemSink } from './schema.ts';
import type { BundlePayload, Histogram, SampleFamily, SignedBundle } from './types.ts';
import { BINNING, BUNDLE_FORMAT, BUNDLE_VERSION } from './types.ts';

export type { BundleProblem, BundleProblemKey } from './schema.ts';

/** The largest bundle file the observatory reads (bytes). */
export const MAX_BUNDLE_BYTES = 20 * 1024 * 1024;

const FAMILY_KEYS: Readonly<Record<SampleFamily, readonly string[]>> = {
  durationMinutes: CATEGORIES,
  reportDelayMinutes: PATIENT_TYPES,
  appointmentDelayDays: SURVEY_PATIENTS,
};

const text = (max = 200): Schema => ({ kind: 'text', max });
const nonBlank = (max = 200): Schema => ({
  kind: 'text',
  max,
  pattern: /\S/,
  fault: 'bundle-invalid.blank',
});
const num: Schema = { kind: 'number' };
const positive: Schema = { kind: 'number', min: 0 };
const count: Schema = { kind: 'integer', min: 0 };
const bool: Schema = { kind: 'boolean' };
const nullable = (of: Schema): Schema => ({ kind: 'nullable', of });
const object = (fields: Record<string, Schema>, optional?: readonly string[]): Schema =>
  optional === undefined ? { kind: 'object', fields } : { kind: 'object', fields, optional };
const finess: Schema = {
  kind: 'text',
  max: 9,
  pattern: /^[0-9A-Za-z]{9}$/,
  fault: 'bundle-invalid.finess',
};

const quantilesSchema = object({
  n: count,
  p20: nullable(num),
  p50: nullable(num),
  p80: nullable(num),
});
const hoursOfWeek: Schema = { kind: 'number', min: 0, max: 168 };
const lead = nullable(
  object({ n: count, p50: nullable(num), p80: nullable(num), hoursPerWeek: num }),
);

const indicatorsSchema = object({
  equipmentId: nonBlank(100),
  finess,
  modality: { kind: 'choice', values: MODALITIES },
  region: nullable(text()),
  legalStatus: nullable(text(40)),
  openingHoursPerWeek: object({
    programmed: hoursOfWeek,
    extended: hoursOfWeek,
    total: hoursOfWeek,
    programmedPlusEmergency: hoursOfWeek,
  }),
  onCallHoursPerWeek: hoursOfWeek,
  exams: count,
  passagesPerWeek: positive,
  occupancy: object({
    programmed: nullable(positive),
    programmedPlusEmergency: nullable(positive),
  }),
  occupancyIncluded: bool,
  inclusion: object({
    included: bool,
    programmedSessionHours: positive,
    shareAbove15: nullable({ kind: 'number', min: 0, max: 1 }),
    reason: nullable(text(500)),
  }),
  icrPerHour: nullable(positive),
  icrTotal: positive,
  emergencyShare: nullable({ kind: 'number', min: 0, max: 1 }),
  night: object({
    evening: count,
    deepNight: count,
    perWeekdayNight: nullable(positive),
    perWeek: positive,
    level: { kind: 'choice', values: ['strong', 'moderate', 'low'] },
  }),
  significantOnCall: bool,
  typology: { kind: 'choice', values: ['emergency-dedicated', 'scheduled-centred'] },
  durationMinutes: { kind: 'record', keys: CATEGORIES, of: quantilesSchema },
  reportDelayMinutes: { kind: 'record', keys: PATIENT_TYPES, of: quantilesSchema },
  appointmentDelayDays: { kind: 'record', keys: SURVEY_PATIENTS, of: quantilesSchema },
  leads: object({
    lateStartMinutes: lead,
    earlyEndMinutes: lead,
    turnoverGapMinutes: lead,
    overrunMinutes: lead,
  }),
  quality: object({
    shortExams: count,
    unvaluedExams: count,
    unknownActs: { kind: 'array', of: text(40), max: 10_000 },
    examsOutsideSessions: count,
    overlappingExams: count,
  }),
});

/** A histogram of `family`: its shape, then its invariants (width, integral bins, ascending, n = Σ counts). */
function histogramSchema(family: SampleFamily): Schema {
  const pair: Schema = {
    kind: 'custom',
    of: { kind: 'array', of: { kind: 'integer', min: Number.MIN_SAFE_INTEGER }, max: 2 },
    check: (value, path, out) => {
      if ((value as unknown[]).length !== 2) out.add('bundle-histogram.bin', path);
    },
  };
  return {
    kind: 'custom',
    of: object({
      width: { kind: 'number', min: 0 },
      n: count,
      bins: { kind: 'array', of: pair, max: 1_000_000 },
    }),
    check: (value, path, out) => {
      const h = value as Histogram;
      for (const fault of histogramFaults(h, BINNING[family])) {
        if (fault === 'width')
          out.add('bundle-histogram.width', childPath(path, 'width'), { width: BINNING[family] });
        else if (fault === 'total')
          out.add('bundle-histogram.total', childPath(path, 'n'), {
            n: h.n,
            sum: h.bins.reduce((s, b) => s + b[1], 0),
          });
        else out.add(`bundle-histogram.${fault}`, childPath(path, 'bins'));
      }
    },
  };
}

const samplesSchema = object(
  Object.fromEntries(
    (Object.keys(BINNING) as SampleFamily[]).map((f) => [
      f,
      { kind: 'record', keys: FAMILY_KEYS[f], of: histogramSchema(f) },
    ]),
  ),
);

const equipmentSchema = object(
  {
    equipmentId: nonBlank(100),
    finess,
    modality: { kind: 'choice', values: MODALITIES },
    label: nullable(text()),
    installedYear: nullable({ kind: 'integer', min: 1900, max: 2100 }),
    role: { kind: 'choice', values: EQUIPMENT_ROLES },
    previousId: nonBlank(100),
  },
  ['previousId'],
);

/** A campaign field that is not as campaign.json requires it. */
export type CampaignField = 'id' | 'name' | 'start' | 'days' | 'timeZone';

/**
 * The fields of a campaign identity (campaign.json, or a bundle's `campaign`) that are not
 * usable, in file order: id and name non-blank text, start a `YYYY-MM-DD` date, days a whole
 * number ≥ 1, timeZone an IANA zone.
 *
 * @example
 * invalidCampaignFields({ id: 'c', name: 'C', start: '2010-02-30', days: 28, timeZone: 'Europe/Paris' }); // ['start']
 */
export function invalidCampaignFields(record: Readonly<Record<string, unknown>>): CampaignField[] {
  const { id, name, start, days, timeZone } = record;
  const out: CampaignField[] = [];
  if (typeof id !== 'string' || id.trim() === '') out.push('id');
  if (typeof name !== 'string' || name.trim() === '') out.push('name');
  if (typeof start !== 'string' || parseIsoDate(start) === null) out.push('start');
  if (typeof days !== 'number' || !Number.isInteger(days) || days < 1) out.push('days');
  if (typeof timeZone !== 'string' || timeZone.trim() === '' || !isValidTimeZone(timeZone))
    out.push('timeZone');
  return out;
}

const campaignSchema: Schema = {
  kind: 'custom',
  of: object({
    id: text(100),
    name: text(),
    start: text(10),
    days: { kind: 'integer', min: 1 },
    timeZone: text(64),
  }),
  check: (value, path, out) => {
    for (const field of invalidCampaignFields(value as Record<string, unknown>)) {
      const at = childPath(path, field);
      if (field === 'start') out.add('bundle-invalid.date', at);
      else if (field === 'timeZone') out.add('bundle-invalid.time-zone', at);
      else out.add('bundle-invalid.blank', at);
    }
  },
};

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

const payloadSchema = object({
  format: { kind: 'choice', values: [BUNDLE_FORMAT] },
  version: { kind: 'choice', values: [BUNDLE_VERSION] },
  createdAt: {
    kind: 'custom',
    of: text(30),
    check: (value, path, out) => {
      if (!ISO_INSTANT.test(value as string) || !Number.isFinite(Date.parse(value as string)))
        out.add('bundle-invalid.instant', path);
    },
  },
  plateauVersion: {
    kind: 'text',
    max: 40,
    pattern: /^[0-9A-Za-z.+-]+$/,
    fault: 'bundle-invalid.plateau-version',
  },
  campaign: campaignSchema,
  establishment: object({
    finess,
    name: nonBlank(300),
    legalStatus: { kind: 'choice', values: LEGAL_STATUSES },
    region: nonBlank(),
    department: nullable(text(10)),
  }),
  machines: {
    kind: 'array',
    max: 1000,
    of: object({
      equipment: equipmentSchema,
      indicators: indicatorsSchema,
      samples: samplesSchema,
    }),
  },
  survey: {
    kind: 'array',
    max: 10_000,
    of: object({
      finess,
      modality: { kind: 'choice', values: MODALITIES },
      case: { kind: 'choice', values: Object.keys(CLINICAL_CASES) },
      patient: { kind: 'choice', values: SURVEY_PATIENTS },
      days: positive,
    }),
  },
  binning: {
    kind: 'custom',
    of: object(Object.fromEntries(Object.keys(BINNING).map((k) => [k, num]))),
    check: (value, path, out) => {
      const binning = value as Record<string, number>;
      for (const [k, w] of Object.entries(BINNING))
        if (binning[k] !== w) out.add('bundle-binning', childPath(path, k), { width: w });
    },
  },
});

/** True when `value` is a plain object (not an array, not null). */
function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Format and version first: a file of another kind is refused by one problem, not by each key. */
function formatProblem(json: unknown, format: string, version: number): BundleProblem | null {
  if (!isRecord(json))
    return { key: 'bundle-invalid.object', path: '', params: { path: '(document)' } };
  if (json['format'] !== format)
    return { key: 'bundle-invalid.format', path: 'format', params: { path: 'format', format } };
  if (json['version'] !== version)
    return {
      key: 'bundle-invalid.version',
      path: 'version',
      params: {
        path: 'version',
        version:
          typeof json['version'] === 'number' && Number.isSafeInteger(json['version'])
            ? json['version']
            : '?',
        supported: version,
      },
    };
  return null;
}

/** The tolerance of a figure recomputed from binned values: half a bin, plus float rounding. */
function within(a: number, b: number, width: number): boolean {
  return Math.abs(a - b) <= width / 2 + 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** The figures of each machine against its histograms, its equipment row and the establishment. */
function crossCheck(payload: BundlePayload, out: ProblemSink): void {
  const site = payload.establishment.finess;
  if (payload.machines.length === 0) out.add('bundle-machine.none', 'machines');
  const seen = new Map<string, string>();
  payload.machines.forEach((machine, i) => {
    const at = `machines[${i}]`;
    const { equipment, indicators, samples } = machine;
    if (equipment.finess !== site)
      out.add('bundle-establishment.foreign', `${at}.equipment.finess`);
    const first = seen.get(equipment.equipmentId);
    if (first !== undefined)
      out.add('bundle-machine.duplicate', `${at}.equipment.equipmentId`, { first });
    else seen.set(equipment.equipmentId, `${at}.equipment.equipmentId`);
    for (const field of ['equipmentId', 'finess', 'modality'] as const)
      if (indicators[field] !== equipment[field])
        out.add('bundle-machine.indicators', `${at}.indicators.${field}`, { field });
    for (const family of Object.keys(BINNING) as SampleFamily[]) {
      const figures = indicators[family] as Partial<
        Record<string, { n: number; p20: number | null; p50: number | null; p80: number | null }>
      >;
      const histograms = samples[family] as Partial<Record<string, Histogram>>;
      const keys = new Set([...Object.keys(figures), ...Object.keys(histograms)]);
      for (const key of keys) {
        const figure = figures[key];
        const histogram = histograms[key];
        const path = `${at}.indicators.${family}.${key}`;
        if (figure === undefined || histogram === undefined) {
          out.add('bundle-consistency.keys', path, { histograms: `${at}.samples.${family}` });
          continue;
        }
        if (figure.n !== histogram.n) {
          out.add('bundle-consistency.n', `${path}.n`, { n: figure.n, histogramN: histogram.n });
          continue;
        }
        const binned = quantilesOfSorted(valuesOf(histogram));
        for (const q of ['p20', 'p50', 'p80'] as const) {
          const a = figure[q];
          const b = binned[q];
          if (
            (a === null) !== (b === null) ||
            (a !== null && b !== null && !within(a, b, histogram.width))
          )
            out.add('bundle-consistency.quantile', `${path}.${q}`, { width: histogram.width / 2 });
        }
      }
    }
    const durations = Object.values(samples.durationMinutes).reduce((s, h) => s + (h?.n ?? 0), 0);
    const delays = Object.values(samples.reportDelayMinutes).reduce((s, h) => s + (h?.n ?? 0), 0);
    if (durations > indicators.exams || delays > indicators.exams)
      out.add('bundle-consistency.exams', `${at}.indicators.exams`, {
        n: indicators.exams,
        samples: Math.max(durations, delays),
      });
  });
  const answers = new Map<string, number>();
  payload.survey.forEach((answer, i) => {
    const at = `survey[${i}]`;
    if (answer.finess !== site) out.add('bundle-establishment.foreign', `${at}.finess`);
    if (CLINICAL_CASES[answer.case] !== answer.modality)
      out.add('bundle-survey.case', `${at}.case`);
    const key = `${answer.modality}|${answer.case}|${answer.patient}`;
    const first = answers.get(key);
    if (first !== undefined) out.add('bundle-survey.duplicate', at, { first: `survey[${first}]` });
    else answers.set(key, i);
  });
}

/**
 * Reads a bundle's payload (parsed JSON) by its allow-list: the payload, or every problem found
 * (each with its JSON path, never the value). Exam rows, sessions or patient keys anywhere are
 * refused as such ("a bundle carries aggregates only").
 *
 * @example
 * const read = readBundlePayload(JSON.parse(signed.payload));
 * if ('errors' in read) refuse(read.errors); else store(read.payload);
 */
export function readBundlePayload(
  json: unknown,
): { payload: BundlePayload } | { errors: BundleProblem[] } {
  const wrong = formatProblem(json, BUNDLE_FORMAT, BUNDLE_VERSION);
  if (wrong !== null) return { errors: [wrong] };
  const out = new ProblemSink();
  if (!check(payloadSchema, json, '', out)) return { errors: out.list() };
  const payload = json as BundlePayload;
  crossCheck(payload, out);
  return out.count > 0 ? { errors: out.list() } : { payload };
}

const signedSchema = object({
  format: { kind: 'choice', values: ['plateau-signed-bundle'] },
  version: { kind: 'choice', values: [BUNDLE_VERSION] },
  payload: text(MAX_BUNDLE_BYTES),
  signature: object({
    algorithm: { kind: 'choice', values: ['Ed25519'] },
    keyId: { kind: 'text', max: 16, pattern: /^[0-9a-f]{16}$/, fault: 'bundle-invalid.key-id' },
    value: {
      kind: 'text',
      max: 200,
      pattern: /^[A-Za-z0-9+/]+={0,2}$/,
      fault: 'bundle-invalid.base64',
    },
  }),
});

/**
 * Reads the signed file's outer object (parsed JSON): format, version, the payload text and the
 * signature, nothing else. The payload is read by `readBundlePayload` once its signature is checked.
 */
export function readSignedBundle(
  json: unknown,
): { bundle: SignedBundle } | { errors: BundleProblem[] } {
  const wrong = formatProblem(json, 'plateau-signed-bundle', BUNDLE_VERSION);
  if (wrong !== null) return { errors: [wrong] };
  const out = new ProblemSink();
  return check(signedSchema, json, '', out)
    ? { bundle: json as SignedBundle }
    : { errors: out.list() };
}
