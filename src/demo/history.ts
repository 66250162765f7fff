import { and, eq } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import type { DbOrTx } from '../db/client';
import {
  checkIns,
  oneOnOneActions,
  oneOnOneMeetings,
  oneOnOneMinutes,
  oneOnOneNotes,
  oneOnOnePoints,
  oneOnOneSeries,
} from '../db/schema/index';
import {
  defaultSectionFor,
  orderWithNewTopic,
  sectionPoints,
  type AgendaPoint,
} from '../domain/one-on-one/agenda';
import { buildMinutes } from '../domain/one-on-one/minutes';
import type { Locale } from '../i18n/index';
import { oneOnOneTemplateRepository } from '../server/repositories/one-on-one-template.repository';

const DAY = 86_400_000;

export type Person = { id: string; name: string; locale: Locale };

/** What was talked about in one held meeting: a topic with its shared note and decision. */
export type HeldTopic = {
  title: string;
  /** Who added the topic: the employee's topics come first on the agenda. */
  by: 'manager' | 'employee';
  notes: string;
  decision: string;
  /** An action agreed on the topic; open unless `doneAfterDays` is given. */
  action?: {
    title: string;
    owner: 'manager' | 'employee';
    dueInDays: number;
    doneAfterDays?: number;
  };
};

/**
 * Fills one held 1:1 the way the meeting page leaves it: the agenda of its template, a topic
 * with shared notes and a decision, perhaps an action, and the decision minutes in the
 * employee's language (acknowledged unless `unread`). Direct inserts: the seed stays fast.
 */
export async function fillHeldMeeting(
  tx: DbOrTx,
  orgId: string,
  meeting: { id: string; seriesId: string; startsAt: Date; timeZone: string },
  series: { builtinTemplateKey: string | null; templateId: string | null },
  pair: { manager: Person; employee: Person },
  topics: HeldTopic[],
  opts: { unread?: boolean; next?: { startsAt: Date; timeZone: string } | null } = {},
): Promise<void> {
  const snapshot = await oneOnOneTemplateRepository.snapshotFor(tx, orgId, series);
  const { manager, employee } = pair;
  const sections = sectionPoints(snapshot).map((s) => ({
    orgId,
    id: randomUUID(),
    meetingId: meeting.id,
    kind: 'section' as const,
    sectionKey: s.sectionKey,
    title: null,
    authorId: null,
    position: s.position,
    discussedAt: meeting.startsAt,
  }));
  // Filed as the meeting page files them: the employee's under "your topics".
  const topicPoints = topics.map((t) => ({
    orgId,
    id: randomUUID(),
    meetingId: meeting.id,
    kind: 'topic' as const,
    sectionKey: defaultSectionFor(t.by, snapshot),
    title: t.title,
    authorId: t.by === 'manager' ? manager.id : employee.id,
    position: 0,
    discussedAt: meeting.startsAt,
  }));
  let order: AgendaPoint[] = [...sections];
  for (const tp of topicPoints) {
    const ids = orderWithNewTopic(order, tp.id, tp.sectionKey);
    const byId = new Map<string, AgendaPoint>([...order, tp].map((p) => [p.id, p]));
    order = ids.map((id) => byId.get(id)!);
  }
  const position = new Map(order.map((p, i) => [p.id, i]));
  for (const p of [...sections, ...topicPoints]) p.position = position.get(p.id)!;
  await tx.insert(oneOnOnePoints).values([...sections, ...topicPoints]);
  if (topics.length) {
    await tx.insert(oneOnOneNotes).values(
      topics.map((t, i) => ({
        orgId,
        id: randomUUID(),
        meetingId: meeting.id,
        pointId: topicPoints[i]!.id,
        body: t.notes,
        decision: t.decision,
        version: 1,
        updatedBy: manager.id,
      })),
    );
  }
  const actions = topics.flatMap((t, i) =>
    t.action
      ? [
          {
            orgId,
            id: randomUUID(),
            seriesId: meeting.seriesId,
            meetingId: meeting.id,
            pointId: topicPoints[i]!.id,
            managerId: manager.id,
            employeeId: employee.id,
            originStartsAt: meeting.startsAt,
            title: t.action.title,
            ownerId: t.action.owner === 'manager' ? manager.id : employee.id,
            dueDate: new Date(meeting.startsAt.getTime() + t.action.dueInDays * DAY)
              .toISOString()
              .slice(0, 10),
            doneAt:
              t.action.doneAfterDays === undefined
                ? null
                : new Date(meeting.startsAt.getTime() + t.action.doneAfterDays * DAY),
            createdBy: manager.id,
            createdAt: meeting.startsAt,
          },
        ]
      : [],
  );
  if (actions.length) await tx.insert(oneOnOneActions).values(actions);
  await tx
    .update(oneOnOneMeetings)
    .set({ templateSnapshot: snapshot })
    .where(sqlMeeting(orgId, meeting.id));
  const content = buildMinutes({
    locale: employee.locale,
    meeting: { id: meeting.id, startsAt: meeting.startsAt, timeZone: meeting.timeZone },
    manager: { id: manager.id, name: manager.name },
    employee: { id: employee.id, name: employee.name },
    snapshot,
    points: [...sections, ...topicPoints]
      .sort((x, y) => x.position - y.position)
      .map((p) => {
        const i = topicPoints.indexOf(p as (typeof topicPoints)[number]);
        return {
          id: p.id,
          kind: p.kind,
          sectionKey: p.sectionKey,
          title: p.title,
          authorId: p.authorId,
          note: i >= 0 ? { body: topics[i]!.notes, decision: topics[i]!.decision } : null,
        };
      }),
    actions: actions.map((a) => ({
      id: a.id,
      title: a.title,
      ownerId: a.ownerId,
      dueDate: a.dueDate,
      pointId: a.pointId,
    })),
    followUp: [],
    nextMeeting: opts.next ?? null,
  });
  const minutesAt = new Date(meeting.startsAt.getTime() + 30 * 60_000);
  await tx.insert(oneOnOneMinutes).values({
    orgId,
    meetingId: meeting.id,
    seriesId: meeting.seriesId,
    managerId: manager.id,
    employeeId: employee.id,
    locale: employee.locale,
    content,
    createdAt: minutesAt,
    acknowledgedAt: opts.unread ? null : new Date(minutesAt.getTime() + DAY),
  });
}

