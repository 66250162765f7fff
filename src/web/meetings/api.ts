/**
 * The 1:1 calls of the web app, their types (from the shared contracts, src/contracts) and
 * their cache keys. Every key starts with "1on1", so one invalidation refreshes them all.
 */
import type { z } from 'zod';
import type {
  ActionDto,
  ActionInputSchema,
  MeetingDetailSchema,
  MeetingDto,
  MineSchema,
  MinutesSchema,
  MyActionSchema,
  OverviewSchema,
  PointDto,
  PrivateNoteSchema,
  ReflectionSchema,
  ReflectionTopicSchema,
  SeriesDto,
  SeriesInputSchema,
  SharedNoteDto,
  TemplateDtoSchema,
} from '../../contracts/one-on-ones';
import type { Sealed } from '../../domain/sealing/envelope';
import type { ReminderListSchema, ReminderSchema } from '../../contracts/reminders';
import { http, type Page } from '../api';

export type Series = SeriesDto;
export type Meeting = MeetingDto;
export type Point = PointDto;
export type SharedNote = SharedNoteDto;
export type Action = ActionDto;
export type MyAction = z.infer<typeof MyActionSchema>;
export type MeetingDetail = z.infer<typeof MeetingDetailSchema>;
export type Template = z.infer<typeof TemplateDtoSchema>;
export type PrivateNote = z.infer<typeof PrivateNoteSchema>;
export type Reminder = z.infer<typeof ReminderSchema>;
export type ReminderList = z.infer<typeof ReminderListSchema>;
export type Minutes = z.infer<typeof MinutesSchema>;
export type Reflection = z.infer<typeof ReflectionSchema>;
export type ReflectionTopic = z.infer<typeof ReflectionTopicSchema>;
export type Cadence = Series['cadence'];
export type MonthlyOrdinal = NonNullable<Series['monthlyOrdinal']>;
export type PlaceKind = Series['place']['kind'];

export type OverviewItem = z.infer<typeof OverviewSchema>['items'][number];
export type Mine = z.infer<typeof MineSchema>;

export type SeriesInput = z.input<typeof SeriesInputSchema>;
export type SeriesPatch = Partial<Omit<SeriesInput, 'employeeId'>>;
export type ActionInput = z.input<typeof ActionInputSchema>;
export type NoteText = { body: string; decision: string };

/** What a 409 on a shared or private note carries (its details), as the contract says. */
export type { PrivateNoteConflict, SharedNoteConflict } from '../../contracts/one-on-ones';
/** A private note as sent: plain, or sealed once the author has a vault (decision 018). */
export type PrivateNoteContent = { body: string } | { sealed: Sealed };

const P = '/api/one-on-ones';
const id = encodeURIComponent;

