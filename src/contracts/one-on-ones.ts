/**
 * 1:1s (decision 006): series, meetings, agenda points, notes, actions, minutes, reflections, and
 * what the web app sends to book and change them.
 */
import { z } from 'zod';
import { CADENCES, MONTHLY_ORDINALS } from '../domain/one-on-one/cadence';
import {
  LocalisedTextSchema,
  SECTION_KINDS,
  TemplateSectionSchema,
} from '../domain/one-on-one/template';
import { SealedSchema } from './vault';
import { PLACE_KINDS } from '../domain/one-on-one/place';
import { textBlock, textLine } from '../domain/text';
import { PLANNED_MINUTES_MAX, PLANNED_MINUTES_MIN } from '../domain/one-on-one/agenda-time';
import { ACTION_PROMPTS } from '../domain/wellbeing/workload';

const iso = z.iso.datetime();

export const RoleSchema = z.enum(['manager', 'employee']);

const MEETING_STATUSES = ['planned', 'moved', 'cancelled', 'held'] as const;

export const PlaceSchema = z.object({
  kind: z.enum(['walk_and_talk', 'room', 'video']),
  detail: z.string().nullable(),
});

const PersonRefSchema = z.object({ id: z.uuid(), name: z.string() });

/**
 * What the viewer may do with a series, from the server's policies (src/server/policies): the
 * web app shows or hides its buttons from these, never from its own copy of the rules.
 */
const SeriesPolicySchema = z.object({
  /** Edit or end the series. */
  manage: z.boolean(),
  /** Book, move and cancel its meetings. */
  schedule: z.boolean(),
  /** Keep one's own reflections on its meetings. */
  reflect: z.boolean(),
});
export type SeriesPolicy = z.infer<typeof SeriesPolicySchema>;

/** What the viewer may do with one meeting (see SeriesPolicySchema). */
const MeetingPolicySchema = z.object({
  /** Move or cancel it. */
  schedule: z.boolean(),
  /** Finish it (the minutes are built), or take finishing back. */
  finish: z.boolean(),
  /** Start it: the timer and the live agenda. */
  start: z.boolean(),
  /** Add topics, write shared notes, add and close actions. */
  contribute: z.boolean(),
  /** Confirm having read the minutes. */
  acknowledge: z.boolean(),
  /** Write one's own reflection on how it went. */
  reflect: z.boolean(),
  /** Keep one's own "remember to ask" reminders. */
  remind: z.boolean(),
  /** The coaching help for whoever runs the 1:1: the traps guide and the question bank. */
  coach: z.boolean(),
});
export type MeetingPolicy = z.infer<typeof MeetingPolicySchema>;

export const SeriesSchema = z.object({
  id: z.uuid(),
  manager: PersonRefSchema,
  employee: PersonRefSchema,
  myRole: RoleSchema,
  can: SeriesPolicySchema,
  cadence: z.enum(CADENCES),
  monthlyOrdinal: z.union(MONTHLY_ORDINALS.map((n) => z.literal(n))).nullable(),
  /** ISO weekday of the meetings, 1 = Monday. */
  weekday: z.int().min(1).max(7),
  startDate: z.iso.date(),
  localTime: z.string(),
  timeZone: z.string(),
  durationMinutes: z.int(),
  place: PlaceSchema,
  template: z.string(),
  plannedUntil: z.iso.date(),
  reflectionBlockMinutes: z.int(),
  endedAt: iso.nullable(),
  endReason: z.string().nullable(),
  createdAt: iso,
});

export type SeriesDto = z.infer<typeof SeriesSchema>;

