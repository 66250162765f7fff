import { z } from 'zod';
import {
  CONVERSATION_KINDS,
  CONVERSATION_STATUSES,
  TemplateSectionSchema,
  type ConversationTemplateContent,
} from '../../domain/development/template';
import { localParts } from '../../domain/one-on-one/occurrences';
import {
  SALARY_FIRST_RULES,
  salaryOrder,
  type SalaryFirstRule,
} from '../../domain/development/salary-first';
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
import { ActionSchema, presentAction } from './one-on-one-action.presenter';
import {
  PlaceSchema,
  PrivateNoteSchema,
  RoleSchema,
  SharedNoteSchema,
  presentPrivateNote,
  presentSharedNote,
} from './one-on-one.presenter';

const iso = z.iso.datetime();
const isoOrNull = (d: Date | null | undefined) => d?.toISOString() ?? null;
const PersonRefSchema = z.object({ id: z.uuid(), name: z.string() });

export const ConversationMeetingSchema = z.object({
  id: z.uuid(),
  status: z.enum(['planned', 'moved', 'cancelled', 'held']),
  startsAt: iso,
  endsAt: iso,
  localDate: z.iso.date(),
  localTime: z.string(),
  timeZone: z.string(),
  durationMinutes: z.int(),
  place: PlaceSchema,
});

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

export function presentConversationMeeting(m: ConversationMeetingRow) {
  return {
    id: m.id,
    status: m.status,
    endsAt: m.endsAt.toISOString(),
    ...presentTime(m),
  };
}

export const ConversationListItemSchema = z.object({
  id: z.uuid(),
  kind: z.enum(CONVERSATION_KINDS),
  status: z.enum(CONVERSATION_STATUSES),
  round: z.object({ id: z.uuid(), name: z.string(), deadline: z.iso.date() }).nullable(),
  parentConversationId: z.uuid().nullable(),
  /**
   * Seed 004: the round wants the pair's salary conversation held first (`warn`) or requires
   * it before this one can start (`require`); `held` tells whether it has been. Null: no order.
   */
  salaryFirst: z.object({ rule: z.enum(SALARY_FIRST_RULES), held: z.boolean() }).nullable(),
  manager: PersonRefSchema,
  employee: PersonRefSchema,
  /** When it is booked, in the meeting's zone. */
  booked: ConversationMeetingSchema.omit({ id: true, status: true, endsAt: true }).nullable(),
  createdAt: iso,
});
export type ConversationListItemDto = z.infer<typeof ConversationListItemSchema>;

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

const AnswerValueSchema = z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]);
export const AnswersSchema = z.record(z.string(), AnswerValueSchema);

export const PreparationSchema = z.object({
  role: RoleSchema,
  answers: AnswersSchema,
  version: z.int(),
  submittedAt: iso.nullable(),
  updatedAt: iso,
});

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

export const ConversationPageSchema = ConversationListItemSchema.omit({ booked: true }).extend({
  myRole: RoleSchema,
  readOnly: z.boolean(),
  meeting: ConversationMeetingSchema.nullable(),
  template: z.object({ sections: z.array(TemplateSectionSchema) }),
  preparation: z.object({
    mine: PreparationSchema.nullable(),
    /** The other's submitted answers: null until both submitted or the meeting started. */
    other: PreparationSchema.nullable(),
    otherSubmitted: z.boolean(),
    revealed: z.boolean(),
  }),
  /** One per template section once booked: the agreed (shared) note of that section. */
  sections: z.array(
    z.object({ pointId: z.uuid(), sectionKey: z.string(), note: SharedNoteSchema.nullable() }),
  ),
  privateNote: PrivateNoteSchema.nullable(),
  actions: z.array(ActionSchema),
  followUp: z
    .object({ proposedDate: z.iso.date(), conversationId: z.uuid().nullable() })
    .nullable(),
  heldAt: iso.nullable(),
});
export type ConversationPageDto = z.infer<typeof ConversationPageSchema>;

export function presentConversationPage(p: {
  conversation: ConversationRow;
  roundName: string | null;
  roundDeadline: string | null;
  salaryFirst: SalaryFirstRule | null;
  salaryStatus: ConversationStatus | null;
  managerName: string;
  employeeName: string;
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
}): ConversationPageDto {
  const c = p.conversation;
  const { booked: _booked, ...item } = presentConversationListItem({ ...p, meeting: null });
  void _booked;
  return {
    ...item,
    myRole: p.myRole,
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
    actions: p.actions.map((a) => presentAction(a.action, a.ownerTimeZone)),
    followUp: p.followUp,
    heldAt: isoOrNull(c.heldAt),
  };
}
