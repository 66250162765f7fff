/** Development conversations (decision 011): the list, one page, preparation and booking. */
import { z } from 'zod';
import {
  CONVERSATION_KINDS,
  CONVERSATION_STATUSES,
  TemplateSectionSchema,
} from '../domain/development/template';
import { SALARY_FIRST_RULES } from '../domain/development/salary-first';
import {
  ActionSchema,
  IsoDate,
  LocalTime,
  PlaceInput,
  PlaceSchema,
  PrivateNoteSchema,
  RoleSchema,
  SharedNoteSchema,
} from './one-on-ones';
import { DEFAULT_CONVERSATION_MINUTES } from '../domain/development/conversation';

const iso = z.iso.datetime();

const PersonRefSchema = z.object({ id: z.uuid(), name: z.string() });

const ConversationMeetingSchema = z.object({
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

const AnswerValueSchema = z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]);

export const AnswersSchema = z.record(z.string(), AnswerValueSchema);

export const PreparationSchema = z.object({
  role: RoleSchema,
  answers: AnswersSchema,
  version: z.int(),
  submittedAt: iso.nullable(),
  updatedAt: iso,
});

/**
 * What the viewer may do with a conversation, from the server's policies (src/server/policies).
 * Whether the conversation's state allows it now (booked, closed, signed) is told by `status`.
 */
const ConversationPolicySchema = z.object({
  /** Book, move or cancel its time, and book the follow-up. */
  book: z.boolean(),
  /** Start the meeting. */
  start: z.boolean(),
  /** Close the agreement (it becomes version 1). */
  close: z.boolean(),
  /** Sign the closed agreement. */
  sign: z.boolean(),
  /** Correct a signed agreement (a new version). */
  correct: z.boolean(),
  /** Record the outcome of a salary conversation. */
  writeSalaryOutcome: z.boolean(),
});
export type ConversationPolicy = z.infer<typeof ConversationPolicySchema>;

export const ConversationPageSchema = ConversationListItemSchema.omit({ booked: true }).extend({
  myRole: RoleSchema,
  can: ConversationPolicySchema,
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

/** A time for a conversation, in the manager's own time zone. */
export const BookingInputSchema = z.object({
  date: IsoDate,
  time: LocalTime,
  durationMinutes: z.int().min(1).max(600).default(DEFAULT_CONVERSATION_MINUTES),
  place: PlaceInput,
});
