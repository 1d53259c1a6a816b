/**
 * Writes a data kit folder (data-kit.md) that readKitDir reads back exactly. Date-times are the
 * campaign's wall-clock, with an explicit offset only in the autumn repeated hour. Sessions and
 * exams stream through fs WriteStreams in ~1 MB chunks, awaiting 'drain', so 10 M exams never
 * sit in memory as text; the small tables are written whole.
 */
import { Buffer } from 'node:buffer';
import { createWriteStream, mkdirSync, writeFileSync, type WriteStream } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { join } from 'node:path';
import { ZoneClock } from '../../core/calendar.ts';
import type {
  Act,
  Campaign,
  CostSet,
  Equipment,
  Establishment,
  Exam,
  Kit,
  RegisterMachine,
  Session,
  Slot,
  SurveyAnswer,
} from '../../core/kit-types.ts';
import { COST_COLUMNS } from '../../plan/costs/types.ts';
import { csvCell, type CsvSeparator } from '../csv.ts';
import { DateTimeWriter } from './date-time.ts';
import {
  ACT_SEPARATOR,
  ACTS_FILE,
  ACTS_WRITE_ORDER,
  CAMPAIGN_FILE,
  COSTS_FILE_NAME,
  EQUIPMENT_FILE,
  ESTABLISHMENTS_FILE,
  EXAMS_FILE,
  REGISTER_FILE,
  SESSIONS_FILE,
  SLOTS_FILE,
  SURVEY_FILE,
  type KitFileSpec,
} from './kit-files.ts';

export interface KitWriterOptions {
  /** Cell separator, `,` by default. */
  separator?: CsvSeparator;
  /** Write decimals with a comma (`210,8`); only with `;`, and the default there. */
  decimalComma?: boolean;
  /**
   * Write exams.csv's `patient_key` column. Default: when an exam of the first batch appended
   * has a key (a kit's exams all have one or none).
   */
  patientKeys?: boolean;
}

/** A kit being written: small tables whole, sessions and exams appended in batches. */
export interface KitWriter {
  writeEstablishments(rows: readonly Establishment[]): Promise<void>;
  writeEquipment(rows: readonly Equipment[]): Promise<void>;
  /** Writes acts.csv (nothing when `rows` is empty). */
  writeActs(rows: readonly Act[]): Promise<void>;
  /** Writes appointment-survey.csv (nothing when `rows` is empty). */
  writeSurvey(rows: readonly SurveyAnswer[]): Promise<void>;
  /**
   * Writes equipment-register.csv, the whole fleet (planning.md §1), in the order given; with no
   * row, a header-only file (an empty fleet, which reads back as `register: []`). Every row needs
   * a `sector`; `origin` is not written (the file reads back as origin `register`).
   */
  writeRegister(rows: readonly RegisterMachine[]): Promise<void>;
  /**
   * Writes slots.csv, the machines' booking supply (planning.md §1), in the order given; with no
   * row, a header-only file (which reads back as `slots: []`).
   */
  writeSlots(rows: readonly Slot[]): Promise<void>;
  /**
   * Writes costs.csv (planning.md §1), the machines' yearly costs, in the order given, with an
   * `origin` column only when the set is illustrative.
   */
  writeCosts(costs: CostSet): Promise<void>;
  /** Appends to sessions.csv; batches may be of any size. */
  appendSessions(rows: readonly Session[]): Promise<void>;
  /** Appends to exams.csv; batches may be of any size. */
  appendExams(rows: readonly Exam[]): Promise<void>;
  /**
   * Finishes the kit: tables never written get a header-only file, a stale optional file
   * (acts.csv, appointment-survey.csv, equipment-register.csv, slots.csv, costs.csv) not written this time
   * is removed.
   * Must be awaited.
   */
  close(): Promise<void>;
}

const CHUNK_BYTES = 1 << 20;

/**
 * Starts writing a kit into `dir` (created if needed; campaign.json is written at once).
 *
 * @example
 * const writer = createKitWriter('/tmp/kit', campaign);
 * await writer.writeEstablishments(establishments);
 * await writer.writeEquipment(equipment);
 * for (const batch of batches) await writer.appendExams(batch);
 * await writer.writeRegister(fleet); // optional: equipment-register.csv
 * await writer.close();
 */
