/**
 * Excel stores dates as numbers (days since an epoch, the fraction being the time of day) and
 * says which numbers are dates only through their cell's number format. This file tells date
 * formats apart and turns a serial into the data kit's local wall-clock text.
 */

/** Built-in number formats that are dates or times (ECMA-376 §18.8.30). */
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/**
 * True when a custom format code displays a date or time: it has d, m, y, h or s outside
 * quoted text, escaped characters and bracketed sections (colours, conditions, locales).
 *
 * @example
 * isDateFormatCode('dd/mm/yyyy hh:mm'); // true
 * isDateFormatCode('0.0%');             // false
 */
export function isDateFormatCode(code: string): boolean {
  const plain = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/_./g, '')
    .replace(/\[(?:h+|m+|s+)\]/gi, 'h')
    .replace(/\[[^\]]*\]/g, '');
  if (/^general$/i.test(plain.trim())) return false;
  return /[dmyhs]/i.test(plain);
}

/** True when number format `id` (built-in or one of `custom`) displays a date. */
export function isDateFormat(id: number, custom: ReadonlyMap<number, string>): boolean {
  const code = custom.get(id);
  if (code !== undefined) return isDateFormatCode(code);
  return BUILTIN_DATE_FORMATS.has(id);
}

/** True when a format displays a time of day (h or s, or m next to them). */
export function formatShowsTime(id: number, custom: ReadonlyMap<number, string>): boolean {
  const code = custom.get(id);
  if (code === undefined) return id !== 14 && id !== 15 && id !== 16 && id !== 17;
  return /[hs]/i.test(
    code
      .replace(/"[^"]*"/g, '')
      .replace(/\\./g, '')
      .replace(/\[[^\]]*\]/g, ''),
  );
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
const MS_PER_DAY = 86_400_000;
/** 1899-12-30 and 1904-01-01 (UTC), the zero of each date system. */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/**
 * The local date-time text of Excel serial `serial`: `YYYY-MM-DD` when it has no time of day and
 * `withTime` is false, else `YYYY-MM-DDTHH:MM` (`:SS` when the seconds are not zero). Seconds are
 * rounded (Excel stores times as binary fractions). In the 1900 system serial 60 is the
 * 1900-02-29 Lotus kept (it never existed): it gives that text, which the kit reader refuses,
 * and serials below 61 are one day later than the epoch suggests. Null for a serial that is
 * negative, not finite, or past 9999-12-31.
 *
 * @example
 * serialToLocal(40238.354166666664, false, true); // '2010-03-01T08:30'
 * serialToLocal(38776, true, false);              // '2010-03-01'
 */
export function serialToLocal(serial: number, date1904: boolean, withTime: boolean): string | null {
  if (!Number.isFinite(serial) || serial < 0 || serial >= 2_958_466) return null;
  const seconds = Math.round(serial * 86_400);
  const day = Math.floor(seconds / 86_400);
  const rest = seconds - day * 86_400;
  let text: string;
  if (!date1904 && day === 60) text = '1900-02-29';
  else {
    const base = date1904 ? EPOCH_1904 : day < 60 ? EPOCH_1900 + MS_PER_DAY : EPOCH_1900;
    const d = new Date(base + day * MS_PER_DAY);
    text = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  }
  if (!withTime && rest === 0) return text;
  const h = Math.floor(rest / 3600);
  const m = Math.floor((rest % 3600) / 60);
  const s = rest % 60;
  return `${text}T${pad(h)}:${pad(m)}${s === 0 ? '' : `:${pad(s)}`}`;
}

/**
 * The Excel serial (1900 system) of local date-time text `YYYY-MM-DD[THH:MM[:SS]]` (a space may
 * replace the T); null when the text is not such a date after 1900-03-01.
 *
 * @example
 * localToSerial('2010-03-01T08:30'); // 40238.354166666664
 */
export function localToSerial(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(text);
  if (!m) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0'] = m;
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  const back = new Date(ms);
  if (
    back.getUTCDate() !== Number(d) ||
    back.getUTCMonth() !== Number(mo) - 1 ||
    ms < Date.UTC(1900, 2, 1)
  )
    return null;
  return (ms - EPOCH_1900) / MS_PER_DAY;
}
