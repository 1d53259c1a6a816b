/**
 * The checked reading of exams.csv rows (every cell through CellReader, every issue located):
 * the path of any row the byte fast path (exam-fast-rows.ts) does not take. A row is appended
 * to the exam columns only while the read has no error, as the kit is null after one.
 */
import { MS_PER_DAY } from '../../core/calendar.ts';
import { NO_AGE_BAND } from '../../core/exam-table.ts';
import { AGE_BANDS, CATEGORIES } from '../../core/kit-types.ts';
import { looksLikeRawIdentifier } from '../../plan/relevance/repeats.ts';
import type { CsvRecord } from '../csv.ts';
import type { CampaignWindow } from './campaign-window.ts';
import type { CellReader } from './cells.ts';
import { NO_KEY, type ExamColumns } from './exam-columns.ts';
import type { ExamIdRegistry } from './exam-id-registry.ts';
import type { IssueSink } from './issue-sink.ts';
import type { KitMachines } from './kit-machines.ts';

/** Where the rows of exams.csv go, and what they are checked against. */
export interface ExamRowsContext {
  readonly sink: IssueSink;
  readonly machines: KitMachines;
  readonly registry: ExamIdRegistry;
  /** The campaign's days and its `start` (null without a usable campaign.json). */
  readonly window: CampaignWindow | null;
  readonly campaignStart: string;
}

/** Column indexes of exams.csv's header (-1: absent). */
export interface ExamColumnIndexes {
  id: number;
  equipment: number;
  category: number;
  roomIn: number;
  roomOut: number;
  acts: number;
  icr: number;
  report: number;
  requested: number;
  scheduled: number;
  age: number;
  key: number;
}

/** Column indexes of a header mapped by `col`. */
export function examColumnIndexes(col: (c: string) => number): ExamColumnIndexes {
  return {
    id: col('exam_id'),
    equipment: col('equipment_id'),
    category: col('category'),
    roomIn: col('room_in'),
    roomOut: col('room_out'),
    acts: col('acts'),
    icr: col('icr'),
    report: col('report_validated_at'),
    requested: col('requested_at'),
    scheduled: col('scheduled_minutes'),
    age: col('age_band'),
    key: col('patient_key'),
  };
}

const encoder = new TextEncoder();

/** `-17 s` / `-60 min` / `26.5 h` for a duration in milliseconds, as issue parameters. */
export function durationParams(ms: number): { amount: number; unit: string } {
  const abs = Math.abs(ms);
  if (abs < 120_000) return { amount: Math.round(ms / 100) / 10, unit: 's' };
  if (abs < 7_200_000) return { amount: Math.round(ms / 6_000) / 10, unit: 'min' };
  return { amount: Math.round(ms / 360_000) / 10, unit: 'h' };
}

/** Reads exam rows with every check, into `columns`. */
export class CheckedExamRows {
  readonly #ctx: ExamRowsContext;
  readonly #r: CellReader;
  readonly #i: ExamColumnIndexes;
  readonly columns: ExamColumns;

  constructor(
    ctx: ExamRowsContext,
    cells: CellReader,
    indexes: ExamColumnIndexes,
    columns: ExamColumns,
  ) {
    this.#ctx = ctx;
    this.#r = cells;
    this.#i = indexes;
    this.columns = columns;
  }

  /** Reads one row (reported issues, and the row kept when the read has no error). */
  read(row: CsvRecord): void {
    const r = this.#r;
    const c = this.#i;
    const { sink, window, registry } = this.#ctx;
    const line = row.line;
    let ok = true;
    const equipment = this.#ctx.machines.known(row, c.equipment, r);
    const category = r.choice(CATEGORIES, row, c.category, 'category');
    const roomIn = r.dateTime(row, c.roomIn, 'room_in');
    const roomOut = r.dateTime(row, c.roomOut, 'room_out');
    const outPrecision = r.dates.precision;
    const duration = roomOut - roomIn;
    if (duration < 0 || duration > MS_PER_DAY)
      ok = this.#durationIssue(row, duration, outPrecision);
    const icr = r.number(row, c.icr, 'icr', 0);
    const report = r.optionalDateTime(row, c.report, 'report_validated_at');
    const requested = r.optionalDateTime(row, c.requested, 'requested_at');
    const scheduled = r.number(row, c.scheduled, 'scheduled_minutes', 0, true);
    const ageBand = r.choice(AGE_BANDS, row, c.age, 'age_band', true);
    // A key that looks like a name or a number is refused, and never repeated in the message.
    const patientKey = row.blank(c.key) ? null : row.cell(c.key);
    if (patientKey !== null && looksLikeRawIdentifier(patientKey)) {
      r.say('error', 'patient-key-identifier', line, 'patient_key', {});
      ok = false;
    }
    let id = -1;
    const idText = r.required(row, c.id, 'exam_id');
    if (idText !== null && equipment !== null) {
      const bytes = encoder.encode(idText);
      id = registry.add(equipment.index, bytes, 0, bytes.length, line);
      if (id < 0) {
        r.say('error', 'duplicate-key.exam', line, 'exam_id', {
          id: idText,
          equipment: equipment.id,
          first: String(-id - 1),
        });
        ok = false;
      }
    }
    if (report !== null && report < roomOut) {
      r.say('warning', 'report-before-exam', line, 'report_validated_at', {
        report: row.cell(c.report),
        roomOut: row.cell(c.roomOut),
      });
    }
    const place = window === null ? 'in' : window.placeOf(roomIn);
    if (place !== 'in' && window !== null) {
      // A mistyped year would count in every figure: only a day of margin is kept.
      const away = window.away(roomIn, this.#ctx.campaignStart);
      const params = { roomIn: row.cell(c.roomIn), ...away };
      if (place === 'far') {
        r.say('error', `outside-campaign.exam-${away.side}`, line, 'room_in', params);
        ok = false;
      } else r.say('warning', `campaign-margin.exam-${away.side}`, line, 'room_in', params);
    }
    if (
      !ok ||
      id < 0 ||
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
    const columns = this.columns;
    let key = NO_KEY;
    if (columns.keys !== null && patientKey !== null) {
      const bytes = encoder.encode(patientKey);
      key = columns.keys.add(bytes, 0, bytes.length);
    }
    columns.append(
      equipment.index,
      id,
      CATEGORIES.indexOf(category),
      roomIn,
      roomOut,
      icr ?? NaN,
      c.acts < 0 || row.blank(c.acts) ? 0 : columns.acts.ofText(row.cell(c.acts)),
      report ?? NaN,
      requested ?? NaN,
      scheduled ?? NaN,
      ageBand === null ? NO_AGE_BAND : AGE_BANDS.indexOf(ageBand),
      key,
    );
  }

  /** Reports a negative or over-24-hour exam; true when it is only a rounding of room_out. */
  #durationIssue(row: CsvRecord, duration: number, outPrecision: number): boolean {
    const r = this.#r;
    const inText = row.cell(this.#i.roomIn);
    const outText = row.cell(this.#i.roomOut);
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
}
