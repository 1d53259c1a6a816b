import { describe, expect, it } from 'vitest';
import {
  addDays,
  formatClock,
  formatDate,
  formatDateTime,
  formatDays,
  formatHoursPerWeek,
  formatIcrPerHour,
  formatInteger,
  formatMinutes,
  formatNumber,
  formatPercent,
  formatPerWeek,
  formatRank,
  formatValue,
  MISSING,
  NBSP,
  NNBSP,
  unitSymbol,
  weekdayName,
} from '../../src/i18n/format.ts';

describe('numbers', () => {
  it('groups thousands with a narrow no-break space and uses a decimal comma in French', () => {
    expect(formatNumber(1234.5, 'fr')).toBe(`1${NNBSP}234,5`);
    expect(formatNumber(1234567, 'fr')).toBe(`1${NNBSP}234${NNBSP}567`);
    expect(formatNumber(1234.5, 'en')).toBe('1,234.5');
    expect(formatInteger(274389, 'fr')).toBe(`274${NNBSP}389`);
  });

  it('rounds to one decimal by default and drops trailing zeros', () => {
    expect(formatNumber(158.84, 'fr')).toBe('158,8');
    expect(formatNumber(47, 'fr')).toBe('47');
    expect(formatNumber(0.123, 'en', 2)).toBe('0.12');
  });

  it('writes percentages the local way', () => {
    expect(formatPercent(0.61, 'fr')).toBe(`61${NNBSP}%`);
    expect(formatPercent(0.606, 'fr')).toBe(`60,6${NNBSP}%`);
    expect(formatPercent(0.61, 'en')).toBe('61%');
  });

  it('shows unknown values as a dash, never as 0', () => {
    for (const f of [formatNumber, formatPercent, formatHoursPerWeek, formatMinutes, formatDays]) {
      expect(f(null, 'fr')).toBe(MISSING);
      expect(f(undefined, 'en')).toBe(MISSING);
      expect(f(Number.NaN, 'fr')).toBe(MISSING);
    }
  });
});

describe('units', () => {
  it('joins values and units with a no-break space', () => {
    expect(formatHoursPerWeek(47, 'fr')).toBe(`47${NNBSP}h/sem`);
    expect(formatHoursPerWeek(47, 'en')).toBe(`47${NBSP}h/week`);
    expect(formatIcrPerHour(158.8, 'fr')).toBe(`158,8${NNBSP}ICR/h`);
    expect(formatPerWeek(158, 'fr')).toBe(`158${NNBSP}passages/sem`);
    expect(formatDays(7, 'fr')).toBe(`7${NNBSP}j`);
    expect(formatDays(7, 'en')).toBe(`7${NBSP}d`);
  });

  it('writes durations as the report does: minutes, then hours, then days', () => {
    expect(formatMinutes(15.8, 'fr')).toBe(`15,8${NNBSP}min`);
    expect(formatMinutes(48, 'en')).toBe(`48${NBSP}min`);
    expect(formatMinutes(180, 'fr')).toBe(`3${NNBSP}h`);
    expect(formatMinutes(174, 'fr')).toBe(`2${NNBSP}h${NBSP}54`);
    expect(formatMinutes(174, 'en')).toBe(`2${NBSP}h${NBSP}54${NBSP}min`);
    expect(formatMinutes(1650, 'fr')).toBe(`1${NNBSP}j${NBSP}3${NNBSP}h${NBSP}30`);
    expect(formatMinutes(4140, 'en')).toBe(`2${NBSP}d${NBSP}21${NBSP}h`);
    expect(formatMinutes(2880, 'fr')).toBe(`2${NNBSP}j`);
    expect(formatMinutes(1445, 'fr')).toBe(`1${NNBSP}j${NBSP}5${NNBSP}min`);
    expect(formatMinutes(-90, 'fr')).toBe(`-1${NNBSP}h${NBSP}30`);
    expect(formatMinutes(-1.5, 'en')).toBe(`-1.5${NBSP}min`);
  });

  it('formats by the unit the API gives', () => {
    expect(formatValue(0.606, 'fraction', 'fr')).toBe(`60,6${NNBSP}%`);
    expect(formatValue(47, 'h/week', 'en')).toBe(`47${NBSP}h/week`);
    expect(formatValue(158.8, 'ICR/h', 'en')).toBe(`158.8${NBSP}ICR/h`);
    expect(formatValue(105, 'exams/week', 'en')).toBe(`105${NBSP}exams/week`);
    expect(formatValue(720, 'min', 'fr')).toBe(`12${NNBSP}h`);
    expect(formatValue(21, 'days', 'fr')).toBe(`21${NNBSP}j`);
    expect(unitSymbol('exams/week', 'fr')).toBe('passages/sem');
    expect(unitSymbol('days', 'en')).toBe('d');
  });

  it('writes percentile ranks as ordinals', () => {
    expect(formatRank(0.63, 'fr')).toBe(`63ᵉ${NBSP}centile`);
    expect(formatRank(0.01, 'fr')).toBe(`1er${NBSP}centile`);
    expect(formatRank(0.63, 'en')).toBe('63rd percentile');
    expect(formatRank(0.01, 'en')).toBe('1st percentile');
    expect(formatRank(0.02, 'en')).toBe('2nd percentile');
    expect(formatRank(0.11, 'en')).toBe('11th percentile');
    expect(formatRank(null, 'en')).toBe(MISSING);
  });
});

describe('dates and times', () => {
  it('writes a calendar date without shifting it by a time zone', () => {
    expect(formatDate('2010-03-01', 'fr')).toBe('1er mars 2010');
    expect(formatDate('2010-03-02', 'fr')).toBe('2 mars 2010');
    expect(formatDate('2010-03-11', 'fr')).toBe('11 mars 2010');
    expect(formatDate('2010-03-21', 'fr')).toBe('21 mars 2010');
    expect(formatDate('2010-03-01', 'en')).toBe('1 March 2010');
    expect(formatDate('2010-03-01', 'fr', 'weekday')).toBe('lun. 1er mars');
    expect(formatDate('2010-03-01', 'fr', 'short')).toBe('01/03/2010');
    expect(formatDate('2010-03-01', 'en', 'short')).toBe('01/03/2010');
    expect(formatDate('not a date', 'fr')).toBe('not a date');
  });

  it('adds days across month ends', () => {
    expect(addDays('2010-02-27', 3)).toBe('2010-03-02');
    expect(addDays('2010-03-28', -28)).toBe('2010-02-28');
  });

  it('writes an instant in a given time zone', () => {
    expect(formatDateTime('2010-03-01T07:30:00Z', 'fr', 'Europe/Paris')).toBe(
      '1er mars 2010, 08:30',
    );
    expect(formatDateTime('2010-03-02T07:30:00Z', 'fr', 'Europe/Paris')).toBe('2 mars 2010, 08:30');
    expect(formatDateTime('2010-03-01T07:30:00Z', 'en', 'UTC')).toBe('1 Mar 2010, 07:30');
  });

  it('writes clock times and weekday names', () => {
    expect(formatClock(510)).toBe('08:30');
    expect(formatClock(0)).toBe('00:00');
    expect(formatClock(1440)).toBe('24:00');
    expect(weekdayName(1, 'fr')).toBe('lundi');
    expect(weekdayName(7, 'en')).toBe('Sunday');
    expect(weekdayName(3, 'fr', 'short')).toBe('mer.');
  });
});
