import { sql, type SQL } from 'drizzle-orm';
import { prepareSql, type Db } from '../../db/client';
import { rowFromJson } from '../../db/json-rows';
import {
  oneOnOneActions,
  oneOnOneMeetings,
  oneOnOneMinutes,
  oneOnOneSeries,
  people,
} from '../../db/schema/index';
import { UNREAD_COUNT_CAP } from './notification.repository';
import {
  managerOverviewSql,
  overviewRowOf,
  RUNNING_GRACE_MS,
  type OverviewRow,
} from './one-on-one-home.repository';

type Json = Record<string, unknown>;
const p = (key: string) => sql.placeholder(key);

/**
 * The parts both homes share, as columns of one statement. Each reads the rows, with the
 * filters, orders and limits, of the repository the part's own route uses:
 * seriesRepository.dueForExtension (only whether any is due), the running series the viewer
 * is the employee of (listForParticipant, the first found), occurrenceRepository
 * .nextOpenMeeting, actionRepository.listForOwner (open, 50), minutesRepository
 * .listForEmployee (10), conversationRepository.openCounts, notificationRepository
 * .unreadCount, and occurrenceRepository.latestPast for the series in `latestFor`.
 */
function commonColumns(latestFor: SQL) {
  return sql`
    exists (select 1 from one_on_one_series hz
      where hz.org_id = ${p('orgId')} and hz.ended_at is null
        and hz.horizon_until < ${p('threshold')}::date
        and (hz.manager_id = ${p('viewerId')} or hz.employee_id = ${p('viewerId')})
    ) as horizons_due,
    (select json_build_array(to_json(own), mn.name, en.name) from own
      left join people mn on mn.org_id = own.org_id and mn.id = own.manager_id
      left join people en on en.org_id = own.org_id and en.id = own.employee_id) as own_series,
    (select to_json(nm) from own cross join lateral (
      -- Lateral, so the series' own index gives the first one (not a scan of every open
      -- meeting of the organisation after \`after\`, sorted).
      select * from one_on_one_meetings nm
      where nm.org_id = own.org_id and nm.series_id = own.id
        and nm.status in ('planned', 'moved') and nm.starts_at > ${p('after')}::timestamptz
      order by nm.starts_at
      limit 1) nm) as next_meeting,
    (select coalesce(json_agg(json_build_array(x.a, x.counterpart_name, x.local_date,
        x.conversation_id) order by x.due_key, (x.a).id), '[]') from (
      select a, coalesce(a.due_date, '9999-12-31'::date) as due_key,
        (select cp.name from people cp where cp.org_id = a.org_id and cp.id = case
          when a.owner_id = a.manager_id then a.employee_id else a.manager_id end)
          as counterpart_name,
        am.local_date,
        case when am.kind = 'one_on_one' then null
          else (select c.id from conversations c where c.org_id = am.org_id
            and c.meeting_id = am.id limit 1) end as conversation_id
      from one_on_one_actions a
      join one_on_one_meetings am on am.org_id = a.org_id and am.id = a.meeting_id
      where a.org_id = ${p('orgId')} and a.owner_id = ${p('viewerId')} and a.done_at is null
      order by coalesce(a.due_date, '9999-12-31'::date), a.id
      limit 50) x) as actions,
    (select coalesce(json_agg(mi order by mi.created_at desc, mi.meeting_id desc), '[]') from (
      select * from one_on_one_minutes mi
      where mi.org_id = ${p('orgId')} and mi.employee_id = ${p('viewerId')}
      order by mi.created_at desc, mi.meeting_id desc
      limit 10) mi) as minutes,
    (select json_build_array(
        count(*) filter (where cv.manager_id = ${p('viewerId')} and cv.status = 'not_booked')::int,
        count(*) filter (where cv.status = 'booked')::int)
      from conversations cv
      where cv.org_id = ${p('orgId')}
        and (cv.manager_id = ${p('viewerId')} or cv.employee_id = ${p('viewerId')})
        and cv.status in ('not_booked', 'booked')) as conversation_counts,
    (select count(*)::int from (
      select 1 from notifications nf
      where nf.org_id = ${p('orgId')} and nf.person_id = ${p('viewerId')} and nf.read_at is null
      limit ${UNREAD_COUNT_CAP}) nf) as unread_notifications,
    (select coalesce(json_agg(json_build_array(to_json(lm), exists (
        -- Asked of the one latest meeting, after the limit: asked of every candidate, the
        -- planner hashed the whole minutes table instead (1.3 ms of a 3 ms page).
        select 1 from one_on_one_minutes mi
        where mi.org_id = lm.org_id and mi.meeting_id = lm.id))), '[]')
      from (${latestFor}) ls(series_id)
      cross join lateral (
        select * from one_on_one_meetings m
        where m.org_id = ${p('orgId')} and m.series_id = ls.series_id
          and m.starts_at < ${p('now')}::timestamptz
        order by m.starts_at desc, m.id desc
        limit 1) lm) as latest`;
}

/** The running series the viewer is the employee of (the first, newest, as "mine" takes it). */
const OWN = sql`own as (
    select * from one_on_one_series s
    where s.org_id = ${p('orgId')} and s.employee_id = ${p('viewerId')} and s.ended_at is null
    order by s.created_at desc
    limit 1)`;

/** People with their unit's and manager's names, as peopleRepository.list gives them. */
const PERSON_WITH_NAMES = sql`json_build_array(to_json(pp), dd.name, mg.name)`;
const PERSON_JOINS = sql`
  join people pp on pp.org_id = ${p('orgId')} and pp.id = h.id
  left join departments dd on dd.org_id = pp.org_id and dd.id = pp.department_id
  left join people mg on mg.org_id = pp.org_id and mg.id = pp.manager_id`;

