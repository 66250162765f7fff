import { describe, expect, it } from 'vitest';
import { competenceNeeds, type PersonNeeds } from './competence-needs';

const parent = new Map<string, string | null>([
  ['top', null],
  ['a', 'top'],
  ['b', 'top'],
]);
const people = (n: number, p: Partial<PersonNeeds> & { departmentId: string }): PersonNeeds[] =>
  Array.from({ length: n }, () => ({ areas: [], activities: [], ...p }));

describe('competence needs', () => {
  it('shows a count of 5 and hides 1–4 and none alike as fewer than 5', () => {
    const read = competenceNeeds(
      [
        ...people(5, { departmentId: 'a', areas: ['leadership'], activities: ['course'] }),
        ...people(4, { departmentId: 'b', areas: ['digital'], activities: ['course'] }),
      ],
      parent,
    );
    const a = read('a');
    expect(a.areas.find((x) => x.key === 'leadership')).toEqual({
      key: 'leadership',
      status: 'published',
      people: 5,
    });
    const b = read('b');
    expect(b.areas.find((x) => x.key === 'digital')).toMatchObject({
      status: 'too_few',
      people: null,
    });
    expect(b.areas.find((x) => x.key === 'language')).toMatchObject({
      status: 'too_few',
      people: null,
    });
  });

  it('never shows a unit and a sub-unit whose counts differ by 1–4 people', () => {
    const read = competenceNeeds(
      [
        ...people(6, { departmentId: 'a', areas: ['leadership'] }),
        ...people(2, { departmentId: 'b', areas: ['leadership'] }),
      ],
      parent,
    );
    const top = read('top').areas.find((x) => x.key === 'leadership')!;
    const a = read('a').areas.find((x) => x.key === 'leadership')!;
    expect(top.people).toBe(8);
    expect(a).toMatchObject({ status: 'overlap', people: null });
    // The whole organisation is the same 8 people as the top unit: shown alike.
    expect(read(null).areas.find((x) => x.key === 'leadership')!.people).toBe(8);
  });

  it('counts each person once per area, whatever the number of their items', () => {
    const read = competenceNeeds(
      people(5, { departmentId: 'a', areas: ['methods'], activities: ['mentoring', 'course'] }),
      parent,
    );
    expect(read('top').activities.map((x) => [x.key, x.people])).toEqual([
      ['course', 5],
      ['mentoring', 5],
      ['responsibility', null],
      ['other', null],
    ]);
  });
});
