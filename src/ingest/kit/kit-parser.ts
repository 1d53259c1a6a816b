/**
 * Reads a data kit (data-kit.md) from files fed as text or bytes, in chunks: pure, so the web
 * upload and readKitDir share it. Files are read in dependency order (establishments, equipment,
 * sessions, exams, acts, survey, then the equipment register and slots) so references are checked on the
 * fly, rows become kit records (exams: columns, exam-columns.ts) directly, and no record is
 * built any more once an error is seen (the kit will be null).
 */
import { CampaignCalendar, ZoneClock } from '../../core/calendar.ts';
import { attachExamTable } from '../../core/exam-table.ts';
import type { Issue } from '../../core/issues.ts';
import {
  CLINICAL_CASES,
  EQUIPMENT_ROLES,
  LEGAL_STATUSES,
  MODALITIES,
  SURVEY_PATIENTS,
  type Act,
  type Campaign,
  type ClinicalCase,
  type CostSet,
  type Equipment,
  type Establishment,
  type Kit,
  type Session,
  type Slot,
  type SurveyAnswer,
} from '../../core/kit-types.ts';
import { readCostSet } from '../costs/costs-file.ts';
import { CsvTokenizer, type CsvRecord } from '../csv.ts';
import { CampaignWindow } from './campaign-window.ts';
import { readCampaign } from './campaign-json.ts';
import { CellReader, detach } from './cells.ts';
import { CsvFeed, type ByteLineReader, type KitFileFeed } from './csv-feed.ts';
import { DateTimeReader } from './date-time.ts';
import { ExamColumns } from './exam-columns.ts';
import { FastExamRows } from './exam-fast-rows.ts';
import { FastSessionRows } from './session-fast-rows.ts';
import { ExamIdRegistry } from './exam-id-registry.ts';
import { CheckedExamRows, examColumnIndexes } from './exam-rows.ts';
import { CellTextSink } from './identifying.ts';
import type { IssueSink } from './issue-sink.ts';
import { wideEncodingOf } from '../text-encoding.ts';
import { KitMachines, type KnownEquipment } from './kit-machines.ts';
import {
  ACTS_FILE,
  CAMPAIGN_FILE,
  COSTS_FILE_NAME,
  EQUIPMENT_FILE,
  ESTABLISHMENTS_FILE,
  EXAMS_FILE,
  KIT_READ_FILES,
  REGISTER_FILE,
  SESSIONS_FILE,
  SLOTS_FILE,
  SURVEY_FILE,
  type KitFileSpec,
} from './kit-files.ts';
import { RegisterRows } from './register-rows.ts';
import { SessionRows } from './session-rows.ts';
import { ActRows } from './act-rows.ts';
import { mapHeader, type KitFileSummary } from './kit-header.ts';
import { slotRows } from './slots-file.ts';
import { previousIdOf } from './previous-id.ts';

export type { KitFileFeed } from './csv-feed.ts';

export type { KitFileSummary } from './kit-header.ts';

/** The outcome of reading a kit: `kit` is null as soon as one issue is an error. */
export interface KitReadResult {
  kit: Kit | null;
  issues: Issue[];
  files: KitFileSummary[];
}

type RowReader = (row: CsvRecord) => void;

const CASES = Object.keys(CLINICAL_CASES) as ClinicalCase[];

/**
 * Bytes of an exams.csv line and of an exam id, about (exports and the generator: 100 to 160 and
 * 8 to 16), to size the columns before reading; a column that needs more grows.
 */
const EXAM_LINE_BYTES = 100;
const EXAM_ID_BYTES = 16;

/** Options of a KitParser (internal: for tests). */
export interface KitParserOptions {
  /**
   * Read canonical rows of exams.csv and sessions.csv from their bytes (default true); false:
   * every row is checked.
   */
  fastRows?: boolean;
  /**
   * Keep exams.csv's `patient_key` values (default true). They are always checked (a raw
   * identifier is refused either way); a reader that uses no patient key — the indicators —
   * keeps none: only the fields it reads, as the de-identification allow-list asks.
   */
  patientKeys?: boolean;
}

