import { sql } from 'drizzle-orm';
import { prepareSql, type Db } from '../../db/client';
import { rowFromJson } from '../../db/json-rows';
import {
  checkIns,
  developmentGoalSteps,
  developmentGoals,
  developmentPlanItems,
  developmentProgressNotes,
  oneOnOnePrivateNotes,
  oneOnOneReminders,
  personVaults,
  vaultPasskeys,
} from '../../db/schema/index';
import {
  MEETING_PAGE_COLUMNS,
  MEETING_PAGE_FROM,
  pageFromRow,
  type PageRow,
} from './one-on-one-page.repository';
import { REMINDERS_SHOWN } from './one-on-one-reminder.repository';
import { HIGH_WORKLOAD_CHECK_INS } from '../../domain/wellbeing/workload';
import { demandingSharesSql } from './check-in.repository';
import { UNREAD_COUNT_CAP } from './notification.repository';
import { MOTIVATION_TREND_LENGTH } from '../../domain/one-on-one/motivation';

type Json = Record<string, unknown>;

/**
 * The whole meeting page as its first render needs it, in one statement (decision 021): the
 * meeting page of decision 015 (meeting, series, names, minutes, agenda with shared notes,
 * follow-up, actions, next meeting), and beside it the meeting's check-in, the viewer's own
 * private note, and the pair's open goals and plan items with their organisation goal titles
 * progress notes and the goals' steps. The same rows, filters, orders and limits as
 * checkInRepository.findByMeeting, oneOnOneMeetingRepository.privateNote,
 * goalRepository.openForPair (both ways round, 100 each), developmentPlanRepository.openForPair,
 * organisationGoalTitles, progressFor and goalStepRepository.forGoals, which the
 * single-resource routes still use.
 *
 * Sealed private notes and live meeting state plug in here: a part of the page is a column.
 */
const WHOLE_PAGE = sql`
  with pair as (
    select m.org_id, m.id,
      case when s.manager_id = ${sql.placeholder('viewerId')}::uuid then s.employee_id
           else s.manager_id end as other_id,
      -- The viewer's language, for organisation goals given in several.
      (select coalesce(v.locale, o.default_locale) from people v
        join organisations o on o.id = v.org_id
        where v.org_id = m.org_id and v.id = ${sql.placeholder('viewerId')}::uuid) as locale
    from one_on_one_meetings m
    join one_on_one_series s on s.org_id = m.org_id and s.id = m.series_id
    where m.org_id = ${sql.placeholder('orgId')} and m.id = ${sql.placeholder('id')}
  ),
  goals as (
    (select 1 as side, g,
      coalesce(nullif(trim(og.translations -> pair.locale ->> 'title'), ''), og.title) as title
      from pair, development_goals g
      join conversations c on c.org_id = g.org_id and c.id = g.conversation_id
      left join organisation_goals og on og.org_id = g.org_id and og.id = g.organisation_goal_id
      where g.org_id = pair.org_id and g.manager_id = ${sql.placeholder('viewerId')}
        and g.employee_id = pair.other_id and g.outcome is null
        and c.status in ('closed', 'signed')
      order by g.created_at desc, g.id
      limit 100)
    union all
    (select 2 as side, g,
      coalesce(nullif(trim(og.translations -> pair.locale ->> 'title'), ''), og.title) as title
      from pair, development_goals g
      join conversations c on c.org_id = g.org_id and c.id = g.conversation_id
      left join organisation_goals og on og.org_id = g.org_id and og.id = g.organisation_goal_id
      where g.org_id = pair.org_id and g.manager_id = pair.other_id
        and g.employee_id = ${sql.placeholder('viewerId')} and g.outcome is null
        and c.status in ('closed', 'signed')
      order by g.created_at desc, g.id
      limit 100)
  ),
  plans as (
    (select 1 as side, p
      from pair, development_plan_items p
      join conversations c on c.org_id = p.org_id and c.id = p.conversation_id
      where p.org_id = pair.org_id and p.manager_id = ${sql.placeholder('viewerId')}
        and p.employee_id = pair.other_id and p.done_at is null
        and c.status in ('closed', 'signed')
      order by p.created_at desc, p.id
      limit 100)
    union all
    (select 2 as side, p
      from pair, development_plan_items p
      join conversations c on c.org_id = p.org_id and c.id = p.conversation_id
      where p.org_id = pair.org_id and p.manager_id = pair.other_id
        and p.employee_id = ${sql.placeholder('viewerId')} and p.done_at is null
        and c.status in ('closed', 'signed')
      order by p.created_at desc, p.id
      limit 100)
  )
  select ${MEETING_PAGE_COLUMNS},
    (select to_json(c) from check_ins c
      where c.org_id = m.org_id and c.meeting_id = m.id limit 1) as check_in,
    -- The pair's latest workload answers up to this meeting, newest first, for the workload
    -- prompt (as checkInRepository.workloadSignal reads them).
    (select coalesce(json_agg(w.workload order by w.meeting_starts_at desc), '[]') from (
      select c.workload, c.meeting_starts_at from check_ins c
      where c.org_id = m.org_id and c.manager_id = s.manager_id
        and c.employee_id = s.employee_id and c.meeting_starts_at <= m.starts_at
      order by c.meeting_starts_at desc
      limit ${HIGH_WORKLOAD_CHECK_INS}) w) as workloads,
    ${demandingSharesSql(sql`m.org_id`, sql`s.id`, sql`m.ends_at`)} as demanding_shares,
    (select to_json(pn) from one_on_one_private_notes pn
      where pn.org_id = m.org_id and pn.meeting_id = m.id
        and pn.author_id = ${sql.placeholder('viewerId')}
      limit 1) as private_note,
    -- The viewer's own "remember to ask" reminders, only as the manager of the pair (as
    -- oneOnOneReminderRepository.forMeeting reads them).
    (select coalesce(json_agg(rm order by rm.origin_starts_at, rm.created_at), '[]') from (
      select * from one_on_one_reminders r
      where r.org_id = m.org_id and r.series_id = m.series_id
        and r.author_id = ${sql.placeholder('viewerId')}
        and s.manager_id = ${sql.placeholder('viewerId')}
        and r.origin_starts_at <= m.starts_at
        and (r.done_at is null or r.done_meeting_id = m.id)
      order by r.origin_starts_at, r.created_at
      limit ${REMINDERS_SHOWN}) rm) as reminders,
    (select to_json(v) from person_vaults v
      where v.org_id = m.org_id and v.person_id = ${sql.placeholder('viewerId')}) as vault,
    (select coalesce(json_agg(k order by k.created_at, k.id), '[]') from vault_passkeys k
      where k.org_id = m.org_id and k.person_id = ${sql.placeholder('viewerId')}) as passkeys,
    (select coalesce(json_agg(json_build_array(g.g, g.title)
        order by g.side, (g.g).created_at desc, (g.g).id), '[]') from goals g) as goals,
    (select coalesce(json_agg(p.p order by p.side, (p.p).created_at desc, (p.p).id), '[]')
      from plans p) as plans,
    (select coalesce(json_agg(json_build_array(n, a.name) order by n.created_at, n.id), '[]')
      from development_progress_notes n
      join people a on a.org_id = n.org_id and a.id = n.author_id
      where n.org_id = m.org_id
        and (n.goal_id in (select (g).id from goals) or n.plan_item_id in (select (p).id from plans))
    ) as progress,
    (select coalesce(json_agg(st order by st.goal_id, st.position, st.id), '[]')
      from development_goal_steps st
      where st.org_id = m.org_id and st.goal_id in (select (g).id from goals)) as steps,
    -- The series' motivation scores up to this meeting, newest first (as
    -- oneOnOneMotivationRepository.trend reads them; the route shows them only where the
    -- agenda has the motivation item).
    (select coalesce(json_agg(json_build_array(mo.meeting_id, mo.meeting_starts_at, mo.score)
        order by mo.meeting_starts_at desc), '[]') from (
      select mo.meeting_id, mo.meeting_starts_at, mo.score from one_on_one_motivation mo
      where mo.org_id = m.org_id and mo.series_id = s.id and mo.meeting_starts_at <= m.starts_at
      order by mo.meeting_starts_at desc
      limit ${MOTIVATION_TREND_LENGTH}) mo) as motivation,
    -- The viewer's unread notifications (the bell), as notificationRepository.unreadCount.
    (select count(*)::int from (
      select 1 from notifications nf
      where nf.org_id = m.org_id and nf.person_id = ${sql.placeholder('viewerId')}
        and nf.read_at is null
      limit ${UNREAD_COUNT_CAP}) nf) as unread_notifications
  ${MEETING_PAGE_FROM}`;

