/**
 * A small allow-list checker for JSON read from outside (the bundle): a schema names every key an
 * object may hold and what each value must be; any other key is a problem located by its JSON path.
 * Values are never quoted in problems (a bundle's strings could name someone): paths and rules only.
 */

/** One problem of a bundle: a catalog key (src/i18n/issues/bundle-en.ts), the JSON path, parameters. */
export interface BundleProblem {
  key: BundleProblemKey;
  /** JSON path of the value, e.g. `machines[2].indicators.exams` (`` for the whole document). */
  path: string;
  params: Record<string, string | number>;
}

/** Every key a bundle problem may have (each is in the issue catalogs). */
export type BundleProblemKey =
  | 'bundle-exam-rows'
  | 'bundle-unknown-key'
  | 'bundle-invalid.missing'
  | 'bundle-invalid.object'
  | 'bundle-invalid.array'
  | 'bundle-invalid.array-long'
  | 'bundle-invalid.text'
  | 'bundle-invalid.text-long'
  | 'bundle-invalid.number'
  | 'bundle-invalid.integer'
  | 'bundle-invalid.boolean'
  | 'bundle-invalid.choice'
  | 'bundle-invalid.blank'
  | 'bundle-invalid.finess'
  | 'bundle-invalid.plateau-version'
  | 'bundle-invalid.key-id'
  | 'bundle-invalid.base64'
  | 'bundle-invalid.date'
  | 'bundle-invalid.instant'
  | 'bundle-invalid.time-zone'
  | 'bundle-invalid.format'
  | 'bundle-invalid.version'
  | 'bundle-invalid.too-many'
  | 'bundle-histogram.width'
  | 'bundle-histogram.bin'
  | 'bundle-histogram.order'
  | 'bundle-histogram.total'
  | 'bundle-binning'
  | 'bundle-establishment.foreign'
  | 'bundle-machine.none'
  | 'bundle-machine.duplicate'
  | 'bundle-machine.indicators'
  | 'bundle-survey.case'
  | 'bundle-survey.duplicate'
  | 'bundle-consistency.n'
  | 'bundle-consistency.keys'
  | 'bundle-consistency.quantile'
  | 'bundle-consistency.exams';

/** What a JSON value must be. */
export type Schema =
  | { kind: 'text'; max?: number; pattern?: RegExp; fault?: BundleProblemKey }
  | { kind: 'number'; min?: number; max?: number }
  | { kind: 'integer'; min: number; max?: number }
  | { kind: 'boolean' }
  | { kind: 'choice'; values: readonly (string | number)[] }
  | { kind: 'nullable'; of: Schema }
  | { kind: 'object'; fields: Readonly<Record<string, Schema>>; optional?: readonly string[] }
  | { kind: 'record'; keys: readonly string[]; of: Schema }
  | { kind: 'array'; of: Schema; max: number }
  | { kind: 'custom'; of: Schema; check: (value: unknown, path: string, out: ProblemSink) => void };

/** Problems found so far; stops listing past `limit` (a broken file would give thousands). */
export class ProblemSink {
  readonly problems: BundleProblem[] = [];
  #omitted = 0;

  constructor(private readonly limit = 50) {}

  /** Adds a problem (counted, not listed, past the limit). */
  add(key: BundleProblemKey, path: string, params: Record<string, string | number> = {}): void {
    if (this.problems.length < this.limit)
      this.problems.push({ key, path, params: { path: shownPath(path), ...params } });
    else this.#omitted++;
  }

