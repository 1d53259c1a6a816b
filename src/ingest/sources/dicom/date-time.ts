/**
 * DICOM dates and times as naive wall-clock milliseconds (fields read as if UTC; see
 * core/calendar.ts `naiveMs`), tolerant of what vendors write: `HHMM` without seconds, `HH`,
 * fractions of any length, the old `HH:MM:SS` and `YYYY.MM.DD` forms, trailing padding. The
 * offset of a DT value and TimezoneOffsetFromUTC (`+0100`) are returned apart, as minutes.
 */
import { naiveMs } from '../../../core/calendar.ts';

/** A DA value (`YYYYMMDD`, also `YYYY.MM.DD`) as naive ms at midnight, or `null` when unreadable. */
export function parseDicomDate(text: string | null): number | null {
  if (text === null) return null;
  const m = /^(\d{4})\.?(\d{2})\.?(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1900 || mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  const ms = naiveMs(y, mo, d);
  return new Date(ms).getUTCDate() === d ? ms : null;
}

/** A TM value (`HHMMSS.FFFFFF`, `HHMM`, `HH`, `HH:MM:SS`) as ms since midnight, or `null` when unreadable. */
export function parseDicomTime(text: string | null): number | null {
  if (text === null) return null;
  const m = /^(\d{2})(?::?(\d{2})(?::?(\d{2})(?:[.,](\d{1,6})\d*)?)?)?$/.exec(text.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const mi = m[2] === undefined ? 0 : Number(m[2]);
  // A leap second (60) is legal in DICOM; it is read as 59.
  const s = m[3] === undefined ? 0 : Math.min(Number(m[3]), 59);
  const frac = m[4] === undefined ? 0 : Math.floor(Number(m[4].padEnd(6, '0')) / 1000);
  if (h > 23 || mi > 59 || s > 60) return null;
  return ((h * 60 + mi) * 60 + s) * 1000 + frac;
}

/** A `±HHMM` offset as minutes east of UTC, or `null` when unreadable. */
export function parseOffset(text: string | null): number | null {
  if (text === null) return null;
  const m = /^([+-])(\d{2})(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  if (Number(m[2]) > 14 || Number(m[3]) > 59) return null;
  return m[1] === '-' ? -minutes : minutes;
}

/** A DT value: naive ms and its own offset (minutes) when it carries one. */
export function parseDicomDateTime(
  text: string | null,
): { naive: number; offsetMinutes: number | null } | null {
  if (text === null) return null;
  const m = /^(\d{8})(\d{2}(?:\d{2}(?:\d{2}(?:\.\d{1,6})?)?)?)?([+-]\d{4})?$/.exec(text.trim());
  if (!m) return null;
  const day = parseDicomDate(m[1] ?? '');
  const time = m[2] === undefined ? 0 : parseDicomTime(m[2]);
  if (day === null || time === null) return null;
  const offset = m[3] === undefined ? null : parseOffset(m[3]);
  if (m[3] !== undefined && offset === null) return null;
  return { naive: day + time, offsetMinutes: offset };
}

/** A DA + TM pair as naive ms, or `null` when either is missing or unreadable. */
export function dateAndTime(date: string | null, time: string | null): number | null {
  const d = parseDicomDate(date);
  const t = parseDicomTime(time);
  return d === null || t === null ? null : d + t;
}