/**
 * The manager's home in one statement (decision 021): the overview of every direct report
 * (managerOverview, the same text), the team as peopleRepository.list gives it (active
 * reports by name, 1,000), the shared parts, and the latest meeting of every series in the
 * overview and of their own.
 */
const MANAGER_HOME = sql`
  with ${OWN},
  ov as (${managerOverviewSql({
    orgId: p('orgId'),
    managerId: p('viewerId'),
    after: p('after'),
    now: p('now'),
  })})
  select
    (select coalesce(json_agg(ov order by ov.name, ov.person_id), '[]') from ov) as overview,
    (select coalesce(json_agg(${PERSON_WITH_NAMES} order by h.name, h.id), '[]') from (
      select h.id, h.name from people h
      where h.org_id = ${p('orgId')} and h.active = true and h.manager_id = ${p('viewerId')}
      order by h.name, h.id
      limit 1000) h
      ${PERSON_JOINS}) as team,
    ${commonColumns(sql`select ov.series_id from ov where ov.series_id is not null
      union all select own.id from own`)}`;

/**
 * The employee's home in one statement (decision 021): the shared parts, the person with
 * their unit's and manager's names (peopleRepository.list by id), the path of their unit
 * (departmentRepository.pathNames), and the latest meeting of their series.
 */
const EMPLOYEE_HOME = sql`
  with recursive ${OWN},
  up as (
    select d.id, d.parent_id, d.name, 0 as depth from departments d
      join people me on me.org_id = d.org_id and me.department_id = d.id
      where d.org_id = ${p('orgId')} and me.id = ${p('viewerId')}
    union all
    select d.id, d.parent_id, d.name, up.depth + 1 from departments d
      join up on d.org_id = ${p('orgId')} and d.id = up.parent_id
      where up.depth < 100)
  select
    (select ${PERSON_WITH_NAMES} from (
      select h.id from people h where h.org_id = ${p('orgId')} and h.id = ${p('viewerId')}) h
      ${PERSON_JOINS}) as person,
    (select json_agg(up.name order by up.depth desc) from up) as department_path,
    ${commonColumns(sql`select own.id from own`)}`;

type CommonRow = {
  horizons_due: boolean;
  own_series: [Json, string, string] | null;
  next_meeting: Json | null;
  actions: [Json, string, string, string | null][];
  minutes: Json[];
  conversation_counts: [number, number];
  unread_notifications: number;
  latest: [Json, boolean][];
};
type ManagerRow = CommonRow & {
  overview: OverviewRow[];
  team: [Json, string | null, string | null][];
};
type EmployeeRow = CommonRow & {
  person: [Json, string | null, string | null] | null;
  department_path: string[] | null;
};

const seriesRow = rowFromJson(oneOnOneSeries);
const meetingRow = rowFromJson(oneOnOneMeetings);
const actionRow = rowFromJson(oneOnOneActions);
const minutesRow = rowFromJson(oneOnOneMinutes);
const personRow = rowFromJson(people);

const personWithNames = ([json, departmentName, managerName]: [
  Json,
  string | null,
  string | null,
]) => ({ person: personRow(json), departmentName, managerName });

function common(row: CommonRow) {
  const own = row.own_series;
  return {
    horizonsDue: row.horizons_due,
    mine: {
      series: own ? { series: seriesRow(own[0]), managerName: own[1], employeeName: own[2] } : null,
      nextMeeting: row.next_meeting ? meetingRow(row.next_meeting) : null,
      actions: row.actions.map(([a, counterpartName, meetingDate, conversationId]) => ({
        action: actionRow(a),
        counterpartName,
        meetingDate,
        conversationId,
      })),
      minutes: row.minutes.map((m) => minutesRow(m)),
    },
    conversations: { toBook: row.conversation_counts[0], upcoming: row.conversation_counts[1] },
    unreadNotifications: row.unread_notifications,
    latest: row.latest.map(([m, hasMinutes]) => ({ meeting: meetingRow(m), hasMinutes })),
  };
}

/** The values both statements take: `now` and what is derived from it. */
function values(orgId: string, viewerId: string, now: Date, threshold: string) {
  return {
    orgId,
    viewerId,
    now: now.toISOString(),
    after: new Date(now.getTime() - RUNNING_GRACE_MS).toISOString(),
    threshold,
  };
}

/** Reads the homes; one per Db, as their statements are named. */
export function homePageRepository(db: Db) {
  const manager = prepareSql<ManagerRow>(db, 'home_manager_page', MANAGER_HOME);
  const employee = prepareSql<EmployeeRow>(db, 'home_employee_page', EMPLOYEE_HOME);
  return {
    /** `threshold`: series planned up to before this day are due for extension. */
    async manager(orgId: string, viewerId: string, now: Date, threshold: string) {
      const [row] = await manager.rows(values(orgId, viewerId, now, threshold));
      return {
        ...common(row!),
        overview: row!.overview.map(overviewRowOf),
        team: row!.team.map(personWithNames),
      };
    },
    async employee(orgId: string, viewerId: string, now: Date, threshold: string) {
      const [row] = await employee.rows(values(orgId, viewerId, now, threshold));
      return {
        ...common(row!),
        person: row!.person ? personWithNames(row!.person) : null,
        departmentPath: row!.department_path,
      };
    },
  };
}
