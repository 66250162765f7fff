import { z } from 'zod';
import { SealedSchema } from './vault.presenter';
import { phaseOf } from '../../domain/one-on-one/meeting-state';
import { Temporal } from 'temporal-polyfill';
import { CADENCES, MONTHLY_ORDINALS } from '../../domain/one-on-one/cadence';
import { localParts } from '../../domain/one-on-one/occurrences';
import {
  localise,
  SECTION_KINDS,
  TemplateSectionSchema,
  LocalisedTextSchema,
  type TemplateSnapshot,
} from '../../domain/one-on-one/template';
import type {
  NoteRow,
  PointRow,
  PrivateNoteRow,
} from '../repositories/one-on-one-meeting.repository';
import type { MeetingRow, SeriesRow } from '../repositories/one-on-one-series.repository';

const iso = z.iso.datetime();
const isoOrNull = (d: Date | null | undefined) => d?.toISOString() ?? null;
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

/** A series for one of its pair; `myRole` tells the web which side it is showing. */
export function presentSeries(
  s: SeriesRow,
  names: { managerName: string; employeeName: string },
  viewerId: string,
): SeriesDto {
  return {
    id: s.id,
    manager: { id: s.managerId, name: names.managerName },
    employee: { id: s.employeeId, name: names.employeeName },
    myRole: viewerId === s.managerId ? 'manager' : 'employee',
    cadence: s.cadence as SeriesDto['cadence'],
    monthlyOrdinal:
      s.cadence === 'monthly' ? (s.monthlyOrdinal as SeriesDto['monthlyOrdinal']) : null,
    weekday: Temporal.PlainDate.from(s.startDate).dayOfWeek,
    startDate: s.startDate,
    localTime: s.localTime,
    timeZone: s.timeZone,
    durationMinutes: s.durationMinutes,
    place: { kind: s.placeKind as SeriesDto['place']['kind'], detail: s.placeDetail },
    template: s.templateId ? `org:${s.templateId}` : `builtin:${s.builtinTemplateKey}`,
    plannedUntil: s.horizonUntil,
    reflectionBlockMinutes: s.reflectionBlockMinutes,
    endedAt: isoOrNull(s.endedAt),
    endReason: s.endReason,
    createdAt: s.createdAt.toISOString(),
  };
}

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

export function presentMeeting(m: MeetingRow, extra: { hasMinutes?: boolean } = {}): MeetingDto {
  return {
    id: m.id,
    // 1:1 paths only ever load meetings of a series (they join it); conversation meetings
    // have their own presenter.
    seriesId: m.seriesId!,
    number: m.seq!,
    localDate: localParts(m.startsAt, m.timeZone).date,
    localTime: localParts(m.startsAt, m.timeZone).time,
    timeZone: m.timeZone,
    startsAt: m.startsAt.toISOString(),
    endsAt: m.endsAt.toISOString(),
    originalStartsAt: isoOrNull(m.originalStartsAt),
    durationMinutes: m.durationMinutes,
    place: { kind: m.placeKind as MeetingDto['place']['kind'], detail: m.placeDetail },
    status: m.status as MeetingDto['status'],
    statusReason: m.statusReason,
    statusReasonCode: m.statusReasonCode,
    phase: phaseOf(m),
    startedAt: isoOrNull(m.startedAt),
    heldAt: isoOrNull(m.heldAt),
    heldOn: m.heldOn ?? null,
    ...('hasMinutes' in extra ? { hasMinutes: Boolean(extra.hasMinutes) } : {}),
  };
}

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

export function presentSharedNote(n: NoteRow): SharedNoteDto {
  return {
    id: n.id,
    pointId: n.pointId,
    body: n.body,
    decision: n.decision,
    version: n.version,
    updatedBy: n.updatedBy,
    updatedAt: n.updatedAt.toISOString(),
  };
}

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

export function presentPoint(
  p: PointRow,
  note: NoteRow | null,
  ctx: { snapshot: TemplateSnapshot | null; locale: string; managerId: string },
): PointDto {
  const section = ctx.snapshot?.sections.find((s) => s.key === p.sectionKey);
  const isSection = p.kind === 'section';
  return {
    id: p.id,
    kind: p.kind as PointDto['kind'],
    sectionKey: p.sectionKey,
    sectionKind: section?.kind ?? null,
    title: isSection ? localise(section?.title, ctx.locale) : (p.title ?? ''),
    prompt: isSection && section?.prompt ? localise(section.prompt, ctx.locale) : null,
    author: p.authorId
      ? { id: p.authorId, role: p.authorId === ctx.managerId ? 'manager' : 'employee' }
      : null,
    position: p.position,
    discussed: p.discussedAt !== null,
    discussedAt: isoOrNull(p.discussedAt),
    carriedFromPointId: p.carriedFromPointId,
    carriedToMeetingId: p.carriedToMeetingId,
    note: note ? presentSharedNote(note) : null,
  };
}

export const PrivateNoteSchema = z.object({
  meetingId: z.uuid(),
  /** The plain text of a note not sealed yet; '' when sealed (or none yet). */
  body: z.string(),
  /** The note sealed in its author's browser (decision 018); the server cannot open it. */
  sealed: SealedSchema.nullable(),
  version: z.int(),
  updatedAt: iso.nullable(),
});

/** The sealed form of a stored private note, or null when it is plain (or none yet). */
export function sealedOf(n: PrivateNoteRow | null | undefined) {
  return n?.ciphertext && n.iv && n.keyVersion
    ? { ciphertext: n.ciphertext, iv: n.iv, keyVersion: n.keyVersion }
    : null;
}

export function presentPrivateNote(meetingId: string, n: PrivateNoteRow | null) {
  return {
    meetingId,
    body: n?.body ?? '',
    sealed: sealedOf(n),
    version: n?.version ?? 0,
    updatedAt: isoOrNull(n?.updatedAt),
  };
}

export const TemplateDtoSchema = z.object({
  ref: z.string(),
  builtin: z.boolean(),
  name: LocalisedTextSchema,
  description: LocalisedTextSchema.nullable(),
  sections: z.array(TemplateSectionSchema),
});
