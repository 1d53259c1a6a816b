// Excel serial dates in both date systems, the 1900-02-29 bug, and date format detection.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatShowsTime,
  isDateFormat,
  isDateFormatCode,
  localToSerial,
  serialToLocal,
} from '../../../../src/ingest/sources/xlsx/serial-date.ts';

describe('serialToLocal', () => {
  it('reads the 1900 system, including the days around the Lotus leap-year bug', () => {
    expect(serialToLocal(1, false, false)).toBe('1900-01-01');
    expect(serialToLocal(59, false, false)).toBe('1900-02-28');
    expect(serialToLocal(60, false, false)).toBe('1900-02-29');
    expect(serialToLocal(61, false, false)).toBe('1900-03-01');
    expect(serialToLocal(40238, false, false)).toBe('2010-03-01');
    expect(serialToLocal(40238.354166666664, false, true)).toBe('2010-03-01T08:30');
    expect(serialToLocal(40238, false, true)).toBe('2010-03-01T00:00');
    expect(serialToLocal(40238 + 45296 / 86400, false, false)).toBe('2010-03-01T12:34:56');
  });

  it('reads the 1904 system', () => {
    expect(serialToLocal(0, true, false)).toBe('1904-01-01');
    expect(serialToLocal(38776, true, false)).toBe('2010-03-01');
    expect(serialToLocal(38776.75, true, false)).toBe('2010-03-01T18:00');
  });

  it('rounds to the second, carrying into the next day', () => {
    expect(serialToLocal(40238.9999999, false, false)).toBe('2010-03-02');
  });

  it('gives null for a serial Excel cannot show', () => {
    expect(serialToLocal(-1, false, false)).toBeNull();
    expect(serialToLocal(Number.NaN, false, false)).toBeNull();
    expect(serialToLocal(3e6, false, false)).toBeNull();
  });

  it('inverts localToSerial to the minute', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1900, 2, 1), max: Date.UTC(9999, 11, 31) }), (ms) => {
        const minute = Math.floor(ms / 60000) * 60000;
        const text = new Date(minute).toISOString().slice(0, 16);
        expect(serialToLocal(localToSerial(text) as number, false, true)).toBe(text);
      }),
    );
    expect(localToSerial('2010-02-30')).toBeNull();
  });
});

describe('date formats', () => {
  it('knows the built-in date formats', () => {
    const none = new Map<number, string>();
    for (const id of [14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47])
      expect(isDateFormat(id, none)).toBe(true);
    for (const id of [0, 1, 2, 9, 10, 11, 13, 23, 44, 48, 49])
      expect(isDateFormat(id, none)).toBe(false);
    expect(formatShowsTime(14, none)).toBe(false);
    expect(formatShowsTime(22, none)).toBe(true);
  });

  it('tells custom date codes from number codes', () => {
    for (const code of [
      'dd/mm/yyyy',
      'yyyy\\-mm\\-dd\\ hh:mm',
      '[$-40C]d mmmm yyyy',
      '[h]:mm',
      'h:mm AM/PM',
      'ss.0',
    ])
      expect(isDateFormatCode(code), code).toBe(true);
    for (const code of [
      'General',
      '0.00',
      '#,##0',
      '0.0%',
      '"days" 0',
      '[Red]0.0',
      '0_);(0)',
      '\\d0',
    ])
      expect(isDateFormatCode(code), code).toBe(false);
    expect(isDateFormat(164, new Map([[164, '0.0%']]))).toBe(false);
    expect(formatShowsTime(165, new Map([[165, 'yyyy-mm-dd']]))).toBe(false);
  });
});
