import { and, eq } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { Temporal } from 'temporal-polyfill';
import type { DbOrTx } from '../db/client';
import {
  conversations,
  conversationTemplates,
  conversationVersions,
  oneOnOneMeetings,
  oneOnOneNotes,
  oneOnOnePoints,
  oneOnOneSeries,
} from '../db/schema/index';
import type { ConversationTemplateContent } from '../domain/development/template';
import type { Agreement } from '../domain/development/versions';
import { conversationTemplateRepository } from '../server/repositories/conversation-template.repository';
import { fillHeldMeeting, type HeldTopic, type Person } from './history';

const DAY = 86_400_000;

/**
 * The employees' own history: a monthly 1:1 series with their manager that ran until a few
 * weeks ago (the manager is to book the next one), its meetings with notes, decisions and
 * minutes. The newest minutes may be left unread; open actions stay open.
 */
export async function seedPastOneOnOnes(
  tx: DbOrTx,
  orgId: string,
  pair: { manager: Person; employee: Person },
  timeZone: string,
  talks: HeldTopic[][],
  opts: { unreadNewest: boolean },
): Promise<void> {
  const today = Temporal.Now.plainDateISO(timeZone);
  // Monthly on a Thursday, the newest three weeks ago, oldest first.
  const dates = talks.map((_, i) => {
    let d = today.subtract({ days: 21, months: talks.length - 1 - i });
    while (d.dayOfWeek !== 4) d = d.subtract({ days: 1 });
    return d;
  });
  const at = (d: Temporal.PlainDate) =>
    new Date(
      d.toZonedDateTime({ timeZone, plainTime: Temporal.PlainTime.from('13:00') })
        .epochMilliseconds,
    );
  const seriesId = randomUUID();
  const ids = { managerId: pair.manager.id, employeeId: pair.employee.id };
  const last = dates[dates.length - 1]!;
  await tx.insert(oneOnOneSeries).values({
    orgId,
    id: seriesId,
    ...ids,
    cadence: 'monthly',
    startDate: dates[0]!.toString(),
    localTime: '13:00',
    timeZone,
    durationMinutes: 30,
    placeKind: 'room',
    builtinTemplateKey: 'follow-up',
    horizonUntil: last.toString(),
    endedAt: new Date(at(last).getTime() + 7 * DAY),
  });
  const meetings = dates.map((d, i) => ({
    orgId,
    id: randomUUID(),
    seriesId,
    ...ids,
    seq: i + 1,
    localDate: d.toString(),
    timeZone,
    startsAt: at(d),
    endsAt: new Date(at(d).getTime() + 30 * 60_000),
    durationMinutes: 30,
    placeKind: 'room',
    status: 'held' as const,
    statusChangedAt: at(d),
    startedAt: at(d),
    heldAt: new Date(at(d).getTime() + 30 * 60_000),
    heldOn: d.toString(),
  }));
  await tx.insert(oneOnOneMeetings).values(meetings);
  const series = { builtinTemplateKey: 'follow-up', templateId: null };
  for (const [i, m] of meetings.entries()) {
    const next = meetings[i + 1];
    await fillHeldMeeting(tx, orgId, m, series, pair, talks[i]!, {
      unread: opts.unreadNewest && i === meetings.length - 1,
      next: next ? { startsAt: next.startsAt, timeZone } : null,
    });
  }
}

/** A held MUS, for the seeds that add what it agreed. */
export type HeldMus = {
  conversationId: string;
  heldAt: Date;
  content: ConversationTemplateContent;
};

/**
 * A signed MUS held `daysAgo` days ago (10 to 11 in the pair's zone, the weekday before when
 * that is a weekend), with agreed notes per section and the agreement acknowledged two days
 * later. No goals unless `agreed` adds them: a later MUS starts clean.
 */
