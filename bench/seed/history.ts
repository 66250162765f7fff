/**
 * The 1:1 history of a range of series, made inside PostgreSQL: one `insert … select` per table
 * and chunk, so no row travels over the wire. Parameters of every statement: $1 organisation
 * id, $2/$3 the first and last series id of the chunk, $4 "now", $5 the texts (texts.ts) and
 * $6 the agenda templates (snapshot and localised section titles per template).
 */
import { TABLE } from './org';

/** A generated id in SQL (see benchId): sequential per table. */
const bid = (tag: string, table: keyof typeof TABLE, n: string) =>
  `('${tag}${TABLE[table]}-0000-4000-8000-' || lpad(to_hex(${n}), 12, '0'))::uuid`;
/** The number inside a generated id. */
const num = (col: string) => `('x' || right(${col}::text, 12))::bit(48)::bigint`;
/** A random element of a text list in the pair's language. */
const say = (list: string, lang = 'lang') =>
  `($5::jsonb -> '${list}' -> ${lang} ->> floor(random() * jsonb_array_length($5::jsonb -> '${list}' -> ${lang}))::int)`;

// Every statement names all six parameters (PostgreSQL must know each one's type).
const inChunk = (m = 'm') =>
  `${m}.org_id = $1 and ${m}.series_id between $2 and $3 and $4::timestamptz is not null
   and $5::jsonb is not null and $6::jsonb is not null`;
const pairLang = `coalesce(e.locale, 'sv')`;
const employee = (m = 'm') => `join people e on e.org_id = ${m}.org_id and e.id = ${m}.employee_id`;

/**
 * Meetings from each series' start to its horizon. Past ones: mostly held, some cancelled,
 * some moved, a few never finished. Ahead: planned, a few moved or cancelled; the next two
 * are prepared (agenda snapshot taken). An ended series' meetings after its end were
 * cancelled by the system ("reporting line changed").
 */
const meetings = (tag: string) => `
insert into one_on_one_meetings (org_id, id, series_id, manager_id, employee_id, seq, local_date,
  time_zone, starts_at, ends_at, original_starts_at, duration_minutes, place_kind, place_detail,
  status, status_reason, status_reason_code, status_changed_by, status_changed_at,
  template_snapshot, held_at, created_at, updated_at)
with dates as (
  select s.org_id, s.id as series_id, s.manager_id, s.employee_id, s.time_zone, s.local_time,
    s.duration_minutes, s.place_kind, s.place_detail, s.builtin_template_key, s.ended_at,
    s.created_at as series_created, ${pairLang} as lang, g.d as local_date
  from one_on_one_series s
  ${employee('s')}
  cross join lateral (
    select w::date as d
    from generate_series(s.start_date::timestamp, s.horizon_until::timestamp,
      make_interval(days => case s.cadence when 'weekly' then 7 when 'every_2_weeks' then 14
                                           else 21 end)) w
    where s.cadence <> 'monthly'
    union all
    select x.d from (
      select case when s.monthly_ordinal = -1
        then (mo + interval '1 month - 1 day')::date
          - ((extract(isodow from mo + interval '1 month - 1 day')::int
              - extract(isodow from s.start_date)::int + 7) % 7)
        else mo::date + ((extract(isodow from s.start_date)::int - extract(isodow from mo)::int
              + 7) % 7) + (s.monthly_ordinal - 1) * 7
        end as d
      from generate_series(date_trunc('month', s.start_date::timestamp),
                           s.horizon_until::timestamp, interval '1 month') mo
      where s.cadence = 'monthly') x
    where x.d between s.start_date and s.horizon_until
  ) g
  where s.org_id = $1 and s.id between $2 and $3
), numbered as (
  select d.*, row_number() over (partition by d.series_id order by d.local_date) as seq,
    (d.local_date + d.local_time::time) at time zone d.time_zone as planned_at,
    random() as r, random() as r2
  from dates d
), ranked as (
  select n.*, count(*) filter (where n.planned_at > $4 and n.ended_at is null)
    over (partition by n.series_id order by n.seq) as ahead
  from numbered n
), decided as (
  select x.*,
    case
      when x.ended_at is not null and x.planned_at > x.ended_at then 'system_cancel'
      when x.planned_at <= $4 then case when x.r < 0.06 then 'cancel' when x.r < 0.14
        then 'moved_held' when x.r < 0.17 then 'forgotten' else 'held' end
      when x.ahead <= 2 then case when x.r < 0.05 then 'moved' else 'planned' end
      else case when x.r < 0.03 then 'cancel' when x.r < 0.08 then 'moved' else 'planned' end
    end as kind,
    (case when x.planned_at <= $4 then -1 else 1 end) * (1 + (x.r2 * 10)::int % 2) as shift
  from ranked x
), placed as (
  select y.*,
    case when y.kind in ('moved', 'moved_held') then y.planned_at + make_interval(days => y.shift)
      else y.planned_at end as at,
    case when y.kind in ('held', 'moved_held') then 'held' when y.kind = 'moved' then 'moved'
      when y.kind in ('cancel', 'system_cancel') then 'cancelled' else 'planned' end as status,
    case when y.kind in ('held', 'moved_held') then null
      when y.kind in ('cancel', 'moved') then y.planned_at - interval '2 days'
      when y.kind = 'system_cancel' then y.ended_at end as changed_at,
    greatest(y.series_created, y.planned_at - interval '7 months') as made_at
  from decided y
)
select p.org_id, ${bid(tag, 'meeting', `${num('p.series_id')} * 1024 + p.seq`)}, p.series_id,
  p.manager_id, p.employee_id, p.seq,
  case when p.kind in ('moved', 'moved_held') then p.local_date + p.shift else p.local_date end,
  p.time_zone, p.at, p.at + make_interval(mins => p.duration_minutes),
  case when p.kind in ('moved', 'moved_held') then p.planned_at end,
  p.duration_minutes, p.place_kind, p.place_detail, p.status,
  case when p.kind in ('cancel', 'moved', 'moved_held') then ${say('reasons', 'p.lang')} end,
  case when p.kind = 'system_cancel' then 'reporting_line_changed' end,
  case when p.status = 'held' then p.manager_id when p.kind in ('cancel', 'moved', 'moved_held')
    then case when p.r2 < 0.75 then p.manager_id else p.employee_id end end,
  case when p.status = 'held' then p.at + make_interval(mins => p.duration_minutes)
    else p.changed_at end,
  case when p.status = 'held' or (p.kind = 'forgotten' and p.r2 < 0.5)
    or (p.status in ('planned', 'moved') and p.ahead <= 2)
    then $6::jsonb -> 'snapshots' -> p.builtin_template_key end,
  case when p.status = 'held' then p.at + make_interval(mins => p.duration_minutes) end,
  p.made_at,
  greatest(p.made_at, coalesce(p.changed_at, p.made_at),
    case when p.status = 'held' then p.at + make_interval(mins => p.duration_minutes) end)
from placed p`;

