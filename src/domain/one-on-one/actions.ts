import { todayIn } from './occurrences';

export type Pair = { managerId: string; employeeId: string };

/** An action belongs to one of the two people in the conversation, nobody else. */
export function isPairMember(personId: string, pair: Pair): boolean {
  return personId === pair.managerId || personId === pair.employeeId;
}

/** Overdue: open, with a due date before today where its owner lives. */
export function isOverdue(
  action: { dueDate: string | null; doneAt: Date | null },
  ownerTimeZone: string,
  now: Date,
): boolean {
  if (action.doneAt || !action.dueDate) return false;
  // ISO dates ("YYYY-MM-DD") order as text as they do as dates.
  return action.dueDate < todayIn(ownerTimeZone, now);
}

/**
 * Whether an action shows under "follow-up from last time" in a meeting: it was agreed in an
 * earlier meeting of the pair and was still open when this meeting began. So an open action
 * shows in every later meeting until it is done, and a held meeting's list stays as it was.
 * (The repository runs the same rule as SQL; this is its reference.)
 */
export function inFollowUp(
  action: { originStartsAt: Date; doneAt: Date | null },
  meetingStartsAt: Date,
): boolean {
  if (action.originStartsAt.getTime() >= meetingStartsAt.getTime()) return false;
  return action.doneAt === null || action.doneAt.getTime() >= meetingStartsAt.getTime();
}

/** A topic can go on to the next meeting when it was not discussed and has not gone already. */
export function canCarryOver(point: {
  kind: 'section' | 'topic';
  discussedAt: Date | null;
  carriedToMeetingId: string | null;
}): boolean {
  return point.kind === 'topic' && point.discussedAt === null && point.carriedToMeetingId === null;
}

export type MeetingStatus = 'planned' | 'moved' | 'cancelled' | 'held';
/**
 * What a meeting row is: an occurrence of a 1:1 series, or the single meeting of a
 * conversation of that kind (development, salary, ...; see domain/development), with no series.
 */
export type MeetingKind =
  'one_on_one' | 'development' | 'salary' | 'wellbeing' | 'check_in' | 'follow_up';

/** The meeting a carried-over topic lands in: the first still-to-happen one after `after`. */
export function nextMeetingAfter<T extends { startsAt: Date; status: MeetingStatus }>(
  candidates: readonly T[],
  after: Date,
): T | undefined {
  return [...candidates]
    .filter(
      (m) =>
        (m.status === 'planned' || m.status === 'moved') && m.startsAt.getTime() > after.getTime(),
    )
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())[0];
}