export async function seedSignedMus(
  tx: DbOrTx,
  orgId: string,
  pair: { manager: Pick<Person, 'id' | 'name'>; employee: Pick<Person, 'id' | 'name'> },
  timeZone: string,
  daysAgo: number,
  notes: Record<string, string>,
  /** What else the conversation agreed (goals, a plan), written beside it; none by default. */
  agreed?: (held: HeldMus) => Promise<Pick<Agreement, 'goals' | 'plan'>>,
): Promise<void> {
  await conversationTemplateRepository.ensureBuiltins(tx, orgId);
  const [template] = await tx
    .select({ id: conversationTemplates.id })
    .from(conversationTemplates)
    .where(and(eq(conversationTemplates.orgId, orgId), eq(conversationTemplates.builtinKey, 'mus')))
    .limit(1);
  if (!template) return;
  const version = await conversationTemplateRepository.latestVersion(tx, orgId, template.id);
  if (!version) return;
  let day = Temporal.Now.plainDateISO(timeZone).subtract({ days: daysAgo });
  while (day.dayOfWeek > 5) day = day.subtract({ days: 1 });
  const startsAt = new Date(
    day.toZonedDateTime({ timeZone, plainTime: Temporal.PlainTime.from('10:00') })
      .epochMilliseconds,
  );
  const heldAt = new Date(startsAt.getTime() + 60 * 60_000);
  const signedAt = new Date(heldAt.getTime() + 2 * DAY);
  const ids = { managerId: pair.manager.id, employeeId: pair.employee.id };
  const meetingId = randomUUID();
  await tx.insert(oneOnOneMeetings).values({
    orgId,
    id: meetingId,
    kind: 'development',
    seriesId: null,
    seq: null,
    ...ids,
    localDate: day.toString(),
    timeZone,
    startsAt,
    endsAt: heldAt,
    durationMinutes: 60,
    placeKind: 'room',
    placeDetail: 'Mødelokale 2',
    status: 'held',
    statusChangedBy: pair.manager.id,
    statusChangedAt: heldAt,
    startedAt: startsAt,
    startedBy: pair.manager.id,
    heldAt,
    heldOn: day.toString(),
  });
  const points = version.content.sections.map((s, i) => ({
    orgId,
    id: randomUUID(),
    meetingId,
    kind: 'section' as const,
    sectionKey: s.key,
    position: i,
    discussedAt: heldAt,
  }));
  await tx.insert(oneOnOnePoints).values(points);
  await tx.insert(oneOnOneNotes).values(
    points
      .filter((p) => notes[p.sectionKey])
      .map((p) => ({
        orgId,
        id: randomUUID(),
        meetingId,
        pointId: p.id,
        body: notes[p.sectionKey]!,
        version: 1,
        updatedBy: pair.manager.id,
      })),
  );
  const conversationId = randomUUID();
  await tx.insert(conversations).values({
    orgId,
    id: conversationId,
    kind: 'development',
    ...ids,
    templateVersionId: version.id,
    status: 'signed',
    meetingId,
    bookedAt: new Date(startsAt.getTime() - 14 * DAY),
    heldAt,
    closedAt: heldAt,
    signedAt,
    createdAt: new Date(startsAt.getTime() - 21 * DAY),
  });
  const extra = agreed
    ? await agreed({ conversationId, heldAt, content: version.content })
    : { goals: [], plan: [] };
  const agreement: Agreement = {
    format: 1,
    conversationId,
    kind: 'development',
    roundName: null,
    heldAt: heldAt.toISOString(),
    employee: { id: pair.employee.id, name: pair.employee.name },
    manager: { id: pair.manager.id, name: pair.manager.name },
    sections: version.content.sections.map((s) => ({
      key: s.key,
      title: s.title,
      notes: notes[s.key] ?? '',
      decision: '',
    })),
    reviewedGoals: [],
    ...extra,
    actions: [],
  };
  await tx.insert(conversationVersions).values({
    orgId,
    conversationId,
    version: 1,
    content: agreement,
    createdBy: pair.manager.id,
    createdAt: heldAt,
    acknowledgedBy: pair.employee.id,
    acknowledgedAt: signedAt,
  });
}
