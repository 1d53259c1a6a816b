/**
 * Numbers, units, dates and durations in the reader's language, through `Intl`: French by
 * default (1 234,5 ; 61 % ; 47 h/sem), English on request. Values always travel with their
 * unit, joined by a no-break space so that a line never splits "47" from "h/sem".
 */
import type { FigureComparison } from '../core/views/types.ts';
import type { Lang } from './lang.ts';
import { localeOf } from './lang.ts';

/** The unit of a figure, as the API gives it. */
export type FigureUnit = FigureComparison['unit'];

/** Shown where a value is unknown (`null`): never a misleading 0. */
export const MISSING = '—';

/** Narrow no-break space (U+202F): what `Intl` puts before `%` in French, used before every unit. */
export const NNBSP = '\u202f';
/** No-break space (U+00A0): joins an English value to its unit. */
export const NBSP = '\u00a0';

const unitSpace = (lang: Lang): string => (lang === 'fr' ? NNBSP : NBSP);

const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(lang: Lang, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${lang}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(localeOf(lang), options);
    numberFormats.set(key, format);
  }
  return format;
}

const known = (value: number | null | undefined): value is number =>
  value !== null && value !== undefined && Number.isFinite(value);

/**
 * A number with at most `maxDigits` decimals (1 by default), grouped the local way.
 *
 * @example
 * formatNumber(1234.5, 'fr'); // "1 234,5" (narrow no-break space)
 * formatNumber(1234.5, 'en'); // "1,234.5"
 */
export function formatNumber(value: number | null | undefined, lang: Lang, maxDigits = 1): string {
  if (!known(value)) return MISSING;
  return numberFormat(lang, { maximumFractionDigits: maxDigits }).format(value);
}

/** A whole number (counts of exams, machines). */
export function formatInteger(value: number | null | undefined, lang: Lang): string {
  return formatNumber(value, lang, 0);
}

/**
 * A fraction (0..1) as a percentage with at most `maxDigits` decimals.
 *
 * @example
 * formatPercent(0.61, 'fr'); // "61 %"
 * formatPercent(0.606, 'en'); // "60.6%"
 */
export function formatPercent(
  fraction: number | null | undefined,
  lang: Lang,
  maxDigits = 1,
): string {
  if (!known(fraction)) return MISSING;
  const text = numberFormat(lang, { style: 'percent', maximumFractionDigits: maxDigits }).format(
    fraction,
  );
  // ICU versions differ on the space before "%" (U+00A0 or U+202F): always the narrow one.
  return lang === 'fr' ? text.replace(/[\u00a0\u202f ]%/, `${NNBSP}%`) : text;
}

const withUnit = (
  value: number | null | undefined,
  lang: Lang,
  unit: string,
  maxDigits = 1,
): string =>
  known(value) ? `${formatNumber(value, lang, maxDigits)}${unitSpace(lang)}${unit}` : MISSING;

/** Hours per week: "47 h/sem", "47 h/week". */
export function formatHoursPerWeek(value: number | null | undefined, lang: Lang): string {
  return withUnit(value, lang, lang === 'fr' ? 'h/sem' : 'h/week');
}

/** ICR per hour of programmed opening: "158,8 ICR/h". */
export function formatIcrPerHour(value: number | null | undefined, lang: Lang): string {
  return withUnit(value, lang, 'ICR/h');
}

/** Exams (passages) per week: "158 passages/sem", "158 exams/week". */
export function formatPerWeek(value: number | null | undefined, lang: Lang): string {
  return withUnit(value, lang, lang === 'fr' ? 'passages/sem' : 'exams/week');
}

/** Calendar days: "7 j", "7 d". */
export function formatDays(value: number | null | undefined, lang: Lang): string {
  return withUnit(value, lang, lang === 'fr' ? 'j' : 'd');
}

/** Hours: "1,5 h". */
export function formatHours(value: number | null | undefined, lang: Lang): string {
  return withUnit(value, lang, 'h');
}

/**
 * A length of time given in minutes, in the report's style: minutes under an hour ("15,8 min"),
 * then hours and minutes ("2 h 54"), then days ("1 j 3 h 30"); English spells every unit
 * ("2 h 54 min", "1 d 3 h 30 min"). Negative values (an exam shorter than booked) keep their sign.
 *
 * @example
 * formatMinutes(174, 'fr'); // "2 h 54"
 * formatMinutes(1650, 'fr'); // "1 j 3 h 30"
 */
export function formatMinutes(value: number | null | undefined, lang: Lang): string {
  if (!known(value)) return MISSING;
  if (Math.abs(value) < 60) return withUnit(value, lang, 'min');
  const sign = value < 0 ? '-' : '';
  const total = Math.round(Math.abs(value));
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const minutes = total % 60;
  const sp = unitSpace(lang);
  const parts: string[] = [];
  if (days > 0) parts.push(`${formatInteger(days, lang)}${sp}${lang === 'fr' ? 'j' : 'd'}`);
  if (hours > 0) parts.push(`${hours}${sp}h`);
  if (minutes > 0)
    parts.push(
      lang === 'fr' && hours > 0 ? String(minutes).padStart(2, '0') : `${minutes}${sp}min`,
    );
  return sign + parts.join(NBSP);
}

/**
 * A figure's value with its unit, by the unit the API gives.
 *
 * @example
 * formatValue(0.606, 'fraction', 'fr'); // "60,6 %"
 * formatValue(47, 'h/week', 'en'); // "47 h/week"
 */
