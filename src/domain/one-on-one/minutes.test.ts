import { describe, expect, it } from 'vitest';
import { buildMinutes, type MinutesInput } from './minutes';

const input: MinutesInput = {
  locale: 'da',
  meeting: { id: 'mt', startsAt: new Date('2026-03-03T08:00:00Z'), timeZone: 'Europe/Copenhagen' },
  manager: { id: 'm', name: 'Mette' },
  employee: { id: 'e', name: 'Erik' },
  snapshot: {
    ref: 'builtin:follow-up',
    name: { en: 'x' },
    sections: [
      {
        key: 'wellbeing',
        kind: 'standard',
        title: { da: 'Hvordan har du det?', en: 'How are you?' },
      },
      { key: 'challenges', kind: 'standard', title: { en: 'Challenges' } },
    ],
  },
  points: [
    {
      id: 'p1',
      kind: 'section',
      sectionKey: 'wellbeing',
      title: null,
      authorId: null,
      note: { body: ' Fint ', decision: '' },
    },
    {
      id: 'p2',
      kind: 'section',
      sectionKey: 'challenges',
      title: null,
      authorId: null,
      note: null,
    },
    {
      id: 'p3',
      kind: 'topic',
      sectionKey: null,
      title: 'Kursus',
      authorId: 'e',
      note: { body: '', decision: 'Erik tager kurset' },
    },
  ],
  actions: [
    { id: 'a1', title: 'Tilmeld kursus', ownerId: 'e', dueDate: '2026-03-20', pointId: 'p3' },
    { id: 'a2', title: 'Find budget', ownerId: 'm', dueDate: null, pointId: null },
  ],
  followUp: [{ id: 'a0', title: 'Gammel', ownerId: 'm', dueDate: null, done: true }],
  nextMeeting: { startsAt: new Date('2026-03-17T08:00:00Z'), timeZone: 'Europe/Copenhagen' },
};

describe('buildMinutes', () => {
  it('lists topics with content, decisions, actions with owners and the next meeting', () => {
    const m = buildMinutes(input);
    expect(m.date).toBe('2026-03-03');
    expect(m.time).toBe('09:00');
    expect(m.topics.map((t) => [t.title, t.notes, t.decision, t.actions.map((a) => a.id)])).toEqual(
      [
        ['Hvordan har du det?', 'Fint', '', []],
        ['Kursus', '', 'Erik tager kurset', ['a1']],
      ],
    );
    expect(m.decisions).toEqual(['Erik tager kurset']);
    expect(m.actions.map((a) => [a.title, a.ownerName, a.dueDate])).toEqual([
      ['Tilmeld kursus', 'Erik', '2026-03-20'],
      ['Find budget', 'Mette', null],
    ]);
    expect(m.followUp[0]).toMatchObject({ ownerName: 'Mette', done: true });
    expect(m.nextMeeting).toEqual({
      date: '2026-03-17',
      time: '09:00',
      timeZone: 'Europe/Copenhagen',
    });
  });
  it('falls back to English for a section title missing in the language', () => {
    const m = buildMinutes({
      ...input,
      points: [{ ...input.points[1]!, note: { body: 'x', decision: '' } }],
    });
    expect(m.topics[0]!.title).toBe('Challenges');
  });
});
