import { describe, expect, it } from 'vitest';
import { Temporal } from 'temporal-polyfill';
import {
  horizonExtension,
  horizonFor,
  localParts,
  localTimeExists,
  planRecurrenceChange,
  slotsBetween,
  todayIn,
  toInstant,
} from './occurrences';

/** The last Sunday of a month (when EU summer time starts and ends). */
function lastSunday(year: number, month: number): Temporal.PlainDate {
  const last = Temporal.PlainYearMonth.from({ year, month }).toPlainDate({ day: 31 });
  return last.subtract({ days: last.dayOfWeek % 7 });
}

function isSummer(date: string): boolean {
  const d = Temporal.PlainDate.from(date);
  return (
    Temporal.PlainDate.compare(d, lastSunday(d.year, 3)) >= 0 &&
    Temporal.PlainDate.compare(d, lastSunday(d.year, 10)) < 0
  );
}

const ZONES = [
  { zone: 'Europe/Stockholm', winter: 1 },
  { zone: 'Europe/Copenhagen', winter: 1 },
  { zone: 'Europe/Oslo', winter: 1 },
  { zone: 'Europe/Helsinki', winter: 2 },
] as const;

describe('occurrences across daylight-saving changes', () => {
  for (const { zone, winter } of ZONES) {
    it(`keeps 09:00 local in ${zone} for five years, weekly and monthly`, () => {
      for (const cadence of ['weekly', 'every_2_weeks', 'monthly'] as const) {
        const slots = slotsBetween(
          {
            cadence,
            startDate: '2025-01-07',
            localTime: '09:00',
            timeZone: zone,
            durationMinutes: 20,
          },
          '2025-01-01',
          '2029-12-31',
        );
        expect(slots.length).toBeGreaterThan(cadence === 'monthly' ? 59 : 120);
        for (const s of slots) {
          expect(localParts(s.startsAt, zone)).toEqual({ date: s.localDate, time: '09:00' });
          const offset = winter + (isSummer(s.localDate) ? 1 : 0);
          expect(s.startsAt.getUTCHours()).toBe(9 - offset);
          expect(s.endsAt.getTime() - s.startsAt.getTime()).toBe(20 * 60_000);
        }
        // Both kinds of offset really occur in the range.
        expect(new Set(slots.map((s) => s.startsAt.getUTCHours())).size).toBe(2);
      }
    });
  }

  it('keeps the same weekday and one week apart in local time across the change', () => {
    const slots = slotsBetween(
      {
        cadence: 'weekly',
        startDate: '2026-03-24',
        localTime: '09:00',
        timeZone: 'Europe/Stockholm',
        durationMinutes: 30,
      },
      '2026-03-24',
      '2026-04-07',
    );
    expect(slots.map((s) => s.localDate)).toEqual(['2026-03-24', '2026-03-31', '2026-04-07']);
    expect(slots.map((s) => s.startsAt.toISOString())).toEqual([
      '2026-03-24T08:00:00.000Z',
      '2026-03-31T07:00:00.000Z',
      '2026-04-07T07:00:00.000Z',
    ]);
  });
});