/** Every 1:1 call the web app makes. */
export const oneOnOneApi = {
  templates: () => http.get<{ items: Template[] }>(`${P}/templates`),
  overview: () => http.get<{ items: OverviewItem[] }>(`${P}/overview`),
  mine: () => http.get<Mine>(`${P}/mine`),

  createSeries: (input: SeriesInput) => http.post<Series>(`${P}/series`, input),
  seriesList: (includeEnded = false) =>
    http.get<{ items: Series[] }>(`${P}/series`, { includeEnded: includeEnded ? 'true' : '' }),
  series: (seriesId: string) => http.get<Series>(`${P}/series/${id(seriesId)}`),
  updateSeries: (seriesId: string, patch: SeriesPatch) =>
    http.patch<Series>(`${P}/series/${id(seriesId)}`, patch),
  endSeries: (seriesId: string, reason: string) =>
    http.post<Series>(`${P}/series/${id(seriesId)}/end`, { reason }),
  seriesMeetings: (
    seriesId: string,
    when: 'upcoming' | 'past',
    cursor?: string | null,
    limit?: number,
  ) => http.get<Page<Meeting>>(`${P}/series/${id(seriesId)}/meetings`, { when, cursor, limit }),

  meeting: (meetingId: string) => http.get<MeetingDetail>(`${P}/meetings/${id(meetingId)}`),
  move: (meetingId: string, input: { date: string; time: string; reason?: string | null }) =>
    http.post<Meeting>(`${P}/meetings/${id(meetingId)}/move`, input),
  cancel: (meetingId: string, reason: string) =>
    http.post<Meeting>(`${P}/meetings/${id(meetingId)}/cancel`, { reason }),
  addPoint: (meetingId: string, input: { title: string; sectionKey?: string | null }) =>
    http.post<Point>(`${P}/meetings/${id(meetingId)}/points`, input),
  reorder: (meetingId: string, pointIds: string[]) =>
    http.put<MeetingDetail>(`${P}/meetings/${id(meetingId)}/points/order`, { pointIds }),
  privateNote: (meetingId: string) =>
    http.get<PrivateNote>(`${P}/meetings/${id(meetingId)}/private-note`),
  savePrivateNote: (meetingId: string, content: PrivateNoteContent, baseVersion: number) =>
    http.put<PrivateNote>(`${P}/meetings/${id(meetingId)}/private-note`, {
      ...content,
      baseVersion,
    }),

  reminders: (meetingId: string) =>
    http.get<ReminderList>(`${P}/meetings/${id(meetingId)}/reminders`),
  addReminder: (meetingId: string, sealed: Sealed) =>
    http.post<Reminder>(`${P}/meetings/${id(meetingId)}/reminders`, { sealed }),
  tickReminder: (meetingId: string, reminderId: string, done: boolean) =>
    http.patch<Reminder>(`${P}/meetings/${id(meetingId)}/reminders/${id(reminderId)}`, { done }),

  updatePoint: (
    pointId: string,
    input: { title?: string; discussed?: boolean; plannedMinutes?: number | null },
  ) => http.patch<MeetingDetail>(`${P}/points/${id(pointId)}`, input),
  deletePoint: (pointId: string) => http.del<{ ok: true }>(`${P}/points/${id(pointId)}`),
  carryOver: (pointId: string) =>
    http.post<{ pointId: string; meetingId: string }>(`${P}/points/${id(pointId)}/carry-over`),
  saveNote: (pointId: string, text: NoteText, baseVersion: number) =>
    http.put<{ note: SharedNote; merged: boolean }>(`${P}/points/${id(pointId)}/note`, {
      ...text,
      baseVersion,
    }),

  createAction: (meetingId: string, input: ActionInput) =>
    http.post<Action>(`${P}/meetings/${id(meetingId)}/actions`, input),
  updateAction: (
    actionId: string,
    input: Partial<Omit<ActionInput, 'pointId'>> & { done?: boolean },
  ) => http.patch<Action>(`/api/actions/${id(actionId)}`, input),
  myActions: (status: 'open' | 'done', cursor?: string | null) =>
    http.get<Page<MyAction>>('/api/actions', { status, cursor, limit: 50 }),

  finish: (meetingId: string) => http.post<Minutes>(`${P}/meetings/${id(meetingId)}/finish`),
  minutes: (meetingId: string) => http.get<Minutes>(`${P}/meetings/${id(meetingId)}/minutes`),
  acknowledge: (meetingId: string) =>
    http.post<Minutes>(`${P}/meetings/${id(meetingId)}/minutes/acknowledge`),
  minutesList: (cursor?: string | null) =>
    http.get<Page<Minutes>>(`${P}/minutes`, { cursor, limit: 20 }),

  reflection: (meetingId: string) =>
    http.get<{ reflection: Reflection | null }>(`${P}/meetings/${id(meetingId)}/reflection`),
  saveReflection: (
    meetingId: string,
    input: { topics: ReflectionTopic[]; notes: string } | { sealed: Sealed },
  ) => http.put<Reflection>(`${P}/meetings/${id(meetingId)}/reflection`, input),
  reflections: (cursor?: string | null) =>
    http.get<Page<Reflection>>(`${P}/reflections`, { cursor, limit: 20 }),
};

/** Cache keys of the 1:1 queries. */
export const oneOnOneKeys = {
  all: ['1on1'] as const,
  templates: ['1on1', 'templates'] as const,
  overview: ['1on1', 'overview'] as const,
  mine: ['1on1', 'mine'] as const,
  series: (seriesId: string) => ['1on1', 'series', seriesId] as const,
  /** Pages of a series' meetings (an infinite query). */
  seriesMeetings: (seriesId: string, when: 'upcoming' | 'past') =>
    ['1on1', 'series', seriesId, 'meetings', when] as const,
  /** The first few meetings ahead (a plain query). */
  nextMeetings: (seriesId: string) => ['1on1', 'series', seriesId, 'next'] as const,
  lastMeeting: (seriesId: string) => ['1on1', 'series', seriesId, 'last'] as const,
  meeting: (meetingId: string) => ['1on1', 'meeting', meetingId] as const,
  privateNote: (meetingId: string) => ['1on1', 'meeting', meetingId, 'private'] as const,
  reminders: (meetingId: string) => ['1on1', 'meeting', meetingId, 'reminders'] as const,
  motivation: (meetingId: string) => ['1on1', 'motivation', meetingId] as const,
  minutes: (meetingId: string) => ['1on1', 'minutes', meetingId] as const,
  reflection: (meetingId: string) => ['1on1', 'reflection', meetingId] as const,
  reflections: ['1on1', 'reflections'] as const,
  myActions: (status: 'open' | 'done') => ['1on1', 'actions', status] as const,
};