  /** The problems, with one closing problem for those past the limit. */
  list(): BundleProblem[] {
    if (this.#omitted === 0) return this.problems;
    return [
      ...this.problems,
      { key: 'bundle-invalid.too-many', path: '', params: { path: '', n: this.#omitted } },
    ];
  }

  get count(): number {
    return this.problems.length + this.#omitted;
  }
}

/** `` as the words for the whole document. */
function shownPath(path: string): string {
  return path === '' ? '(document)' : path;
}

/**
 * Keys that name exam rows, sessions or patients (compared lower-case, without `_` and `-`): found
 * anywhere in a bundle they get their own refusal, "a bundle carries aggregates only".
 */
const EXAM_LIKE = new Set([
  'exam',
  'exams',
  'examid',
  'examrows',
  'rows',
  'session',
  'sessions',
  'passage',
  'passages',
  'patients',
  'patientkey',
  'patientid',
  'patientkeys',
  'ipp',
  'nir',
  'nda',
  'accession',
  'accessionnumber',
  'roomin',
  'roomout',
  'reportvalidatedat',
  'requestedat',
  'radiologist',
  'radiologists',
  'birthdate',
  'dateofbirth',
]);

/** True when a key names exam-level rows or a patient (see `EXAM_LIKE`). */
export function isExamLikeKey(key: string): boolean {
  return EXAM_LIKE.has(key.toLowerCase().replace(/[_\s-]/g, ''));
}

/** A key as it can be shown in a path: an identifier-like key as is, anything else by its length only. */
function pathKey(key: string): string {
  return /^[A-Za-z_][A-Za-z0-9_-]{0,39}$/.test(key) ? key : `[a key of ${key.length} characters]`;
}

/** `path.key`, or `key` at the top. */
export function childPath(path: string, key: string): string {
  return path === '' ? pathKey(key) : `${path}.${pathKey(key)}`;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** True when the value holds objects in a list (what exam rows look like). */
function looksLikeRows(value: unknown): boolean {
  return Array.isArray(value) && value.some((v) => isPlainObject(v) || Array.isArray(v));
}

/** Checks a value against a schema; every problem goes to `out`. True when the value is acceptable. */
export function check(schema: Schema, value: unknown, path: string, out: ProblemSink): boolean {
  const before = out.count;
  visit(schema, value, path, out);
  return out.count === before;
}

function visit(schema: Schema, value: unknown, path: string, out: ProblemSink): void {
  switch (schema.kind) {
    case 'nullable':
      if (value !== null) visit(schema.of, value, path, out);
      return;
    case 'text':
      if (typeof value !== 'string') return out.add('bundle-invalid.text', path);
      if (value.length > (schema.max ?? 200))
        return out.add('bundle-invalid.text-long', path, { max: schema.max ?? 200 });
      if (schema.pattern !== undefined && !schema.pattern.test(value))
        out.add(schema.fault ?? 'bundle-invalid.blank', path);
      return;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value))
        return out.add('bundle-invalid.number', path, {
          min: schema.min ?? '-∞',
          max: schema.max ?? '∞',
        });
      if (
        (schema.min !== undefined && value < schema.min) ||
        (schema.max !== undefined && value > schema.max)
      )
        out.add('bundle-invalid.number', path, { min: schema.min ?? '-∞', max: schema.max ?? '∞' });
      return;
    case 'integer':
      if (
        typeof value !== 'number' ||
        !Number.isSafeInteger(value) ||
        value < schema.min ||
        value > (schema.max ?? Infinity)
      )
        out.add('bundle-invalid.integer', path, { min: schema.min, max: schema.max ?? '∞' });
      return;
    case 'boolean':
      if (typeof value !== 'boolean') out.add('bundle-invalid.boolean', path);
      return;
    case 'choice':
      if (!schema.values.includes(value as string | number))
        out.add('bundle-invalid.choice', path, { values: schema.values.join(', ') });
      return;
    case 'array':
      if (!Array.isArray(value)) return out.add('bundle-invalid.array', path);
      if (value.length > schema.max)
        return out.add('bundle-invalid.array-long', path, { max: schema.max });
      value.forEach((item, i) => visit(schema.of, item, `${path}[${i}]`, out));
      return;
    case 'object':
      if (!isPlainObject(value)) return out.add('bundle-invalid.object', path);
      for (const key of Object.keys(value)) {
        const at = childPath(path, key);
        const field = schema.fields[key];
        // A known count key holding rows (`indicators.exams: […]`) is exam rows, said so.
        if (
          Object.hasOwn(schema.fields, key) &&
          !(field?.kind !== 'array' && looksLikeRows(value[key]))
        )
          visit(field as Schema, value[key], at, out);
        else if (isExamLikeKey(key) || looksLikeRows(value[key])) out.add('bundle-exam-rows', at);
        else out.add('bundle-unknown-key', at);
      }
      for (const key of Object.keys(schema.fields))
        if (!Object.hasOwn(value, key) && !(schema.optional ?? []).includes(key))
          out.add('bundle-invalid.missing', childPath(path, key));
      return;
    case 'record':
      if (!isPlainObject(value)) return out.add('bundle-invalid.object', path);
      for (const key of Object.keys(value)) {
        const at = childPath(path, key);
        if (schema.keys.includes(key)) visit(schema.of, value[key], at, out);
        else if (isExamLikeKey(key) || looksLikeRows(value[key])) out.add('bundle-exam-rows', at);
        else out.add('bundle-unknown-key', at);
      }
      return;
    case 'custom': {
      const before = out.count;
      visit(schema.of, value, path, out);
      if (out.count === before) schema.check(value, path, out);
      return;
    }
  }
}