export function formatValue(
  value: number | null | undefined,
  unit: FigureUnit,
  lang: Lang,
): string {
  switch (unit) {
    case 'h/week':
      return formatHoursPerWeek(value, lang);
    case 'fraction':
      return formatPercent(value, lang);
    case 'ICR/h':
      return formatIcrPerHour(value, lang);
    case 'exams/week':
      return formatPerWeek(value, lang);
    case 'min':
      return formatMinutes(value, lang);
    case 'days':
      return formatDays(value, lang);
  }
}

/**
 * The symbol written after a value of a unit: "h/sem", "%", "ICR/h", "passages/sem", "min", "j".
 */
export function unitSymbol(unit: FigureUnit, lang: Lang): string {
  switch (unit) {
    case 'h/week':
      return lang === 'fr' ? 'h/sem' : 'h/week';
    case 'fraction':
      return '%';
    case 'ICR/h':
      return 'ICR/h';
    case 'exams/week':
      return lang === 'fr' ? 'passages/sem' : 'exams/week';
    case 'min':
      return 'min';
    case 'days':
      return lang === 'fr' ? 'j' : 'd';
  }
}

/**
 * A value on a chart axis: the number alone (the axis title carries the unit), percent for
 * fractions, hours and days for long minute spans.
 */
export function formatAxisValue(value: number, unit: FigureUnit, lang: Lang): string {
  if (unit === 'fraction') return formatPercent(value, lang, 0);
  if (unit === 'min') return formatMinutes(value, lang);
  return formatNumber(value, lang, 1);
}

/**
 * A percentile rank (0..1) as an ordinal: "63ᵉ centile", "63rd percentile".
 */
export function formatRank(rank: number | null | undefined, lang: Lang): string {
  if (!known(rank)) return MISSING;
  const n = Math.round(rank * 100);
  if (lang === 'fr') return n === 1 ? `1er${NBSP}centile` : `${n}ᵉ${NBSP}centile`;
  const rule = new Intl.PluralRules('en-GB', { type: 'ordinal' }).select(n);
  const suffix = rule === 'one' ? 'st' : rule === 'two' ? 'nd' : rule === 'few' ? 'rd' : 'th';
  return `${n}${suffix} percentile`;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(lang: Lang, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(localeOf(lang), options);
    dateFormats.set(key, format);
  }
  return format;
}

/**
 * `format` applied to `d`, with French typography's ordinal for the first of a month: "1er mars"
 * (Intl writes "1 mars"). Only a numeric day is touched, in French only.
 */
function formatDay(format: Intl.DateTimeFormat, d: Date, lang: Lang): string {
  if (lang !== 'fr' || format.resolvedOptions().day !== 'numeric') return format.format(d);
  return format
    .formatToParts(d)
    .map((p) => (p.type === 'day' && p.value === '1' ? '1er' : p.value))
    .join('');
}

/** The UTC instant standing for a local calendar date `YYYY-MM-DD` (formatted back in UTC). */
function calendarDate(date: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return null;
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
}

/** How a calendar date is written. */
export type DateStyle = 'long' | 'short' | 'weekday';

/**
 * A local calendar date `YYYY-MM-DD`, written without any time-zone shift.
 *
 * @example
 * formatDate('2010-03-01', 'fr'); // "1er mars 2010"
 * formatDate('2010-03-02', 'fr', 'weekday'); // "mar. 2 mars"
 * formatDate('2010-03-01', 'en', 'short'); // "01/03/2010"
 */
export function formatDate(date: string, lang: Lang, style: DateStyle = 'long'): string {
  const d = calendarDate(date);
  if (!d) return date;
  const options: Intl.DateTimeFormatOptions =
    style === 'long'
      ? { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }
      : style === 'short'
        ? { timeZone: 'UTC', day: '2-digit', month: '2-digit', year: 'numeric' }
        : { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short' };
  return formatDay(dateFormat(lang, options), d, lang);
}

/** A calendar date plus `days` (negative to go back), as `YYYY-MM-DD`. */
export function addDays(date: string, days: number): string {
  const d = calendarDate(date);
  if (!d) return date;
  return new Date(d.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * An ISO instant (e.g. a campaign's `updatedAt`) as a date and time in `timeZone` (the
 * runtime's own zone when not given).
 */
export function formatDateTime(instant: string, lang: Lang, timeZone?: string): string {
  const d = new Date(instant);
  if (Number.isNaN(d.getTime())) return instant;
  const options: Intl.DateTimeFormatOptions = {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  };
  if (timeZone !== undefined) options.timeZone = timeZone;
  return formatDay(dateFormat(lang, options), d, lang);
}

/**
 * Minutes since local midnight as a clock time, "08:30"; 1440 is "24:00" (the end of a day).
 */
export function formatClock(minute: number): string {
  const m = Math.round(minute);
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** The name of a weekday, 1 = Monday … 7 = Sunday: "lundi" / "Monday", or short "lun." / "Mon". */
export function weekdayName(weekday: number, lang: Lang, style: 'long' | 'short' = 'long'): string {
  // 2024-01-01 was a Monday.
  const d = new Date(Date.UTC(2024, 0, weekday));
  return dateFormat(lang, { timeZone: 'UTC', weekday: style }).format(d);
}
