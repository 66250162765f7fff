import { randomUUID } from 'node:crypto';
import type { DbOrTx } from '../../db/client';
import {
  CONVERSATION_MINUTES_MAX,
  CONVERSATION_MINUTES_MIN,
} from '../../domain/development/conversation';
import type { ConversationTemplateContent } from '../../domain/development/template';
import { AppError } from '../../domain/errors';
import { localTimeExists, toInstant, todayIn } from '../../domain/one-on-one/occurrences';
import type { Actor } from '../../domain/roles';
import {
  conversationRepository as repo,
  type ConversationMeetingRow,
  type ConversationRow,
} from '../repositories/conversation.repository';
import { oneOnOneMeetingRepository as meetingRepo } from '../repositories/one-on-one-meeting.repository';
import type { ConversationCalendar } from './conversation-calendar';

type PlaceKind = 'walk_and_talk' | 'room' | 'video';

/** A time for a conversation: a local date and time in the manager's zone, length and place. */
export type BookingInput = {
  date: string;
  time: string;
  durationMinutes: number;
  place: { kind: PlaceKind; detail?: string | null };
};

/** Refuses a time that cannot be booked: length out of range, in the past, in a DST gap. */
function slotOf(input: BookingInput, timeZone: string, now: Date) {
  if (
    input.durationMinutes < CONVERSATION_MINUTES_MIN ||
    input.durationMinutes > CONVERSATION_MINUTES_MAX
  )
    throw new AppError('oneOnOne.duration_out_of_range', {
      min: CONVERSATION_MINUTES_MIN,
      max: CONVERSATION_MINUTES_MAX,
    });
  if (input.date < todayIn(timeZone, now)) throw new AppError('oneOnOne.start_in_past');
  if (!localTimeExists(input.date, input.time, timeZone))
    throw new AppError('oneOnOne.time_not_exist', {
      time: input.time,
      date: input.date,
      timeZone,
    });
  const startsAt = toInstant(input.date, input.time, timeZone);
  return {
    localDate: input.date,
    timeZone,
    startsAt,
    endsAt: new Date(startsAt.getTime() + input.durationMinutes * 60_000),
    durationMinutes: input.durationMinutes,
    placeKind: input.place.kind,
    placeDetail: input.place.detail?.trim() || null,
  };
}

/**
 * Books (or moves) the single meeting of a conversation in the caller's transaction. A first
 * booking creates the meeting (kind = the conversation's, no series) with one agenda point per
 * template section and invites both; a second one moves it (same event, higher SEQUENCE).
 */
export async function bookMeeting(
  tx: DbOrTx,
  actor: Actor,
  c: ConversationRow,
  content: ConversationTemplateContent,
  input: BookingInput,
  calendar: ConversationCalendar,
  now: Date,
): Promise<{ conversation: ConversationRow; meeting: ConversationMeetingRow }> {
  const slot = slotOf(input, actor.timeZone, now);
  const existing = c.meetingId ? await repo.meetingOf(tx, c.orgId, c.meetingId) : undefined;
  if (existing && existing.status !== 'cancelled') {
    const moved = await repo.updateMeeting(tx, c.orgId, existing.id, {
      ...slot,
      status: 'moved',
      originalStartsAt: existing.originalStartsAt ?? existing.startsAt,
      statusChangedBy: actor.personId,
      statusChangedAt: now,
      calendarSequence: existing.calendarSequence + 1,
    });
    await calendar.send(tx, 'moved', c, moved, content, actor.personId);
    return { conversation: c, meeting: moved };
  }
  const meeting = await repo.insertMeeting(tx, {
    orgId: c.orgId,
    id: randomUUID(),
    kind: c.kind,
    seriesId: null,
    seq: null,
    managerId: c.managerId,
    employeeId: c.employeeId,
    ...slot,
  });
  await meetingRepo.insertPoints(
    tx,
    content.sections.map((s, i) => ({
      orgId: c.orgId,
      id: randomUUID(),
      meetingId: meeting.id,
      kind: 'section' as const,
      sectionKey: s.key,
      position: i,
    })),
  );
  const conversation = await repo.update(tx, c.orgId, c.id, {
    status: 'booked',
    meetingId: meeting.id,
    bookedAt: now,
  });
  await calendar.send(tx, 'booked', conversation, meeting, content, actor.personId);
  return { conversation, meeting };
}

/** Cancels the booked meeting: the pair's calendars drop it and the conversation awaits a time. */
export async function cancelMeeting(
  tx: DbOrTx,
  actor: Actor,
  c: ConversationRow,
  content: ConversationTemplateContent,
  reason: string | null,
  calendar: ConversationCalendar,
  now: Date,
): Promise<ConversationRow> {
  const existing = c.meetingId ? await repo.meetingOf(tx, c.orgId, c.meetingId) : undefined;
  if (!existing || c.status !== 'booked') throw new AppError('oneOnOne.meeting_not_open');
  const cancelled = await repo.updateMeeting(tx, c.orgId, existing.id, {
    status: 'cancelled',
    statusReason: reason?.trim() || null,
    statusChangedBy: actor.personId,
    statusChangedAt: now,
    calendarSequence: existing.calendarSequence + 1,
  });
  await calendar.send(tx, 'cancelled', c, cancelled, content, actor.personId);
  return repo.update(tx, c.orgId, c.id, { status: 'not_booked', meetingId: null, bookedAt: null });
}