/**
 * Reads a kit fed file by file. Call `campaign` first, then `csv` for each file of
 * KIT_READ_FILES in that order, then `finish`.
 *
 * @example
 * const parser = new KitParser();
 * parser.campaign(campaignJsonText);
 * for (const spec of KIT_READ_FILES) {
 *   const feed = parser.csv(spec, texts.has(spec.name) ? spec.name : null);
 *   feed?.push(texts.get(spec.name)!);
 *   feed?.end();
 * }
 * const { kit, issues } = parser.finish();
 */
export class KitParser {
  // Cell texts reach messages only when shaped like a number, a date or a code (identifying.ts).
  readonly #sink: IssueSink = new CellTextSink();
  readonly #files: KitFileSummary[] = [];
  #campaign: Campaign | null = null;
  #dates = new DateTimeReader(new ZoneClock('UTC'));
  #window: CampaignWindow | null = null;

  readonly #establishments: Establishment[] = [];
  /** finess → line, for every row that had one (valid or not), to check references and keys. */
  readonly #finess = new Map<string, number>();
  #finessChecked = false;
  readonly #equipment: Equipment[] = [];
  /** The machines rows may name (equipment.csv's), with their numbers. */
  readonly #machines = new KitMachines();
  readonly #sessions: Session[] = [];
  /** The exam ids per machine, and the exam rows kept as columns (null until exams.csv). */
  readonly #examIds = new ExamIdRegistry();
  #examColumns: ExamColumns | null = null;
  readonly #fastRows: boolean;
  readonly #patientKeys: boolean;
  readonly #acts: Act[] = [];
  readonly #survey: SurveyAnswer[] = [];
  /** The register's rows; null while equipment-register.csv is not read (it is optional). */
  #register: RegisterRows | null = null;
  /** The machines' booking slots; null while slots.csv is not read (it is optional). */
  #slots: Slot[] | null = null;
  /** The machines' yearly costs; null while costs.csv is not read (it is optional). */
  #costs: CostSet | null = null;

  constructor(options: KitParserOptions = {}) {
    this.#fastRows = options.fastRows ?? true;
    this.#patientKeys = options.patientKeys ?? true;
  }

  /** Reports an issue found outside the files themselves (e.g. a duplicate file in an upload). */
  report(issue: Issue): void {
    this.#sink.add(issue);
  }

