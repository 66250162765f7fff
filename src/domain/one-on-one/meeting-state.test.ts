import { describe, expect, it } from 'vitest';
import {
  elapsedSeconds,
  finishMeeting,
  heldDate,
  nextAfterHeld,
  phaseOf,
  startMeeting,
  startsEarly,
  undoFinish,
  UNDO_FINISH_MS,
  type MeetingState,
} from './meeting-state';

const zone = 'Europe/Stockholm';
// Tuesday 10 March 2026, 09:00 in Stockholm.
const planned = new Date('2026-03-10T08:00:00Z');
const base: MeetingState = {
  status: 'planned',
  startsAt: planned,
  timeZone: zone,
  startedAt: null,
  heldAt: null,
};

describe('phaseOf', () => {
  it('derives in progress from a start time on a planned or moved meeting', () => {
    expect(phaseOf(base)).toBe('planned');
    expect(phaseOf({ ...base, startedAt: planned })).toBe('in_progress');
    expect(phaseOf({ ...base, status: 'moved', startedAt: planned })).toBe('in_progress');
    expect(phaseOf({ ...base, status: 'held', startedAt: planned })).toBe('held');
    expect(phaseOf({ ...base, status: 'cancelled', startedAt: planned })).toBe('cancelled');
  });
});

describe('startMeeting', () => {
  it('starts a planned meeting now, and a second start keeps the first instant', () => {
    const now = new Date('2026-03-10T08:02:00Z');
    const first = startMeeting(base, now);
    expect(first).toEqual({ ok: true, value: { startedAt: now, changed: true } });
    const later = new Date('2026-03-10T08:05:00Z');
    expect(startMeeting({ ...base, startedAt: now }, later)).toEqual({
      ok: true,
      value: { startedAt: now, changed: false },
    });
  });

  it('refuses a held or cancelled meeting', () => {
    expect(startMeeting({ ...base, status: 'held' }, planned)).toEqual({
      ok: false,
      reason: 'oneOnOne.meeting_held',
    });
    expect(startMeeting({ ...base, status: 'cancelled' }, planned)).toEqual({
      ok: false,
      reason: 'oneOnOne.meeting_cancelled',
    });
  });
});

describe('finishMeeting', () => {
  it('finishes a started meeting on the day it was started', () => {
    const started = new Date('2026-03-10T08:03:00Z');
    const now = new Date('2026-03-10T08:25:00Z');
    const r = finishMeeting({ ...base, startedAt: started }, now);
    expect(r).toEqual({ ok: true, value: { heldAt: now, heldOn: '2026-03-10', changed: true } });
  });

  it('a meeting finished days early is held on the day it was finished', () => {
    const now = new Date('2026-03-06T13:00:00Z'); // Friday before
    const r = finishMeeting(base, now);
    expect(r.ok && r.value.heldOn).toBe('2026-03-06');
  });

  it('a meeting started early and finished is held on the start day', () => {
    const started = new Date('2026-03-05T22:50:00Z'); // 23:50 on Thursday in Stockholm
    const now = new Date('2026-03-05T23:20:00Z'); // 00:20 on Friday
    const r = finishMeeting({ ...base, startedAt: started }, now);
    expect(r.ok && r.value.heldOn).toBe('2026-03-05');
  });

  it('minutes written up after the planned time keep the planned day', () => {
    const now = new Date('2026-03-11T15:00:00Z'); // the day after
    const r = finishMeeting(base, now);
    expect(r.ok && r.value.heldOn).toBe('2026-03-10');
  });

  it('finishing again changes nothing; a cancelled meeting cannot be finished', () => {
    const heldAt = new Date('2026-03-10T08:20:00Z');
    const r = finishMeeting({ ...base, status: 'held', heldAt }, new Date('2026-03-12T00:00:00Z'));
    expect(r).toEqual({ ok: true, value: { heldAt, heldOn: '2026-03-10', changed: false } });
    expect(finishMeeting({ ...base, status: 'cancelled' }, planned)).toEqual({
      ok: false,
      reason: 'oneOnOne.meeting_cancelled',
    });
  });
});