type WholePageRow = PageRow & {
  check_in: Json | null;
  workloads: number[];
  demanding_shares: number[];
  private_note: Json | null;
  reminders: Json[];
  vault: Json | null;
  passkeys: Json[];
  goals: [Json, string | null][];
  plans: Json[];
  progress: [Json, string][];
  steps: Json[];
  motivation: [string, string, number][];
  unread_notifications: number;
};

const checkInRow = rowFromJson(checkIns);
const privateNoteRow = rowFromJson(oneOnOnePrivateNotes);
const reminderRow = rowFromJson(oneOnOneReminders);
const vaultRow = rowFromJson(personVaults);
const passkeyRow = rowFromJson(vaultPasskeys);
const goalRow = rowFromJson(developmentGoals);
const planRow = rowFromJson(developmentPlanItems);
const progressRow = rowFromJson(developmentProgressNotes);
const stepRow = rowFromJson(developmentGoalSteps);

/** Reads the whole meeting page for one viewer; one per Db, as its statement is named. */
export function meetingPageRepository(db: Db) {
  const page = prepareSql<WholePageRow>(db, 'meeting_whole_page', WHOLE_PAGE);
  return {
    async read(orgId: string, id: string, viewerId: string) {
      const [row] = await page.rows({ orgId, id, viewerId });
      if (!row) return undefined;
      const goals = row.goals.map(([g]) => goalRow(g));
      const titles = new Map<string, string>();
      for (const [g, title] of row.goals) {
        const goal = goalRow(g);
        if (goal.organisationGoalId && title !== null) titles.set(goal.organisationGoalId, title);
      }
      return {
        ...pageFromRow(row),
        checkIn: row.check_in ? checkInRow(row.check_in) : null,
        workloads: row.workloads,
        demandingShares: row.demanding_shares,
        privateNote: row.private_note ? privateNoteRow(row.private_note) : null,
        reminders: row.reminders.map((r) => reminderRow(r)),
        // The viewer's own vault (wrapped keys only), so a sealed note opens without a 2nd call.
        vault: row.vault
          ? { ...vaultRow(row.vault), passkeys: row.passkeys.map((k) => passkeyRow(k)) }
          : undefined,
        goals: {
          goals,
          plan: row.plans.map((p) => planRow(p)),
          titles,
          progress: row.progress.map(([n, authorName]) => ({ ...progressRow(n), authorName })),
          steps: row.steps.map((st) => stepRow(st)),
        },
        motivation: row.motivation.map(([meetingId, startsAt, score]) => ({
          meetingId,
          startsAt: new Date(startsAt),
          score,
        })),
        unreadNotifications: row.unread_notifications,
      };
    },
  };
}