/** Agenda points of prepared meetings: the template's sections and the topics people added. */
const points = (tag: string) => `
insert into one_on_one_points (org_id, id, meeting_id, kind, section_key, title, author_id,
  position, discussed_at, created_at, updated_at)
select m.org_id, ${bid(tag, 'point', `${num('m.id')} * 16 + x.k`)}, m.id, x.kind, x.section_key,
  x.title, x.author_id, x.position,
  case when m.status = 'held' and random() < 0.85
    then m.starts_at + make_interval(mins => x.k * 3) end,
  x.created_at, x.created_at
from one_on_one_meetings m
${employee()}
cross join lateral (
  select (sec.i - 1)::int as k, 'section' as kind, sec.v ->> 'key' as section_key,
    null::text as title, null::uuid as author_id, ((sec.i - 1) * 10)::int as position,
    least($4, m.starts_at - interval '3 days') as created_at
  from jsonb_array_elements(m.template_snapshot -> 'sections') with ordinality sec(v, i)
  union all
  select 8 + t.j, 'topic', tk.key, ${say('topics', pairLang)},
    case when random() < 0.7 then m.employee_id else m.manager_id end,
    coalesce(tk.pos, 1000) + t.j, least($4, m.starts_at - interval '1 day')
  from generate_series(1, floor(random() * random() * 4.5 + 0 * m.seq)::int) t(j)
  left join lateral (
    select s.v ->> 'key' as key, ((s.i - 1) * 10)::int as pos
    from jsonb_array_elements(m.template_snapshot -> 'sections') with ordinality s(v, i)
    where s.v ->> 'kind' = 'employee_topics' limit 1) tk on true
) x
where ${inChunk()} and m.template_snapshot is not null`;

