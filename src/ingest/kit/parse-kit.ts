/**
 * Reads a data kit (data-kit.md) from files fed as text or bytes, in chunks: pure, so the web
 * upload and readKitDir share it. Files are read in dependency order (establishments, equipment,
 * sessions, exams, acts, survey, then the equipment register and slots) so references are checked on the
 * fly, rows become kit records directly, and no record is built any more once an error is seen
 * (the kit will be null).
 */
import {
  CampaignCalendar,
  formatIsoDate,
  MS_PER_DAY,
  parseIsoDate,
  ZoneClock,
} from '../../core/calendar.ts';
import type { Issue } from '../../core/issues.ts';
import {
  AGE_BANDS,
  CATEGORIES,
  CLINICAL_CASES,
  EQUIPMENT_ROLES,
  LEGAL_STATUSES,
  MODALITIES,
  REGISTER_SECTORS,
  SESSION_TYPES,
  SURVEY_PATIENTS,
  type Act,
  type Campaign,
  type ClinicalCase,
  type CostSet,
  type Equipment,
  type Establishment,
  type Exam,
  type Kit,
  type Modality,
  type RegisterMachine,
  type Session,
  type Slot,
  type SurveyAnswer,
} from '../../core/kit-types.ts';
import { ACT_FAMILIES } from '../../core/act-families.ts';
import { looksLikeRawIdentifier } from '../../plan/relevance/repeats.ts';
import { normalizeDepartmentCode } from '../../plan/territories/population.ts';
import { readCostSet } from '../costs/costs-file.ts';
import { CsvTokenizer, type CsvRecord } from '../csv.ts';
import { CampaignWindow } from './campaign-window.ts';
import { CellReader, detach } from './cells.ts';
import { DateTimeReader } from './date-time.ts';
import { CellTextSink, describeText, isHeaderShaped, isIdentifyingHeader, shownCellText } from './identifying.ts';
import type { IssueSink } from './issue-sink.ts';
import { wideEncodingOf } from '../text-encoding.ts';
import { makeIssue } from '../../i18n/issues/index.ts';
import { KeyRegistry } from './key-registry.ts';
import { RangeIndex } from './range-index.ts';
import {
  ACT_SEPARATOR,
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
import { slotRows } from './slots-file.ts';
import { previousIdOf } from './previous-id.ts';
import { invalidCampaignFields } from '../../core/bundle/validate.ts';

/** One file of the kit as read: its rows (blank lines excluded) and the columns kept aside. */
export interface KitFileSummary {
  name: string;
  rows: number;
  unknownColumns: string[];
}

/** The outcome of reading a kit: `kit` is null as soon as one issue is an error. */
export interface KitReadResult {
  kit: Kit | null;
  issues: Issue[];
  files: KitFileSummary[];
}

/** A kit file being fed to a KitParser, as text or UTF-8 bytes, in chunks of any size. */
export interface KitFileFeed {
  push(chunk: string | Uint8Array): void;
  end(): void;
  /** True when the file was refused at its header: feeding more is useless. */
  readonly stopped: boolean;
}

type RowReader = (row: CsvRecord) => void;

interface KnownEquipment {
  id: string;
  line: number;
  examIds: KeyRegistry;
  /** Its modality, once read (null when its row's was unusable). */
  modality: Modality | null;
}

/** The highest field strength a register row may give, in tesla (planning.md §1). */
const MAX_FIELD_TESLA = 11.7;
/** The earliest `installed_year` of a register row. */
const FIRST_INSTALLED_YEAR = 1950;

const CASES = Object.keys(CLINICAL_CASES) as ClinicalCase[];
const NO_ACTS: string[] = Object.freeze([] as string[]) as string[];
/** Distinct `acts` cells remembered (exams sharing a cell share one frozen array). */
const MAX_CACHED_ACT_LISTS = 100_000;
const CAMPAIGN_KEYS = ['id', 'name', 'start', 'days', 'timeZone'];

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
  /** equipment_id → its canonical string, line, and the exam ids seen for it. */
  readonly #equipmentIds = new RangeIndex<KnownEquipment>();
  #equipmentChecked = false;
  readonly #sessions: Session[] = [];
  readonly #exams: Exam[] = [];
  readonly #acts: Act[] = [];
  readonly #actLines = new Map<string, number>();
  readonly #survey: SurveyAnswer[] = [];
  readonly #actLists = new RangeIndex<string[]>();
  /** The register's machines; null while equipment-register.csv is not read (it is optional). */
  #register: RegisterMachine[] | null = null;
  /** equipment_id → the register line naming it. */
  readonly #registerNamed = new Map<string, number>();
  /** The machines' booking slots; null while slots.csv is not read (it is optional). */
  #slots: Slot[] | null = null;
  /** The machines' yearly costs; null while costs.csv is not read (it is optional). */
  #costs: CostSet | null = null;
  /** Every equipment_id of equipment.csv (or of the stored campaign), for costs.csv. */
  readonly #machineIds = new Set<string>();
  /** The stored campaign whose machines stand for equipment.csv (`storedEquipment`), or null. */
  #storedCampaign: string | null = null;

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
    let text: string;
    if (typeof input === 'string') text = input;
    else {
      const wide = wideEncodingOf(input);
      if (wide !== null) {
        this.#sink.say('error', 'encoding.unicode', name, null, null, { file: name, encoding: wide });
        return;
      }
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(input);
      } catch {
        this.#sink.say('error', 'encoding.campaign', name, null, null, { file: name });
        return;
      }
    }
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    const campaign = readCampaign(text, name, this.#sink);
    if (campaign === null) return;
    this.#campaign = campaign;
    const calendar = new CampaignCalendar(campaign.start, campaign.days, campaign.timeZone);
    this.#dates = new DateTimeReader(calendar.clock);
    this.#window = new CampaignWindow(calendar);
  }

  /**
   * For a register read on its own: the machines of the stored campaign `campaignId` stand for
   * equipment.csv (`equipment_id` is checked against them). Call it after `campaign`.
   */
  storedEquipment(campaignId: string, equipment: readonly Equipment[]): void {
    this.#equipmentChecked = true;
    this.#storedCampaign = campaignId;
    for (const m of equipment) {
      this.#equipmentIds.set(m.equipmentId, {
        id: m.equipmentId,
        line: 0,
        examIds: new KeyRegistry(),
        modality: m.modality,
      });
      this.#machineIds.add(m.equipmentId);
    }
  }

  /**
   * Reads costs.csv (planning.md §1) with `readCostSet` (ingest/costs), its machines checked
   * against equipment.csv: call it after the CSV files. Any error refuses the kit.
   */
  costs(content: string | Uint8Array, name = COSTS_FILE_NAME): void {
    let text: string;
    if (typeof content === 'string') text = content;
    else {
      const wide = wideEncodingOf(content);
      if (wide !== null) {
        this.#sink.say('error', 'encoding.unicode', name, null, null, { file: name, encoding: wide });
        return;
      }
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(content);
      } catch {
        this.#sink.say('error', 'encoding', name, null, null, { file: name, line: '?' });
        return;
      }
    }
    const { costs, issues } = readCostSet(text, name, this.#equipmentChecked ? this.#machineIds : null);
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
  csv(spec: KitFileSpec, name: string | null): KitFileFeed | null {
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
    const tokenizer: CsvTokenizer = new CsvTokenizer(name, {
      header: (columns, separator, line) => {
        const index = this.#header(spec, name, columns, line, summary);
        if (index === null) return false;
        row = this.#rowReader(
          spec,
          index,
          new CellReader(name, this.#sink, this.#dates, separator === ';'),
        );
        return true;
      },
      record: (record) => row(record),
      issue: (issue) => this.#sink.add(issue),
    });
    return new CsvFeed(tokenizer, this.#sink, () => {
      summary.rows = tokenizer.records;
    });
  }

  /** Ends the read: the kit when no issue is an error, else null, and every issue. */
  finish(): KitReadResult {
    const issues = this.#sink.finish();
    const campaign = this.#campaign;
    const kit: Kit | null =
      campaign !== null && this.#sink.errorCount === 0
        ? {
            campaign,
            establishments: this.#establishments,
            equipment: this.#equipment,
            sessions: this.#sessions,
            exams: this.#exams,
            acts: this.#acts,
            survey: this.#survey,
            ...(this.#register === null ? {} : { register: this.#register }),
            ...(this.#slots === null ? {} : { slots: this.#slots }),
            ...(this.#costs === null ? {} : { costs: this.#costs }),
          }
        : null;
    return { kit, issues, files: this.#files };
  }

  /** Maps the header to column indexes; null (with errors) when the file cannot be read. */
  #header(
    spec: KitFileSpec,
    name: string,
    columns: string[],
    line: number,
    summary: KitFileSummary,
  ): Map<string, number> | null {
    const sink = this.#sink;
    const identifying = columns.filter(isIdentifyingHeader);
    for (const column of identifying) {
      sink.say('error', 'identifying-column', name, line, column, { file: name, column });
    }
    if (identifying.length > 0) return null;
    const known = new Set(spec.columns.map((c) => c.name));
    const index = new Map<string, number>();
    let usable = true;
    // A first line naming no column of the kit is data, not a header (a name, a date…): its
    // cells are described, never quoted; a header's unknown column is quoted when it looks like one.
    const isData = !columns.some((c) => known.has(c.toLowerCase()));
    const shown = (raw: string): string => (!isData && isHeaderShaped(raw) ? raw : `(${describeText(raw)})`);
    columns.forEach((raw, i) => {
      const key = raw.toLowerCase();
      if (raw === '') {
        sink.say('warning', 'unnamed-column', name, line, null, {
          position: String(i + 1),
          file: name,
        });
      } else if (known.has(key)) {
        if (index.has(key)) {
          usable = false;
          sink.say('error', 'duplicate-column', name, line, key, { file: name, column: key });
        } else index.set(key, i);
      } else {
        summary.unknownColumns.push(shown(raw));
        sink.say('warning', 'unknown-column', name, line, shown(raw), {
          file: name,
          column: shown(raw),
          columns: spec.columns.map((c) => c.name).join(', '),
        });
      }
    });
    for (const column of spec.columns) {
      if (!column.required || index.has(column.name)) continue;
      usable = false;
      const tab = columns.length === 1 && (columns[0] ?? '').includes('\t');
      sink.say('error', tab ? 'missing-column.tabs' : 'missing-column', name, line, column.name, {
        file: name,
        column: column.name,
        header: columns.map(shown).join(', '),
      });
    }
    return usable ? index : null;
  }

  #rowReader(spec: KitFileSpec, index: Map<string, number>, cells: CellReader): RowReader {
    const col = (c: string): number => index.get(c) ?? -1;
    switch (spec.name) {
      case ESTABLISHMENTS_FILE.name:
        this.#finessChecked = true;
        return this.#establishmentRows(col, cells);
      case EQUIPMENT_FILE.name:
        this.#equipmentChecked = true;
        return this.#equipmentRows(col, cells);
      case SESSIONS_FILE.name:
        return this.#sessionRows(col, cells);
      case EXAMS_FILE.name:
        return this.#examRows(col, cells);
      case ACTS_FILE.name:
        return this.#actRows(col, cells);
      case SURVEY_FILE.name:
        return this.#surveyRows(col, cells);
      case REGISTER_FILE.name:
        return this.#registerRows(col, cells);
      case SLOTS_FILE.name:
        return slotRows(col, cells, (this.#slots = []), {
          equipment: (row, i) => this.#knownEquipment(row, i, cells)?.id ?? null,
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

  #lastEquipment: KnownEquipment | null = null;

  /** A machine of equipment.csv; null (with an error) when unknown. */
  #knownEquipment(row: CsvRecord, i: number, r: CellReader): KnownEquipment | null {
    if (!row.blank(i)) {
      const from = row.starts[i] as number;
      const to = row.ends[i] as number;
      const last = this.#lastEquipment;
      // Rows often come grouped by machine: try the previous one before hashing.
      if (last !== null && to - from === last.id.length && row.source.startsWith(last.id, from)) {
        return last;
      }
      const known = this.#equipmentIds.getRange(row.source, from, to);
      if (known !== undefined) return (this.#lastEquipment = known);
    }
    const text = r.required(row, i, 'equipment_id');
    if (text === null) return null;
    if (this.#equipmentChecked) {
      r.say('error', 'unknown-reference.equipment', row.line, 'equipment_id', {
        id: text,
        file: EQUIPMENT_FILE.name,
      });
      return null;
    }
    // equipment.csv is unusable (already an error): check the rest without cascading errors.
    const id = detach(text);
    const known = { id, line: 0, examIds: new KeyRegistry(), modality: null };
    this.#equipmentIds.set(id, known);
    return known;
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
        const first = this.#equipmentIds.get(idText);
        if (first !== undefined) {
          r.say('error', 'duplicate-key.equipment', line, 'equipment_id', {
            id: idText,
            first: String(first.line),
          });
        } else {
          equipmentId = detach(idText);
          known = { id: equipmentId, line, examIds: new KeyRegistry(), modality: null };
          this.#equipmentIds.set(equipmentId, known);
          this.#machineIds.add(equipmentId);
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
      if (installedYear !== installedYear || previousId === false || this.#sink.errorCount > 0) return;
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

  #sessionRows(col: (c: string) => number, r: CellReader): RowReader {
    const iEq = col('equipment_id');
    const iStart = col('start');
    const iEnd = col('end');
    const iType = col('type');
    const sessions = this.#sessions;
    return (row) => {
      const equipment = this.#knownEquipment(row, iEq, r);
      const start = r.dateTime(row, iStart, 'start');
      const end = r.dateTime(row, iEnd, 'end');
      const type = r.choice(SESSION_TYPES, row, iType, 'type');
      if (end <= start) {
        r.say('error', 'end-before-start', row.line, 'end', {
          end: row.cell(iEnd),
          start: row.cell(iStart),
        });
        return;
      }
      if (equipment === null || !type || start !== start || end !== end) return;
      if (this.#outsideCampaign(row, iStart, iEnd, start, end, r)) return;
      if (this.#sink.errorCount > 0) return;
      sessions.push({ equipmentId: equipment.id, start, end, type });
    };
  }

  #examRows(col: (c: string) => number, r: CellReader): RowReader {
    const iId = col('exam_id');
    const iEq = col('equipment_id');
    const iCat = col('category');
    const iIn = col('room_in');
    const iOut = col('room_out');
    const iActs = col('acts');
    const iIcr = col('icr');
    const iReport = col('report_validated_at');
    const iRequest = col('requested_at');
    const iScheduled = col('scheduled_minutes');
    const iAge = col('age_band');
    const iKey = col('patient_key');
    const exams = this.#exams;
    const sink = this.#sink;
    const dates = r.dates;
    const window = this.#window;
    return (row) => {
      const line = row.line;
      let ok = true;
      const equipment = this.#knownEquipment(row, iEq, r);
      const category = r.choice(CATEGORIES, row, iCat, 'category');
      const roomIn = r.dateTime(row, iIn, 'room_in');
      const roomOut = r.dateTime(row, iOut, 'room_out');
      const outPrecision = dates.precision;
      const duration = roomOut - roomIn;
      if (duration < 0 || duration > MS_PER_DAY)
        ok = this.#durationIssue(row, iIn, iOut, duration, outPrecision, r);
      const acts = iActs < 0 ? NO_ACTS : this.#actList(row, iActs);
      const icr = r.number(row, iIcr, 'icr', 0);
      const report = r.optionalDateTime(row, iReport, 'report_validated_at');
      const requested = r.optionalDateTime(row, iRequest, 'requested_at');
      const scheduled = r.number(row, iScheduled, 'scheduled_minutes', 0, true);
      const ageBand = r.choice(AGE_BANDS, row, iAge, 'age_band', true);
      // A key that looks like a name or a number is refused, and never repeated in the message.
      const patientKey = row.blank(iKey) ? null : row.cell(iKey);
      if (patientKey !== null && looksLikeRawIdentifier(patientKey)) {
        r.say('error', 'patient-key-identifier', line, 'patient_key', {});
        ok = false;
      }
      let examId: string | null = null;
      const idText = r.required(row, iId, 'exam_id');
      if (idText !== null && equipment !== null) {
        examId = detach(idText);
        const firstLine = equipment.examIds.add(examId, line);
        if (firstLine >= 0) {
          r.say('error', 'duplicate-key.exam', line, 'exam_id', {
            id: idText,
            equipment: equipment.id,
            first: String(firstLine),
          });
          ok = false;
        }
      }
      if (report !== null && report < roomOut) {
        r.say('warning', 'report-before-exam', line, 'report_validated_at', {
          report: row.cell(iReport),
          roomOut: row.cell(iOut),
        });
      }
      const place = window === null ? 'in' : window.placeOf(roomIn);
      if (place !== 'in' && window !== null) {
        // A mistyped year would count in every figure: only a day of margin is kept.
        const away = this.#away(window, roomIn);
        const params = { roomIn: row.cell(iIn), ...away };
        if (place === 'far') {
          r.say('error', `outside-campaign.exam-${away.side}`, line, 'room_in', params);
          ok = false;
        } else r.say('warning', `campaign-margin.exam-${away.side}`, line, 'room_in', params);
      }
      if (
        !ok ||
        examId === null ||
        equipment === null ||
        !category ||
        roomIn !== roomIn ||
        roomOut !== roomOut ||
        icr !== icr ||
        report !== report ||
        requested !== requested ||
        scheduled !== scheduled ||
        ageBand === undefined ||
        sink.errorCount > 0
      ) {
        return;
      }
      exams.push({
        examId,
        equipmentId: equipment.id,
        category,
        roomIn,
        roomOut,
        acts,
        icr,
        reportValidatedAt: report,
        requestedAt: requested,
        scheduledMinutes: scheduled,
        ageBand,
        ...(patientKey === null ? {} : { patientKey: detach(patientKey) }),
      });
    };
  }

  /**
   * Reports a session that lies away from the campaign's days: an error (true) when it starts or
   * ends more than a day away, a warning when it lies wholly within the day of margin.
   */
  #outsideCampaign(
    row: CsvRecord,
    iStart: number,
    iEnd: number,
    start: number,
    end: number,
    r: CellReader,
  ): boolean {
    const window = this.#window;
    const place = window === null ? 'in' : window.placeOfSpan(start, end);
    if (place === 'in' || window === null) return false;
    const span = { from: row.cell(iStart), to: row.cell(iEnd) };
    if (place === 'margin') {
      const away = this.#away(window, start);
      r.say('warning', `campaign-margin.session-${away.side}`, row.line, 'start', { ...span, ...away });
      return false;
    }
    const far = window.placeOf(start) === 'far' ? start : end;
    const away = this.#away(window, far);
    r.say('error', `outside-campaign.session-${away.side}`, row.line, far === start ? 'start' : 'end', {
      ...span,
      ...away,
      end: far === start ? 0 : 1,
    });
    return true;
  }

  /**
   * How far `t` lies from the campaign's days, as issue parameters: the side, the days (and whole
   * years) away, the edge day it is counted from, and the campaign's span.
   */
  #away(
    window: CampaignWindow,
    t: number,
  ): { side: 'before' | 'after'; n: number; years: number; edge: string; days: number; start: string } {
    const { start, days } = this.#campaign as Campaign;
    const day = window.dayOf(t);
    const before = day < 0;
    const n = before ? -day : day - (days - 1);
    const first = parseIsoDate(start) as number;
    const edge = before ? start : formatIsoDate(first + (days - 1) * MS_PER_DAY);
    return { side: before ? 'before' : 'after', n, years: Math.floor(n / 365.25), edge, days, start };
  }

  /** Reports a negative or over-24-hour exam; true when it is only a rounding of room_out. */
  #durationIssue(
    row: CsvRecord,
    iIn: number,
    iOut: number,
    duration: number,
    outPrecision: number,
    r: CellReader,
  ): boolean {
    const inText = row.cell(iIn);
    const outText = row.cell(iOut);
    if (duration < 0 && duration > -outPrecision) {
      // room_out cut to the minute (or second) can fall just before a room_in given more precisely.
      r.say('info', 'rounded-duration', row.line, 'room_out', {
        roomOut: outText,
        roomIn: inText,
        ...durationParams(-duration),
      });
      return true;
    }
    if (duration < 0) {
      r.say('error', 'negative-duration', row.line, 'room_out', {
        roomOut: outText,
        roomIn: inText,
        ...durationParams(duration),
      });
    } else {
      r.say('error', 'duration-over-24h', row.line, 'room_out', {
        roomIn: inText,
        roomOut: outText,
        ...durationParams(duration),
      });
    }
    return false;
  }

  #lastActsText = '';
  #lastActs: string[] = NO_ACTS;

  /** The CCAM codes of an `acts` cell; exams with the same cell share one frozen array. */
  #actList(row: CsvRecord, i: number): string[] {
    if (row.blank(i)) return NO_ACTS;
    const source = row.source;
    const from = row.starts[i] as number;
    const to = row.ends[i] as number;
    const lastText = this.#lastActsText;
    if (to - from === lastText.length && source.startsWith(lastText, from)) return this.#lastActs;
    const entry = this.#actLists.entryRange(source, from, to);
    let list: string[];
    let key: string;
    if (entry !== undefined) {
      key = entry.key;
      list = entry.value;
    } else {
      key = detach(row.cell(i));
      list = Object.freeze(
        key
          .split(ACT_SEPARATOR)
          .map((code) => code.trim())
          .filter((code) => code.length > 0),
      ) as string[];
      if (this.#actLists.size < MAX_CACHED_ACT_LISTS) this.#actLists.set(key, list);
    }
    this.#lastActsText = key;
    this.#lastActs = list;
    return list;
  }

  #actRows(col: (c: string) => number, r: CellReader): RowReader {
    const iCode = col('code');
    const iLabel = col('label');
    const iIcr = col('icr');
    const iFamily = col('family');
    return (row) => {
      const codeText = r.required(row, iCode, 'code');
      let code: string | null = null;
      if (codeText !== null) {
        const first = this.#actLines.get(codeText);
        if (first !== undefined) {
          r.say('error', 'duplicate-key.act', row.line, 'code', {
            code: codeText,
            first: String(first),
          });
        } else {
          code = detach(codeText);
          this.#actLines.set(code, row.line);
        }
      }
      const label = row.cell(iLabel);
      const icr = r.requiredNumber(row, iIcr, 'icr', 0);
      const family = r.choice(ACT_FAMILIES, row, iFamily, 'family', true);
      if (code === null || icr !== icr || family === undefined || this.#sink.errorCount > 0) return;
      this.#acts.push({ code, label: detach(label), icr, ...(family === null ? {} : { family }) });
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

  /**
   * Rows of equipment-register.csv (planning.md §1): a machine of the whole fleet, its site by
   * FINESS (not checked against establishments.csv: the fleet spreads beyond the campaign's
   * sites), the campaign machine it is when `equipment_id` is given.
   */
  #registerRows(col: (c: string) => number, r: CellReader): RowReader {
    const iFiness = col('finess');
    const iDept = col('department');
    const iModality = col('modality');
    const iSector = col('sector');
    const iAuthorisation = col('authorisation_id');
    const iAuthorised = col('authorised_on');
    const iInService = col('in_service_on');
    const iYear = col('installed_year');
    const iTesla = col('field_tesla');
    const iEq = col('equipment_id');
    const register: RegisterMachine[] = (this.#register = []);
    const campaign = this.#campaign;
    const campaignYear = campaign === null ? null : Number(campaign.start.slice(0, 4));
    return (row) => {
      const line = row.line;
      const finess = this.#registerFiness(row, iFiness, r);
      const department = this.#department(row, iDept, r);
      const modality = r.choice(MODALITIES, row, iModality, 'modality');
      const sector = r.choice(REGISTER_SECTORS, row, iSector, 'sector');
      const authorisation = row.cell(iAuthorisation);
      const authorisedOn = this.#isoDate(row, iAuthorised, 'authorised_on', r);
      const inServiceOn = this.#isoDate(row, iInService, 'in_service_on', r);
      let installedYear = r.number(row, iYear, 'installed_year', FIRST_INSTALLED_YEAR, false, true);
      if (installedYear !== null && campaignYear !== null && installedYear > campaignYear) {
        r.say('error', 'out-of-range.register-year', line, 'installed_year', {
          text: row.cell(iYear),
          year: String(campaignYear),
        });
        installedYear = NaN;
      }
      let fieldTesla = r.number(row, iTesla, 'field_tesla', 0, true);
      if (fieldTesla !== null && fieldTesla > MAX_FIELD_TESLA) {
        r.say('error', 'out-of-range.field-tesla', line, 'field_tesla', { text: row.cell(iTesla) });
        fieldTesla = NaN;
      } else if (fieldTesla !== null && fieldTesla === fieldTesla && modality === 'CT') {
        r.say('error', 'register-field-tesla', line, 'field_tesla', { text: row.cell(iTesla) });
        fieldTesla = NaN;
      }
      const equipmentId = this.#registerEquipment(row, iEq, modality, r);
      if (authorisedOn && inServiceOn && inServiceOn < authorisedOn) {
        r.say('warning', 'register-service-date', line, 'in_service_on', {
          inService: inServiceOn,
          authorised: authorisedOn,
        });
      }
      if (finess === null || department === null || !modality || !sector) return;
      if (authorisedOn === undefined || inServiceOn === undefined || equipmentId === undefined) return;
      if (installedYear !== installedYear || fieldTesla !== fieldTesla) return;
      if (this.#sink.errorCount > 0) return;
      register.push({
        finess,
        department,
        modality,
        sector,
        authorisationId: authorisation === '' ? null : detach(authorisation),
        authorisedOn,
        inServiceOn,
        installedYear,
        fieldTesla,
        equipmentId,
        origin: 'register',
      });
    };
  }

  /** A register row's finess: present and 9 characters (many rows share one site). */
  #registerFiness(row: CsvRecord, i: number, r: CellReader): string | null {
    const text = r.required(row, i, 'finess');
    if (text === null) return null;
    if (text.length === 9) return detach(text);
    const dropped = /^\d{8}$/.test(text);
    r.say('error', dropped ? 'invalid-finess.leading-zero' : 'invalid-finess', row.line, 'finess', {
      finess: text,
      length: text.length,
    });
    return null;
  }

  /** A département as INSEE writes it (`59`, `2A`, `971`); null (with an error) otherwise. */
  #department(row: CsvRecord, i: number, r: CellReader): string | null {
    const text = r.required(row, i, 'department');
    if (text === null) return null;
    const code = normalizeDepartmentCode(text);
    if (code === null) r.say('error', 'register-department', row.line, 'department', { text });
    return code;
  }

  /** An optional date `YYYY-MM-DD`: null when blank, undefined (with an error) when not a calendar date. */
  #isoDate(row: CsvRecord, i: number, column: string, r: CellReader): string | null | undefined {
    if (row.blank(i)) return null;
    const text = row.cell(i);
    if (parseIsoDate(text) !== null) return detach(text);
    r.say('error', 'register-date', row.line, column, { column, text });
    return undefined;
  }

  /**
   * A register row's `equipment_id`: null when blank, else a machine of equipment.csv (or of the
   * stored campaign) of the row's modality, named by no other row; undefined (with an error) when not.
   */
  #registerEquipment(
    row: CsvRecord,
    i: number,
    modality: Modality | null | undefined,
    r: CellReader,
  ): string | null | undefined {
    if (row.blank(i)) return null;
    const text = row.cell(i);
    const line = row.line;
    const known = this.#equipmentIds.get(text);
    if (known === undefined) {
      // equipment.csv unusable (already an error): no cascade of unknown references.
      if (!this.#equipmentChecked) return undefined;
      if (this.#storedCampaign !== null) {
        r.say('error', 'unknown-reference.register-campaign', line, 'equipment_id', {
          id: text,
          campaign: this.#storedCampaign,
        });
      } else {
        r.say('error', 'unknown-reference.equipment', line, 'equipment_id', {
          id: text,
          file: EQUIPMENT_FILE.name,
        });
      }
      return undefined;
    }
    let ok = true;
    const first = this.#registerNamed.get(known.id);
    if (first !== undefined) {
      r.say('error', 'duplicate-key.register-equipment', line, 'equipment_id', {
        id: text,
        first: String(first),
      });
      ok = false;
    } else this.#registerNamed.set(known.id, line);
    if (modality && known.modality !== null && known.modality !== modality) {
      const params = { id: text, equipmentModality: known.modality, modality };
      if (this.#storedCampaign === null)
        r.say('error', 'register-modality', line, 'equipment_id', { ...params, file: EQUIPMENT_FILE.name });
      else
        r.say('error', 'register-modality.campaign', line, 'equipment_id', { ...params, campaign: this.#storedCampaign });
      ok = false;
    }
    return ok ? known.id : undefined;
  }
}

/** `-17 s` / `-60 min` / `26.5 h` for a duration in milliseconds, as issue parameters. */
function durationParams(ms: number): { amount: number; unit: string } {
  const abs = Math.abs(ms);
  if (abs < 120_000) return { amount: Math.round(ms / 100) / 10, unit: 's' };
  if (abs < 7_200_000) return { amount: Math.round(ms / 6_000) / 10, unit: 'min' };
  return { amount: Math.round(ms / 360_000) / 10, unit: 'h' };
}

/**
 * Decodes bytes into the tokenizer, cut after the last line feed of each chunk: a line feed
 * never splits a UTF-8 sequence, and each piece decodes to one flat string. (Appending chunks to
 * a leftover makes a V8 rope, and reading a rope char by char is several times slower.)
 * Decoding is strict UTF-8, then lenient after the first bad byte, which is reported.
 */
class CsvFeed implements KitFileFeed {
  readonly #tokenizer: CsvTokenizer;
  readonly #sink: IssueSink;
  readonly #onEnd: () => void;
  #decoder = new TextDecoder('utf-8', { fatal: true });
  #lenient = false;
  #carry: Uint8Array = new Uint8Array(0);
  #started = false;

  constructor(tokenizer: CsvTokenizer, sink: IssueSink, onEnd: () => void) {
    this.#tokenizer = tokenizer;
    this.#sink = sink;
    this.#onEnd = onEnd;
  }

  get stopped(): boolean {
    return this.#tokenizer.stopped;
  }

  push(chunk: string | Uint8Array): void {
    if (typeof chunk === 'string') {
      this.#tokenizer.push(chunk);
      return;
    }
    if (!this.#started && chunk.length > 0) {
      this.#started = true;
      // UTF-16 is valid UTF-8 byte by byte when the text is ASCII: say what it is, read nothing.
      const wide = wideEncodingOf(chunk);
      if (wide !== null) {
        const file = this.#tokenizer.file;
        this.#sink.say('error', 'encoding.unicode', file, null, null, { file, encoding: wide });
        this.#tokenizer.stopped = true;
        return;
      }
    }
    if (this.#tokenizer.stopped) return;
    const cut = chunk.lastIndexOf(10) + 1;
    const carry = this.#carry;
    if (cut === 0) {
      this.#carry = concatBytes(carry, chunk, chunk.length);
      return;
    }
    const bytes = carry.length === 0 ? chunk.subarray(0, cut) : concatBytes(carry, chunk, cut);
    this.#carry = chunk.slice(cut);
    this.#tokenizer.push(this.#decode(bytes));
  }

  end(): void {
    if (this.#carry.length > 0) this.#tokenizer.push(this.#decode(this.#carry));
    this.#carry = new Uint8Array(0);
    this.#tokenizer.end();
    this.#onEnd();
  }

  #decode(bytes: Uint8Array): string {
    if (!this.#lenient) {
      try {
        return this.#decoder.decode(bytes);
      } catch {
        this.#lenient = true;
        this.#decoder = new TextDecoder('utf-8');
        const text = this.#decoder.decode(bytes);
        const bad = text.indexOf('\ufffd');
        let line = this.#tokenizer.lineAtEnd;
        for (let i = text.indexOf('\n'); i >= 0 && i < bad; i = text.indexOf('\n', i + 1)) line++;
        const file = this.#tokenizer.file;
        this.#sink.say('error', 'encoding', file, line, null, { file, line: String(line) });
        return text;
      }
    }
    return this.#decoder.decode(bytes);
  }
}

/** `head` followed by the first `length` bytes of `tail`, in a new array. */
function concatBytes(head: Uint8Array, tail: Uint8Array, length: number): Uint8Array {
  const joined = new Uint8Array(head.length + length);
  joined.set(head);
  joined.set(tail.subarray(0, length), head.length);
  return joined;
}

/** campaign.json, checked field by field; null (with errors) when unusable. */
function readCampaign(text: string, file: string, sink: IssueSink): Campaign | null {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const at = /position (\d+)/.exec(message);
    const lineCol = /line (\d+) column (\d+)/.exec(message);
    let line: number | null = null;
    if (lineCol) line = Number(lineCol[1]);
    else if (at) line = text.slice(0, Number(at[1])).split('\n').length;
    sink.say('error', 'invalid-json', file, line, null, {
      file,
      detail: message,
      example:
        '{ "id": "anap-2010", "name": "…", "start": "2010-03-01", "days": 28, "timeZone": "Europe/Paris" }',
    });
    return null;
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    sink.say('error', 'invalid-json.object', file, 1, null, {
      file,
      example: '{ "id": …, "name": …, "start": …, "days": …, "timeZone": … }',
    });
    return null;
  }
  const record = data as Record<string, unknown>;
  const lineOf = (key: string): number | null => {
    const at = text.indexOf(`"${key}"`);
    return at < 0 ? 1 : text.slice(0, at).split('\n').length;
  };
  let ok = true;
  const fail = (key: 'id' | 'name' | 'start' | 'days' | 'timeZone', value: unknown): void => {
    ok = false;
    if (value === undefined)
      sink.say('error', `invalid-campaign.${key}-missing`, file, lineOf(key), key);
    else
      sink.say('error', `invalid-campaign.${key}`, file, lineOf(key), key, {
        // A text as a cell's text (shown when a number, a date or a code), another value by its JSON type.
        value:
          typeof value === 'string'
            ? `"${shownCellText(value)}"`
            : typeof value === 'object' && value !== null
              ? Array.isArray(value) ? 'a list' : 'an object'
              : (JSON.stringify(value) ?? String(value)),
      });
  };
  const { id, name, start, days, timeZone } = record;
  // The same checks as a bundle's campaign identity (one rule for both).
  for (const field of invalidCampaignFields(record)) fail(field, record[field]);
  for (const key of Object.keys(record)) {
    if (!CAMPAIGN_KEYS.includes(key)) {
      sink.say('warning', 'unknown-key', file, lineOf(key), key, {
        file,
        key,
        keys: CAMPAIGN_KEYS.join(', '),
      });
    }
  }
  if (!ok) return null;
  return {
    id: id as string,
    name: name as string,
    start: start as string,
    days: days as number,
    timeZone: timeZone as string,
  };
}

/**
 * Reads a kit from its files' contents (a folder or zip picked in a browser): names may carry
 * folders (only the base name counts, case-insensitively), contents are text or UTF-8 bytes.
 *
 * @example
 * const { kit, issues } = parseKit(new Map([['campaign.json', json], ['exams.csv', bytes], …]));
 * if (kit === null) showIssues(issues);
 */
export function parseKit(files: ReadonlyMap<string, string | Uint8Array>): KitReadResult {
  const parser = new KitParser();
  const byName = new Map<string, { name: string; content: string | Uint8Array }>();
  for (const [path, content] of files) {
    const name = path.split(/[\\/]/).pop() ?? path;
    if (name === '' || name.startsWith('.') || path.includes('__MACOSX')) continue;
    const key = name.toLowerCase();
    if (byName.has(key)) {
      parser.report(makeIssue('error', 'duplicate-file', name, null, null, { file: name, path }));
      continue;
    }
    byName.set(key, { name, content });
  }
  const known = new Set([CAMPAIGN_FILE, COSTS_FILE_NAME, ...KIT_READ_FILES.map((f) => f.name)]);
  for (const [key, { name }] of byName)
    if (!known.has(key) && /\.(csv|json|txt|xlsx?)$/i.test(key)) parser.unknownFile(name);
  parser.campaign(byName.get(CAMPAIGN_FILE)?.content ?? null, byName.get(CAMPAIGN_FILE)?.name);
  for (const spec of KIT_READ_FILES) {
    const entry = byName.get(spec.name);
    const feed = parser.csv(spec, entry?.name ?? null);
    if (feed === null || entry === undefined) continue;
    feed.push(entry.content);
    feed.end();
  }
  const costs = byName.get(COSTS_FILE_NAME);
  if (costs !== undefined) parser.costs(costs.content, costs.name);
  return parser.finish();
}