export const MeetingSchema = z.object({
  id: z.uuid(),
  seriesId: z.uuid(),
  number: z.int(),
  localDate: z.iso.date(),
  localTime: z.string(),
  timeZone: z.string(),
  startsAt: iso,
  endsAt: iso,
  /** Where it was first planned, when it has been moved. */
  originalStartsAt: iso.nullable(),
  durationMinutes: z.int(),
  place: PlaceSchema,
  status: z.enum(MEETING_STATUSES),
  /** What the person wrote when moving or cancelling. */
  statusReason: z.string().nullable(),
  /** Set when the system changed the status; translated as oneOnOne:reason.<code>. */
  statusReasonCode: z.string().nullable(),
  /** planned → in_progress (started) → held, or cancelled (decision 020). */
  phase: z.enum(['planned', 'in_progress', 'held', 'cancelled']),
  /** When it was started (the timer on every device counts from here). */
  startedAt: iso.nullable(),
  /** When it was finished. */
  heldAt: iso.nullable(),
  /** The local date it actually took place, once held. */
  heldOn: z.iso.date().nullable(),
  hasMinutes: z.boolean().optional(),
});

export type MeetingDto = z.infer<typeof MeetingSchema>;

export const SharedNoteSchema = z.object({
  id: z.uuid(),
  pointId: z.uuid(),
  body: z.string(),
  decision: z.string(),
  version: z.int(),
  updatedBy: z.uuid().nullable(),
  updatedAt: iso,
});

export type SharedNoteDto = z.infer<typeof SharedNoteSchema>;

/** What a 409 on a shared note carries (its `details`): the saved version and the refused one. */
export const SharedNoteConflictSchema = z.object({
  current: SharedNoteSchema,
  yours: z.object({ body: z.string(), decision: z.string(), baseVersion: z.int() }),
});
export type SharedNoteConflict = z.infer<typeof SharedNoteConflictSchema>;

/** What a 409 on a private note carries (its `details`): the saved version and the refused one. */
export const PrivateNoteConflictSchema = z.object({
  current: z.object({ body: z.string(), sealed: SealedSchema.nullable(), version: z.int() }),
  yours: z.object({ body: z.string(), sealed: SealedSchema.nullable(), baseVersion: z.int() }),
});
export type PrivateNoteConflict = z.infer<typeof PrivateNoteConflictSchema>;

export const PointSchema = z.object({
  id: z.uuid(),
  kind: z.enum(['section', 'topic']),
  sectionKey: z.string().nullable(),
  sectionKind: z.enum(SECTION_KINDS).nullable(),
  /** A section's title in the viewer's language, or the topic as written. */
  title: z.string(),
  prompt: z.string().nullable(),
  author: z.object({ id: z.uuid(), role: RoleSchema }).nullable(),
  position: z.int(),
  discussed: z.boolean(),
  discussedAt: iso.nullable(),
  carriedFromPointId: z.uuid().nullable(),
  carriedToMeetingId: z.uuid().nullable(),
  /** Minutes the pair plans for it (1–120), or null. */
  plannedMinutes: z.int().nullable(),
  note: SharedNoteSchema.nullable(),
});

/** Changes to an agenda point (PATCH /api/one-on-ones/points/:id). */
export const PointUpdateSchema = z.object({
  title: textLine().trim().min(1).max(500).optional(),
  discussed: z.boolean().optional(),
  sectionKey: textLine().max(64).nullable().optional(),
  /** Minutes planned for the point, 1–120; null takes the plan away. */
  plannedMinutes: z.int().min(PLANNED_MINUTES_MIN).max(PLANNED_MINUTES_MAX).nullable().optional(),
});

export type PointDto = z.infer<typeof PointSchema>;

export const PrivateNoteSchema = z.object({
  meetingId: z.uuid(),
  /** The plain text of a note not sealed yet; '' when sealed (or none yet). */
  body: z.string(),
  /** The note sealed in its author's browser (decision 018); the server cannot open it. */
  sealed: SealedSchema.nullable(),
  version: z.int(),
  updatedAt: iso.nullable(),
});

export const TemplateDtoSchema = z.object({
  ref: z.string(),
  builtin: z.boolean(),
  name: LocalisedTextSchema,
  description: LocalisedTextSchema.nullable(),
  sections: z.array(TemplateSectionSchema),
});

/** Actions, minutes and reflections. */
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