export function createKitWriter(
  dir: string,
  campaign: Campaign,
  options: KitWriterOptions = {},
): KitWriter {
  return new StreamingKitWriter(dir, campaign, options);
}

/**
 * Writes a whole kit into `dir`; `readKitDir(dir)` gives it back exactly (strings are trimmed
 * by the reader only when unquoted, and the writer quotes values with outer spaces). It writes in
 * place, file by file: to put a kit where another may be, write it through writeKitFolder
 * (kit-folder.ts), which builds it aside and renames it into place whole.
 *
 * @example
 * await writeKitDir('/tmp/kit', kit, { separator: ';' });
 */
export async function writeKitDir(
  dir: string,
  kit: Kit,
  options: KitWriterOptions = {},
): Promise<void> {
  const patientKeys = options.patientKeys ?? kit.exams.some((e) => e.patientKey != null);
  const writer = createKitWriter(dir, kit.campaign, { ...options, patientKeys });
  await writer.writeEstablishments(kit.establishments);
  await writer.writeEquipment(kit.equipment);
  await writer.appendSessions(kit.sessions);
  await writer.appendExams(kit.exams);
  await writer.writeActs(kit.acts);
  await writer.writeSurvey(kit.survey);
  if (kit.register !== undefined) await writer.writeRegister(kit.register);
  if (kit.slots !== undefined) await writer.writeSlots(kit.slots);
  if (kit.costs !== undefined) await writer.writeCosts(kit.costs);
  await writer.close();
}

/** equipment.csv's columns: `previous_id` only when a machine has one. */
function equipmentColumns(previous: boolean): string[] {
  const names = EQUIPMENT_FILE.columns.map((c) => c.name);
  return previous ? names : names.filter((name) => name !== 'previous_id');
}

class StreamingKitWriter implements KitWriter {
  readonly #dir: string;
  readonly #sep: CsvSeparator;
  readonly #comma: boolean;
  readonly #dates: DateTimeWriter;
  readonly #written = new Set<string>();
  readonly #streams = new Map<string, WriteStream>();
  #queue: Promise<void> = Promise.resolve();
  #closed = false;
  #failure: Error | null = null;
  /** Whether exams.csv has `patient_key`: null until told or until the first exams are appended. */
  #patientKeys: boolean | null;

