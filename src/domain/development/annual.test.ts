import { describe, expect, it } from 'vitest';
import { annualCutoff, developmentConversationDue } from './annual';

const now = new Date('2027-06-15T10:00:00Z');

describe('a development conversation at least once a year', () => {
  it('is due for someone who never signed one', () => {
    expect(developmentConversationDue(null, now)).toBe(true);
  });

  it('is not due within twelve months of the last signed one', () => {
    expect(developmentConversationDue(new Date('2026-06-16T00:00:00Z'), now)).toBe(false);
    expect(developmentConversationDue(new Date('2027-01-10T00:00:00Z'), now)).toBe(false);
  });

  it('is due once twelve months have passed', () => {
    expect(developmentConversationDue(new Date('2026-06-14T00:00:00Z'), now)).toBe(true);
  });
});

describe('the yearly cut-off shared by the home and HR statistics', () => {
  it('is twelve calendar months before now, and decides who is due', () => {
    const cutoff = annualCutoff(now);
    expect(cutoff.toISOString()).toBe('2026-06-15T10:00:00.000Z');
    expect(developmentConversationDue(cutoff, now)).toBe(false);
    expect(developmentConversationDue(new Date(cutoff.getTime() - 1), now)).toBe(true);
  });
});
