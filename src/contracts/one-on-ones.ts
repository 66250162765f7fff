import { z } from 'zod';
import { CADENCES, MONTHLY_ORDINALS } from '../domain/one-on-one/cadence';
import {
  LocalisedTextSchema,
  SECTION_KINDS,
  TemplateSectionSchema,
} from '../domain/one-on-one/template';
import { SealedSchema } from './vault';

const iso = z.iso.datetime();

export const RoleSchema = z.enum(['manager', 'employee']);

export const MEETING_STATUSES = ['planned', 'moved', 'cancelled', 'held'] as const;

export const PlaceSchema = z.object({
  kind: z.enum(['walk_and_talk', 'room', 'video']),
  detail: z.string().nullable(),
});

const PersonRefSchema = z.object({ id: z.uuid(), name: z.string() });

export const SeriesSchema = z.object({
  id: z.uuid(),
  manager: PersonRefSchema,
  employee: PersonRefSchema,
  myRole: RoleSchema,
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
  note: SharedNoteSchema.nullable(),
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
