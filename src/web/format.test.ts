import { describe, expect, it } from 'vitest';
import { formatter } from './format';

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