describe('times that do not exist', () => {
  it('knows 02:30 on the spring-forward night in Stockholm does not exist', () => {
    expect(localTimeExists('2026-03-29', '02:30', 'Europe/Stockholm')).toBe(false);
    expect(localTimeExists('2026-03-29', '03:30', 'Europe/Stockholm')).toBe(true);
    expect(localTimeExists('2026-03-22', '02:30', 'Europe/Stockholm')).toBe(true);
    // Helsinki jumps an hour later in local time.
    expect(localTimeExists('2026-03-29', '03:30', 'Europe/Helsinki')).toBe(false);
    expect(localTimeExists('2026-03-29', '02:30', 'Europe/Helsinki')).toBe(true);
    // The repeated autumn hour exists (twice).
    expect(localTimeExists('2026-10-25', '02:30', 'Europe/Oslo')).toBe(true);
  });

  it('shifts a single occurrence in the gap forward by the gap (RFC 5545)', () => {
    const slots = slotsBetween(
      {
        cadence: 'weekly',
        startDate: '2026-03-01',
        localTime: '02:30',
        timeZone: 'Europe/Stockholm',
        durationMinutes: 20,
      },
      '2026-03-22',
      '2026-04-05',
    );
    expect(slots.map((s) => localParts(s.startsAt, 'Europe/Stockholm'))).toEqual([
      { date: '2026-03-22', time: '02:30' },
      { date: '2026-03-29', time: '03:30' },
      { date: '2026-04-05', time: '02:30' },
    ]);
    expect(slots[1]!.startsAt.toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(toInstant('2026-03-29', '03:30', 'Europe/Helsinki').toISOString()).toBe(
      '2026-03-29T01:30:00.000Z',
    );
  });

  it('uses the first of the two repeated autumn hours', () => {
    expect(toInstant('2026-10-25', '02:30', 'Europe/Copenhagen').toISOString()).toBe(
      '2026-10-25T00:30:00.000Z',
    );
  });
});

describe('horizon', () => {
  it('plans six months ahead and extends with slack only when needed', () => {
    expect(horizonFor('2026-01-31')).toBe('2026-07-31');
    expect(horizonExtension('2026-08-01', '2026-01-31')).toBeNull();
    expect(horizonExtension('2026-07-30', '2026-01-31')).toBe('2026-08-28');
  });

  it('knows today per zone', () => {
    const late = new Date('2026-01-01T23:30:00Z');
    expect(todayIn('Europe/Helsinki', late)).toBe('2026-01-02');
    expect(todayIn('Atlantic/Reykjavik', late)).toBe('2026-01-01');
  });
});

describe('planRecurrenceChange', () => {
  const slot = (d: string) => ({
    localDate: d,
    startsAt: new Date(`${d}T08:00:00Z`),
    endsAt: new Date(`${d}T08:20:00Z`),
  });
  it('reuses future meetings in order, adds or drops the rest', () => {
    const fewer = planRecurrenceChange(
      [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
      [slot('2026-05-01')],
    );
    expect(fewer.reuse.map((r) => [r.meeting.id, r.slot.localDate])).toEqual([['a', '2026-05-01']]);
    expect(fewer.drop.map((m) => m.id)).toEqual(['b', 'c']);
    const more = planRecurrenceChange([{ id: 'a' }], [slot('2026-05-01'), slot('2026-05-08')]);
    expect(more.add.map((s) => s.localDate)).toEqual(['2026-05-08']);
    expect(more.drop).toEqual([]);
  });
});

describe('local time from the zone spans kept in memory (decision 021)', () => {
  const viaTemporal = (ms: number, zone: string) => {
    const zdt = Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(zone);
    return {
      date: zdt.toPlainDate().toString(),
      time: zdt.toPlainTime().toString({ smallestUnit: 'minute' }),
    };
  };
  const zones = [
    'Europe/Stockholm',
    'Europe/Copenhagen',
    'Europe/Oslo',
    'Europe/Helsinki',
    'Atlantic/Reykjavik',
    'Atlantic/Faroe',
    'UTC',
    'Asia/Kathmandu',
    'Australia/Lord_Howe',
  ];

  it.each(zones)('gives what Temporal gives in %s, at and around every transition', (zone) => {
    let t: Temporal.ZonedDateTime | null = Temporal.Instant.fromEpochMilliseconds(
      Date.UTC(1900, 0, 1),
    ).toZonedDateTimeISO(zone);
    // Far in the past and future first, so the spans are met out of order.
    for (const ms of [Date.UTC(2070, 5, 1), Date.UTC(1901, 0, 1), Date.UTC(2026, 2, 29, 1)])
      expect(localParts(new Date(ms), zone)).toEqual(viaTemporal(ms, zone));
    for (let k = 0; k < 300 && t; k++) {
      t = t.getTimeZoneTransition('next');
      if (!t) break;
      for (const d of [-3_600_001, -60_000, -1, 0, 1, 60_000, 3_600_000]) {
        const ms = t.epochMilliseconds + d;
        expect(localParts(new Date(ms), zone)).toEqual(viaTemporal(ms, zone));
        expect(todayIn(zone, new Date(ms))).toBe(viaTemporal(ms, zone).date);
      }
    }
  });
});
