import { sql } from 'drizzle-orm';
import {
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { MeetingKind, MeetingStatus } from '../../domain/one-on-one/actions';
import type { ActionPrompt } from '../../domain/wellbeing/workload';
import type { Cadence } from '../../domain/one-on-one/cadence';
import type { MinutesContent } from '../../domain/one-on-one/minutes';
import type {
  LocalisedText,
  TemplateSection,
  TemplateSnapshot,
} from '../../domain/one-on-one/template';
import { people } from './organisation';
import { createdAt, orgId, ts, updatedAt } from './columns';
import { actionDocument, minutesDocument, noteDocument, topicDocument } from './search-vector';

/** Agenda templates HR adds for the organisation (built-in ones live in templates/*.json). */
export const oneOnOneTemplates = pgTable(
  'one_on_one_templates',
  {
    orgId: orgId(),
    id: uuid('id').notNull(),
    name: jsonb('name').$type<LocalisedText>().notNull(),
    description: jsonb('description').$type<LocalisedText>(),
    sections: jsonb('sections').$type<TemplateSection[]>().notNull(),
    archivedAt: ts('archived_at'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);

/** A manager's recurring 1:1 with one direct report. Ended, never deleted. */
export const oneOnOneSeries = pgTable(
  'one_on_one_series',
  {
    orgId: orgId(),
    id: uuid('id').notNull(),
    managerId: uuid('manager_id').notNull(),
    employeeId: uuid('employee_id').notNull(),
    cadence: text('cadence').$type<Cadence>().notNull(),
    monthlyOrdinal: integer('monthly_ordinal'),
    /** First date of the current rule (its weekday is the series' weekday). */
    startDate: date('start_date', { mode: 'string' }).notNull(),
    localTime: text('local_time').notNull(),
    timeZone: text('time_zone').notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    placeKind: text('place_kind').notNull(),
    placeDetail: text('place_detail'),
    /** Either a built-in template key or an organisation template id. */
    builtinTemplateKey: text('builtin_template_key'),
    templateId: uuid('template_id'),
    /** Meetings exist up to this local date; extended lazily and by a job. */
    horizonUntil: date('horizon_until', { mode: 'string' }).notNull(),
    /** iCalendar SEQUENCE: raised by every change sent to the pair's calendars. */
    calendarSequence: integer('calendar_sequence').notNull().default(0),
    /** Minutes blocked after each meeting for notes and reflection (0 = none; 15–30). */
    reflectionBlockMinutes: integer('reflection_block_minutes').notNull().default(0),
    endedAt: ts('ended_at'),
    endReason: text('end_reason'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({
      columns: [t.orgId, t.managerId],
      foreignColumns: [people.orgId, people.id],
      name: 'one_on_one_series_manager_fk',
    }),
    foreignKey({
      columns: [t.orgId, t.employeeId],
      foreignColumns: [people.orgId, people.id],
      name: 'one_on_one_series_employee_fk',
    }),
    foreignKey({
      columns: [t.orgId, t.templateId],
      foreignColumns: [oneOnOneTemplates.orgId, oneOnOneTemplates.id],
      name: 'one_on_one_series_template_fk',
    }),
    // One running series per employee: the current manager's.
    uniqueIndex('one_on_one_series_active_uq')
      .on(t.orgId, t.employeeId)
      .where(sql`${t.endedAt} is null`),
    index('one_on_one_series_manager_idx').on(t.orgId, t.managerId),
    index('one_on_one_series_employee_idx').on(t.orgId, t.employeeId),
    index('one_on_one_series_horizon_idx')
      .on(t.horizonUntil)
      .where(sql`${t.endedAt} is null`),
  ],
);

/**
 * One occurrence of a series, or (kind other than one_on_one) the single meeting of a
 * development or other conversation, which has no series (decision 011). Moved and cancelled
 * ones stay, with their reason.
 */
export const oneOnOneMeetings = pgTable(
  'one_on_one_meetings',
  {
    orgId: orgId(),
    id: uuid('id').notNull(),
    kind: text('kind').$type<MeetingKind>().notNull().default('one_on_one'),
    /** Null exactly when the meeting is a conversation's (kind is not one_on_one). */
    seriesId: uuid('series_id'),
    // The pair, copied from the series so the homes and follow-up queries need no join.
    managerId: uuid('manager_id').notNull(),
    employeeId: uuid('employee_id').notNull(),
    seq: integer('seq'),
    localDate: date('local_date', { mode: 'string' }).notNull(),
    timeZone: text('time_zone').notNull(),
    startsAt: ts('starts_at').notNull(),
    endsAt: ts('ends_at').notNull(),
    originalStartsAt: ts('original_starts_at'),
    durationMinutes: integer('duration_minutes').notNull(),
    placeKind: text('place_kind').notNull(),
    placeDetail: text('place_detail'),
    status: text('status').$type<MeetingStatus>().notNull().default('planned'),
    /** What the person wrote when moving or cancelling. */
    statusReason: text('status_reason'),
    /** Set when the system changed the status (e.g. reporting_line_changed), for translation. */
    statusReasonCode: text('status_reason_code'),
    statusChangedBy: uuid('status_changed_by'),
    statusChangedAt: ts('status_changed_at'),
    templateSnapshot: jsonb('template_snapshot').$type<TemplateSnapshot>(),
    /** When the meeting was started and by whom (in progress until held; decision 020). */
    startedAt: ts('started_at'),
    startedBy: uuid('started_by'),
    /** When it was finished. */
    heldAt: ts('held_at'),
    /** The local date it actually took place (domain/one-on-one/meeting-state.ts heldDate). */
    heldOn: date('held_on', { mode: 'string' }),
    /** iCalendar SEQUENCE of a conversation's single event (a series keeps its own). */
    calendarSequence: integer('calendar_sequence').notNull().default(0),
    /** When the pair set the high-workload prompt aside for this meeting (issue #15). */
    workloadPromptDismissedAt: ts('workload_prompt_dismissed_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({
      columns: [t.orgId, t.seriesId],
      foreignColumns: [oneOnOneSeries.orgId, oneOnOneSeries.id],
      name: 'one_on_one_meetings_series_fk',
    }),
    uniqueIndex('one_on_one_meetings_seq_uq').on(t.orgId, t.seriesId, t.seq),
    check(
      'one_on_one_meetings_series_ck',
      sql`(${t.kind} = 'one_on_one') = (${t.seriesId} is not null and ${t.seq} is not null)`,
    ),
    index('one_on_one_meetings_series_idx').on(t.orgId, t.seriesId, t.startsAt),
    // Homes: next upcoming and last held per pair.
    index('one_on_one_meetings_upcoming_idx')
      .on(t.orgId, t.employeeId, t.managerId, t.startsAt)
      .where(sql`${t.status} in ('planned', 'moved')`),
    index('one_on_one_meetings_held_idx')
      .on(t.orgId, t.employeeId, t.managerId, t.startsAt)
      .where(sql`${t.status} = 'held'`),
    // HR statistics: a quarter's 1:1s by the pair's date (the rollup of decision 014), with
    // all the cadence reads, so counting a quarter reads the index and not the meetings.
    index('one_on_one_meetings_cadence_idx')
      .on(t.orgId, t.localDate, t.employeeId, t.managerId, t.status, t.startsAt)
      .where(
        sql`${t.seriesId} is not null and (${t.status} <> 'cancelled' or ${t.statusReasonCode} is null)`,
      ),
    // HR statistics: each employee's last held 1:1 by the pair's date, one probe per person
    // (without it a refresh read a year of the organisation's meetings: 6 s at 50,000 people).
    index('one_on_one_meetings_held_date_idx')
      .on(t.orgId, t.employeeId, t.localDate)
      .where(sql`${t.status} = 'held' and ${t.seriesId} is not null`),
    // A person's meetings as either party: erasure (decision 024) finds the records to scrub
    // and the live documents to delete through these instead of reading every meeting.
    index('one_on_one_meetings_manager_idx').on(t.orgId, t.managerId),
    index('one_on_one_meetings_employee_idx').on(t.orgId, t.employeeId),
    // Retention (decision 024) walks an organisation's meetings in start order, keyset-paged.
    index('one_on_one_meetings_starts_idx').on(t.orgId, t.startsAt, t.id),
    // Reminders scan every organisation for meetings starting soon or just ended: without
    // these, each five-minute tick reads all meetings (350 ms at 50,000 people).
    index('one_on_one_meetings_starts_soon_idx')
      .on(t.startsAt)
      .where(sql`${t.status} in ('planned', 'moved')`),
    index('one_on_one_meetings_ends_idx')
      .on(t.endsAt)
      .where(sql`${t.kind} = 'one_on_one'`),
  ],
);

/** A point on a meeting's agenda: a template section, or a topic someone added. */
export const oneOnOnePoints = pgTable(
  'one_on_one_points',
  {
    orgId: orgId(),
    id: uuid('id').notNull(),
    meetingId: uuid('meeting_id').notNull(),
    kind: text('kind').$type<'section' | 'topic'>().notNull(),
    sectionKey: text('section_key'),
    title: text('title'),
    authorId: uuid('author_id'),
    position: integer('position').notNull(),
    discussedAt: ts('discussed_at'),
    carriedFromPointId: uuid('carried_from_point_id'),
    carriedToMeetingId: uuid('carried_to_meeting_id'),
    /** Minutes the pair plans for this point (1–120), if they planned any. */
    plannedMinutes: smallint('planned_minutes'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({
      columns: [t.orgId, t.meetingId],
      foreignColumns: [oneOnOneMeetings.orgId, oneOnOneMeetings.id],
      name: 'one_on_one_points_meeting_fk',
    }),
    foreignKey({
      columns: [t.orgId, t.authorId],
      foreignColumns: [people.orgId, people.id],
      name: 'one_on_one_points_author_fk',
    }),
    index('one_on_one_points_meeting_idx').on(t.orgId, t.meetingId, t.position),
    // Search (decision 027): the topics people added; template sections have no title.
    index('one_on_one_points_search_idx').using('gin', topicDocument(t.title)),
  ],
);

/** The shared note of one agenda point (seed 002: notes and the decision). Versioned. */
export const oneOnOneNotes = pgTable(
  'one_on_one_notes',
  {
    orgId: orgId(),
    id: uuid('id').notNull(),
    meetingId: uuid('meeting_id').notNull(),
    pointId: uuid('point_id').notNull(),
    body: text('body').notNull().default(''),
    decision: text('decision').notNull().default(''),
    version: integer('version').notNull(),
    updatedBy: uuid('updated_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({
      columns: [t.orgId, t.pointId],
      foreignColumns: [oneOnOnePoints.orgId, oneOnOnePoints.id],
      name: 'one_on_one_notes_point_fk',
    }).onDelete('cascade'),
    uniqueIndex('one_on_one_notes_point_uq').on(t.orgId, t.pointId),
    index('one_on_one_notes_meeting_idx').on(t.orgId, t.meetingId),
    // Search (decision 027): the shared note and its decision.
    index('one_on_one_notes_search_idx').using('gin', noteDocument(t.decision, t.body)),
  ],
);

/** Earlier versions of a shared note: the base a stale save is merged against. */
export const oneOnOneNoteRevisions = pgTable(
  'one_on_one_note_revisions',
  {
    orgId: orgId(),
    noteId: uuid('note_id').notNull(),
    version: integer('version').notNull(),
    body: text('body').notNull(),
    decision: text('decision').notNull(),
    savedBy: uuid('saved_by'),
    savedAt: ts('saved_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.noteId, t.version] }),
    foreignKey({
      columns: [t.orgId, t.noteId],
      foreignColumns: [oneOnOneNotes.orgId, oneOnOneNotes.id],
      name: 'one_on_one_note_revisions_note_fk',
    }).onDelete('cascade'),
  ],
);

/** A participant's private support notes for one meeting; only the author ever reads them. */
export const oneOnOnePrivateNotes = pgTable(
  'one_on_one_private_notes',
  {
    orgId: orgId(),
    id: uuid('id').notNull(),
    meetingId: uuid('meeting_id').notNull(),
    authorId: uuid('author_id').notNull(),
    /** Plain text of a note not sealed yet; null once sealed (decision 018). */
    body: text('body'),
    /** AES-GCM ciphertext (base64) sealed in the author's browser; the server cannot open it. */
    ciphertext: text('ciphertext'),
    iv: text('iv'),
    keyVersion: integer('key_version'),
    version: integer('version').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    check(
      'one_on_one_private_notes_plain_or_sealed_ck',
      sql`(body is null) = (ciphertext is not null and iv is not null and key_version is not null)
        and (ciphertext is null) = (iv is null) and (iv is null) = (key_version is null)`,
    ),
    foreignKey({
      columns: [t.orgId, t.meetingId],
      foreignColumns: [oneOnOneMeetings.orgId, oneOnOneMeetings.id],
      name: 'one_on_one_private_notes_meeting_fk',
    }),
    foreignKey({
      columns: [t.orgId, t.authorId],
      foreignColumns: [people.orgId, people.id],
      name: 'one_on_one_private_notes_author_fk',
    }),
    uniqueIndex('one_on_one_private_notes_author_uq').on(t.orgId, t.meetingId, t.authorId),
  ],
);

/** Something one of the pair will do; open until done, followed up in every later meeting. */
export const oneOnOneActions = pgTable(
  'one_on_one_actions',
  {
    orgId: orgId(),
    id: uuid('id').notNull(),
    /** Null for actions agreed in a conversation's meeting; they follow up in the pair's 1:1s. */
    seriesId: uuid('series_id'),
    meetingId: uuid('meeting_id').notNull(),
    pointId: uuid('point_id'),
    managerId: uuid('manager_id').notNull(),
    employeeId: uuid('employee_id').notNull(),
    /** When the meeting it was agreed in starts; orders follow-up without a join. */
    originStartsAt: ts('origin_starts_at').notNull(),
    title: text('title').notNull(),
    ownerId: uuid('owner_id').notNull(),
    dueDate: date('due_date', { mode: 'string' }),
    doneAt: ts('done_at'),
    /** The meeting page's prompt it was agreed from (issue #15: high workload), if any. */
    prompt: text('prompt').$type<ActionPrompt>(),
    createdBy: uuid('created_by').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({
      columns: [t.orgId, t.meetingId],
      foreignColumns: [oneOnOneMeetings.orgId, oneOnOneMeetings.id],
      name: 'one_on_one_actions_meeting_fk',
    }),
    foreignKey({
      columns: [t.orgId, t.ownerId],
      foreignColumns: [people.orgId, people.id],
      name: 'one_on_one_actions_owner_fk',
    }),
    index('one_on_one_actions_pair_idx').on(t.orgId, t.employeeId, t.managerId, t.originStartsAt),
    // Open actions of a pair; with owner and due date, HR statistics' overdue count reads
    // only the index.
    index('one_on_one_actions_open_pair_idx')
      .on(t.orgId, t.managerId, t.employeeId, t.ownerId, t.dueDate)
      .where(sql`${t.doneAt} is null`),
    index('one_on_one_actions_owner_idx').on(t.orgId, t.ownerId, t.doneAt, t.dueDate),
    index('one_on_one_actions_meeting_idx').on(t.orgId, t.meetingId),
    // Search (decision 027).
    index('one_on_one_actions_search_idx').using('gin', actionDocument(t.title)),
  ],
);

/** The decision minutes of a held meeting, as sent to the employee. Never rewritten. */
export const oneOnOneMinutes = pgTable(
  'one_on_one_minutes',
  {
    orgId: orgId(),
    meetingId: uuid('meeting_id').notNull(),
    seriesId: uuid('series_id').notNull(),
    managerId: uuid('manager_id').notNull(),
    employeeId: uuid('employee_id').notNull(),
    locale: text('locale').notNull(),
    content: jsonb('content').$type<MinutesContent>().notNull(),
    createdAt: createdAt(),
    acknowledgedAt: ts('acknowledged_at'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.meetingId] }),
    foreignKey({
      columns: [t.orgId, t.meetingId],
      foreignColumns: [oneOnOneMeetings.orgId, oneOnOneMeetings.id],
      name: 'one_on_one_minutes_meeting_fk',
    }),
    index('one_on_one_minutes_employee_idx').on(t.orgId, t.employeeId, t.createdAt),
    // Search (decision 027): the decisions and the topics' titles and notes as sent.
    index('one_on_one_minutes_search_idx').using('gin', minutesDocument(t.content)),
  ],
);

/** The manager's private reflection on one meeting (seed 002: per topic, plus notes). */
export const oneOnOneReflections = pgTable(
  'one_on_one_reflections',
  {
    orgId: orgId(),
    id: uuid('id').notNull(),
    meetingId: uuid('meeting_id').notNull(),
    authorId: uuid('author_id').notNull(),
    topics: jsonb('topics')
      .$type<
        { title: string; note?: string; howItWent: string; why: string; doDifferently: string }[]
      >()
      .notNull(),
    notes: text('notes').notNull().default(''),
    /** The reflection ({topics, notes} as JSON) sealed in the author's browser (decision 018);
     * topics and notes are then empty. */
    ciphertext: text('ciphertext'),
    iv: text('iv'),
    keyVersion: integer('key_version'),
    meetingStartsAt: ts('meeting_starts_at').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    check(
      'one_on_one_reflections_sealed_ck',
      sql`(ciphertext is null) = (iv is null) and (iv is null) = (key_version is null)
        and (ciphertext is null or (topics = '[]'::jsonb and notes = ''))`,
    ),
    foreignKey({
      columns: [t.orgId, t.meetingId],
      foreignColumns: [oneOnOneMeetings.orgId, oneOnOneMeetings.id],
      name: 'one_on_one_reflections_meeting_fk',
    }),
    foreignKey({
      columns: [t.orgId, t.authorId],
      foreignColumns: [people.orgId, people.id],
      name: 'one_on_one_reflections_author_fk',
    }),
    uniqueIndex('one_on_one_reflections_author_uq').on(t.orgId, t.meetingId, t.authorId),
    index('one_on_one_reflections_list_idx').on(t.orgId, t.authorId, t.meetingStartsAt, t.id),
  ],
);

/**
 * The manager's "remember to ask" reminders (issue #15, seeds 000 and 002): a short text for
 * the next 1:1 with this employee, shown on every later meeting of the series until ticked
 * off. Only its author, the manager of the pair, ever reads it; it is always sealed in the
 * author's browser (decision 018), so the server holds ciphertext only.
 */
export const oneOnOneReminders = pgTable(
  'one_on_one_reminders',
  {
    orgId: orgId(),
    id: uuid('id').notNull(),
    seriesId: uuid('series_id').notNull(),
    /** The meeting it was written in; it shows there and in every meeting after it. */
    meetingId: uuid('meeting_id').notNull(),
    authorId: uuid('author_id').notNull(),
    /** When that meeting starts, so later meetings find it without a join. */
    originStartsAt: ts('origin_starts_at').notNull(),
    ciphertext: text('ciphertext').notNull(),
    iv: text('iv').notNull(),
    keyVersion: integer('key_version').notNull(),
    doneAt: ts('done_at'),
    /** The meeting it was ticked off in: it still shows there, so the tick can be undone. */
    doneMeetingId: uuid('done_meeting_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    check('one_on_one_reminders_done_ck', sql`(done_at is null) = (done_meeting_id is null)`),
    foreignKey({
      columns: [t.orgId, t.seriesId],
      foreignColumns: [oneOnOneSeries.orgId, oneOnOneSeries.id],
      name: 'one_on_one_reminders_series_fk',
    }),
    foreignKey({
      columns: [t.orgId, t.meetingId],
      foreignColumns: [oneOnOneMeetings.orgId, oneOnOneMeetings.id],
      name: 'one_on_one_reminders_meeting_fk',
    }),
    foreignKey({
      columns: [t.orgId, t.doneMeetingId],
      foreignColumns: [oneOnOneMeetings.orgId, oneOnOneMeetings.id],
      name: 'one_on_one_reminders_done_meeting_fk',
    }),
    foreignKey({
      columns: [t.orgId, t.authorId],
      foreignColumns: [people.orgId, people.id],
      name: 'one_on_one_reminders_author_fk',
    }),
    // Retention clears a meeting's rows by meeting (privacy.repository.ts#clearMeetings).
    index('one_on_one_reminders_meeting_idx').on(t.orgId, t.meetingId),
    index('one_on_one_reminders_series_idx').on(t.orgId, t.seriesId, t.authorId, t.originStartsAt),
  ],
);

/**
 * The employee's motivation in one 1:1 (issue #15, seed 002): 1 (low) to 5 (high), one per
 * meeting, set by the employee and followed by the pair across the series. 1:1 content: only
 * the pair reads it; it is in no statistics.
 */
export const oneOnOneMotivation = pgTable(
  'one_on_one_motivation',
  {
    orgId: orgId(),
    id: uuid('id').notNull(),
    meetingId: uuid('meeting_id').notNull(),
    seriesId: uuid('series_id').notNull(),
    employeeId: uuid('employee_id').notNull(),
    /** When the meeting starts, so the series' trend needs no join. */
    meetingStartsAt: ts('meeting_starts_at').notNull(),
    score: smallint('score').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    check('one_on_one_motivation_score_ck', sql`score between 1 and 5`),
    foreignKey({
      columns: [t.orgId, t.meetingId],
      foreignColumns: [oneOnOneMeetings.orgId, oneOnOneMeetings.id],
      name: 'one_on_one_motivation_meeting_fk',
    }),
    foreignKey({
      columns: [t.orgId, t.seriesId],
      foreignColumns: [oneOnOneSeries.orgId, oneOnOneSeries.id],
      name: 'one_on_one_motivation_series_fk',
    }),
    foreignKey({
      columns: [t.orgId, t.employeeId],
      foreignColumns: [people.orgId, people.id],
      name: 'one_on_one_motivation_employee_fk',
    }),
    uniqueIndex('one_on_one_motivation_meeting_uq').on(t.orgId, t.meetingId),
    index('one_on_one_motivation_series_idx').on(t.orgId, t.seriesId, t.meetingStartsAt),
  ],
);
