import { z } from 'zod';
import { RoleSchema } from './one-on-ones';
import { SealedSchema } from './vault';

const iso = z.iso.datetime();

export const ActionSchema = z.object({
  id: z.uuid(),
  /** Null when the action was agreed in a development (or other) conversation. */
  seriesId: z.uuid().nullable(),
  meetingId: z.uuid(),
  pointId: z.uuid().nullable(),
  title: z.string(),
  ownerId: z.uuid(),
  ownerRole: RoleSchema,
  dueDate: z.iso.date().nullable(),
  done: z.boolean(),
  doneAt: iso.nullable(),
  /** Open and due before today in the owner's time zone. */
  overdue: z.boolean(),
  createdAt: iso,
});

export type ActionDto = z.infer<typeof ActionSchema>;

export const MyActionSchema = ActionSchema.extend({
  /** The other person of the 1:1 the action came from. */
  withName: z.string(),
  meetingDate: z.iso.date(),
  /** Set when the action was agreed in a development (or other) conversation. */
  conversationId: z.uuid().nullable().optional(),
});

const MinutesActionSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  ownerId: z.uuid(),
  ownerName: z.string(),
  dueDate: z.iso.date().nullable(),
});

export const MinutesContentSchema = z.object({
  version: z.literal(1),
  locale: z.string(),
  meetingId: z.uuid(),
  date: z.iso.date(),
  time: z.string(),
  timeZone: z.string(),
  manager: z.object({ id: z.uuid(), name: z.string() }),
  employee: z.object({ id: z.uuid(), name: z.string() }),
  topics: z.array(
    z.object({
      pointId: z.uuid(),
      title: z.string(),
      notes: z.string(),
      decision: z.string(),
      actions: z.array(MinutesActionSchema),
    }),
  ),
  decisions: z.array(z.string()),
  actions: z.array(MinutesActionSchema),
  followUp: z.array(MinutesActionSchema.extend({ done: z.boolean() })),
  nextMeeting: z.object({ date: z.iso.date(), time: z.string(), timeZone: z.string() }).nullable(),
});

export const MinutesSchema = z.object({
  meetingId: z.uuid(),
  seriesId: z.uuid(),
  locale: z.string(),
  createdAt: iso,
  acknowledgedAt: iso.nullable(),
  content: MinutesContentSchema,
});

export const ReflectionTopicSchema = z.object({
  title: z.string().max(500),
  howItWent: z.string().max(5000),
  why: z.string().max(5000),
  doDifferently: z.string().max(5000),
});

export const ReflectionSchema = z.object({
  meetingId: z.uuid(),
  meetingStartsAt: iso,
  /** Empty when sealed. */
  topics: z.array(ReflectionTopicSchema),
  notes: z.string(),
  /** {topics, notes} sealed in the author's browser (decision 018); the server cannot open it. */
  sealed: SealedSchema.nullable(),
  updatedAt: iso,
  employeeName: z.string().optional(),
});
