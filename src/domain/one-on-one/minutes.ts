import type { Locale } from '../../i18n/index';
import { localParts } from './occurrences';
import { localise, type TemplateSnapshot } from './template';

/** What the minutes builder may see. Private notes and reflections are not part of it. */
export type MinutesInput = {
  locale: Locale;
  meeting: { id: string; startsAt: Date; timeZone: string };
  manager: { id: string; name: string };
  employee: { id: string; name: string };
  snapshot: TemplateSnapshot;
  points: {
    id: string;
    kind: 'section' | 'topic';
    sectionKey: string | null;
    title: string | null;
    authorId: string | null;
    note: { body: string; decision: string } | null;
  }[];
  /** Actions agreed in this meeting. */
  actions: {
    id: string;
    title: string;
    ownerId: string;
    dueDate: string | null;
    pointId: string | null;
  }[];
  /** Earlier actions that were followed up (still open when the meeting began). */
  followUp: { id: string; title: string; ownerId: string; dueDate: string | null; done: boolean }[];
  nextMeeting: { startsAt: Date; timeZone: string } | null;
};

type MinutesAction = {
  id: string;
  title: string;
  ownerId: string;
  ownerName: string;
  dueDate: string | null;
};

/** The decision minutes as stored and returned: structured, so the web can print them. */
export type MinutesContent = {
  version: 1;
  locale: Locale;
  meetingId: string;
  date: string;
  time: string;
  timeZone: string;
  manager: { id: string; name: string };
  employee: { id: string; name: string };
  topics: {
    pointId: string;
    title: string;
    notes: string;
    decision: string;
    actions: MinutesAction[];
  }[];
  decisions: string[];
  actions: MinutesAction[];
  followUp: (MinutesAction & { done: boolean })[];
  nextMeeting: { date: string; time: string; timeZone: string } | null;
};

/**
 * Builds the decision minutes of a held meeting in the employee's language: the topics that
 * have shared notes, decisions or actions; every decision; every action with owner and
 * deadline; the followed-up actions; and when the pair meets next.
 */
export function buildMinutes(input: MinutesInput): MinutesContent {
  const names = new Map([
    [input.manager.id, input.manager.name],
    [input.employee.id, input.employee.name],
  ]);
  const withOwner = <T extends { ownerId: string }>(a: T) => ({
    ...a,
    ownerName: names.get(a.ownerId) ?? '',
  });
  const actions: MinutesAction[] = input.actions.map((a) =>
    withOwner({ id: a.id, title: a.title, ownerId: a.ownerId, dueDate: a.dueDate }),
  );
  const sections = new Map(input.snapshot.sections.map((s) => [s.key, s]));
  const titleOf = (p: MinutesInput['points'][number]) =>
    p.kind === 'section'
      ? localise(sections.get(p.sectionKey ?? '')?.title, input.locale)
      : (p.title ?? '');

  const topics: MinutesContent['topics'] = [];
  for (const p of input.points) {
    const notes = p.note?.body.trim() ?? '';
    const decision = p.note?.decision.trim() ?? '';
    const own = actions.filter((a) => input.actions.find((x) => x.id === a.id)?.pointId === p.id);
    if (!notes && !decision && own.length === 0) continue;
    topics.push({ pointId: p.id, title: titleOf(p), notes, decision, actions: own });
  }
  const at = localParts(input.meeting.startsAt, input.meeting.timeZone);
  const next = input.nextMeeting
    ? {
        ...localParts(input.nextMeeting.startsAt, input.nextMeeting.timeZone),
        timeZone: input.nextMeeting.timeZone,
      }
    : null;
  return {
    version: 1,
    locale: input.locale,
    meetingId: input.meeting.id,
    date: at.date,
    time: at.time,
    timeZone: input.meeting.timeZone,
    manager: input.manager,
    employee: input.employee,
    topics,
    decisions: topics.map((t) => t.decision).filter(Boolean),
    actions,
    followUp: input.followUp.map((a) =>
      withOwner({ id: a.id, title: a.title, ownerId: a.ownerId, dueDate: a.dueDate, done: a.done }),
    ),
    nextMeeting: next ? { date: next.date, time: next.time, timeZone: next.timeZone } : null,
  };
}
