import { describe, expect, it } from 'vitest';
import { Temporal } from 'temporal-polyfill';
import {
  cadenceHealth,
  cadenceIntervalDays,
  datesBetween,
  nthWeekdayOfMonth,
  ordinalOf,
} from './cadence';

describe('datesBetween', () => {
  it('steps weekly, every second and every third week from the start date', () => {
    expect(
      datesBetween({ cadence: 'weekly', startDate: '2026-01-06' }, '2026-01-01', '2026-01-27'),
    ).toEqual(['2026-01-06', '2026-01-13', '2026-01-20', '2026-01-27']);
    expect(
      datesBetween(
        { cadence: 'every_2_weeks', startDate: '2026-01-06' },
        '2026-01-14',
        '2026-02-28',
      ),
    ).toEqual(['2026-01-20', '2026-02-03', '2026-02-17']);
    expect(
      datesBetween(
        { cadence: 'every_3_weeks', startDate: '2026-01-06' },
        '2026-01-06',
        '2026-03-01',
      ),
    ).toEqual(['2026-01-06', '2026-01-27', '2026-02-17']);
  });

  it('places monthly meetings on the first Tuesday', () => {
    expect(
      datesBetween({ cadence: 'monthly', startDate: '2026-01-06' }, '2026-01-01', '2026-06-30'),
    ).toEqual(['2026-01-06', '2026-02-03', '2026-03-03', '2026-04-07', '2026-05-05', '2026-06-02']);
  });

  it('places monthly meetings on the last Friday, also when it is the fourth', () => {
    expect(
      datesBetween(
        { cadence: 'monthly', startDate: '2026-01-30', monthlyOrdinal: -1 },
        '2026-01-01',
        '2026-05-31',
      ),
    ).toEqual(['2026-01-30', '2026-02-27', '2026-03-27', '2026-04-24', '2026-05-29']);
  });

  it('derives "last" from a start date in the fifth week', () => {
    expect(ordinalOf(Temporal.PlainDate.from('2026-01-30'))).toBe(-1);
    expect(ordinalOf(Temporal.PlainDate.from('2026-01-06'))).toBe(1);
    expect(nthWeekdayOfMonth(Temporal.PlainYearMonth.from('2026-02'), 2, 3).toString()).toBe(
      '2026-02-17',
    );
  });

  it('never plans before the start date and returns nothing for an empty range', () => {
    expect(
      datesBetween({ cadence: 'weekly', startDate: '2026-03-10' }, '2026-03-01', '2026-03-09'),
    ).toEqual([]);
    expect(
      datesBetween(
        { cadence: 'monthly', startDate: '2026-03-20', monthlyOrdinal: 1 },
        '2026-03-01',
        '2026-04-30',
      ),
    ).toEqual(['2026-04-03']);
  });
});

describe('cadenceHealth', () => {
  it('flags more than twice the interval since the last held 1:1', () => {
    expect(cadenceIntervalDays('every_2_weeks')).toBe(14);
    expect(
      cadenceHealth({
        cadence: 'every_2_weeks',
        lastHeldDate: '2026-01-01',
        seriesStartDate: '2025-01-01',
        today: '2026-01-29',
      }),
    ).toEqual({ daysSinceLastHeld: 28, overdue: false });
    expect(
      cadenceHealth({
        cadence: 'every_2_weeks',
        lastHeldDate: '2026-01-01',
        seriesStartDate: '2025-01-01',
        today: '2026-01-30',
      }),
    ).toEqual({ daysSinceLastHeld: 29, overdue: true });
  });
  it('counts from the series start when nothing is held yet', () => {
    expect(
      cadenceHealth({
        cadence: 'weekly',
        lastHeldDate: null,
        seriesStartDate: '2026-01-01',
        today: '2026-01-10',
      }),
    ).toEqual({ daysSinceLastHeld: null, overdue: false });
    expect(
      cadenceHealth({
        cadence: 'weekly',
        lastHeldDate: null,
        seriesStartDate: '2026-01-01',
        today: '2026-01-20',
      }).overdue,
    ).toBe(true);
  });
});