/** Shared notes on the points of held meetings (and their one kept revision). */
const notes = (tag: string) => `
insert into one_on_one_notes (org_id, id, meeting_id, point_id, body, decision, version,
  updated_by, created_at, updated_at)
select p.org_id, ${bid(tag, 'note', num('p.id'))}, m.id, p.id,
  concat_ws(' ', ${say('notes', pairLang)}, ${say('notes', pairLang)},
    case when random() < 0.6 then ${say('notes', pairLang)} end,
    case when random() < 0.3 then ${say('notes', pairLang)} end),
  case when random() < 0.35 then ${say('decisions', pairLang)} else '' end,
  1 + floor(random() * random() * 6)::int,
  case when random() < 0.7 then m.manager_id else m.employee_id end,
  m.starts_at + interval '5 minutes', m.ends_at + interval '10 minutes'
from one_on_one_meetings m
${employee()}
join one_on_one_points p on p.org_id = m.org_id and p.meeting_id = m.id
where ${inChunk()} and m.status = 'held'
  and random() < case when p.kind = 'topic' then 0.8
    when p.section_key in ('wellbeing', 'tasks') then 0.7
    when p.section_key in ('challenges', 'special', 'difficulty') then 0.5
    when p.section_key in ('follow_up', 'since_last') then 0.2 else 0.3 end`;

const revisions = () => `
insert into one_on_one_note_revisions (org_id, note_id, version, body, decision, saved_by, saved_at)
select n.org_id, n.id, n.version, n.body, n.decision, n.updated_by, n.updated_at
from one_on_one_meetings m
join one_on_one_notes n on n.org_id = m.org_id and n.meeting_id = m.id
where ${inChunk()} and m.status = 'held'`;

/** Actions agreed in held meetings: nearly all old ones done, recent ones often open. */
const actions = (tag: string) => `
insert into one_on_one_actions (org_id, id, series_id, meeting_id, point_id, manager_id,
  employee_id, origin_starts_at, title, owner_id, due_date, done_at, created_by, created_at,
  updated_at)
select m.org_id, ${bid(tag, 'action', `${num('m.id')} * 4 + j`)}, m.series_id, m.id,
  case when q.r1 < 0.5 then ${bid(
    tag,
    'point',
    `${num('m.id')} * 16 + floor(q.r2 * jsonb_array_length(m.template_snapshot -> 'sections'))::int`,
  )} end,
  m.manager_id, m.employee_id, m.starts_at, ${say('actions', pairLang)},
  case when q.r2 < 0.65 then m.employee_id else m.manager_id end,
  case when q.r3 < 0.7 then m.local_date + 7 + floor(q.r1 * 28)::int end,
  case when q.r4 < case when $4 - m.starts_at > interval '90 days' then 0.97
                       when $4 - m.starts_at > interval '30 days' then 0.8 else 0.4 end
    then least($4 - interval '1 hour', m.starts_at + make_interval(days => 2 + (q.r3 * 40)::int))
  end as done_at,
  case when q.r1 < 0.7 then m.manager_id else m.employee_id end,
  m.ends_at, m.ends_at
from one_on_one_meetings m
${employee()}
cross join lateral generate_series(1, floor(random() * random() * 3.6 + 0 * m.seq)::int) j
cross join lateral (select random() as r1, random() as r2, random() as r3, random() as r4,
  j as _) q
where ${inChunk()} and m.status = 'held'`;

