import { describe, expect, it } from 'vitest';
import { CADENCES, MONTHLY_ORDINALS, datesBetween } from '../../domain/one-on-one/cadence';
import { addDays } from '../format';
import { ordinalOf, upcomingDates } from './schedule';

describe('the booking preview of meeting dates', () => {
  const starts = ['2026-01-01', '2026-02-28', '2026-03-31', '2027-10-29', '2028-02-29'];

  it.each(CADENCES.flatMap((c) => starts.map((s) => [c, s] as const)))(
    'gives the same dates as the server for %s from %s',
    (cadence, startDate) => {
      const server = datesBetween({ cadence, startDate }, startDate, addDays(startDate, 800));
      expect(upcomingDates({ cadence, startDate }, 12)).toEqual(server.slice(0, 12));
    },
  );

  it.each(MONTHLY_ORDINALS.flatMap((o) => starts.map((s) => [o, s] as const)))(
    'gives the same monthly dates as the server for ordinal %s from %s',
    (monthlyOrdinal, startDate) => {
      const rule = { cadence: 'monthly' as const, startDate, monthlyOrdinal };
      const server = datesBetween(rule, startDate, addDays(startDate, 800));
      expect(upcomingDates(rule, 12)).toEqual(server.slice(0, 12));
    },
  );

  it('names the last weekday of a month as "last"', () => {
    expect(ordinalOf('2026-03-31')).toBe(-1); // the fifth Tuesday
    expect(ordinalOf('2026-03-03')).toBe(1);
    // 27 November 2026 is the fourth Friday; asked for the last Friday, January has five.
    expect(ordinalOf('2026-11-27')).toBe(4);
    const lastFriday = {
      cadence: 'monthly' as const,
      startDate: '2026-11-27',
      monthlyOrdinal: -1 as const,
    };
    expect(upcomingDates(lastFriday, 3)).toEqual(['2026-11-27', '2026-12-25', '2027-01-29']);
  });
});
