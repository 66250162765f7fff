import { describe, expect, it } from 'vitest';
import { followUpDate, isWritable, mayBook, mayStart, proposesFollowUp } from './conversation';

describe('conversation status rules', () => {
  it('is read-only once closed or signed', () => {
    expect(isWritable('booked')).toBe(true);
    expect(isWritable('held')).toBe(true);
    expect(isWritable('closed')).toBe(false);
    expect(isWritable('signed')).toBe(false);
  });

  it('books until the meeting starts, starts once booked', () => {
    expect(mayBook('not_booked')).toBe(true);
    expect(mayBook('booked')).toBe(true);
    expect(mayBook('held')).toBe(false);
    expect(mayStart('not_booked')).toBe(false);
    expect(mayStart('booked')).toBe(true);
  });

  it('proposes a follow-up for a held development conversation only', () => {
    expect(proposesFollowUp('development', 'held')).toBe(true);
    expect(proposesFollowUp('development', 'booked')).toBe(false);
    expect(proposesFollowUp('follow_up', 'held')).toBe(false);
  });
});

describe('the follow-up date', () => {
  it('is three months later in the local calendar', () => {
    // 23:30 UTC on 14 March is already 15 March in Stockholm.
    expect(followUpDate(new Date('2027-03-14T23:30:00Z'), 'Europe/Stockholm')).toBe('2027-06-15');
  });

  it('moves off a weekend to the Monday after', () => {
    // 2027-06-05 is a Saturday.
    expect(followUpDate(new Date('2027-03-05T09:00:00Z'), 'Europe/Stockholm')).toBe('2027-06-07');
    expect(followUpDate(new Date('2027-03-05T09:00:00Z'), 'Europe/Stockholm', 1)).toBe(
      '2027-04-05',
    );
  });
});