  constructor(dir: string, campaign: Campaign, options: KitWriterOptions) {
    this.#sep = options.separator ?? ',';
    this.#comma = options.decimalComma ?? this.#sep === ';';
    if (this.#comma && this.#sep !== ';')
      throw new RangeError('decimal commas need the ";" separator');
    this.#dates = new DateTimeWriter(new ZoneClock(campaign.timeZone));
    this.#patientKeys = options.patientKeys ?? null;
    this.#dir = dir;
    mkdirSync(dir, { recursive: true });
    const { id, name, start, days, timeZone } = campaign;
    writeFileSync(
      join(dir, CAMPAIGN_FILE),
      `${JSON.stringify({ id, name, start, days, timeZone }, null, 2)}\n`,
    );
  }

  writeEstablishments(rows: readonly Establishment[]): Promise<void> {
    return this.#whole(ESTABLISHMENTS_FILE, rows, (r) =>
      this.#line([
        this.#text(r.finess),
        this.#text(r.name),
        r.legalStatus,
        this.#text(r.region),
        this.#opt(r.department),
      ]),
    );
  }

  writeEquipment(rows: readonly Equipment[]): Promise<void> {
    // `previous_id` only when a machine has one, so a kit without it keeps data-kit.md's columns.
    const previous = rows.some((r) => r.previousId !== undefined);
    return this.#whole(
      EQUIPMENT_FILE,
      rows,
      (r) =>
        this.#line([
          this.#text(r.equipmentId),
          this.#text(r.finess),
          r.modality,
          this.#opt(r.label),
          this.#num(r.installedYear),
          r.role,
          ...(previous ? [this.#opt(r.previousId ?? null)] : []),
        ]),
      equipmentColumns(previous),
    );
  }

  writeActs(rows: readonly Act[]): Promise<void> {
    if (rows.length === 0) return this.#enqueue(async () => undefined);
    // `family` only when an act has one, so a kit without families keeps data-kit.md's three columns.
    const family = rows.some((r) => r.family != null);
    return this.#whole(
      ACTS_FILE,
      rows,
      (r) =>
        this.#line([
          this.#text(r.code),
          this.#text(r.label),
          this.#num(r.icr),
          ...(family ? [r.family ?? ''] : []),
        ]),
      family ? [...ACTS_WRITE_ORDER, 'family'] : ACTS_WRITE_ORDER,
    );
  }

  writeSurvey(rows: readonly SurveyAnswer[]): Promise<void> {
    if (rows.length === 0) return this.#enqueue(async () => undefined);
    return this.#whole(SURVEY_FILE, rows, (r) =>
      this.#line([this.#text(r.finess), r.modality, r.case, r.patient, this.#num(r.days)]),
    );
  }

  writeRegister(rows: readonly RegisterMachine[]): Promise<void> {
    return this.#whole(REGISTER_FILE, rows, (r) => {
      if (r.sector === null)
        throw new RangeError(
          `register row of ${r.finess} has no sector: equipment-register.csv requires one`,
        );
      return this.#line([
        this.#text(r.finess),
        this.#text(r.department),
        r.modality,
        r.sector,
        this.#opt(r.authorisationId),
        r.authorisedOn ?? '',
        r.inServiceOn ?? '',
        this.#num(r.installedYear),
        this.#num(r.fieldTesla),
        this.#opt(r.equipmentId),
      ]);
    });
  }

  writeSlots(rows: readonly Slot[]): Promise<void> {
    const sep = this.#sep;
    const dates = this.#dates;
    return this.#whole(
      SLOTS_FILE,
      rows,
      (r) =>
        `${this.#text(r.equipmentId)}${sep}${dates.format(r.start)}${sep}${dates.format(r.end)}${sep}${r.status}${sep}${dates.format(r.observedAt)}\n`,
    );
  }

  writeCosts(costs: CostSet): Promise<void> {
    const illustrative = costs.origin === 'illustrative';
    const spec: KitFileSpec = { name: COSTS_FILE_NAME, required: false, columns: [] };
    const order = [...COST_COLUMNS.map(([name]) => name), ...(illustrative ? ['origin'] : [])];
    return this.#whole(
      spec,
      costs.rows,
      (r) =>
        this.#line([
          this.#text(r.equipmentId),
          this.#num(r.purchasePrice),
          this.#num(r.amortisationYears),
          this.#num(r.maintenance),
          this.#num(r.staff),
          this.#num(r.consumablesPerExam),
          this.#num(r.overhead),
          ...(illustrative ? ['illustrative'] : []),
        ]),
      order,
    );
  }

  appendSessions(rows: readonly Session[]): Promise<void> {
    const sep = this.#sep;
    const dates = this.#dates;
    return this.#append(
      SESSIONS_FILE,
      rows,
      (r) =>
        `${this.#text(r.equipmentId)}${sep}${dates.format(r.start)}${sep}${dates.format(r.end)}${sep}${r.type}\n`,
    );
  }

  appendExams(rows: readonly Exam[]): Promise<void> {
    const sep = this.#sep;
    const dates = this.#dates;
    const keys = (this.#patientKeys ??= rows.some((r) => r.patientKey != null));
    return this.#append(EXAMS_FILE, rows, (r) => {
      const acts = r.acts.length === 0 ? '' : this.#text(r.acts.join(ACT_SEPARATOR));
      const report = r.reportValidatedAt === null ? '' : dates.format(r.reportValidatedAt);
      const requested = r.requestedAt === null ? '' : dates.format(r.requestedAt);
      return (
        `${this.#text(r.examId)}${sep}${this.#text(r.equipmentId)}${sep}${r.category}${sep}` +
        `${dates.format(r.roomIn)}${sep}${dates.format(r.roomOut)}${sep}${acts}${sep}${this.#num(r.icr)}${sep}` +
        `${report}${sep}${requested}${sep}${this.#num(r.scheduledMinutes)}${sep}${r.ageBand ?? ''}` +
        (keys ? `${sep}${r.patientKey == null ? '' : this.#text(r.patientKey)}\n` : '\n')
      );
    });
  }

  close(): Promise<void> {
    return this.#enqueue(async () => {
      if (this.#closed) return;
      this.#closed = true;
      if (!this.#written.has(ESTABLISHMENTS_FILE.name))
        await writeFile(
          join(this.#dir, ESTABLISHMENTS_FILE.name),
          this.#header(ESTABLISHMENTS_FILE),
        );
      if (!this.#written.has(EQUIPMENT_FILE.name))
        await writeFile(
          join(this.#dir, EQUIPMENT_FILE.name),
          this.#header(EQUIPMENT_FILE, equipmentColumns(false)),
        );
      for (const spec of [SESSIONS_FILE, EXAMS_FILE]) {
        const stream = this.#stream(spec);
        stream.end();
        await finished(stream);
      }
      for (const name of [
        ACTS_FILE.name,
        SURVEY_FILE.name,
        REGISTER_FILE.name,
        SLOTS_FILE.name,
        COSTS_FILE_NAME,
      ]) {
        if (!this.#written.has(name)) await rm(join(this.#dir, name), { force: true });
      }
    });
  }

  /** Runs writes one after the other, whatever the caller awaits. */
  #enqueue(work: () => Promise<void>): Promise<void> {
    const next = this.#queue.then(work);
    this.#queue = next.catch(() => undefined);
    return next;
  }

  #whole<T>(
    spec: KitFileSpec,
    rows: readonly T[],
    line: (row: T) => string,
    order?: readonly string[],
  ): Promise<void> {
    return this.#enqueue(async () => {
      this.#assertOpen(spec.name);
      if (this.#written.has(spec.name)) throw new Error(`${spec.name} was already written`);
      this.#written.add(spec.name);
      let text = this.#header(spec, order);
      for (const row of rows) text += line(row);
      await writeFile(join(this.#dir, spec.name), text);
    });
  }

  #append<T>(spec: KitFileSpec, rows: readonly T[], line: (row: T) => string): Promise<void> {
    return this.#enqueue(async () => {
      this.#assertOpen(spec.name);
      const stream = this.#stream(spec);
      // Lines are encoded straight into a Buffer: one big string built by `+=` would be a deep
      // rope that survives young-generation GC, and collecting those ropes cost more than writing.
      let chunk = Buffer.allocUnsafe(CHUNK_BYTES);
      let used = 0;
      for (const row of rows) {
        const text = line(row);
        if (used + text.length * 3 > CHUNK_BYTES) {
          if (used > 0 && !stream.write(chunk.subarray(0, used))) await once(stream, 'drain');
          chunk = Buffer.allocUnsafe(Math.max(CHUNK_BYTES, text.length * 3));
          used = 0;
        }
        used += chunk.write(text, used);
      }
      if (used > 0 && !stream.write(chunk.subarray(0, used))) await once(stream, 'drain');
    });
  }

  #assertOpen(name: string): void {
    if (this.#failure !== null) throw this.#failure;
    if (this.#closed) throw new Error(`kit writer is closed: cannot write ${name}`);
  }

  #stream(spec: KitFileSpec): WriteStream {
    let stream = this.#streams.get(spec.name);
    if (stream === undefined) {
      stream = createWriteStream(join(this.#dir, spec.name));
      // Kept for the next call: an 'error' with no listener would crash the process.
      stream.on('error', (error) => (this.#failure ??= error));
      stream.write(this.#header(spec, spec === EXAMS_FILE ? this.#examColumns() : undefined));
      this.#streams.set(spec.name, stream);
    }
    return stream;
  }

  /** exams.csv's columns: `patient_key` only when written. */
  #examColumns(): string[] {
    const names = EXAMS_FILE.columns.map((c) => c.name);
    return this.#patientKeys === true ? names : names.filter((n) => n !== 'patient_key');
  }

  #header(spec: KitFileSpec, order?: readonly string[]): string {
    return this.#line(order ? [...order] : spec.columns.map((c) => c.name));
  }

  #line(cells: string[]): string {
    return `${cells.join(this.#sep)}\n`;
  }

  #text(value: string): string {
    return csvCell(value, this.#sep);
  }

  #opt(value: string | null): string {
    return value === null ? '' : csvCell(value, this.#sep);
  }

  #num(value: number | null): string {
    if (value === null) return '';
    if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
    const text = String(value);
    return this.#comma ? text.replace('.', ',') : text;
  }
}
