import { describe, expect, it } from 'vitest';
import { developmentConversationDue } from './annual';

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
