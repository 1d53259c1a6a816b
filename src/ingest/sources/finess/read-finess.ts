/**
 * The public FINESS extractions (data.gouv.fr) read into register rows: each CT (EML 05602) or
 * MRI (EML 06201) authorisation of an `equipmateriellourd` line becomes one `RegisterMachine`,
 * placed in the département and sector of its establishment's `structureet` line.
 *
 * Layout (the published files, no header, a comment line `finess;etalab;<n>;<date>` first, then
 * lines whose first field names their section; `;`-separated, `\t` accepted; UTF-8 or Latin-1):
 * - `equipmateriellourd`, 11 fields (equipment extraction `etalab_cs1100504`): section,
 *   nofinessej, rsej, eml, libeml, noautor, noautorarhgos, noimplarhgos, dateautor, nofinesset,
 *   datemeo.
 * - `structureet`, 32 fields (establishments extraction `etalab-cs1100507`): section, nofinesset,
 *   nofinessej, rs, rslongue, complrs, compldistrib, numvoie, typvoie, voie, compvoie, lieuditbp,
 *   commune, departement, libdepartement, ligneacheminement, telephone, telecopie, categetab,
 *   libcategetab, categagretab, libcategagretab, siret, codeape, codemft, libmft, codesph, libsph,
 *   dateouv, dateautor, datemaj, numuai.
 * - `structureet`, 3 fields (the equipment extraction's own: section, nofinesset, nofinessej): no
 *   département, no category. So the equipment extraction alone cannot place its machines: the
 *   establishments extraction comes with it, as a second input (`readFinessExtractions`) or
 *   concatenated into one file (comment lines may stand anywhere).
 *
 * Choices: one authorisation is one machine; `installedYear` is the year of `datemeo` (a machine
 * replaced under the same authorisation keeps the first date, so ages are upper bounds); a
 * category the sector table does not place counts as hospital, said in a warning per category.
 * Lines are read once, in order, and machines resolved against establishments at the end
 * (the two extractions may come in either order); issues are capped per kind like the kit's.
 */
import type { Issue } from '../../../core/issues.ts';
import type { Modality, RegisterMachine, RegisterSector } from '../../../core/kit-types.ts';
import { makeIssue } from '../../../i18n/issues/index.ts';
import { normalizeDepartmentCode } from '../../../plan/territories/population.ts';
import { quoteCode } from '../../kit/identifying.ts';
import { IssueSink } from '../../kit/issue-sink.ts';
import { wideEncodingOf } from '../../text-encoding.ts';
import { FALLBACK_SECTOR, sectorOfCategory } from './categories.ts';

/** The EML codes plateau reads, and the modality each stands for. */
export const FINESS_EML_MODALITIES: Readonly<Record<string, Modality>> = {
  '05602': 'CT', // Scanographe à utilisation médicale
  '06201': 'MR', // Appareil d'IRM à utilisation clinique
};

/** Fields of an `equipmateriellourd` line, in order (etalab_cs1100504). */
// prettier-ignore
export const EQUIPMENT_FIELDS = [
  'section', 'nofinessej', 'rsej', 'eml', 'libeml', 'noautor', 'noautorarhgos', 'noimplarhgos',
  'dateautor', 'nofinesset', 'datemeo',
] as const;

/** Fields of a `structureet` line of the establishments extraction, in order (etalab-cs1100507). */
// prettier-ignore
export const ESTABLISHMENT_FIELDS = [
  'section', 'nofinesset', 'nofinessej', 'rs', 'rslongue', 'complrs', 'compldistrib', 'numvoie',
  'typvoie', 'voie', 'compvoie', 'lieuditbp', 'commune', 'departement', 'libdepartement',
  'ligneacheminement', 'telephone', 'telecopie', 'categetab', 'libcategetab', 'categagretab',
  'libcategagretab', 'siret', 'codeape', 'codemft', 'libmft', 'codesph', 'libsph', 'dateouv',
  'dateautor', 'datemaj', 'numuai',
] as const;

