import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ZoneClock } from '../../src/core/calendar.ts';
import { parseDecimal, parseDecimalAt } from '../../src/ingest/kit/cells.ts';
import { DateTimeReader } from '../../src/ingest/kit/date-time.ts';

describe('parseDecimal', () => {
  it('reads what Number() reads, to the last bit', () => {
    const digits = fc.string({
      unit: fc.constantFrom(...'0123456789'),
      minLength: 1,
      maxLength: 18,
    });
    const decimal = fc.tuple(
      fc.constantFrom('', '-', '+'),
      digits,
      fc.option(digits),
      fc.option(fc.integer({ min: -30, max: 30 })),
    );
    fc.assert(
      fc.property(decimal, ([sign, int, frac, exp]) => {
        const text = `${sign}${int}${frac === null ? '' : `.${frac}`}${exp === null ? '' : `e${exp}`}`;
        expect(parseDecimal(text)).toBe(Number(text) + 0);
        expect(parseDecimal(text.replace('.', ','))).toBe(Number(text) + 0);
      }),
      { numRuns: 2000 },
    );
  });

  it.each(['', '-', '.', '1.2.3', '0x1F', 'Infinity', '1e', '1e+', '12 5', '1_000', 'NaN', '١٢'])(
    'refuses %j',
    (text) => {
      expect(parseDecimal(text)).toBeNaN();
    },
  );

  it('reads in place without looking past the cell', () => {
    expect(parseDecimalAt('x12.5e3y', 1, 5)).toBe(12.5);
    expect(parseDecimalAt('9,5;7', 0, 3)).toBe(9.5);
  });
});

describe('DateTimeReader.readAt', () => {
  it('reads a cell in place and never past its end', () => {
    const reader = new DateTimeReader(new ZoneClock('UTC'));
    const source = '2010-03-01T08:30:45.5+01:00';
    expect(reader.readAt(source, 0, 16)).toBe(Date.parse('2010-03-01T08:30:00Z'));
    expect(reader.readAt(source, 0, 19)).toBe(Date.parse('2010-03-01T08:30:45Z'));
    expect(reader.readAt(source, 0, 21)).toBe(Date.parse('2010-03-01T08:30:45.500Z'));
    expect(reader.readAt(source, 0, 18)).toBeNaN();
    expect(reader.readAt(source, 0, 23)).toBeNaN();
    expect(reader.readAt(source, 0, 24)).toBe(Date.parse('2010-03-01T07:30:45.500Z'));
    expect(reader.readAt(`xx${source}yy`, 2, 2 + source.length)).toBe(
      Date.parse('2010-03-01T07:30:45.500Z'),
    );
  });
});
