import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ZoneClock } from '../../src/core/calendar.ts';
import {
  DateTimeReader,
  DateTimeWriter,
  daysFromCivil,
  formatOffset,
} from '../../src/ingest/kit/date-time.ts';

const paris = new ZoneClock('Europe/Paris');
const utc = (iso: string): number => Date.parse(iso);

describe('DateTimeReader', () => {
  const reader = new DateTimeReader(paris);

  it.each([
    ['2010-03-01T08:30', '2010-03-01T07:30:00Z', 60_000],
    ['2010-03-01 08:30:00', '2010-03-01T07:30:00Z', 1000],
    ['2010-03-01t08:30:15.5', '2010-03-01T07:30:15.500Z', 100],
    ['2010-03-01T08:30:15.123456', '2010-03-01T07:30:15.123Z', 1],
    ['2010-07-01T08:30', '2010-07-01T06:30:00Z', 60_000],
    ['2010-03-01T08:30Z', '2010-03-01T08:30:00Z', 60_000],
    ['2010-03-01T08:30:00+01:00', '2010-03-01T07:30:00Z', 1000],
    ['2010-03-01T08:30:00+0100', '2010-03-01T07:30:00Z', 1000],
    ['2010-03-01T08:30+01', '2010-03-01T07:30:00Z', 60_000],
    ['2010-03-01T08:30-05:30', '2010-03-01T14:00:00Z', 60_000],
    ['2012-02-29T00:00', '2012-02-28T23:00:00Z', 60_000],
  ])('reads %s', (text, iso, precision) => {
    expect(reader.read(text)).toBe(utc(iso));
    expect(reader.problem).toBeNull();
    expect(reader.precision).toBe(precision);
  });

  it.each([
    '2010-02-30T08:00',
    '2011-02-29T08:00',
    '2010-03-01',
    '01/03/2010 08:30',
    '2010-03-01T24:00',
    '2010-03-01T08:60',
    '2010-03-01T08:30:60',
    '2010-3-1T08:30',
    '2010-03-01X08:30',
    '2010-03-01T08:30:00+25:00',
    '2010-03-01T08:30:00+01:00x',
    '2010-03-01T08:30:00.',
    '2010-03-01T08:30 ',
    '',
  ])('refuses %j', (text) => {
    expect(reader.read(text)).toBeNaN();
    expect(reader.problem).toBe('syntax');
  });

  it('refuses a time skipped by the spring change, and reads it with an offset', () => {
    expect(reader.read('2010-03-28T02:30')).toBeNaN();
    expect(reader.problem).toBe('gap');
    expect(reader.offsets.map(formatOffset)).toEqual(['+01:00', '+02:00']);
    expect(reader.read('2010-03-28T02:30+01:00')).toBe(utc('2010-03-28T01:30:00Z'));
    expect(reader.read('2010-03-28T01:59:59')).toBe(utc('2010-03-28T00:59:59Z'));
    expect(reader.read('2010-03-28T03:00')).toBe(utc('2010-03-28T01:00:00Z'));
  });

  it('refuses a time of the repeated autumn hour, and reads it with an offset', () => {
    expect(reader.read('2010-10-31T02:30')).toBeNaN();
    expect(reader.problem).toBe('ambiguous');
    expect(reader.offsets.map(formatOffset)).toEqual(['+02:00', '+01:00']);
    expect(reader.read('2010-10-31T02:30+02:00')).toBe(utc('2010-10-31T00:30:00Z'));
    expect(reader.read('2010-10-31T02:30+01:00')).toBe(utc('2010-10-31T01:30:00Z'));
    expect(reader.read('2010-10-31T01:59:59')).toBe(utc('2010-10-30T23:59:59Z'));
    expect(reader.read('2010-10-31T03:00')).toBe(utc('2010-10-31T02:00:00Z'));
  });
});

describe('DateTimeWriter', () => {
  it('writes the wall-clock, with the offset only in the repeated hour', () => {
    const writer = new DateTimeWriter(paris);
    expect(writer.format(utc('2010-03-01T07:30:00Z'))).toBe('2010-03-01T08:30:00');
    expect(writer.format(utc('2010-03-01T07:30:00.042Z'))).toBe('2010-03-01T08:30:00.042');
    expect(writer.format(utc('2010-03-28T01:00:00Z'))).toBe('2010-03-28T03:00:00');
    expect(writer.format(utc('2010-10-31T00:00:00Z'))).toBe('2010-10-31T02:00:00+02:00');
    expect(writer.format(utc('2010-10-31T01:00:00Z'))).toBe('2010-10-31T02:00:00+01:00');
    expect(writer.format(utc('2010-10-31T01:59:59.999Z'))).toBe('2010-10-31T02:59:59.999+01:00');
    expect(writer.format(utc('2010-10-31T02:00:00Z'))).toBe('2010-10-31T03:00:00');
    expect(() => writer.format(Number.NaN)).toThrow(RangeError);
  });

  it('is read back exactly, in zones with odd changes too', () => {
    const zones = [
      'Europe/Paris',
      'America/New_York',
      'Australia/Lord_Howe',
      'Asia/Kolkata',
      'America/St_Johns',
      'UTC',
    ];
    const clocks = zones.map((z) => new ZoneClock(z));
    const writers = clocks.map((c) => new DateTimeWriter(c));
    const readers = clocks.map((c) => new DateTimeReader(c));
    const from = utc('2009-01-01T00:00:00Z');
    const to = utc('2012-01-01T00:00:00Z');
    // Instants near the 2010 changes are drawn often: that is where mistakes hide.
    const nearChange = fc.constantFrom(
      ...[
        '2010-03-28T01:00:00Z',
        '2010-10-31T01:00:00Z',
        '2010-03-14T07:00:00Z',
        '2010-11-07T06:00:00Z',
        '2010-04-03T15:00:00Z',
        '2010-10-02T16:00:00Z',
      ].map(utc),
    );
    const instant = fc.oneof(
      fc.integer({ min: from, max: to }),
      fc
        .tuple(nearChange, fc.integer({ min: -3 * 3_600_000, max: 3 * 3_600_000 }))
        .map(([t, d]) => t + d),
    );
    fc.assert(
      fc.property(fc.nat(zones.length - 1), instant, (z, t) => {
        const text = (writers[z] as DateTimeWriter).format(t);
        expect((readers[z] as DateTimeReader).read(text)).toBe(t);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('daysFromCivil', () => {
  it('agrees with Date.UTC', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        (y, m, d) => {
          const date = new Date(0);
          date.setUTCFullYear(y, m - 1, d);
          expect(daysFromCivil(y, m, d) * 86_400_000).toBe(date.getTime());
        },
      ),
    );
  });
});