  /** Reads campaign.json (`null`: the file is missing). */
  campaign(input: string | Uint8Array | null, name = CAMPAIGN_FILE): void {
    if (input === null) {
      this.#sink.say('error', 'missing-file.campaign', CAMPAIGN_FILE, null, null, {
        file: CAMPAIGN_FILE,
        example: '{ "id", "name", "start": "YYYY-MM-DD", "days", "timeZone" }',
      });
      return;
    }
    let text = this.#wholeText(input, name, () =>
      this.#sink.say('error', 'encoding.campaign', name, null, null, { file: name }),
    );
    if (text === null) return;
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    const campaign = readCampaign(text, name, this.#sink);
    if (campaign === null) return;
    this.#campaign = campaign;
    const calendar = new CampaignCalendar(campaign.start, campaign.days, campaign.timeZone);
    this.#dates = new DateTimeReader(calendar.clock);
    this.#window = new CampaignWindow(calendar);
  }

  /**
   * A whole small file (campaign.json, costs.csv) as text: UTF-16 is refused by name, bytes that
   * are not UTF-8 get `badUtf8`'s error; null when the file cannot be read as text.
   */
  #wholeText(input: string | Uint8Array, name: string, badUtf8: () => void): string | null {
    if (typeof input === 'string') return input;
    const wide = wideEncodingOf(input);
    if (wide !== null) {
      this.#sink.say('error', 'encoding.unicode', name, null, null, { file: name, encoding: wide });
      return null;
    }
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(input);
    } catch {
      badUtf8();
      return null;
    }
  }

  /**
   * For a register read on its own: the machines of the stored campaign `campaignId` stand for
   * equipment.csv (`equipment_id` is checked against them). Call it after `campaign`.
   */
  storedEquipment(campaignId: string, equipment: readonly Equipment[]): void {
    this.#machines.stored(campaignId, equipment);
  }

  /**
   * Reads costs.csv (planning.md §1) with `readCostSet` (ingest/costs), its machines checked
   * against equipment.csv: call it after the CSV files. Any error refuses the kit.
   */
  costs(content: string | Uint8Array, name = COSTS_FILE_NAME): void {
    const text = this.#wholeText(content, name, () =>
      this.#sink.say('error', 'encoding', name, null, null, { file: name, line: '?' }),
    );
    if (text === null) return;
    const { costs, issues } = readCostSet(
      text,
      name,
      this.#machines.checked ? this.#machines.machineIds : null,
    );
    for (const issue of issues) this.#sink.add(issue);
    this.#files.push({ name, rows: costs?.rows.length ?? 0, unknownColumns: [] });
    this.#costs = costs;
  }

  /** Notes a file that is not part of a kit (a typo in a name shows up here). */
  unknownFile(name: string): void {
    const known = [CAMPAIGN_FILE, ...KIT_READ_FILES.map((f) => f.name), COSTS_FILE_NAME];
    this.#sink.say('warning', 'unknown-file', name, null, null, {
      file: name,
      files: known.join(', '),
    });
  }

  /**
   * Starts reading one CSV file of the kit; `name` is the file's actual name, `null` when it is
   * absent (an error for a required file). Returns the feed, or null when there is nothing to read.
   */
  csv(spec: KitFileSpec, name: string | null, size?: number): KitFileFeed | null {
    if (name === null) {
      if (spec.required) {
        const columns = spec.columns.filter((c) => c.required).map((c) => c.name);
        this.#sink.say('error', 'missing-file', spec.name, null, null, {
          file: spec.name,
          columns: columns.join(', '),
        });
      }
      return null;
    }
    const summary: KitFileSummary = { name, rows: 0, unknownColumns: [] };
    this.#files.push(summary);
    let row: RowReader = () => undefined;
    let lines: ByteLineReader | null = null;
    const tokenizer: CsvTokenizer = new CsvTokenizer(name, {
      header: (columns, separator, line) => {
        const index = mapHeader(spec, name, columns, line, summary, this.#sink);
        if (index === null) return false;
        const cells = new CellReader(name, this.#sink, this.#dates, separator === ';');
        if (spec.name === EXAMS_FILE.name) {
          const readers = this.#examRows(index, cells, columns.length, separator.charCodeAt(0));
          if (size !== undefined) this.#expectExams(size);
          row = readers.row;
          lines = readers.lines;
        } else {
          row = this.#rowReader(spec, index, cells);
          if (spec.name === SESSIONS_FILE.name)
            lines = this.#fastSessionRows(index, columns.length, separator.charCodeAt(0));
        }
        return true;
      },
      record: (record) => row(record),
      issue: (issue) => this.#sink.add(issue),
    });
    const onEnd = (): void => {
      summary.rows = tokenizer.records;
    };
    return new CsvFeed(
      tokenizer,
      this.#sink,
      onEnd,
      spec.name === EXAMS_FILE.name || spec.name === SESSIONS_FILE.name ? () => lines : null,
    );
  }

  /** Ends the read: the kit when no issue is an error, else null, and every issue. */
  finish(): KitReadResult {
    const issues = this.#sink.finish();
    const campaign = this.#campaign;
    if (campaign === null || this.#sink.errorCount > 0)
      return { kit: null, issues, files: this.#files };
    const columns = this.#examColumns ?? new ExamColumns(false);
    this.#examColumns = null;
    const table = columns.toTable(this.#equipment.length, this.#examIds.ids);
    const kit: Kit = attachExamTable(
      {
        campaign,
        establishments: this.#establishments,
        equipment: this.#equipment,
        sessions: this.#sessions,
        acts: this.#acts,
        survey: this.#survey,
        ...(this.#register === null ? {} : { register: this.#register.rows }),
        ...(this.#slots === null ? {} : { slots: this.#slots }),
        ...(this.#costs === null ? {} : { costs: this.#costs }),
      },
      table,
    );
    return { kit, issues, files: this.#files };
  }

  #rowReader(spec: KitFileSpec, index: Map<string, number>, cells: CellReader): RowReader {
    const col = (c: string): number => index.get(c) ?? -1;
    switch (spec.name) {
      case ESTABLISHMENTS_FILE.name:
        this.#finessChecked = true;
        return this.#establishmentRows(col, cells);
      case EQUIPMENT_FILE.name:
        this.#machines.checked = true;
        return this.#equipmentRows(col, cells);
      case SESSIONS_FILE.name:
        return new SessionRows(
          this.#sessions,
          this.#machines,
          this.#window,
          this.#campaign?.start ?? '',
          this.#sink,
        ).read(col, cells);
      case ACTS_FILE.name:
        return new ActRows(this.#acts, this.#sink).read(col, cells);
      case SURVEY_FILE.name:
        return this.#surveyRows(col, cells);
      case REGISTER_FILE.name:
        return (this.#register = new RegisterRows(this.#campaign, this.#machines, this.#sink)).read(
          col,
          cells,
        );
      case SLOTS_FILE.name:
        return slotRows(col, cells, (this.#slots = []), {
          equipment: (row, i) => this.#machines.known(row, i, cells)?.id ?? null,
          errorCount: () => this.#sink.errorCount,
        });
      default:
        throw new Error(`not a kit file: ${spec.name}`);
    }
  }

  #establishmentRows(col: (c: string) => number, r: CellReader): RowReader {
    const iFiness = col('finess');
    const iName = col('name');
    const iStatus = col('legal_status');
    const iRegion = col('region');
    const iDept = col('department');
    return (row) => {
      const finess = this.#newFiness(row, iFiness, r);
      const name = r.required(row, iName, 'name');
      const legalStatus = r.choice(LEGAL_STATUSES, row, iStatus, 'legal_status');
      const region = r.required(row, iRegion, 'region');
      const dept = row.cell(iDept);
      if (finess === null || name === null || !legalStatus || region === null) return;
      if (this.#sink.errorCount > 0) return;
      this.#establishments.push({
        finess,
        name: detach(name),
        legalStatus,
        region: detach(region),
        department: dept === '' ? null : detach(dept),
      });
    };
  }

  /** Checks a finess of establishments.csv: present, 9 characters, unique. */
  #newFiness(row: CsvRecord, i: number, r: CellReader): string | null {
    const text = r.required(row, i, 'finess');
    if (text === null) return null;
    const line = row.line;
    const finess = detach(text);
    const first = this.#finess.get(finess);
    if (first !== undefined) {
      r.say('error', 'duplicate-key.finess', line, 'finess', { finess, first: String(first) });
      return null;
    }
    this.#finess.set(finess, line);
    if (finess.length !== 9) {
      const dropped = /^\d{8}$/.test(finess);
      r.say('error', dropped ? 'invalid-finess.leading-zero' : 'invalid-finess', line, 'finess', {
        finess,
        length: finess.length,
      });
      return null;
    }
    return finess;
  }

  /** A finess that must be an establishment of the kit; null (with an error) when it is not. */
  #knownFiness(row: CsvRecord, i: number, r: CellReader): string | null {
    const text = r.required(row, i, 'finess');
    if (text === null) return null;
    if (!this.#finessChecked || this.#finess.has(text)) return detach(text);
    r.say('error', 'unknown-reference.finess', row.line, 'finess', {
      finess: text,
      file: ESTABLISHMENTS_FILE.name,
    });
    return null;
  }

  #equipmentRows(col: (c: string) => number, r: CellReader): RowReader {
    const iId = col('equipment_id');
    const iFiness = col('finess');
    const iModality = col('modality');
    const iLabel = col('label');
    const iYear = col('installed_year');
    const iRole = col('role');
    const iPrevious = col('previous_id');
    return (row) => {
      const line = row.line;
      const idText = r.required(row, iId, 'equipment_id');
      let equipmentId: string | null = null;
      let known: KnownEquipment | null = null;
      if (idText !== null) {
        const first = this.#machines.ids.get(idText);
        if (first !== undefined) {
          r.say('error', 'duplicate-key.equipment', line, 'equipment_id', {
            id: idText,
            first: String(first.line),
          });
        } else {
          equipmentId = detach(idText);
          known = this.#machines.add(equipmentId, line);
          this.#machines.machineIds.add(equipmentId);
        }
      }
      const finess = this.#knownFiness(row, iFiness, r);
      const modality = r.choice(MODALITIES, row, iModality, 'modality');
      if (known !== null && modality) known.modality = modality;
      const label = row.cell(iLabel);
      let installedYear = r.number(row, iYear, 'installed_year', 1900, false, true);
      if (installedYear !== null && installedYear > 2100) {
        r.say('error', 'out-of-range.installed-year', line, 'installed_year', {
          text: row.cell(iYear),
        });
        installedYear = NaN;
      }
      const role = r.choice(EQUIPMENT_ROLES, row, iRole, 'role', true);
      const previousId = previousIdOf(row, iPrevious, idText, r);
      if (equipmentId === null || finess === null || !modality || role === undefined) return;
      if (installedYear !== installedYear || previousId === false || this.#sink.errorCount > 0)
        return;
      const machine: Equipment = {
        equipmentId,
        finess,
        modality,
        label: label === '' ? null : detach(label),
        installedYear,
        role: role ?? 'general',
      };
      // Absent, not null, when blank: kits without the column compare and fingerprint as before.
      if (previousId !== null) machine.previousId = previousId;
      this.#equipment.push(machine);
    };
  }

  /**
   * Sizes the exam columns and ids for an exams.csv of `size` bytes: about one row per
   * EXAM_LINE_BYTES (a hint: a file of shorter lines grows its columns as it is read).
   */
  #expectExams(size: number): void {
    const rows = Math.ceil(size / EXAM_LINE_BYTES) + 1024;
    this.#examColumns?.expect(rows);
    this.#examIds.expect(rows, rows * EXAM_ID_BYTES);
  }

  /** The byte reader of sessions.csv's canonical lines (null: every row checked). */
  #fastSessionRows(
    index: Map<string, number>,
    width: number,
    separator: number,
  ): FastSessionRows | null {
    const window = this.#window;
    if (!this.#fastRows || window === null) return null;
    const col = (c: string): number => index.get(c) ?? -1;
    return new FastSessionRows(
      { rows: this.#sessions, machines: this.#machines, window, sink: this.#sink },
      this.#dates,
      { equipment: col('equipment_id'), start: col('start'), end: col('end'), type: col('type') },
      width,
      separator,
    );
  }

  /** The readers of exams.csv's rows: checked records, and canonical lines from bytes. */
  #examRows(
    index: Map<string, number>,
    cells: CellReader,
    width: number,
    separator: number,
  ): { row: RowReader; lines: ByteLineReader | null } {
    const indexes = examColumnIndexes((c) => index.get(c) ?? -1);
    const columns = (this.#examColumns = new ExamColumns(indexes.key >= 0 && this.#patientKeys));
    const window = this.#window;
    const ctx = {
      sink: this.#sink,
      machines: this.#machines,
      registry: this.#examIds,
      window,
      campaignStart: this.#campaign?.start ?? '',
    };
    const checked = new CheckedExamRows(ctx, cells, indexes, columns);
    const fast =
      this.#fastRows && window !== null
        ? new FastExamRows({ ...ctx, window }, this.#dates, indexes, columns, width, separator)
        : null;
    return {
      row: (record) => checked.read(record),
      lines: fast,
    };
  }

  #surveyRows(col: (c: string) => number, r: CellReader): RowReader {
    const iFiness = col('finess');
    const iModality = col('modality');
    const iCase = col('case');
    const iPatient = col('patient');
    const iDays = col('days');
    return (row) => {
      const finess = this.#knownFiness(row, iFiness, r);
      const modality = r.choice(MODALITIES, row, iModality, 'modality');
      const clinicalCase = r.choice(CASES, row, iCase, 'case');
      const patient = r.choice(SURVEY_PATIENTS, row, iPatient, 'patient');
      const days = r.requiredNumber(row, iDays, 'days', 0, false, true);
      if (clinicalCase && modality && CLINICAL_CASES[clinicalCase] !== modality) {
        r.say('error', 'case-modality', row.line, 'case', {
          case: clinicalCase,
          caseModality: CLINICAL_CASES[clinicalCase],
          modality,
        });
        return;
      }
      if (finess === null || !modality || !clinicalCase || !patient) return;
      if (days !== days || this.#sink.errorCount > 0) return;
      this.#survey.push({ finess, modality, case: clinicalCase, patient, days });
    };
  }
}
