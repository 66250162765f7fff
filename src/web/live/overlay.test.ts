import { describe, expect, it } from 'vitest';
import type { MeetingDetail } from '../meetings/api';
import type { OutboxEntry } from './outbox';
import { applyOutbox } from './overlay';

const point = (id: string) => ({
  id,
  kind: 'section' as const,
  sectionKey: id,
  sectionKind: null,
  title: id,
  prompt: null,
  author: null,
  position: 0,
  discussed: false,
  discussedAt: null,
  carriedFromPointId: null,
  carriedToMeetingId: null,
  note: null,
});
const detail = {
  meeting: { id: 'm1' },
  series: { id: 's1' },
  agenda: [point('a'), point('b')],
  actions: [],
  followUp: [
    {
      id: 'old',
      seriesId: 's1',
      meetingId: 'm0',
      pointId: null,
      title: 'Old',
      ownerId: 'e',
      ownerRole: 'employee' as const,
      dueDate: null,
      done: false,
      doneAt: null,
      overdue: false,
      createdAt: '2026-01-01T00:00:00.000Z',
    },
  ],
} as unknown as MeetingDetail;
const entry = (key: string, op: OutboxEntry['op']): OutboxEntry => ({
  key,
  personId: 'e',
  meetingId: 'm1',
  op,
  method: 'POST',
  path: '/x',
  body: {},
  at: Date.parse('2026-03-10T08:00:00Z'),
});

describe('applyOutbox', () => {
  it('shows offline ticks, topics, actions and done follow-ups in the order made', () => {
    const shown = applyOutbox(detail, [
      entry('pending-1', { kind: 'tick', pointId: 'b', discussed: true }),
      entry('pending-2', {
        kind: 'addPoint',
        title: 'Resor',
        sectionKey: null,
        authorId: 'e',
        role: 'employee',
      }),
      entry('pending-3', {
        kind: 'addAction',
        title: 'Boka kurs',
        ownerId: 'e',
        ownerRole: 'employee',
        dueDate: null,
        pointId: null,
      }),
      entry('pending-4', { kind: 'actionDone', actionId: 'old', done: true }),
      entry('pending-5', { kind: 'tick', pointId: 'b', discussed: false }),
    ]);
    expect(shown.agenda.map((p) => [p.id, p.discussed])).toEqual([
      ['a', false],
      ['b', false],
      ['pending-2', false],
    ]);
    expect(shown.actions.map((a) => a.title)).toEqual(['Boka kurs']);
    expect(shown.followUp[0]!.done).toBe(true);
  });

  it('returns the same object when nothing is kept', () => {
    expect(applyOutbox(detail, [])).toBe(detail);
  });
});