/** The decision minutes of every held meeting, shaped as the app builds them. */
const minutes = () => `
insert into one_on_one_minutes (org_id, meeting_id, series_id, manager_id, employee_id, locale,
  content, created_at, acknowledged_at)
select m.org_id, m.id, m.series_id, m.manager_id, m.employee_id, ${pairLang},
  jsonb_build_object('version', 1, 'locale', ${pairLang}, 'meetingId', m.id,
    'date', m.local_date, 'time', to_char(m.starts_at at time zone m.time_zone, 'HH24:MI'),
    'timeZone', m.time_zone,
    'manager', jsonb_build_object('id', mg.id, 'name', mg.name),
    'employee', jsonb_build_object('id', e.id, 'name', e.name),
    'topics', coalesce(tp.topics, '[]'::jsonb), 'decisions', coalesce(tp.decisions, '[]'::jsonb),
    'actions', coalesce(ac.items, '[]'::jsonb), 'followUp', coalesce(fu.items, '[]'::jsonb),
    'nextMeeting', (select jsonb_build_object('date', nx.local_date,
        'time', to_char(nx.starts_at at time zone nx.time_zone, 'HH24:MI'),
        'timeZone', nx.time_zone)
      from one_on_one_meetings nx
      where nx.org_id = m.org_id and nx.series_id = m.series_id and nx.seq = m.seq + 1)),
  m.held_at + interval '5 minutes',
  case when random() < 0.75 then m.held_at + make_interval(hours => 1 + (random() * 48)::int) end
from one_on_one_meetings m
${employee()}
join people mg on mg.org_id = m.org_id and mg.id = m.manager_id
left join lateral (
  select jsonb_agg(jsonb_build_object('pointId', p.id,
      'title', coalesce(p.title, $6::jsonb -> 'titles' -> (m.template_snapshot ->> 'ref')
        -> p.section_key ->> ${pairLang}, ''),
      'notes', n.body, 'decision', n.decision,
      'actions', coalesce((select jsonb_agg(jsonb_build_object('id', a.id, 'title', a.title,
          'ownerId', a.owner_id, 'ownerName', case when a.owner_id = m.manager_id then mg.name
          else e.name end, 'dueDate', a.due_date))
        from one_on_one_actions a
        where a.org_id = m.org_id and a.meeting_id = m.id and a.point_id = p.id), '[]'::jsonb))
      order by p.position) as topics,
    jsonb_agg(to_jsonb(n.decision) order by p.position) filter (where n.decision <> '')
      as decisions
  from one_on_one_points p
  join one_on_one_notes n on n.org_id = p.org_id and n.point_id = p.id
  where p.org_id = m.org_id and p.meeting_id = m.id) tp on true
left join lateral (
  select jsonb_agg(jsonb_build_object('id', a.id, 'title', a.title, 'ownerId', a.owner_id,
      'ownerName', case when a.owner_id = m.manager_id then mg.name else e.name end,
      'dueDate', a.due_date) order by a.created_at, a.id) as items
  from one_on_one_actions a where a.org_id = m.org_id and a.meeting_id = m.id) ac on true
left join lateral (
  select jsonb_agg(jsonb_build_object('id', a.id, 'title', a.title, 'ownerId', a.owner_id,
      'ownerName', case when a.owner_id = m.manager_id then mg.name else e.name end,
      'dueDate', a.due_date, 'done', a.done_at is not null) order by a.origin_starts_at) as items
  from one_on_one_actions a
  where a.org_id = m.org_id and a.employee_id = m.employee_id and a.manager_id = m.manager_id
    and a.origin_starts_at < m.starts_at and a.origin_starts_at > m.starts_at - interval '42 days'
    and (a.done_at is null or a.done_at >= m.starts_at)) fu on true
where ${inChunk()} and m.status = 'held'`;

/** Private support notes: the manager's on many held meetings, the employee's on a few. */
const privateNotes = (tag: string) => `
insert into one_on_one_private_notes (org_id, id, meeting_id, author_id, body, version,
  created_at, updated_at)
select m.org_id, ${bid(tag, 'privateNote', `${num('m.id')} * 2 + w.who`)}, m.id,
  case w.who when 0 then m.manager_id else m.employee_id end,
  concat_ws(' ', ${say('private', pairLang)},
    case when random() < 0.5 then ${say('private', pairLang)} end),
  1 + floor(random() * 3)::int, m.starts_at, m.ends_at + interval '20 minutes'
from one_on_one_meetings m
${employee()}
cross join lateral (values (0), (1)) w(who)
where ${inChunk()} and m.status = 'held' and random() < case w.who when 0 then 0.4 else 0.1 end`;

/** The manager's reflection (per topic: how it went, why, what to do differently). */
const reflections = (tag: string) => `
insert into one_on_one_reflections (org_id, id, meeting_id, author_id, topics, notes,
  meeting_starts_at, created_at, updated_at)
select m.org_id, ${bid(tag, 'reflection', num('m.id'))}, m.id, m.manager_id,
  jsonb_build_array(jsonb_build_object('title', ${say('topics', pairLang)},
    'howItWent', ${say('private', pairLang)}, 'why', ${say('notes', pairLang)},
    'doDifferently', ${say('private', pairLang)})),
  ${say('private', pairLang)}, m.starts_at, m.ends_at + interval '30 minutes',
  m.ends_at + interval '40 minutes'
from one_on_one_meetings m
${employee()}
where ${inChunk()} and m.status = 'held' and random() < 0.25`;

/** Every statement of one chunk, in dependency order. */
export function historyStatements(tag: string): { table: string; sql: string }[] {
  return [
    { table: 'one_on_one_meetings', sql: meetings(tag) },
    { table: 'one_on_one_points', sql: points(tag) },
    { table: 'one_on_one_notes', sql: notes(tag) },
    { table: 'one_on_one_note_revisions', sql: revisions() },
    { table: 'one_on_one_actions', sql: actions(tag) },
    { table: 'one_on_one_minutes', sql: minutes() },
    { table: 'one_on_one_private_notes', sql: privateNotes(tag) },
    { table: 'one_on_one_reflections', sql: reflections(tag) },
  ];
}