describe('undoFinish', () => {
  const heldAt = new Date('2026-03-10T08:20:00Z');
  const held: MeetingState = { ...base, status: 'held', heldAt, startedAt: planned };

  it('takes a finish back within the window while the minutes are unread', () => {
    const now = new Date(heldAt.getTime() + UNDO_FINISH_MS);
    expect(undoFinish(held, { acknowledged: false }, now)).toEqual({
      ok: true,
      value: { status: 'planned' },
    });
  });

  it('refuses after the window, after the employee read the minutes, or when not held', () => {
    const late = new Date(heldAt.getTime() + UNDO_FINISH_MS + 1);
    expect(undoFinish(held, { acknowledged: false }, late)).toEqual({
      ok: false,
      reason: 'oneOnOne.finish_not_undoable',
    });
    expect(undoFinish(held, { acknowledged: true }, heldAt)).toEqual({
      ok: false,
      reason: 'oneOnOne.finish_not_undoable',
    });
    expect(undoFinish(base, { acknowledged: false }, heldAt)).toEqual({
      ok: false,
      reason: 'oneOnOne.not_held',
    });
  });
});

describe('heldDate', () => {
  it('uses the meeting zone, not UTC', () => {
    // 00:30 on 11 March in Stockholm is still 10 March in UTC.
    const startedAt = new Date('2026-03-10T23:30:00Z');
    expect(heldDate({ ...base, startedAt, heldAt: startedAt })).toBe('2026-03-11');
  });
});

describe('nextAfterHeld', () => {
  const week = 7 * 86_400_000;
  const m = (id: string, weeks: number, status: MeetingState['status'] = 'planned') => ({
    id,
    startsAt: new Date(planned.getTime() + weeks * week),
    status,
  });
  const series = [m('a', 0, 'held'), m('b', 1), m('c', 2), m('d', 3, 'cancelled'), m('e', 4)];

  it('is the first open meeting after the planned time, whenever it was held', () => {
    expect(nextAfterHeld(series[0]!, series)?.id).toBe('b');
  });

  it('held early, the next one is still the following slot, never the held one itself', () => {
    const heldEarly = { ...series[2]!, status: 'held' as const };
    const list = [series[0]!, series[1]!, heldEarly, series[3]!, series[4]!];
    expect(nextAfterHeld(heldEarly, list)?.id).toBe('e');
  });

  it('skips cancelled meetings but not planned ones', () => {
    expect(nextAfterHeld(series[2]!, series)?.id).toBe('e');
  });
});

describe('startsEarly', () => {
  it('is early before the booked day in the meeting zone, not on the day itself', () => {
    expect(startsEarly(base, new Date('2026-03-09T22:59:00Z'))).toBe(true); // 23:59 the day before
    expect(startsEarly(base, new Date('2026-03-09T23:00:00Z'))).toBe(false); // 00:00 that day
    expect(startsEarly(base, new Date('2026-03-10T16:00:00Z'))).toBe(false);
    expect(startsEarly(base, new Date('2026-03-12T08:00:00Z'))).toBe(false);
  });
});

describe('elapsedSeconds', () => {
  it('counts from the server start, stops at the finish', () => {
    const startedAt = new Date('2026-03-10T08:00:00Z');
    expect(elapsedSeconds(null, planned)).toBe(0);
    expect(elapsedSeconds(startedAt, new Date('2026-03-10T08:01:30Z'))).toBe(90);
    expect(
      elapsedSeconds(startedAt, new Date('2026-03-10T09:00:00Z'), new Date('2026-03-10T08:20:00Z')),
    ).toBe(1200);
    expect(elapsedSeconds(startedAt, new Date('2026-03-10T07:59:00Z'))).toBe(0);
  });
});