/**
 * A monthly 1:1 series that has ended, its meetings held on the given days with a check-in
 * each: history, and answers for the wellbeing statistics of a closed quarter.
 */
export async function seedEndedSeries(
  tx: DbOrTx,
  orgId: string,
  pair: { managerId: string; employeeId: string },
  held: { startsAt: Date; answers: [number, number, number] }[],
  timeZone: string,
): Promise<void> {
  const seriesId = randomUUID();
  const first = held[0]!.startsAt;
  const last = held[held.length - 1]!.startsAt;
  const localDate = (d: Date) =>
    new Intl.DateTimeFormat('sv-SE', { timeZone, dateStyle: 'short' }).format(d);
  await tx.insert(oneOnOneSeries).values({
    orgId,
    id: seriesId,
    ...pair,
    cadence: 'monthly',
    startDate: localDate(first),
    localTime: '08:30',
    timeZone,
    durationMinutes: 30,
    placeKind: 'room',
    builtinTemplateKey: 'check-in',
    horizonUntil: localDate(last),
    endedAt: new Date(last.getTime() + DAY),
  });
  const meetings = held.map((h, i) => ({
    orgId,
    id: randomUUID(),
    seriesId,
    ...pair,
    seq: i + 1,
    localDate: localDate(h.startsAt),
    timeZone,
    startsAt: h.startsAt,
    endsAt: new Date(h.startsAt.getTime() + 30 * 60_000),
    durationMinutes: 30,
    placeKind: 'room',
    status: 'held' as const,
    statusChangedAt: h.startsAt,
    heldAt: new Date(h.startsAt.getTime() + 30 * 60_000),
  }));
  await tx.insert(oneOnOneMeetings).values(meetings);
  await tx.insert(checkIns).values(
    held.map((h, i) => ({
      orgId,
      id: randomUUID(),
      meetingId: meetings[i]!.id,
      seriesId,
      ...pair,
      meetingStartsAt: h.startsAt,
      wellbeing: h.answers[0],
      workload: h.answers[1],
      progress: h.answers[2],
      comment: '',
      answeredBy: pair.employeeId,
    })),
  );
}

function sqlMeeting(orgId: string, id: string) {
  return and(eq(oneOnOneMeetings.orgId, orgId), eq(oneOnOneMeetings.id, id));
}
