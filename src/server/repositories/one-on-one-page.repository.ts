import { sql } from 'drizzle-orm';
import { prepareSql, type Db } from '../../db/client';
import { rowFromJson } from '../../db/json-rows';
import {
  oneOnOneActions,
  oneOnOneMeetings,
  oneOnOneNotes,
  oneOnOnePoints,
  oneOnOneSeries,
} from '../../db/schema/index';

type Json = Record<string, unknown>;

/** The page's columns (m: the meeting, s: its series, mi: its minutes); whole-page reads add theirs. */
export const MEETING_PAGE_COLUMNS = sql`
    to_json(m) as meeting,
    to_json(s) as series,
    (select p.name from people p where p.org_id = s.org_id and p.id = s.manager_id) as manager_name,
    (select p.name from people p where p.org_id = s.org_id and p.id = s.employee_id) as employee_name,
    mi.created_at as minutes_created_at,
    mi.acknowledged_at as minutes_acknowledged_at,
    (select coalesce(json_agg(json_build_array(p, n) order by p.position, p.created_at), '[]')
      from one_on_one_points p
      left join one_on_one_notes n on n.org_id = p.org_id and n.point_id = p.id
      where p.org_id = m.org_id and p.meeting_id = m.id) as points,
    (select coalesce(json_agg(json_build_array(f.a, f.tz) order by f.k1, f.k2), '[]')
      from (select a, o.time_zone as tz, a.origin_starts_at as k1, a.created_at as k2
        from one_on_one_actions a
        join people o on o.org_id = a.org_id and o.id = a.owner_id
        where a.org_id = m.org_id and a.employee_id = s.employee_id
          and a.manager_id = s.manager_id and a.origin_starts_at < m.starts_at
          and (a.done_at is null or a.done_at >= m.starts_at)
        order by a.origin_starts_at, a.created_at
        limit 500) f) as follow_up,
    (select coalesce(json_agg(json_build_array(a, o.time_zone) order by a.created_at, a.id), '[]')
      from one_on_one_actions a
      join people o on o.org_id = a.org_id and o.id = a.owner_id
      where a.org_id = m.org_id and a.meeting_id = m.id) as actions,
    (select to_json(nm) from one_on_one_meetings nm
      where nm.org_id = m.org_id and nm.series_id = s.id and nm.status in ('planned', 'moved')
        and nm.starts_at > m.starts_at
      order by nm.starts_at
      limit 1) as next_meeting`;

/** The meeting by organisation and id, with its series and minutes. */
export const MEETING_PAGE_FROM = sql`
  from one_on_one_meetings m
  join one_on_one_series s on s.org_id = m.org_id and s.id = m.series_id
  left join one_on_one_minutes mi on mi.org_id = m.org_id and mi.meeting_id = m.id
  where m.org_id = ${sql.placeholder('orgId')} and m.id = ${sql.placeholder('id')}
  limit 1`;

/**
 * The meeting page in one statement (decision 015): the meeting, its series with the pair's
 * names, whether minutes exist, the agenda with shared notes, the follow-up of the pair's
 * earlier open actions, this meeting's actions and the series' next open meeting. The rows
 * come back as JSON, aggregated per list and in the order the page shows them; the same
 * rows, filters, orders and limits as findForPage, pointsWithNotes, followUp, forMeeting and
 * nextOpenMeeting, which the write paths still use. Each part is an index scan on the
 * organisation and the meeting, pair or series.
 */
const PAGE = sql`select ${MEETING_PAGE_COLUMNS} ${MEETING_PAGE_FROM}`;

export type PageRow = {
  meeting: Json;
  series: Json;
  manager_name: string;
  employee_name: string;
  minutes_created_at: string | Date | null;
  minutes_acknowledged_at: string | Date | null;
  points: [Json, Json | null][];
  follow_up: [Json, string][];
  actions: [Json, string][];
  next_meeting: Json | null;
};

const meetingRow = rowFromJson(oneOnOneMeetings);
const seriesRow = rowFromJson(oneOnOneSeries);
const pointRow = rowFromJson(oneOnOnePoints);
const noteRow = rowFromJson(oneOnOneNotes);
const actionRow = rowFromJson(oneOnOneActions);
const toDate = (v: string | Date | null) => (v === null ? null : new Date(v));
const action = ([a, tz]: [Json, string]) => ({ action: actionRow(a), ownerTimeZone: tz });

/** Reads the meeting page; one per Db, as its statement is named. */
export function oneOnOnePageRepository(db: Db) {
  const page = prepareSql<PageRow>(db, 'one_on_one_meeting_page', PAGE);
  return {
    async read(orgId: string, id: string) {
      const [row] = await page.rows({ orgId, id });
      return row ? pageFromRow(row) : undefined;
    },
  };
}

/** The page's rows as the repositories the write paths use would return them. */
export function pageFromRow(row: PageRow) {
  const createdAt = toDate(row.minutes_created_at);
  return {
    meeting: meetingRow(row.meeting),
    series: seriesRow(row.series),
    managerName: row.manager_name,
    employeeName: row.employee_name,
    minutes: createdAt ? { createdAt, acknowledgedAt: toDate(row.minutes_acknowledged_at) } : null,
    points: row.points.map(([p, n]) => ({
      point: pointRow(p),
      note: n ? noteRow(n) : null,
    })),
    followUp: row.follow_up.map(action),
    actions: row.actions.map(action),
    nextMeeting: row.next_meeting ? meetingRow(row.next_meeting) : null,
  };
}
