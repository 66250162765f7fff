import { describe, expect, it } from 'vitest';
import { defaultSectionFor, isPermutation, orderWithNewTopic, sectionPoints } from './agenda';
import type { TemplateSnapshot } from './template';

const snapshot: TemplateSnapshot = {
  ref: 'builtin:follow-up',
  name: { en: 'x' },
  sections: [
    { key: 'wellbeing', kind: 'standard', title: { en: 'How are you?' } },
    { key: 'your_topics', kind: 'employee_topics', title: { en: 'Your topics' } },
    { key: 'other', kind: 'standard', title: { en: 'AOB' } },
  ],
};

describe('agenda', () => {
  it('starts with the template sections in order', () => {
    expect(sectionPoints(snapshot)).toEqual([
      { sectionKey: 'wellbeing', position: 0 },
      { sectionKey: 'your_topics', position: 1 },
      { sectionKey: 'other', position: 2 },
    ]);
  });
  it("puts the employee's topics under their own section, the manager's at the end", () => {
    expect(defaultSectionFor('employee', snapshot)).toBe('your_topics');
    expect(defaultSectionFor('manager', snapshot)).toBeNull();
    const points = [
      { id: 's1', kind: 'section' as const, sectionKey: 'wellbeing' },
      { id: 's2', kind: 'section' as const, sectionKey: 'your_topics' },
      { id: 't1', kind: 'topic' as const, sectionKey: 'your_topics' },
      { id: 's3', kind: 'section' as const, sectionKey: 'other' },
    ];
    expect(orderWithNewTopic(points, 'new', 'your_topics')).toEqual([
      's1',
      's2',
      't1',
      'new',
      's3',
    ]);
    expect(orderWithNewTopic(points, 'new', null)).toEqual(['s1', 's2', 't1', 's3', 'new']);
  });
  it('accepts a new order only when it has exactly the same points', () => {
    expect(isPermutation(['a', 'b'], ['b', 'a'])).toBe(true);
    expect(isPermutation(['a', 'b'], ['a', 'a'])).toBe(false);
    expect(isPermutation(['a', 'b'], ['a'])).toBe(false);
  });
});
