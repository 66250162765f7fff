import { describe, expect, it } from 'vitest';
import {
  instantRange,
  quarter,
  quarterOf,
  recentQuarters,
  shiftQuarter,
  wellbeingAvailableFrom,
  wellbeingQuarter,
  weeksBefore,
} from './periods';

describe('quarters', () => {
  it('knows their dates', () => {
    expect(quarter('2026-Q1')).toEqual({ key: '2026-Q1', from: '2026-01-01', to: '2026-03-31' });
    expect(quarter('2024-Q3').to).toBe('2024-09-30');
    expect(quarterOf('2026-11-21').key).toBe('2026-Q4');
    expect(shiftQuarter('2026-Q1', 1).key).toBe('2025-Q4');
  });

  it('lists the current quarter and twelve before it', () => {
    const list = recentQuarters('2026-11-21');
    expect(list).toHaveLength(13);
    expect(list[0]!.key).toBe('2026-Q4');
    expect(list[12]!.key).toBe('2023-Q4');
  });

  it('turns dates into instants in a time zone (daylight saving included)', () => {
    const r = instantRange(quarter('2026-Q2'), 'Europe/Stockholm');
    expect(r.from.toISOString()).toBe('2026-03-31T22:00:00.000Z');
    expect(r.until.toISOString()).toBe('2026-06-30T22:00:00.000Z');
  });

  it('publishes wellbeing a week after the quarter ends, otherwise the latest closed one', () => {
    expect(wellbeingAvailableFrom('2026-Q3')).toBe('2026-10-08');
    expect(wellbeingQuarter('2026-Q3', '2026-10-07').key).toBe('2026-Q2');
    expect(wellbeingQuarter('2026-Q3', '2026-10-08').key).toBe('2026-Q3');
    expect(wellbeingQuarter('2026-Q4', '2026-11-21').key).toBe('2026-Q3');
  });

  it('counts weeks back from today', () => {
    expect(weeksBefore('2026-11-21', 6)).toBe('2026-10-10');
  });
});
