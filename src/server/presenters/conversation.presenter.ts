import type { Actor } from '../../domain/roles';
import { presentConversationPolicy } from './policy.presenter';
import { z } from 'zod';
import { type ConversationTemplateContent } from '../../domain/development/template';
import { localParts } from '../../domain/one-on-one/occurrences';
import { salaryOrder, type SalaryFirstRule } from '../../domain/development/salary-first';
import type { ConversationStatus } from '../../domain/development/template';
import type {
  ConversationMeetingRow,
  ConversationRow,
} from '../repositories/conversation.repository';
import type { PreparationRow } from '../repositories/conversation-preparation.repository';
import type {
  NoteRow,
  PointRow,
  PrivateNoteRow,
} from '../repositories/one-on-one-meeting.repository';
import type { ActionRow } from '../repositories/one-on-one-action.repository';
import { presentAction } from './one-on-one-action.presenter';
import { presentPrivateNote, presentSharedNote } from './one-on-one.presenter';
import { PlaceSchema } from '../../contracts/one-on-ones';
import { ConversationListItemDto, ConversationPageDto } from '../../contracts/conversations';

const isoOrNull = (d: Date | null | undefined) => d?.toISOString() ?? null;
type MeetingBits = Pick<
  ConversationMeetingRow,
  'startsAt' | 'timeZone' | 'durationMinutes' | 'placeKind' | 'placeDetail'
> &
  Partial<Pick<ConversationMeetingRow, 'id' | 'status' | 'endsAt'>>;

function presentTime(m: MeetingBits) {
  const local = localParts(m.startsAt, m.timeZone);
  return {
    startsAt: m.startsAt.toISOString(),
    localDate: local.date,
    localTime: local.time,
    timeZone: m.timeZone,
    durationMinutes: m.durationMinutes,
    place: {
      kind: m.placeKind as z.infer<typeof PlaceSchema>['kind'],
      detail: m.placeDetail,
    },
  };
}

function presentConversationMeeting(m: ConversationMeetingRow) {
  return {
    id: m.id,
    status: m.status,
    endsAt: m.endsAt.toISOString(),
    ...presentTime(m),
  };
}

type ListRow = {
  conversation: ConversationRow;
  roundName: string | null;
  roundDeadline: string | null;
  salaryFirst: SalaryFirstRule | null;
  salaryStatus: ConversationStatus | null;
  managerName: string;
  employeeName: string;
  meeting: Partial<MeetingBits> | null;
};

export function presentConversationListItem(r: ListRow): ConversationListItemDto {
  const c = r.conversation;
  const m = r.meeting;
  return {
    id: c.id,
    kind: c.kind,
    status: c.status,
    round:
      c.roundId && r.roundName && r.roundDeadline
        ? { id: c.roundId, name: r.roundName, deadline: r.roundDeadline }
        : null,
    parentConversationId: c.parentConversationId,
    salaryFirst: salaryOrder(c.kind, r.salaryFirst, r.salaryStatus),
    manager: { id: c.managerId, name: r.managerName },
    employee: { id: c.employeeId, name: r.employeeName },
    booked: m && m.startsAt && c.meetingId ? presentTime(m as MeetingBits) : null,
    createdAt: c.createdAt.toISOString(),
  };
}

export function presentPreparation(p: PreparationRow) {
  return {
    role: p.authorRole,
    answers: Object.fromEntries(
      Object.entries(p.answers).filter(([, v]) => v !== null && v !== undefined),
    ) as Record<string, string | number | boolean | string[]>,
    version: p.version,
    submittedAt: isoOrNull(p.submittedAt),
    updatedAt: p.updatedAt.toISOString(),
  };
}

export function presentConversationPage(
  viewer: Actor,
  p: Omit<ListRow, 'meeting'> & {
    content: ConversationTemplateContent;
    meetingRow: ConversationMeetingRow | null;
    myRole: 'manager' | 'employee';
    preparation: {
      mine: PreparationRow | null;
      other: PreparationRow | null;
      otherSubmitted: boolean;
      revealed: boolean;
    };
    points: { point: PointRow; note: NoteRow | null }[];
    actions: { action: ActionRow; ownerTimeZone: string }[];
    privateNote: PrivateNoteRow | null;
    followUp: { proposedDate: string; conversationId: string | null } | null;
  },
  now: Date,
): ConversationPageDto {
  const c = p.conversation;
  const { booked: _booked, ...item } = presentConversationListItem({ ...p, meeting: null });
  void _booked;
  return {
    ...item,
    myRole: p.myRole,
    can: presentConversationPolicy(viewer, c),
    readOnly: c.status === 'closed' || c.status === 'signed',
    meeting: p.meetingRow ? presentConversationMeeting(p.meetingRow) : null,
    template: { sections: p.content.sections },
    preparation: {
      mine: p.preparation.mine ? presentPreparation(p.preparation.mine) : null,
      other: p.preparation.other ? presentPreparation(p.preparation.other) : null,
      otherSubmitted: p.preparation.otherSubmitted,
      revealed: p.preparation.revealed,
    },
    sections: p.points
      .filter((x) => x.point.kind === 'section' && x.point.sectionKey)
      .map((x) => ({
        pointId: x.point.id,
        sectionKey: x.point.sectionKey!,
        note: x.note ? presentSharedNote(x.note) : null,
      })),
    privateNote: p.meetingRow ? presentPrivateNote(p.meetingRow.id, p.privateNote) : null,
    actions: p.actions.map((a) => presentAction(a.action, a.ownerTimeZone, now)),
    followUp: p.followUp,
    heldAt: isoOrNull(c.heldAt),
  };
}