const EQUIPMENT = 'equipmateriellourd';
const ESTABLISHMENT = 'structureet';
const COMMENT = 'finess';
const SHORT_ESTABLISHMENT_WIDTH = 3;
const E = indexes(EQUIPMENT_FIELDS);
const S = indexes(ESTABLISHMENT_FIELDS);

/** A FINESS géographique: 9 characters, the first two the département (`2A`, `2B` for Corsica). */
const FINESS_NUMBER = /^(?:\d{2}|2[AB])\d{7}$/;
/** FINESS's codes of overseas collectivities that are not among the 101 départements (9E, 9J…). */
const OUTSIDE = /^9[E-Z]$/;
const SECTION_NAME = /^[a-z]+$/;

/** What a FINESS reading gives: the rows, none when any issue is an error. */
export interface FinessReadResult {
  rows: RegisterMachine[];
  issues: Issue[];
}

/** One input of `readFinessExtractions`: a file's text or bytes and its name. */
export interface FinessInput {
  input: string | Uint8Array;
  fileName: string;
}

/**
 * True when `head` (the first characters of a file, at least its first line) starts like a
 * FINESS extraction: the comment line `finess;etalab;…`, or a `structureet` or
 * `equipmateriellourd` line, separated by `;` or a tab.
 *
 * @example
 * isFinessExtraction('finess;etalab;111;2026-05-12\nstructureet;…'); // true
 * isFinessExtraction('finess,department,modality'); // false (equipment-register.csv)
 */
export function isFinessExtraction(head: string): boolean {
  const text = head.charCodeAt(0) === 0xfeff ? head.slice(1) : head;
  const end = text.indexOf('\n');
  const first = (end < 0 ? text : text.slice(0, end)).replace(/\r$/, '');
  return /^(?:finess[;\t]etalab[;\t]|structureet[;\t]|equipmateriellourd[;\t])/i.test(first);
}

/**
 * The CT and MRI authorisations of a FINESS extraction as register rows (`origin: 'finess'`),
 * with located issues; `rows` is empty when any issue is an error. The file must hold the
 * establishments' full `structureet` lines (the establishments extraction concatenated with the
 * equipment one); see `readFinessExtractions` for the two files apart.
 *
 * @example
 * const { rows, issues } = readFinessExtraction(bytes, 'finess.csv');
 * // rows[0]: { finess: '590000011', department: '59', modality: 'CT', sector: 'hospital', … }
 */
export function readFinessExtraction(
  input: string | Uint8Array,
  fileName: string,
): FinessReadResult {
  return readFinessExtractions([{ input, fileName }]);
}

/**
 * `readFinessExtraction` over several files read as one: typically the establishments
 * extraction (`etalab-cs1100507-stock-….csv`) and the equipment extraction (`etalab_cs1100504…`),
 * in any order.
 */
export function readFinessExtractions(inputs: readonly FinessInput[]): FinessReadResult {
  const reader = new FinessReader();
  for (const { input, fileName } of inputs) reader.read(input, fileName);
  return reader.finish();
}

/** Where a line stands. */
interface Place {
  file: string;
  line: number;
}

/** An establishment of a full `structureet` line: only what placing a machine needs. */
interface Establishment extends Place {
  department: string;
  category: string;
}

/** A CT or MRI authorisation read, waiting for its establishment. */
interface PendingMachine extends Place {
  finess: string;
  modality: Modality;
  authorisationId: string | null;
  authorisedOn: string | null;
  inServiceOn: string | null;
}

/** A count per key with the place of its first occurrence (for warnings said once per key). */
type Tally = Map<string, { count: number; file: string }>;

class FinessReader {
  readonly #sink = new IssueSink();
  readonly #establishments = new Map<string, Establishment>();
  readonly #short = new Set<string>();
  readonly #machines: PendingMachine[] = [];
  /** The first CT or MRI line of each authorisation number: a line given twice is one machine. */
  readonly #lines = new Map<string, { raw: string; machine: PendingMachine }>();
  readonly #otherEquipment = new Map<string, number>();
  readonly #otherSections = new Map<string, number>();
  readonly #files: string[] = [];

