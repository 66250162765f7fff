import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../db/client';

export type UpcomingMeeting = {
  org_id: string;
  id: string;
  manager_id: string;
  employee_id: string;
  starts_at: Date;
  ends_at: Date;
};

/** A booked conversation soon, with which of the pair still has to submit their preparation. */
export type ConversationToPrepare = {
  org_id: string;
  conversation_id: string;
  kind: string;
  manager_id: string;
  employee_id: string;
  starts_at: Date;
  remind_manager: boolean;
  remind_employee: boolean;
};

export type OverdueAction = {
  org_id: string;
  owner_id: string;
  title: string;
  due_date: string;
};

/**
 * The candidates for reminders, across organisations (the job serves every tenant). Each query
 * skips what the outbox already holds, so a tick costs little once its mails are written.
 */
/** Raw queries return timestamps as text on some drivers: make them Dates. */
const meetingRows = (rows: UpcomingMeeting[]): UpcomingMeeting[] =>
  rows.map((r) => ({ ...r, starts_at: new Date(r.starts_at), ends_at: new Date(r.ends_at) }));

/** True when `role` of the conversation `c` has neither submitted nor been reminded to. */
const unprepared = (role: 'manager' | 'employee', person: string) =>
  sql.raw(`(not exists (
      select 1 from conversation_preparations p
      where p.org_id = c.org_id and p.conversation_id = c.id and p.author_role = '${role}'
        and p.submitted_at is not null)
    and not exists (
      select 1 from mail_outbox o
      where o.org_id = c.org_id
        and o.dedupe_key = 'reminder.conversation_prepare:' || c.id::text || ':' || ${person}::text))`);

export const remindersRepository = {
  /** Open meetings starting within `days` from now whose `kind` reminder was not yet queued. */
  async upcoming(db: DbOrTx, now: Date, days: number, kind: string, limit: number) {
    return meetingRows(
      await queryRows<UpcomingMeeting>(
        db,
        sql`select m.org_id, m.id, m.manager_id, m.employee_id, m.starts_at, m.ends_at
          from one_on_one_meetings m
          join one_on_one_series s on s.org_id = m.org_id and s.id = m.series_id and s.ended_at is null
          where m.status in ('planned', 'moved')
            and m.starts_at > ${now} and m.starts_at <= ${new Date(now.getTime() + days * 86_400_000)}
            and not exists (
              select 1 from mail_outbox o
              where o.org_id = m.org_id and o.dedupe_key = ${`${kind}:`} || m.id::text)
          order by m.starts_at
          limit ${limit}`,
      ),
    );
  },

  /** 1:1 meetings that ended in the last day, for the manager's reflection nudge. */
  async justEnded(db: DbOrTx, now: Date, limit: number) {
    return meetingRows(
      await queryRows<UpcomingMeeting>(
        db,
        sql`select m.org_id, m.id, m.manager_id, m.employee_id, m.starts_at, m.ends_at
          from one_on_one_meetings m
          where m.status in ('planned', 'moved', 'held') and m.kind = 'one_on_one'
            and m.ends_at <= ${now} and m.ends_at > ${new Date(now.getTime() - 86_400_000)}
            and not exists (
              select 1 from one_on_one_reflections r where r.org_id = m.org_id and r.meeting_id = m.id)
            and not exists (
              select 1 from mail_outbox o
              where o.org_id = m.org_id and o.dedupe_key = 'reminder.reflect:' || m.id::text)
          limit ${limit}`,
      ),
    );
  },

  /**
   * Booked conversations starting within `days` where one of the pair has not submitted their
   * preparation and has not been reminded yet (dedupe key per conversation and person).
   */
  async conversationsToPrepare(db: DbOrTx, now: Date, days: number, limit: number) {
    const rows = await queryRows<ConversationToPrepare>(
      db,
      sql`select * from (
          select c.org_id, c.id as conversation_id, c.kind, c.manager_id, c.employee_id, m.starts_at,
            ${unprepared('manager', 'c.manager_id')} as remind_manager,
            ${unprepared('employee', 'c.employee_id')} as remind_employee
          from conversations c
          join one_on_one_meetings m on m.org_id = c.org_id and m.id = c.meeting_id
          where c.status = 'booked' and m.status in ('planned', 'moved')
            and m.starts_at > ${now}
            and m.starts_at <= ${new Date(now.getTime() + days * 86_400_000)}) x
        where remind_manager or remind_employee
        order by starts_at
        limit ${limit}`,
    );
    return rows.map((r) => ({ ...r, starts_at: new Date(r.starts_at) }));
  },

  /** Topics the employee added to a meeting (titles only; notes never go in a mail). */
  async employeeTopics(db: DbOrTx, orgId: string, meetingId: string, employeeId: string) {
    const rows = await queryRows<{ title: string }>(
      db,
      sql`select title from one_on_one_points
          where org_id = ${orgId} and meeting_id = ${meetingId} and kind = 'topic'
            and author_id = ${employeeId} and title is not null
          order by position`,
    );
    return rows.map((r) => r.title);
  },

  async openActionsOfPair(db: DbOrTx, orgId: string, managerId: string, employeeId: string) {
    return queryRows<{ title: string; due_date: string | null }>(
      db,
      sql`select title, due_date::text from one_on_one_actions
          where org_id = ${orgId} and manager_id = ${managerId} and employee_id = ${employeeId}
            and done_at is null
          order by origin_starts_at limit 20`,
    );
  },

  /** Open actions past their date, per owner, for owners with no digest this week yet. */
  async overdue(db: DbOrTx, today: string, weekKey: string, limit: number) {
    return queryRows<OverdueAction>(
      db,
      sql`select a.org_id, a.owner_id, a.title, a.due_date::text
          from one_on_one_actions a
          where a.done_at is null and a.due_date < ${today}::date
            and not exists (
              select 1 from mail_outbox o
              where o.org_id = a.org_id
                and o.dedupe_key = 'reminder.digest:' || a.owner_id::text || ':' || ${weekKey})
          order by a.org_id, a.owner_id, a.due_date
          limit ${limit}`,
    );
  },
};
