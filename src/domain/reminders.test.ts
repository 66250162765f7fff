import { describe, expect, it } from 'vitest';
import { daysBefore, isoWeekOf, outsideQuietHours, weeklyDigestTime } from './reminders';

const q = { start: '20:00', end: '07:00' };

describe('outsideQuietHours', () => {
  it('leaves a daytime reminder alone', () => {
    const due = new Date('2026-11-20T12:00:00Z'); // 13:00 in Stockholm
    expect(outsideQuietHours(due, 'Europe/Stockholm', q)).toEqual(due);
  });
  it('moves an evening reminder to 07:00 the next morning, local time', () => {
    const due = new Date('2026-11-20T21:10:00Z'); // 22:10 in Oslo
    expect(outsideQuietHours(due, 'Europe/Oslo', q).toISOString()).toBe('2026-11-21T06:00:00.000Z');
  });
  it('moves an early-morning reminder to 07:00 the same day', () => {
    const due = new Date('2026-11-20T03:00:00Z'); // 05:00 in Helsinki
    expect(outsideQuietHours(due, 'Europe/Helsinki', q).toISOString()).toBe(
      '2026-11-20T05:00:00.000Z',
    );
  });
  it('handles a non-wrapping window and an empty one', () => {
    const lunch = { start: '12:00', end: '13:00' };
    expect(
      outsideQuietHours(new Date('2026-06-01T10:30:00Z'), 'Europe/Copenhagen', lunch).toISOString(),
    ).toBe('2026-06-01T11:00:00.000Z');
    const none = { start: '00:00', end: '00:00' };
    const due = new Date('2026-06-01T23:30:00Z');
    expect(outsideQuietHours(due, 'Europe/Copenhagen', none)).toEqual(due);
  });
  it('respects the recipient’s own zone across the spring change', () => {
    // 2026-03-29 is the spring-forward day in Europe; 06:30 local is still quiet.
    const due = new Date('2026-03-29T04:30:00Z'); // 06:30 CEST
    expect(outsideQuietHours(due, 'Europe/Stockholm', q).toISOString()).toBe(
      '2026-03-29T05:00:00.000Z',
    );
  });
});

describe('daysBefore', () => {
  it('keeps the wall-clock time across a DST change', () => {
    const meeting = new Date('2026-03-30T07:00:00Z'); // Monday 09:00 CEST
    expect(daysBefore(meeting, 2, 'Europe/Stockholm').toISOString()).toBe(
      '2026-03-28T08:00:00.000Z',
    ); // 09:00 CET
  });
});

describe('weekly digest', () => {
  it('is Monday 08:00 local of the current week', () => {
    expect(
      weeklyDigestTime(new Date('2026-11-16T06:00:00Z'), 'Europe/Stockholm').toISOString(),
    ).toBe('2026-11-16T07:00:00.000Z');
    expect(
      weeklyDigestTime(new Date('2026-11-22T22:00:00Z'), 'Europe/Stockholm').toISOString(),
    ).toBe('2026-11-16T07:00:00.000Z');
    // Sunday 23:30 UTC is already Monday in Helsinki.
    expect(
      weeklyDigestTime(new Date('2026-11-22T23:30:00Z'), 'Europe/Helsinki').toISOString(),
    ).toBe('2026-11-23T06:00:00.000Z');
  });
  it('names the ISO week in the recipient’s zone', () => {
    expect(isoWeekOf(new Date('2026-11-21T12:00:00Z'), 'Europe/Oslo')).toBe('2026-W47');
    expect(isoWeekOf(new Date('2027-01-01T12:00:00Z'), 'Europe/Oslo')).toBe('2026-W53');
  });
});
