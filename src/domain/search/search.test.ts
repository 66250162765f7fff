import { describe, expect, it } from 'vitest';
import { queryConfigs, searchConfigFor, segmentsOf, takeSearch } from './search';

const O = String.fromCharCode(1);
const C = String.fromCharCode(2);

describe('search', () => {
  it('reads a query in the reader’s language and the organisation’s', () => {
    expect(searchConfigFor('sv')).toBe('swedish');
    expect(searchConfigFor('nb')).toBe('norwegian');
    expect(searchConfigFor('xx')).toBe('english');
    expect(queryConfigs('da', 'sv')).toEqual(['danish', 'swedish']);
    expect(queryConfigs('sv', 'sv')).toEqual(['swedish']);
    expect(queryConfigs('en', null)).toEqual(['english']);
  });

  it('turns marked words into plain segments, markup left as text', () => {
    expect(segmentsOf(`${O}Samtalen${C} om <b>${O}miljön${C}</b>`)).toEqual([
      { text: 'Samtalen', match: true },
      { text: ' om <b>', match: false },
      { text: 'miljön', match: true },
      { text: '</b>', match: false },
    ]);
    expect(segmentsOf('')).toEqual([]);
    expect(segmentsOf(`${O}a${C}${O}b${C}`)).toEqual([{ text: 'ab', match: true }]);
  });

  it('lets a person search a number of times a minute, then says how long to wait', () => {
    const times: number[] = [];
    const rate = { perWindow: 3, windowSeconds: 60 };
    expect(takeSearch(times, 0, rate)).toBeNull();
    expect(takeSearch(times, 1000, rate)).toBeNull();
    expect(takeSearch(times, 2000, rate)).toBeNull();
    expect(takeSearch(times, 3000, rate)).toBe(57);
    expect(takeSearch(times, 60_001, rate)).toBeNull();
  });
});
