import { describe, expect, it } from 'vitest';
import {
  clock,
  clockTime,
  dateIn,
  formatter,
  meetingFormatter,
  relativeDays,
  weekdayName,
} from './format';

describe('dates in the person’s language and zone', () => {
  it('writes a calendar day as that day, whatever the zone', () => {
    for (const zone of ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Europe/Stockholm']) {
      expect(formatter('sv', zone).day('2027-03-01')).toBe('1 mars 2027');
      expect(formatter('en', zone).day('2027-03-01')).toBe('1 March 2027');
    }
  });

  it('writes a moment in the person’s zone, not the browser’s', () => {
    const late = '2027-03-01T23:30:00Z';
    expect(formatter('da', 'Europe/Copenhagen').date(late)).toBe('2. marts 2027');
    expect(formatter('da', 'UTC').date(late)).toBe('1. marts 2027');
  });
});

describe('1:1 dates and times in the person’s language and zone', () => {
  it('writes a wall-clock time the way the language does', () => {
    expect(clockTime('09:30', 'sv')).toBe('09:30');
    expect(clockTime('09:30', 'da')).toBe('09.30');
    expect(clockTime('14:05', 'nb')).toBe('14:05');
    expect(clockTime('14:05', 'en')).toBe('14:05');
  });

  it('says how far away a day is in words', () => {
    expect(relativeDays(0, 'sv')).toBe('i dag');
    expect(relativeDays(1, 'en')).toBe('tomorrow');
    expect(relativeDays(3, 'sv')).toBe('om 3 dagar');
    expect(relativeDays(-2, 'da')).toBe('i forgårs');
    expect(relativeDays(14, 'en')).toBe('in 2 weeks');
    expect(relativeDays(90, 'nb')).toBe('om 3 måneder');
  });

  it('counts days in the person’s time zone, not the browser’s', () => {
    const now = () => new Date('2026-03-28T23:30:00Z'); // already 29 March in Stockholm
    const fmt = meetingFormatter('sv', 'Europe/Stockholm', now);
    expect(fmt.today()).toBe('2026-03-29');
    expect(fmt.daysUntil('2026-03-30T07:00:00Z')).toBe(1);
    expect(dateIn('2026-03-28T23:30:00Z', 'America/New_York')).toBe('2026-03-28');
  });

  it('names weekdays and runs a meeting clock', () => {
    expect(weekdayName(2, 'sv')).toBe('tisdag');
    expect(weekdayName(5, 'en')).toBe('Friday');
    expect(clock(65)).toBe('01:05');
    expect(clock(3725)).toBe('1:02:05');
  });
});
