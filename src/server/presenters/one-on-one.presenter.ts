import type { Actor } from '../../domain/roles';
import { presentSeriesPolicy } from './policy.presenter';
import { phaseOf } from '../../domain/one-on-one/meeting-state';
import { localParts } from '../../domain/one-on-one/occurrences';
import { localise, type TemplateSnapshot } from '../../domain/one-on-one/template';
import type {
  NoteRow,
  PointRow,
  PrivateNoteRow,
} from '../repositories/one-on-one-meeting.repository';
import type { MeetingRow, SeriesRow } from '../repositories/one-on-one-series.repository';
import { MeetingDto, PointDto, SeriesDto, SharedNoteDto } from '../../contracts/one-on-ones';

const isoOrNull = (d: Date | null | undefined) => d?.toISOString() ?? null;
/** ISO day of the week (1 = Monday … 7 = Sunday) of an ISO date, as Temporal's dayOfWeek. */
function isoWeekday(date: string): number {
  return ((new Date(Date.parse(date)).getUTCDay() + 6) % 7) + 1;
}

/** A series for one of its pair; `myRole` tells the web which side it is showing. */
export function presentSeries(
  s: SeriesRow,
  names: { managerName: string; employeeName: string },
  viewer: Actor,
): SeriesDto {
  const viewerId = viewer.personId;
  return {
    id: s.id,
    manager: { id: s.managerId, name: names.managerName },
    employee: { id: s.employeeId, name: names.employeeName },
    myRole: viewerId === s.managerId ? 'manager' : 'employee',
    can: presentSeriesPolicy(viewer, s),
    cadence: s.cadence,
    monthlyOrdinal:
      s.cadence === 'monthly' ? (s.monthlyOrdinal as SeriesDto['monthlyOrdinal']) : null,
    weekday: isoWeekday(s.startDate),
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

export function presentMeeting(m: MeetingRow, extra: { hasMinutes?: boolean } = {}): MeetingDto {
  const local = localParts(m.startsAt, m.timeZone);
  return {
    id: m.id,
    // 1:1 paths only ever load meetings of a series (they join it); conversation meetings
    // have their own presenter.
    seriesId: m.seriesId!,
    number: m.seq!,
    localDate: local.date,
    localTime: local.time,
    timeZone: m.timeZone,
    startsAt: m.startsAt.toISOString(),
    endsAt: m.endsAt.toISOString(),
    originalStartsAt: isoOrNull(m.originalStartsAt),
    durationMinutes: m.durationMinutes,
    place: { kind: m.placeKind as MeetingDto['place']['kind'], detail: m.placeDetail },
    status: m.status,
    statusReason: m.statusReason,
    statusReasonCode: m.statusReasonCode,
    phase: phaseOf(m),
    startedAt: isoOrNull(m.startedAt),
    heldAt: isoOrNull(m.heldAt),
    heldOn: m.heldOn ?? null,
    ...('hasMinutes' in extra ? { hasMinutes: Boolean(extra.hasMinutes) } : {}),
  };
}

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

export function presentPoint(
  p: PointRow,
  note: NoteRow | null,
  ctx: { snapshot: TemplateSnapshot | null; locale: string; managerId: string },
): PointDto {
  const section = ctx.snapshot?.sections.find((s) => s.key === p.sectionKey);
  const isSection = p.kind === 'section';
  return {
    id: p.id,
    kind: p.kind,
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
    plannedMinutes: p.plannedMinutes,
    note: note ? presentSharedNote(note) : null,
  };
}

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