  read(input: string | Uint8Array, file: string): void {
    this.#files.push(file);
    const text = this.#decode(input, file);
    if (text === null) return;
    let separator: string | null = null;
    let at = 0;
    let line = 0;
    const n = text.length;
    while (at < n) {
      let end = text.indexOf('\n', at);
      if (end < 0) end = n;
      line++;
      const raw = text.charCodeAt(end - 1) === 13 ? text.slice(at, end - 1) : text.slice(at, end);
      at = end + 1;
      if (raw.trim() === '') continue;
      if (separator === null) {
        separator = separatorOf(raw);
        if (separator === null) {
          this.#sink.say('error', 'finess-not-extraction', file, line, null, { file });
          return;
        }
      }
      // The section first: most lines of the establishments extraction are not read further.
      const cut = raw.indexOf(separator);
      const section = cut < 0 ? raw : raw.slice(0, cut);
      if (section === ESTABLISHMENT) this.#establishment(raw, separator, file, line);
      else if (section === EQUIPMENT) this.#equipment(raw, separator, file, line);
      else if (section === COMMENT) continue;
      else if (SECTION_NAME.test(section))
        this.#otherSections.set(section, (this.#otherSections.get(section) ?? 0) + 1);
      else
        this.#sink.say('error', 'finess-unknown-line', file, line, null, {
          text: quoteCode(section),
        });
    }
  }

  #decode(input: string | Uint8Array, file: string): string | null {
    let text: string;
    if (typeof input === 'string') text = input;
    else {
      const wide = wideEncodingOf(input);
      if (wide !== null) {
        this.#sink.say('error', 'encoding.unicode', file, null, null, { file, encoding: wide });
        return null;
      }
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(input);
      } catch {
        // The extractions have been published in Latin-1 (Windows-1252) as well as UTF-8.
        text = new TextDecoder('latin1').decode(input);
      }
    }
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  }

  #establishment(raw: string, separator: string, file: string, line: number): void {
    const picked = pickEstablishment(raw, separator);
    const { width, finess } = picked;
    if (width === SHORT_ESTABLISHMENT_WIDTH) {
      this.#short.add(finess);
      return;
    }
    if (width !== ESTABLISHMENT_FIELDS.length) {
      this.#sink.say('error', 'finess-line-width.structureet', file, line, null, {
        count: width,
        separator: separatorName(separator),
      });
      return;
    }
    const { department, category } = picked;
    const known = this.#establishments.get(finess);
    if (known === undefined) {
      this.#establishments.set(finess, { file, line, department, category });
    } else if (known.department !== department || known.category !== category) {
      this.#sink.say('warning', 'finess-duplicate-establishment', file, line, 'nofinesset', {
        finess: quoteCode(finess),
        first: placeOf(known, file),
      });
    }
  }

  #equipment(raw: string, separator: string, file: string, line: number): void {
    const fields = splitFields(raw, separator);
    if (fields.length !== EQUIPMENT_FIELDS.length) {
      this.#sink.say('error', 'finess-line-width', file, line, null, {
        section: EQUIPMENT,
        count: fields.length,
        width: EQUIPMENT_FIELDS.length,
        separator: separatorName(separator),
      });
      return;
    }
    const eml = (fields[E.eml] as string).trim();
    const modality = FINESS_EML_MODALITIES[eml];
    if (modality === undefined) {
      if (/^\d{5}$/.test(eml))
        this.#otherEquipment.set(eml, (this.#otherEquipment.get(eml) ?? 0) + 1);
      else
        this.#sink.say('error', 'finess-invalid-eml', file, line, 'eml', { text: quoteCode(eml) });
      return;
    }
    const finess = (fields[E.nofinesset] as string).trim();
    let ok = FINESS_NUMBER.test(finess);
    if (!ok)
      this.#sink.say('error', 'finess-invalid-finess', file, line, 'nofinesset', {
        text: quoteCode(finess),
      });
    const authorisedOn = (fields[E.dateautor] as string).trim();
    const inServiceOn = (fields[E.datemeo] as string).trim();
    for (const [column, value] of [
      ['dateautor', authorisedOn],
      ['datemeo', inServiceOn],
    ] as const) {
      if (value === '' || isDate(value)) continue;
      this.#sink.say('error', 'finess-invalid-date', file, line, column, {
        column,
        text: quoteCode(value),
      });
      ok = false;
    }
    if (!ok) return;
    const authorisationId = (fields[E.noautor] as string).trim();
    const machine: PendingMachine = {
      file,
      line,
      finess,
      modality,
      authorisationId: authorisationId === '' ? null : authorisationId,
      authorisedOn: authorisedOn === '' ? null : authorisedOn,
      inServiceOn: inServiceOn === '' ? null : inServiceOn,
    };
    // Keyed by the authorisation number (short, unique in practice), by the line's text when it
    // has none or when another line has the same number.
    let key = machine.authorisationId ?? raw;
    let first = this.#lines.get(key);
    if (first !== undefined && first.raw !== raw) {
      key = raw;
      first = this.#lines.get(raw);
    }
    if (first !== undefined) {
      this.#sink.say('warning', 'finess-repeated-line', file, line, null, {
        first: placeOf(first.machine, file),
      });
      return;
    }
    this.#lines.set(key, { raw, machine });
    this.#machines.push(machine);
  }

  finish(): FinessReadResult {
    const sink = this.#sink;
    const rows: RegisterMachine[] = [];
    const anyFull = this.#establishments.size > 0;
    const shortOnly: Tally = new Map();
    const outside: Tally = new Map();
    const unplaced: Tally = new Map();
    const badDepartments = new Set<Establishment>();
    for (const m of this.#machines) {
      const est = this.#establishments.get(m.finess);
      if (est === undefined) {
        if (!this.#short.has(m.finess))
          sink.say('error', 'finess-unknown-establishment', m.file, m.line, 'nofinesset', {
            finess: quoteCode(m.finess),
          });
        else if (anyFull)
          sink.say('error', 'finess-no-department', m.file, m.line, 'nofinesset', {
            finess: quoteCode(m.finess),
          });
        else tally(shortOnly, '', m.file);
        continue;
      }
      const department = normalizeDepartmentCode(est.department);
      if (department === null) {
        const code = est.department.toUpperCase();
        if (OUTSIDE.test(code)) tally(outside, code, est.file);
        else if (!badDepartments.has(est)) {
          badDepartments.add(est);
          sink.say('error', 'finess-invalid-department', est.file, est.line, 'departement', {
            text: quoteCode(est.department),
            finess: quoteCode(m.finess),
          });
        }
        continue;
      }
      let sector: RegisterSector | null = sectorOfCategory(est.category);
      if (sector === null) {
        tally(unplaced, est.category, est.file);
        sector = FALLBACK_SECTOR;
      }
      const inServiceOn = m.inServiceOn;
      rows.push({
        finess: m.finess,
        department,
        modality: m.modality,
        sector,
        authorisationId: m.authorisationId,
        authorisedOn: m.authorisedOn,
        inServiceOn,
        installedYear: inServiceOn === null ? null : Number(inServiceOn.slice(0, 4)),
        fieldTesla: null,
        equipmentId: null,
        origin: 'finess',
      });
    }
    for (const { count, file } of shortOnly.values())
      sink.say('error', 'finess-no-establishments', file, null, null, { count });
    for (const [code, { count, file }] of outside)
      sink.say('warning', 'finess-outside-departments', file, null, null, { count, code });
    for (const [category, { count, file }] of unplaced) {
      if (category === '')
        sink.say('warning', 'finess-unknown-category.blank', file, null, null, { count });
      else
        sink.say('warning', 'finess-unknown-category', file, null, null, {
          count,
          category: quoteCode(category),
        });
    }
    const files = this.#files.join(', ');
    if (this.#otherEquipment.size > 0)
      sink.say('info', 'finess-other-equipment', this.#files[0] ?? '', null, null, {
        count: sum(this.#otherEquipment),
        codes: listed(this.#otherEquipment),
      });
    if (this.#otherSections.size > 0)
      sink.say('info', 'finess-other-sections', this.#files[0] ?? '', null, null, {
        count: sum(this.#otherSections),
        sections: listed(this.#otherSections),
      });
    const issues = sink.finish();
    const failed = issues.some((i) => i.severity === 'error');
    if (!failed && this.#machines.length === 0)
      issues.push(
        makeIssue('warning', 'finess-no-machines', this.#files[0] ?? '', null, null, {
          file: files,
        }),
      );
    return { rows: failed ? [] : rows, issues };
  }
}

/** `12`, or `other.csv:12` for a line of another file than `file`. */
function placeOf(place: Place, file: string): string {
  return place.file === file ? String(place.line) : `${place.file}:${place.line}`;
}

/**
 * The width of a `structureet` line and the three fields plateau reads (nofinesset, departement,
 * categetab), without cutting the other 29 (a line with a quote is split in full).
 */
function pickEstablishment(
  raw: string,
  separator: string,
): { width: number; finess: string; department: string; category: string } {
  if (raw.includes('"')) {
    const fields = splitFields(raw, separator);
    return {
      width: fields.length,
      finess: (fields[S.nofinesset] ?? '').trim(),
      department: (fields[S.departement] ?? '').trim(),
      category: (fields[S.categetab] ?? '').trim(),
    };
  }
  let finess = '';
  let department = '';
  let category = '';
  let width = 0;
  let from = 0;
  for (;;) {
    const to = raw.indexOf(separator, from);
    const end = to < 0 ? raw.length : to;
    if (width === S.nofinesset) finess = raw.slice(from, end).trim();
    else if (width === S.departement) department = raw.slice(from, end).trim();
    else if (width === S.categetab) category = raw.slice(from, end).trim();
    width++;
    if (to < 0) return { width, finess, department, category };
    from = to + 1;
  }
}

/** Field name → position. */
function indexes<const T extends readonly string[]>(names: T): Record<T[number], number> {
  return Object.fromEntries(names.map((name, i) => [name, i])) as Record<T[number], number>;
}

function tally(map: Tally, key: string, file: string): void {
  const entry = map.get(key);
  if (entry === undefined) map.set(key, { count: 1, file });
  else entry.count++;
}

function sum(counts: ReadonlyMap<string, number>): number {
  let total = 0;
  for (const n of counts.values()) total += n;
  return total;
}

/** `05701 ×2, 05705 ×1`: keys in order, each quoted the way messages quote read text. */
function listed(counts: ReadonlyMap<string, number>): string {
  return [...counts]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, n]) => `${quoteCode(key, 24).replace(/^"(.*)"$/, '$1')} ×${n}`)
    .join(', ');
}

/** The separator of an extraction from its first line: `;` (published) or a tab; null for neither. */
function separatorOf(first: string): string | null {
  const m = /^(?:finess|structureet|equipmateriellourd)([;\t])/.exec(first);
  return m === null ? null : (m[1] as string);
}

function separatorName(separator: string): string {
  return separator === '\t' ? 'tab' : separator;
}

/**
 * The fields of one line. A field that starts with a double quote runs to the next lone quote
 * (`""` inside stands for one quote), as in the published files (`"LIEU DE VIE ""X"""`); lines
 * without a quote, nearly all, are split directly.
 */
export function splitFields(line: string, separator: string): string[] {
  if (!line.includes('"')) return line.split(separator);
  const out: string[] = [];
  let i = 0;
  const n = line.length;
  for (;;) {
    let value = '';
    if (line.charCodeAt(i) === 34) {
      let j = i + 1;
      for (;;) {
        const q = line.indexOf('"', j);
        if (q < 0) {
          value += line.slice(j);
          j = n;
          break;
        }
        value += line.slice(j, q);
        if (line.charCodeAt(q + 1) === 34) {
          value += '"';
          j = q + 2;
          continue;
        }
        j = q + 1;
        break;
      }
      i = j;
    }
    const next = line.indexOf(separator, i);
    if (next < 0) {
      out.push(value + line.slice(i));
      return out;
    }
    out.push(value + line.slice(i, next));
    i = next + 1;
  }
}

/** Days in each month of a common year. */
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** True for a calendar date written `YYYY-MM-DD` (read by hand: one per machine line). */
function isDate(value: string): boolean {
  if (value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return false;
  for (const i of [0, 1, 2, 3, 5, 6, 8, 9]) {
    const c = value.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : (MONTH_DAYS[month - 1] as number));
}
