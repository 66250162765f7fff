import { randomUUID } from 'node:crypto';
import { and, eq, gt, isNotNull, isNull, sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../db/client';
import { accessRequests, retentionSettings } from '../../db/schema/index';
import type { Retention, RetentionCountry } from '../../domain/privacy/retention';

type Rows = Record<string, unknown>[];

/**
 * Everything Samtal holds about one person that they may see (decision 024): what they are
 * party to, their own private writing, never another person's private notes, reflections or
 * unrevealed preparation. Each section is its own query with its own columns.
 */
export async function exportSections(
  db: DbOrTx,
  orgId: string,
  me: string,
): Promise<Record<string, Rows>> {
  const q = (query: ReturnType<typeof sql>) => queryRows<Record<string, unknown>>(db, query);
  const pair = sql`(x.manager_id = ${me} or x.employee_id = ${me})`;
  const pairMeetings = sql`select id from one_on_one_meetings x where x.org_id = ${orgId} and ${pair}`;
  const pairConversations = sql`select id from conversations x where x.org_id = ${orgId} and ${pair}`;
  const [
    profile,
    series,
    meetings,
    points,
    sharedNotes,
    actions,
    minutes,
    privateNotes,
    reflections,
    remindersToAsk,
    checkIns,
    motivation,
    conversations,
    preparations,
    agreements,
    goals,
    plans,
    steps,
    progress,
    salary,
    mails,
    audit,
    notificationSettings,
    notifications,
  ] = await Promise.all([
    q(sql`select p.id, p.name, p.email, p.employee_number, p.job_title, p.locale, p.time_zone,
            p.roles, p.active, p.deactivated_at, p.created_at, p.last_signed_in_at,
            d.name as department, m.name as manager
          from people p
          left join departments d on d.org_id = p.org_id and d.id = p.department_id
          left join people m on m.org_id = p.org_id and m.id = p.manager_id
          where p.org_id = ${orgId} and p.id = ${me}`),
    q(sql`select x.id, x.cadence, x.start_date, x.local_time, x.time_zone, x.duration_minutes,
            x.place_kind, x.place_detail, x.ended_at, x.end_reason, x.created_at,
            (select name from people where org_id = x.org_id and id = x.manager_id) as manager,
            (select name from people where org_id = x.org_id and id = x.employee_id) as employee
          from one_on_one_series x where x.org_id = ${orgId} and ${pair} order by x.created_at`),
    q(sql`select x.id, x.kind, x.series_id, x.starts_at, x.ends_at, x.status, x.status_reason,
            x.place_kind, x.place_detail, x.held_at
          from one_on_one_meetings x where x.org_id = ${orgId} and ${pair} order by x.starts_at`),
    q(sql`select id, meeting_id, kind, section_key, title, author_id = ${me} as mine, discussed_at
          from one_on_one_points where org_id = ${orgId} and meeting_id in (${pairMeetings})
          order by meeting_id, position`),
    q(sql`select meeting_id, point_id, body, decision, updated_at
          from one_on_one_notes where org_id = ${orgId} and meeting_id in (${pairMeetings})`),
    q(sql`select x.id, x.meeting_id, x.title, x.owner_id = ${me} as mine, x.due_date, x.done_at,
            x.created_at
          from one_on_one_actions x where x.org_id = ${orgId} and ${pair}`),
    q(sql`select x.meeting_id, x.locale, x.content, x.created_at, x.acknowledged_at
          from one_on_one_minutes x where x.org_id = ${orgId} and ${pair}`),
    // Only what they wrote themself: the other's private notes are never read here.
    // Sealed ones (decision 018) as the envelope the server holds: only their vault opens it.
    q(sql`select meeting_id, body, ciphertext, iv, key_version, updated_at
          from one_on_one_private_notes where org_id = ${orgId} and author_id = ${me}`),
    q(sql`select meeting_id, topics, notes, ciphertext, iv, key_version, updated_at
          from one_on_one_reflections where org_id = ${orgId} and author_id = ${me}`),
    // A manager's "remember to ask" reminders: always sealed (the vault opens them).
    q(sql`select series_id, meeting_id, ciphertext, iv, key_version, done_at, created_at
          from one_on_one_reminders where org_id = ${orgId} and author_id = ${me}
          order by created_at`),
    q(sql`select x.meeting_id, x.meeting_starts_at, x.wellbeing, x.workload, x.progress,
            x.comment, x.answered_by = ${me} as mine
          from check_ins x where x.org_id = ${orgId} and ${pair}`),
    q(sql`select x.meeting_id, x.meeting_starts_at, x.score, x.employee_id = ${me} as mine
          from one_on_one_motivation x
          join one_on_one_series s on s.org_id = x.org_id and s.id = x.series_id
          where x.org_id = ${orgId} and (s.manager_id = ${me} or s.employee_id = ${me})
          order by x.meeting_starts_at`),
    q(sql`select x.id, x.kind, x.status, x.booked_at, x.held_at, x.closed_at, x.signed_at,
            x.created_at
          from conversations x where x.org_id = ${orgId} and ${pair}`),
    q(sql`select conversation_id, author_role, answers, submitted_at from conversation_preparations
          where org_id = ${orgId} and author_id = ${me}`),
    q(sql`select conversation_id, version, content, summary, created_at, acknowledged_at,
            acknowledgement_comment
          from conversation_versions where org_id = ${orgId}
            and conversation_id in (${pairConversations})`),
    q(sql`select x.id, x.conversation_id, x.title, x.description, x.success_measure, x.due_date,
            x.role_expectation, x.outcome, x.outcome_comment, x.created_at
          from development_goals x where x.org_id = ${orgId} and ${pair}`),
    q(sql`select x.id, x.conversation_id, x.competence, x.activity, x.activity_detail, x.support,
            x.due_date, x.done_at
          from development_plan_items x where x.org_id = ${orgId} and ${pair}`),
    q(sql`select s.goal_id, s.position, s.title, s.done_at, s.created_at
          from development_goal_steps s
          join development_goals x on x.org_id = s.org_id and x.id = s.goal_id
          where s.org_id = ${orgId} and ${pair} order by s.goal_id, s.position`),
    q(sql`select n.goal_id, n.plan_item_id, n.body, n.author_id = ${me} as mine, n.created_at
          from development_progress_notes n
          left join development_goals g on g.org_id = n.org_id and g.id = n.goal_id
          left join development_plan_items i on i.org_id = n.org_id and i.id = n.plan_item_id
          where n.org_id = ${orgId} and (g.manager_id = ${me} or g.employee_id = ${me}
            or i.manager_id = ${me} or i.employee_id = ${me})`),
    q(sql`select conversation_id, change_kind, amount, currency, effective_date, criteria, comment
          from salary_outcomes where org_id = ${orgId} and employee_id = ${me}`),
    q(sql`select kind, subject, text_body, status, created_at, sent_at
          from mail_outbox where org_id = ${orgId} and recipient_id = ${me}
          order by created_at`),
    // Events about them: who, what, when. No addresses of others, no details.
    q(sql`select action, at, actor_id = ${me} as by_me,
            (select name from people where org_id = a.org_id and id = a.actor_id) as actor
          from audit_events a
          where a.org_id = ${orgId} and (a.actor_id = ${me} or a.subject_id = ${me})
          order by at`),
    q(sql`select invitations, add_topics, prepare, reflect, minutes, digest, rounds, quiet_start, quiet_end
          from notification_settings where org_id = ${orgId} and person_id = ${me}`),
    // Their in-app notifications: kinds, links and parameters (no text is stored).
    q(sql`select kind, meeting_id, series_id, conversation_id, round_id, params,
            (select name from people where org_id = n.org_id and id = n.actor_id) as actor,
            created_at, read_at
          from notifications n where n.org_id = ${orgId} and n.person_id = ${me}
          order by created_at`),
  ]);
  return {
    profile,
    oneOnOneSeries: series,
    meetings,
    agendaPoints: points,
    sharedNotes,
    actions,
    minutes,
    privateNotes,
    reflections,
    remindersToAsk,
    checkIns,
    motivation,
    conversations,
    preparations,
    agreements,
    goals,
    developmentPlans: plans,
    goalSteps: steps,
    progressNotes: progress,
    salaryOutcomes: salary,
    mails,
    auditEvents: audit,
    notificationSettings,
    notifications,
  };
}

export const privacyRepository = {
  async retention(db: DbOrTx, orgId: string): Promise<Retention | undefined> {
    const [row] = await db
      .select()
      .from(retentionSettings)
      .where(eq(retentionSettings.orgId, orgId))
      .limit(1);
    if (!row) return undefined;
    return {
      country: row.country as RetentionCountry,
      leaversAfterDays: row.leaversAfterDays,
      notesAfterDays: row.notesAfterDays,
      checkInsAfterDays: row.checkInsAfterDays,
      developmentAfterDays: row.developmentAfterDays,
      salaryAfterDays: row.salaryAfterDays,
      privateAfterDays: row.privateAfterDays,
      auditAfterDays: row.auditAfterDays,
    };
  },

  async saveRetention(db: DbOrTx, orgId: string, r: Retention, by: string, now: Date) {
    const values = { ...r, updatedBy: by, updatedAt: now };
    await db
      .insert(retentionSettings)
      .values({ orgId, ...values })
      .onConflictDoUpdate({ target: retentionSettings.orgId, set: values });
  },

  /** Every organisation with its default locale (the retention job walks them all). */
  async organisations(db: DbOrTx) {
    return queryRows<{ id: string; default_locale: string }>(
      db,
      sql`select id, default_locale from organisations order by id`,
    );
  },

  /** Up to `limit` people deactivated before `before` and not yet erased. */
  async dueLeavers(db: DbOrTx, orgId: string, before: Date, limit: number) {
    const rows = await queryRows<{ id: string }>(
      db,
      sql`select id from people where org_id = ${orgId} and active = false
            and erased_at is null and deactivated_at < ${before}
          order by deactivated_at, id limit ${limit}`,
    );
    return rows.map((r) => r.id);
  },

  /*
   * Retention by kind (decision 024). Meetings, check-ins and conversations are walked once
   * per run with a keyset cursor: each function reads the next `limit` due rows after `after`,
   * clears them and says where to go on (RetentionPass); the caller runs each batch in its
   * own transaction. Dates, statuses and scores stay (statistics keep their aggregates).
   */

  /** A meeting-bound kind's rows for the next batch of due meetings (see clearMeetings). */
  async clearMeetingContent(
    db: DbOrTx,
    orgId: string,
    kind: MeetingContentKind,
    before: Date,
    limit: number,
    after: RetentionCursor | null,
  ) {
    return clearMeetings(db, orgId, before, limit, MEETING_CONTENT[kind], after);
  },

  /**
   * Check-in comments blanked; the scores stay. The next `limit` due check-ins that still have
   * a comment, after `after` in meeting order (keyset over the partial index
   * `check_ins_comment_due_idx`, which holds only rows with a comment): a batch never rereads
   * what earlier batches blanked, and a later run reads only what has become due since.
   */
  async blankCheckInComments(
    db: DbOrTx,
    orgId: string,
    before: Date,
    limit: number,
    after: RetentionCursor | null,
  ): Promise<RetentionPass> {
    const rows = await queryRows<{ id: string; at: Date | string }>(
      db,
      sql`select id, meeting_starts_at as at from check_ins
          where org_id = ${orgId} and meeting_starts_at < ${before} and comment <> ''
            ${after ? sql`and (meeting_starts_at, id) > (${after.at}, ${after.id}::uuid)` : sql``}
          order by meeting_starts_at, id limit ${limit}`,
    );
    if (rows.length === 0) return { cleared: 0, scanned: 0, last: null };
    await db.execute(
      sql`update check_ins set comment = '' where org_id = ${orgId} and id in (${idList(rows)})`,
    );
    return { cleared: rows.length, scanned: rows.length, last: cursorOf(rows) };
  },

  /**
   * Development conversations (every kind but the salary outcome) held before `before`:
   * preparations and progress notes deleted; the texts of goals, plan items and the frozen
   * agreement blanked. Goal outcomes, plan activities, dates and statuses stay.
   * Walks the next `limit` due conversations after `after` in the order they were held
   * (keyset over `conversations_held_idx`), so a pass is linear; `cleared` counts those that
   * still had something to clear.
   */
  async clearDevelopment(
    db: DbOrTx,
    orgId: string,
    before: Date,
    limit: number,
    after: RetentionCursor | null,
  ): Promise<RetentionPass> {
    const held = sql`coalesce(c.held_at, c.closed_at)`;
    const rows = await queryRows<{ id: string; at: Date | string; has: boolean }>(
      db,
      sql`select c.id, ${held} as at, (
            exists (select 1 from conversation_preparations p where p.org_id = c.org_id and p.conversation_id = c.id)
            or exists (select 1 from conversation_versions v where v.org_id = c.org_id and v.conversation_id = c.id
                       and (v.content <> '{}'::jsonb or v.summary is not null or v.acknowledgement_comment is not null))
            or exists (select 1 from development_goals g where g.org_id = c.org_id and g.conversation_id = c.id
                       and (g.title <> '' or g.description <> '' or g.success_measure <> ''
                            or g.role_expectation <> '' or g.outcome_comment <> ''))
            or exists (select 1 from development_plan_items i where i.org_id = c.org_id and i.conversation_id = c.id
                       and (i.competence <> '' or i.activity_detail <> '' or i.support <> ''))
            or exists (select 1 from development_goal_steps s join development_goals g
                         on g.org_id = s.org_id and g.id = s.goal_id
                       where s.org_id = c.org_id and g.conversation_id = c.id and s.title <> '')) as has
          from conversations c
          where c.org_id = ${orgId} and ${held} < ${before}
            ${after ? sql`and (${held}, c.id) > (${after.at}, ${after.id}::uuid)` : sql``}
          order by ${held}, c.id limit ${limit}`,
    );
    if (rows.length === 0) return { cleared: 0, scanned: 0, last: null };
    const due = rows.filter((r) => r.has);
    if (due.length > 0) await clearConversations(db, orgId, idList(due));
    return { cleared: due.length, scanned: rows.length, last: cursorOf(rows) };
  },

  /** Salary outcomes of salary conversations held before `before`; the conversation stays. */
  async deleteSalaryOutcomes(db: DbOrTx, orgId: string, before: Date, limit: number) {
    const rows = await queryRows<{ n: number }>(
      db,
      sql`with due as (
            select s.conversation_id from salary_outcomes s
            join conversations c on c.org_id = s.org_id and c.id = s.conversation_id
            where s.org_id = ${orgId} and coalesce(c.held_at, c.closed_at, s.created_at) < ${before}
            order by coalesce(c.held_at, c.closed_at, s.created_at) limit ${limit}),
          gone as (
            delete from salary_outcomes s using due
            where s.org_id = ${orgId} and s.conversation_id = due.conversation_id returning 1)
          select count(*)::int as n from gone`,
    );
    return rows[0]?.n ?? 0;
  },

  /** A request; `link` when it is answered by a mailed one-time link (a leaver's). */
  async createAccessRequest(
    db: DbOrTx,
    orgId: string,
    personId: string,
    by: string,
    now: Date,
    link?: { sentTo: string; tokenHash: string; expiresAt: Date },
  ) {
    const [row] = await db
      .insert(accessRequests)
      .values({ orgId, id: randomUUID(), personId, requestedBy: by, createdAt: now, ...link })
      .returning();
    return row!;
  },

  /** Ends the person's mailed links still usable at `now` (a newer one replaces them). */
  async endLiveLinks(db: DbOrTx, orgId: string, personId: string, now: Date): Promise<void> {
    await db
      .update(accessRequests)
      .set({ expiresAt: now })
      .where(
        and(
          eq(accessRequests.orgId, orgId),
          eq(accessRequests.personId, personId),
          isNotNull(accessRequests.tokenHash),
          isNull(accessRequests.fulfilledAt),
          gt(accessRequests.expiresAt, now),
        ),
      );
  },

  /** The request whose mailed link has this secret's hash, in whichever organisation. */
  async findByTokenHash(db: DbOrTx, tokenHash: string) {
    const [row] = await db
      .select()
      .from(accessRequests)
      .where(eq(accessRequests.tokenHash, tokenHash))
      .limit(1);
    return row;
  },

  /**
   * Spends a mailed link: marks it used if it is still unused and unexpired at `now`, in one
   * statement, so two openings at once cannot both get the export. False when it was not.
   */
  async spendLink(db: DbOrTx, orgId: string, id: string, now: Date): Promise<boolean> {
    const rows = await db
      .update(accessRequests)
      .set({ fulfilledAt: now })
      .where(
        and(
          eq(accessRequests.orgId, orgId),
          eq(accessRequests.id, id),
          isNull(accessRequests.fulfilledAt),
          gt(accessRequests.expiresAt, now),
        ),
      )
      .returning({ id: accessRequests.id });
    return rows.length > 0;
  },

  async accessRequestsOf(db: DbOrTx, orgId: string, personId: string) {
    return db
      .select()
      .from(accessRequests)
      .where(and(eq(accessRequests.orgId, orgId), eq(accessRequests.personId, personId)))
      .orderBy(sql`${accessRequests.createdAt} desc`);
  },

  /**
   * Marks the person's open requests as answered: they have downloaded their data. A mailed
   * link is answered only by being used (its `fulfilled_at` is what spends it).
   */
  async fulfilAccessRequests(db: DbOrTx, orgId: string, personId: string, now: Date) {
    await db.execute(
      sql`update access_requests set fulfilled_at = ${now}
          where org_id = ${orgId} and person_id = ${personId} and fulfilled_at is null
            and token_hash is null`,
    );
  },
};

/** Empties the development content of the conversations `ids` (see clearDevelopment). */
async function clearConversations(db: DbOrTx, orgId: string, ids: ReturnType<typeof sql>) {
  await db.execute(
    sql`delete from conversation_preparations where org_id = ${orgId} and conversation_id in (${ids})`,
  );
  await db.execute(
    sql`delete from development_progress_notes n where n.org_id = ${orgId} and (
          n.goal_id in (select id from development_goals where org_id = ${orgId} and conversation_id in (${ids}))
          or n.plan_item_id in (select id from development_plan_items where org_id = ${orgId} and conversation_id in (${ids})))`,
  );
  await db.execute(
    sql`update development_goal_steps set title = ''
        where org_id = ${orgId} and title <> '' and goal_id in (
          select id from development_goals where org_id = ${orgId} and conversation_id in (${ids}))`,
  );
  await db.execute(
    sql`update development_goals set title = '', description = '', success_measure = '',
          role_expectation = '', outcome_comment = ''
        where org_id = ${orgId} and conversation_id in (${ids})`,
  );
  await db.execute(
    sql`update development_plan_items set competence = '', activity_detail = '', support = ''
        where org_id = ${orgId} and conversation_id in (${ids})`,
  );
  await db.execute(
    sql`update conversation_versions set content = '{}'::jsonb, summary = null,
          acknowledgement_comment = null, changes = '[]'::jsonb
        where org_id = ${orgId} and conversation_id in (${ids})`,
  );
}

const idList = (rows: { id: string }[]) =>
  sql.join(
    rows.map((r) => sql`${r.id}::uuid`),
    sql`, `,
  );

/**
 * The tables each meeting-bound kind of retention clears: 1:1 shared notes, minutes and live
 * documents; private notes, reflections and reminders (their authors' own).
 */
const MEETING_CONTENT = {
  notes: ['one_on_one_notes', 'one_on_one_minutes', 'meeting_doc_updates', 'meeting_docs'],
  private: ['one_on_one_private_notes', 'one_on_one_reflections', 'one_on_one_reminders'],
} satisfies Record<string, string[]>;
export type MeetingContentKind = keyof typeof MEETING_CONTENT;

/**
 * Where a keyset pass over meetings, check-ins or conversations stopped (the row's date and
 * id, in walking order): the next batch starts after it.
 */
export type RetentionCursor = { at: Date; id: string };
/** One batch of a keyset pass: rows cleared, rows read, and where the next batch starts. */
export type RetentionPass = { cleared: number; scanned: number; last: RetentionCursor | null };

const cursorOf = (rows: { id: string; at: Date | string }[]): RetentionCursor => {
  const last = rows[rows.length - 1]!;
  return { at: new Date(last.at), id: last.id };
};

/**
 * The next `limit` meetings held before `before` (after `after`, in start order), with their
 * rows in `tables` deleted. Keyset paging: each batch reads only its own meetings, so a pass
 * over years of history is linear, never a rescan of what earlier batches emptied.
 * `cleared` counts the meetings that had something to delete.
 */
async function clearMeetings(
  db: DbOrTx,
  orgId: string,
  before: Date,
  limit: number,
  tables: string[],
  after: RetentionCursor | null,
): Promise<RetentionPass> {
  const rows = await queryRows<{ id: string; at: Date | string }>(
    db,
    sql`select m.id, m.starts_at as at from one_on_one_meetings m
        where m.org_id = ${orgId} and m.starts_at < ${before}
          ${after ? sql`and (m.starts_at, m.id) > (${after.at}, ${after.id}::uuid)` : sql``}
        order by m.starts_at, m.id limit ${limit}`,
  );
  if (rows.length === 0) return { cleared: 0, scanned: 0, last: null };
  const ids = idList(rows);
  const cleared = new Set<string>();
  for (const table of tables) {
    const gone = await queryRows<{ meeting_id: string }>(
      db,
      sql`delete from ${sql.raw(table)} where org_id = ${orgId} and meeting_id in (${ids})
          returning meeting_id`,
    );
    for (const g of gone) cleared.add(g.meeting_id);
  }
  return { cleared: cleared.size, scanned: rows.length, last: cursorOf(rows) };
}