const MinutesContentSchema = z.object({
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

/** One topic of a reflection: `note` is the light form's text (issue #15); the three answers
 * are those of the earlier form, kept readable (empty in new reflections). */
export const ReflectionTopicSchema = z.object({
  title: z.string().max(500),
  note: z.string().max(5000).default(''),
  howItWent: z.string().max(5000).default(''),
  why: z.string().max(5000).default(''),
  doDifferently: z.string().max(5000).default(''),
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

/** Shared zod pieces of the 1:1 routes. */
export const LocalTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'format' });

export const IsoDate = z.iso.date();

const Cadence = z.enum(CADENCES);

const MonthlyOrdinal = z.union(MONTHLY_ORDINALS.map((n) => z.literal(n)));

export const PlaceInput = z.object({
  kind: z.enum(PLACE_KINDS),
  detail: textBlock().trim().max(500).nullable().optional(),
});

export const SeriesInputSchema = z.object({
  employeeId: z.uuid(),
  cadence: Cadence,
  /** Monthly only: 1–4 or -1 (last); derived from the start date when absent. */
  monthlyOrdinal: MonthlyOrdinal.nullable().optional(),
  startDate: IsoDate,
  localTime: LocalTime,
  /** IANA zone; the manager's own when absent. */
  timeZone: textLine().min(1).max(64).optional(),
  /** 15–90; 20 when absent. */
  durationMinutes: z.int().min(1).max(1440).optional(),
  place: PlaceInput,
  /** "builtin:<key>" or "org:<id>"; seed 002's agenda when absent. */
  template: textLine().max(100).optional(),
  /** A 15–30 minute "notes and reflection" block after each meeting in the manager's calendar; 0 = none. */
  reflectionBlockMinutes: z.union([z.literal(0), z.int().min(15).max(30)]).optional(),
});

/** A meeting as a reference: its id and when it starts. */
const At = z.object({ id: z.uuid(), startsAt: z.iso.datetime() }).nullable();

export const OverviewSchema = z.object({
  items: z.array(
    z.object({
      person: z.object({ id: z.uuid(), name: z.string() }),
      seriesId: z.uuid().nullable(),
      cadence: z.enum(CADENCES).nullable(),
      nextMeeting: At,
      lastHeld: At,
      daysSinceLastHeld: z.int().nullable(),
      /** More than twice the cadence's interval since the last held 1:1. */
      tooLongSinceLastHeld: z.boolean(),
      openActions: z.int(),
      overdueActions: z.int(),
      /** The last signed development conversation, with any manager. */
      lastDevelopmentSignedAt: z.iso.datetime().nullable(),
      /** None signed in the last 12 months (seed 003: at least once a year). */
      developmentConversationDue: z.boolean(),
    }),
  ),
});

export const MineSchema = z.object({
  series: SeriesSchema.nullable(),
  nextMeeting: MeetingSchema.nullable(),
  actions: z.array(MyActionSchema),
  minutes: z.array(MinutesSchema),
});

export const MeetingDetailSchema = z.object({
  meeting: MeetingSchema,
  series: SeriesSchema,
  myRole: RoleSchema,
  can: MeetingPolicySchema,
  template: z.object({ ref: z.string(), name: z.string() }),
  /** The agenda in order: template sections and added topics, each with its shared note. */
  agenda: z.array(PointSchema),
  /** The pair's actions from earlier meetings that were open when this one began. */
  followUp: z.array(ActionSchema),
  /** Actions agreed in this meeting. */
  actions: z.array(ActionSchema),
  minutes: z.object({ available: z.boolean(), acknowledgedAt: z.iso.datetime().nullable() }),
  nextMeeting: MeetingSchema.nullable(),
  /** The server's clock when this was read: devices count the timer against it. */
  serverTime: z.iso.datetime(),
});

export const ActionInputSchema = z.object({
  title: z.string().trim().min(1).max(500),
  /** The manager or the employee of the pair. */
  ownerId: z.uuid(),
  dueDate: IsoDate.nullable().optional(),
  /** The agenda point it came from, if any. */
  pointId: z.uuid().nullable().optional(),
  /** Agreed from a prompt of the meeting page ("workload": the high-workload prompt). */
  prompt: z.enum(ACTION_PROMPTS).nullable().optional(),
});
