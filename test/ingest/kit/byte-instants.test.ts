/**
 * ByteInstants (the fast paths' date-times) against DateTimeReader (the checked path): for any
 * text of the canonical shapes, in zones with different daylight-saving rules, over years inside
 * and outside its per-date table, the same instant, or NaN exactly where the reader refuses it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ZoneClock } from '../../../src/core/calendar.ts';
import { ByteInstants } from '../../../src/ingest/kit/byte-instants.ts';
import { DateTimeReader } from '../../../src/ingest/kit/date-time.ts';

const ZONES = ['Europe/Paris', 'America/St_Johns', 'Australia/Lord_Howe', 'UTC'] as const;
const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** Canonical-looking text: digits everywhere, some fields out of range on purpose. */
const text = fc
  .record({
    year: fc.oneof(fc.integer({ min: 1960, max: 2110 }), fc.constantFrom(1970, 2010, 2099, 2100)),
    month: fc.integer({ min: 0, max: 13 }),
    day: fc.integer({ min: 0, max: 32 }),
    hour: fc.integer({ min: 0, max: 24 }),
    minute: fc.integer({ min: 0, max: 60 }),
    second: fc.option(fc.integer({ min: 0, max: 60 })),
  })
  .map(
    (t) =>
      `${pad(t.year, 4)}-${pad(t.month, 2)}-${pad(t.day, 2)}T${pad(t.hour, 2)}:${pad(t.minute, 2)}` +
      (t.second === null ? '' : `:${pad(t.second, 2)}`),
  );

/** Every time of the days of 2010's changes in these zones, at 10-minute steps. */
function changeDays(): string[] {
  const out: string[] = [];
  for (const date of ['2010-03-28', '2010-10-31', '2010-03-14', '2010-11-07', '2010-04-04']) {
    for (let m = 0; m < 24 * 60; m += 10)
      out.push(`${date}T${pad(Math.floor(m / 60), 2)}:${pad(m % 60, 2)}`);
  }
  return out;
}

function both(zone: string, cells: readonly string[]): { bytes: number[]; reader: number[] } {
  const dates = new DateTimeReader(new ZoneClock(zone));
  const instants = new ByteInstants(new DateTimeReader(new ZoneClock(zone)));
  const encoder = new TextEncoder();
  return {
    bytes: cells.map((s) => {
      const b = encoder.encode(s);
      return instants.at(b, 0, b.length);
    }),
    reader: cells.map((s) => dates.read(s)),
  };
}

describe('ByteInstants', () => {
  it.each(ZONES)('reads canonical date-times as DateTimeReader does (%s)', (zone) => {
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 40 }), (cells) => {
        const { bytes, reader } = both(zone, cells);
        expect(bytes).toEqual(reader);
      }),
      { numRuns: 300 },
    );
  });

  it.each(ZONES)('gives each time of the daylight-saving days the reader gives (%s)', (zone) => {
    const cells = changeDays();
    // Read twice: the second pass reads the dates' slots filled by the first.
    const { bytes, reader } = both(zone, [...cells, ...cells]);
    expect(bytes).toEqual(reader);
  });

  it('refuses dates that do not exist, in and out of its table, and reads the edges of the table', () => {
    const { bytes, reader } = both('Europe/Paris', [
      '2010-02-29T10:00',
      '2012-02-29T10:00',
      '2100-02-29T10:00',
      '2000-02-29T10:00',
      '1969-12-31T23:59:59',
      '1970-01-01T00:00',
      '2099-12-31T23:59',
      '2100-01-01T00:00',
      '2010-04-31T10:00',
      '2010-00-10T10:00',
      '2010-13-10T10:00',
      '2010-03-00T10:00',
      '2010-03-32T10:00',
    ]);
    expect(bytes).toEqual(reader);
    expect(bytes.map((v) => Number.isNaN(v))).toEqual([
      true,
      false,
      true,
      false,
      false,
      false,
      false,
      false,
      true,
      true,
      true,
      true,
      true,
    ]);
  });
});
