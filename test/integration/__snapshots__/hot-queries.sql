-- GET /api/pages/meeting/:id (manager): 2 statements
select "sessions"."org_id", "sessions"."id", "sessions"."person_id", "sessions"."created_at", "sessions"."last_seen_at", "sessions"."expires_at", "sessions"."user_agent", "sessions"."ip_address", "sessions"."sso_provider_id", "people"."org_id", "people"."id", "people"."email", "people"."name", "people"."employee_number", "people"."job_title", "people"."department_id", "people"."locale", "people"."time_zone", "people"."manager_id", "people"."roles", "people"."password_hash", "people"."recovery_email", "people"."last_signed_in_at", "people"."active", "people"."deactivated_at", "people"."erased_at", "people"."coaching_tips_hidden", "people"."created_at", "people"."updated_at", "people"."search_text", "organisations"."default_locale", "organisations"."name", "organisations"."default_time_zone", (select count(*)::int from "people" r
      where r.org_id = "people"."org_id" and r.manager_id = "people"."id" and r.active) from "sessions" inner join "people" on ("people"."org_id" = "sessions"."org_id" and "people"."id" = "sessions"."person_id") inner join "organisations" on "organisations"."id" = "sessions"."org_id" where ("sessions"."id" = $1 and "sessions"."expires_at" > $2 and "people"."active" = $3) limit $4;
with pair as (
    select m.org_id, m.id,
      case when s.manager_id = $1::uuid then s.employee_id
           else s.manager_id end as other_id,
      -- The viewer's language, for organisation goals given in several.
      (select coalesce(v.locale, o.default_locale) from people v
        join organisations o on o.id = v.org_id
        where v.org_id = m.org_id and v.id = $2::uuid) as locale
    from one_on_one_meetings m
    join one_on_one_series s on s.org_id = m.org_id and s.id = m.series_id
    where m.org_id = $3 and m.id = $4
  ),
  goals as (
    (select 1 as side, g,
      coalesce(nullif(trim(og.translations -> pair.locale ->> 'title'), ''), og.title) as title
      from pair, development_goals g
      join conversations c on c.org_id = g.org_id and c.id = g.conversation_id
      left join organisation_goals og on og.org_id = g.org_id and og.id = g.organisation_goal_id
      where g.org_id = pair.org_id and g.manager_id = $5
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
        and g.employee_id = $6 and g.outcome is null
        and c.status in ('closed', 'signed')
      order by g.created_at desc, g.id
      limit 100)
  ),
  plans as (
    (select 1 as side, p
      from pair, development_plan_items p
      join conversations c on c.org_id = p.org_id and c.id = p.conversation_id
      where p.org_id = pair.org_id and p.manager_id = $7
        and p.employee_id = pair.other_id and p.done_at is null
        and c.status in ('closed', 'signed')
      order by p.created_at desc, p.id
      limit 100)
    union all
    (select 2 as side, p
      from pair, development_plan_items p
      join conversations c on c.org_id = p.org_id and c.id = p.conversation_id
      where p.org_id = pair.org_id and p.manager_id = pair.other_id
        and p.employee_id = $8 and p.done_at is null
        and c.status in ('closed', 'signed')
      order by p.created_at desc, p.id
      limit 100)
  )
  select
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
      limit 1) as next_meeting,
    (select to_json(c) from check_ins c
      where c.org_id = m.org_id and c.meeting_id = m.id limit 1) as check_in,
    -- The pair's latest workload answers up to this meeting, newest first, for the workload
    -- prompt (as checkInRepository.workloadSignal reads them).
    (select coalesce(json_agg(w.workload order by w.meeting_starts_at desc), '[]') from (
      select c.workload, c.meeting_starts_at from check_ins c
      where c.org_id = m.org_id and c.manager_id = s.manager_id
        and c.employee_id = s.employee_id and c.meeting_starts_at <= m.starts_at
      order by c.meeting_starts_at desc
      limit $9) w) as workloads,
    (select coalesce(json_agg(r.share order by r.reviewed_at desc), '[]') from (
      select tr.reviewed_at,
        (select coalesce(sum(i.time_share_percent)
            filter (where i.demand >= $10), 0)::int
          from task_review_items i where i.org_id = tr.org_id and i.review_id = tr.id) as share
      from task_reviews tr
      where tr.org_id = m.org_id and tr.series_id = s.id
        and tr.reviewed_at is not null and tr.reviewed_at <= m.ends_at
      order by tr.reviewed_at desc
      limit $11) r) as demanding_shares,
    (select to_json(pn) from one_on_one_private_notes pn
      where pn.org_id = m.org_id and pn.meeting_id = m.id
        and pn.author_id = $12
      limit 1) as private_note,
    -- The viewer's own "remember to ask" reminders, only as the manager of the pair (as
    -- oneOnOneReminderRepository.forMeeting reads them).
    (select coalesce(json_agg(rm order by rm.origin_starts_at, rm.created_at), '[]') from (
      select * from one_on_one_reminders r
      where r.org_id = m.org_id and r.series_id = m.series_id
        and r.author_id = $13
        and s.manager_id = $14
        and r.origin_starts_at <= m.starts_at
        and (r.done_at is null or r.done_meeting_id = m.id)
      order by r.origin_starts_at, r.created_at
      limit $15) rm) as reminders,
    (select to_json(v) from person_vaults v
      where v.org_id = m.org_id and v.person_id = $16) as vault,
    (select coalesce(json_agg(k order by k.created_at, k.id), '[]') from vault_passkeys k
      where k.org_id = m.org_id and k.person_id = $17) as passkeys,
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
      limit $18) mo) as motivation,
    -- The viewer's unread notifications (the bell), as notificationRepository.unreadCount.
    (select count(*)::int from (
      select 1 from notifications nf
      where nf.org_id = m.org_id and nf.person_id = $19
        and nf.read_at is null
      limit $20) nf) as unread_notifications
  from one_on_one_meetings m
  join one_on_one_series s on s.org_id = m.org_id and s.id = m.series_id
  left join one_on_one_minutes mi on mi.org_id = m.org_id and mi.meeting_id = m.id
  where m.org_id = $21 and m.id = $22
  limit 1;

-- GET /api/pages/meeting/:id (employee): 2 statements
select "sessions"."org_id", "sessions"."id", "sessions"."person_id", "sessions"."created_at", "sessions"."last_seen_at", "sessions"."expires_at", "sessions"."user_agent", "sessions"."ip_address", "sessions"."sso_provider_id", "people"."org_id", "people"."id", "people"."email", "people"."name", "people"."employee_number", "people"."job_title", "people"."department_id", "people"."locale", "people"."time_zone", "people"."manager_id", "people"."roles", "people"."password_hash", "people"."recovery_email", "people"."last_signed_in_at", "people"."active", "people"."deactivated_at", "people"."erased_at", "people"."coaching_tips_hidden", "people"."created_at", "people"."updated_at", "people"."search_text", "organisations"."default_locale", "organisations"."name", "organisations"."default_time_zone", (select count(*)::int from "people" r
      where r.org_id = "people"."org_id" and r.manager_id = "people"."id" and r.active) from "sessions" inner join "people" on ("people"."org_id" = "sessions"."org_id" and "people"."id" = "sessions"."person_id") inner join "organisations" on "organisations"."id" = "sessions"."org_id" where ("sessions"."id" = $1 and "sessions"."expires_at" > $2 and "people"."active" = $3) limit $4;
with pair as (
    select m.org_id, m.id,
      case when s.manager_id = $1::uuid then s.employee_id
           else s.manager_id end as other_id,
      -- The viewer's language, for organisation goals given in several.
      (select coalesce(v.locale, o.default_locale) from people v
        join organisations o on o.id = v.org_id
        where v.org_id = m.org_id and v.id = $2::uuid) as locale
    from one_on_one_meetings m
    join one_on_one_series s on s.org_id = m.org_id and s.id = m.series_id
    where m.org_id = $3 and m.id = $4
  ),
  goals as (
    (select 1 as side, g,
      coalesce(nullif(trim(og.translations -> pair.locale ->> 'title'), ''), og.title) as title
      from pair, development_goals g
      join conversations c on c.org_id = g.org_id and c.id = g.conversation_id
      left join organisation_goals og on og.org_id = g.org_id and og.id = g.organisation_goal_id
      where g.org_id = pair.org_id and g.manager_id = $5
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
        and g.employee_id = $6 and g.outcome is null
        and c.status in ('closed', 'signed')
      order by g.created_at desc, g.id
      limit 100)
  ),
  plans as (
    (select 1 as side, p
      from pair, development_plan_items p
      join conversations c on c.org_id = p.org_id and c.id = p.conversation_id
      where p.org_id = pair.org_id and p.manager_id = $7
        and p.employee_id = pair.other_id and p.done_at is null
        and c.status in ('closed', 'signed')
      order by p.created_at desc, p.id
      limit 100)
    union all
    (select 2 as side, p
      from pair, development_plan_items p
      join conversations c on c.org_id = p.org_id and c.id = p.conversation_id
      where p.org_id = pair.org_id and p.manager_id = pair.other_id
        and p.employee_id = $8 and p.done_at is null
        and c.status in ('closed', 'signed')
      order by p.created_at desc, p.id
      limit 100)
  )
  select
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
      limit 1) as next_meeting,
    (select to_json(c) from check_ins c
      where c.org_id = m.org_id and c.meeting_id = m.id limit 1) as check_in,
    -- The pair's latest workload answers up to this meeting, newest first, for the workload
    -- prompt (as checkInRepository.workloadSignal reads them).
    (select coalesce(json_agg(w.workload order by w.meeting_starts_at desc), '[]') from (
      select c.workload, c.meeting_starts_at from check_ins c
      where c.org_id = m.org_id and c.manager_id = s.manager_id
        and c.employee_id = s.employee_id and c.meeting_starts_at <= m.starts_at
      order by c.meeting_starts_at desc
      limit $9) w) as workloads,
    (select coalesce(json_agg(r.share order by r.reviewed_at desc), '[]') from (
      select tr.reviewed_at,
        (select coalesce(sum(i.time_share_percent)
            filter (where i.demand >= $10), 0)::int
          from task_review_items i where i.org_id = tr.org_id and i.review_id = tr.id) as share
      from task_reviews tr
      where tr.org_id = m.org_id and tr.series_id = s.id
        and tr.reviewed_at is not null and tr.reviewed_at <= m.ends_at
      order by tr.reviewed_at desc
      limit $11) r) as demanding_shares,
    (select to_json(pn) from one_on_one_private_notes pn
      where pn.org_id = m.org_id and pn.meeting_id = m.id
        and pn.author_id = $12
      limit 1) as private_note,
    -- The viewer's own "remember to ask" reminders, only as the manager of the pair (as
    -- oneOnOneReminderRepository.forMeeting reads them).
    (select coalesce(json_agg(rm order by rm.origin_starts_at, rm.created_at), '[]') from (
      select * from one_on_one_reminders r
      where r.org_id = m.org_id and r.series_id = m.series_id
        and r.author_id = $13
        and s.manager_id = $14
        and r.origin_starts_at <= m.starts_at
        and (r.done_at is null or r.done_meeting_id = m.id)
      order by r.origin_starts_at, r.created_at
      limit $15) rm) as reminders,
    (select to_json(v) from person_vaults v
      where v.org_id = m.org_id and v.person_id = $16) as vault,
    (select coalesce(json_agg(k order by k.created_at, k.id), '[]') from vault_passkeys k
      where k.org_id = m.org_id and k.person_id = $17) as passkeys,
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
      limit $18) mo) as motivation,
    -- The viewer's unread notifications (the bell), as notificationRepository.unreadCount.
    (select count(*)::int from (
      select 1 from notifications nf
      where nf.org_id = m.org_id and nf.person_id = $19
        and nf.read_at is null
      limit $20) nf) as unread_notifications
  from one_on_one_meetings m
  join one_on_one_series s on s.org_id = m.org_id and s.id = m.series_id
  left join one_on_one_minutes mi on mi.org_id = m.org_id and mi.meeting_id = m.id
  where m.org_id = $21 and m.id = $22
  limit 1;

-- GET /api/pages/home (manager): 2 statements
select "sessions"."org_id", "sessions"."id", "sessions"."person_id", "sessions"."created_at", "sessions"."last_seen_at", "sessions"."expires_at", "sessions"."user_agent", "sessions"."ip_address", "sessions"."sso_provider_id", "people"."org_id", "people"."id", "people"."email", "people"."name", "people"."employee_number", "people"."job_title", "people"."department_id", "people"."locale", "people"."time_zone", "people"."manager_id", "people"."roles", "people"."password_hash", "people"."recovery_email", "people"."last_signed_in_at", "people"."active", "people"."deactivated_at", "people"."erased_at", "people"."coaching_tips_hidden", "people"."created_at", "people"."updated_at", "people"."search_text", "organisations"."default_locale", "organisations"."name", "organisations"."default_time_zone", (select count(*)::int from "people" r
      where r.org_id = "people"."org_id" and r.manager_id = "people"."id" and r.active) from "sessions" inner join "people" on ("people"."org_id" = "sessions"."org_id" and "people"."id" = "sessions"."person_id") inner join "organisations" on "organisations"."id" = "sessions"."org_id" where ("sessions"."id" = $1 and "sessions"."expires_at" > $2 and "people"."active" = $3) limit $4;
with own as (
    select * from one_on_one_series s
    where s.org_id = $1 and s.employee_id = $2 and s.ended_at is null
    order by s.created_at desc
    limit 1),
  ov as (
      select p.id as person_id, p.name,
      s.id as series_id, s.cadence, s.start_date::text as start_date,
      nx.id as next_id, nx.starts_at as next_at,
      lh.id as last_id, lh.starts_at as last_at, lh.local_date::text as last_date,
      coalesce(ac.open_actions, 0)::int as open_actions,
      coalesce(ac.overdue_actions, 0)::int as overdue_actions,
      dv.signed_at as development_signed_at
    from people p
    left join one_on_one_series s
      on s.org_id = p.org_id and s.employee_id = p.id and s.manager_id = $3
      and s.ended_at is null
    left join lateral (
      select m.id, m.starts_at from one_on_one_meetings m
      where m.org_id = p.org_id and m.employee_id = p.id and m.manager_id = $4
        and m.kind = 'one_on_one' and m.status in ('planned', 'moved') and m.starts_at > $5::timestamptz
      order by m.starts_at limit 1) nx on true
    left join lateral (
      -- The day it actually took place (decision 020): started, or finished early.
      select m.id,
        coalesce(m.started_at, case when m.held_at < m.starts_at then m.held_at end, m.starts_at)
          as starts_at,
        coalesce(m.held_on, m.local_date) as local_date
      from one_on_one_meetings m
      where m.org_id = p.org_id and m.employee_id = p.id and m.manager_id = $6
        and m.kind = 'one_on_one' and m.status = 'held'
      order by m.starts_at desc limit 1) lh on true
    left join lateral (
      select count(*) as open_actions,
        count(*) filter (
          where a.due_date < ($7::timestamptz at time zone o.time_zone)::date
        ) as overdue_actions
      from one_on_one_actions a
      join people o on o.org_id = a.org_id and o.id = a.owner_id
      where a.org_id = p.org_id and a.manager_id = $8 and a.employee_id = p.id
        and a.done_at is null) ac on true
    left join lateral (
      -- The latest signed development conversation, with any manager (seed 003: yearly).
      select max(c.signed_at) as signed_at from conversations c
      where c.org_id = p.org_id and c.employee_id = p.id and c.kind = 'development'
        and c.status = 'signed') dv on true
    where p.org_id = $9 and p.manager_id = $10 and p.active
    order by p.name, p.id
    limit 2000)
  select
    (select coalesce(json_agg(ov order by ov.name, ov.person_id), '[]') from ov) as overview,
    (select coalesce(json_agg(json_build_array(to_json(pp), dd.name, mg.name) order by h.name, h.id), '[]') from (
      select h.id, h.name from people h
      where h.org_id = $11 and h.active = true and h.manager_id = $12
      order by h.name, h.id
      limit 1000) h
  join people pp on pp.org_id = $13 and pp.id = h.id
  left join departments dd on dd.org_id = pp.org_id and dd.id = pp.department_id
  left join people mg on mg.org_id = pp.org_id and mg.id = pp.manager_id) as team,
    exists (select 1 from one_on_one_series hz
      where hz.org_id = $14 and hz.ended_at is null
        and hz.horizon_until < $15::date
        and (hz.manager_id = $16 or hz.employee_id = $17)
    ) as horizons_due,
    (select json_build_array(to_json(own), mn.name, en.name) from own
      left join people mn on mn.org_id = own.org_id and mn.id = own.manager_id
      left join people en on en.org_id = own.org_id and en.id = own.employee_id) as own_series,
    (select to_json(nm) from own cross join lateral (
      -- Lateral, so the series' own index gives the first one (not a scan of every open
      -- meeting of the organisation after `after`, sorted).
      select * from one_on_one_meetings nm
      where nm.org_id = own.org_id and nm.series_id = own.id
        and nm.status in ('planned', 'moved') and nm.starts_at > $18::timestamptz
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
      where a.org_id = $19 and a.owner_id = $20 and a.done_at is null
      order by coalesce(a.due_date, '9999-12-31'::date), a.id
      limit 50) x) as actions,
    (select coalesce(json_agg(mi order by mi.created_at desc, mi.meeting_id desc), '[]') from (
      select * from one_on_one_minutes mi
      where mi.org_id = $21 and mi.employee_id = $22
      order by mi.created_at desc, mi.meeting_id desc
      limit 10) mi) as minutes,
    (select json_build_array(
        count(*) filter (where cv.manager_id = $23 and cv.status = 'not_booked')::int,
        count(*) filter (where cv.status = 'booked')::int)
      from conversations cv
      where cv.org_id = $24
        and (cv.manager_id = $25 or cv.employee_id = $26)
        and cv.status in ('not_booked', 'booked')) as conversation_counts,
    (select count(*)::int from (
      select 1 from notifications nf
      where nf.org_id = $27 and nf.person_id = $28 and nf.read_at is null
      limit $29) nf) as unread_notifications,
    (select coalesce(json_agg(json_build_array(to_json(lm), exists (
        -- Asked of the one latest meeting, after the limit: asked of every candidate, the
        -- planner hashed the whole minutes table instead (1.3 ms of a 3 ms page).
        select 1 from one_on_one_minutes mi
        where mi.org_id = lm.org_id and mi.meeting_id = lm.id))), '[]')
      from (select ov.series_id from ov where ov.series_id is not null
      union all select own.id from own) ls(series_id)
      cross join lateral (
        select * from one_on_one_meetings m
        where m.org_id = $30 and m.series_id = ls.series_id
          and m.starts_at < $31::timestamptz
        order by m.starts_at desc, m.id desc
        limit 1) lm) as latest;

-- GET /api/pages/home (employee): 2 statements
select "sessions"."org_id", "sessions"."id", "sessions"."person_id", "sessions"."created_at", "sessions"."last_seen_at", "sessions"."expires_at", "sessions"."user_agent", "sessions"."ip_address", "sessions"."sso_provider_id", "people"."org_id", "people"."id", "people"."email", "people"."name", "people"."employee_number", "people"."job_title", "people"."department_id", "people"."locale", "people"."time_zone", "people"."manager_id", "people"."roles", "people"."password_hash", "people"."recovery_email", "people"."last_signed_in_at", "people"."active", "people"."deactivated_at", "people"."erased_at", "people"."coaching_tips_hidden", "people"."created_at", "people"."updated_at", "people"."search_text", "organisations"."default_locale", "organisations"."name", "organisations"."default_time_zone", (select count(*)::int from "people" r
      where r.org_id = "people"."org_id" and r.manager_id = "people"."id" and r.active) from "sessions" inner join "people" on ("people"."org_id" = "sessions"."org_id" and "people"."id" = "sessions"."person_id") inner join "organisations" on "organisations"."id" = "sessions"."org_id" where ("sessions"."id" = $1 and "sessions"."expires_at" > $2 and "people"."active" = $3) limit $4;
with recursive own as (
    select * from one_on_one_series s
    where s.org_id = $1 and s.employee_id = $2 and s.ended_at is null
    order by s.created_at desc
    limit 1),
  up as (
    select d.id, d.parent_id, d.name, 0 as depth from departments d
      join people me on me.org_id = d.org_id and me.department_id = d.id
      where d.org_id = $3 and me.id = $4
    union all
    select d.id, d.parent_id, d.name, up.depth + 1 from departments d
      join up on d.org_id = $5 and d.id = up.parent_id
      where up.depth < 100)
  select
    (select json_build_array(to_json(pp), dd.name, mg.name) from (
      select h.id from people h where h.org_id = $6 and h.id = $7) h
  join people pp on pp.org_id = $8 and pp.id = h.id
  left join departments dd on dd.org_id = pp.org_id and dd.id = pp.department_id
  left join people mg on mg.org_id = pp.org_id and mg.id = pp.manager_id) as person,
    (select json_agg(up.name order by up.depth desc) from up) as department_path,
    exists (select 1 from one_on_one_series hz
      where hz.org_id = $9 and hz.ended_at is null
        and hz.horizon_until < $10::date
        and (hz.manager_id = $11 or hz.employee_id = $12)
    ) as horizons_due,
    (select json_build_array(to_json(own), mn.name, en.name) from own
      left join people mn on mn.org_id = own.org_id and mn.id = own.manager_id
      left join people en on en.org_id = own.org_id and en.id = own.employee_id) as own_series,
    (select to_json(nm) from own cross join lateral (
      -- Lateral, so the series' own index gives the first one (not a scan of every open
      -- meeting of the organisation after `after`, sorted).
      select * from one_on_one_meetings nm
      where nm.org_id = own.org_id and nm.series_id = own.id
        and nm.status in ('planned', 'moved') and nm.starts_at > $13::timestamptz
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
      where a.org_id = $14 and a.owner_id = $15 and a.done_at is null
      order by coalesce(a.due_date, '9999-12-31'::date), a.id
      limit 50) x) as actions,
    (select coalesce(json_agg(mi order by mi.created_at desc, mi.meeting_id desc), '[]') from (
      select * from one_on_one_minutes mi
      where mi.org_id = $16 and mi.employee_id = $17
      order by mi.created_at desc, mi.meeting_id desc
      limit 10) mi) as minutes,
    (select json_build_array(
        count(*) filter (where cv.manager_id = $18 and cv.status = 'not_booked')::int,
        count(*) filter (where cv.status = 'booked')::int)
      from conversations cv
      where cv.org_id = $19
        and (cv.manager_id = $20 or cv.employee_id = $21)
        and cv.status in ('not_booked', 'booked')) as conversation_counts,
    (select count(*)::int from (
      select 1 from notifications nf
      where nf.org_id = $22 and nf.person_id = $23 and nf.read_at is null
      limit $24) nf) as unread_notifications,
    (select coalesce(json_agg(json_build_array(to_json(lm), exists (
        -- Asked of the one latest meeting, after the limit: asked of every candidate, the
        -- planner hashed the whole minutes table instead (1.3 ms of a 3 ms page).
        select 1 from one_on_one_minutes mi
        where mi.org_id = lm.org_id and mi.meeting_id = lm.id))), '[]')
      from (select own.id from own) ls(series_id)
      cross join lateral (
        select * from one_on_one_meetings m
        where m.org_id = $25 and m.series_id = ls.series_id
          and m.starts_at < $26::timestamptz
        order by m.starts_at desc, m.id desc
        limit 1) lm) as latest;

-- POST /api/one-on-ones/meetings/:id/points (add a topic): 6 statements
insert into "one_on_one_points" ("org_id", "id", "meeting_id", "kind", "section_key", "title", "author_id", "position", "discussed_at", "carried_from_point_id", "carried_to_meeting_id", "planned_minutes", "created_at", "updated_at") values ($1, $2, $3, $4, $5, $6, $7, $8, default, default, default, default, default, default) returning "org_id", "id", "meeting_id", "kind", "section_key", "title", "author_id", "position", "discussed_at", "carried_from_point_id", "carried_to_meeting_id", "planned_minutes", "created_at", "updated_at";
select "id" from "notifications" where ("notifications"."org_id" = $1 and "notifications"."person_id" = $2 and "notifications"."read_at" is null and "notifications"."kind" = $3 and "notifications"."meeting_id" = $4) limit $5;
select "one_on_one_meetings"."org_id", "one_on_one_meetings"."id", "one_on_one_meetings"."kind", "one_on_one_meetings"."series_id", "one_on_one_meetings"."manager_id", "one_on_one_meetings"."employee_id", "one_on_one_meetings"."seq", "one_on_one_meetings"."local_date", "one_on_one_meetings"."time_zone", "one_on_one_meetings"."starts_at", "one_on_one_meetings"."ends_at", "one_on_one_meetings"."original_starts_at", "one_on_one_meetings"."duration_minutes", "one_on_one_meetings"."place_kind", "one_on_one_meetings"."place_detail", "one_on_one_meetings"."status", "one_on_one_meetings"."status_reason", "one_on_one_meetings"."status_reason_code", "one_on_one_meetings"."status_changed_by", "one_on_one_meetings"."status_changed_at", "one_on_one_meetings"."template_snapshot", "one_on_one_meetings"."started_at", "one_on_one_meetings"."started_by", "one_on_one_meetings"."held_at", "one_on_one_meetings"."held_on", "one_on_one_meetings"."calendar_sequence", "one_on_one_meetings"."workload_prompt_dismissed_at", "one_on_one_meetings"."created_at", "one_on_one_meetings"."updated_at", "one_on_one_series"."org_id", "one_on_one_series"."id", "one_on_one_series"."manager_id", "one_on_one_series"."employee_id", "one_on_one_series"."cadence", "one_on_one_series"."monthly_ordinal", "one_on_one_series"."start_date", "one_on_one_series"."local_time", "one_on_one_series"."time_zone", "one_on_one_series"."duration_minutes", "one_on_one_series"."place_kind", "one_on_one_series"."place_detail", "one_on_one_series"."builtin_template_key", "one_on_one_series"."template_id", "one_on_one_series"."horizon_until", "one_on_one_series"."calendar_sequence", "one_on_one_series"."reflection_block_minutes", "one_on_one_series"."ended_at", "one_on_one_series"."end_reason", "one_on_one_series"."created_at", "one_on_one_series"."updated_at" from "one_on_one_meetings" inner join "one_on_one_series" on ("one_on_one_series"."org_id" = "one_on_one_meetings"."org_id" and "one_on_one_series"."id" = "one_on_one_meetings"."series_id") where ("one_on_one_meetings"."org_id" = $1 and "one_on_one_meetings"."id" = $2) limit $3 for update of "one_on_one_meetings";
select "org_id", "id", "meeting_id", "kind", "section_key", "title", "author_id", "position", "discussed_at", "carried_from_point_id", "carried_to_meeting_id", "planned_minutes", "created_at", "updated_at" from "one_on_one_points" where ("one_on_one_points"."org_id" = $1 and "one_on_one_points"."meeting_id" = $2) order by "one_on_one_points"."position" asc, "one_on_one_points"."created_at" asc;
select "sessions"."org_id", "sessions"."id", "sessions"."person_id", "sessions"."created_at", "sessions"."last_seen_at", "sessions"."expires_at", "sessions"."user_agent", "sessions"."ip_address", "sessions"."sso_provider_id", "people"."org_id", "people"."id", "people"."email", "people"."name", "people"."employee_number", "people"."job_title", "people"."department_id", "people"."locale", "people"."time_zone", "people"."manager_id", "people"."roles", "people"."password_hash", "people"."recovery_email", "people"."last_signed_in_at", "people"."active", "people"."deactivated_at", "people"."erased_at", "people"."coaching_tips_hidden", "people"."created_at", "people"."updated_at", "people"."search_text", "organisations"."default_locale", "organisations"."name", "organisations"."default_time_zone", (select count(*)::int from "people" r
      where r.org_id = "people"."org_id" and r.manager_id = "people"."id" and r.active) from "sessions" inner join "people" on ("people"."org_id" = "sessions"."org_id" and "people"."id" = "sessions"."person_id") inner join "organisations" on "organisations"."id" = "sessions"."org_id" where ("sessions"."id" = $1 and "sessions"."expires_at" > $2 and "people"."active" = $3) limit $4;
update one_on_one_points p set position = v.pos, updated_at = now()
      from (values ($1::uuid, $2::int), ($3::uuid, $4::int), ($5::uuid, $6::int), ($7::uuid, $8::int), ($9::uuid, $10::int), ($11::uuid, $12::int), ($13::uuid, $14::int), ($15::uuid, $16::int), ($17::uuid, $18::int), ($19::uuid, $20::int), ($21::uuid, $22::int)) as v(id, pos)
      where p.org_id = $23 and p.meeting_id = $24 and p.id = v.id
        and p.position <> v.pos;

-- PUT /api/one-on-ones/points/:id/note (save a note): 6 statements
insert into "one_on_one_note_revisions" ("org_id", "note_id", "version", "body", "decision", "saved_by", "saved_at") values ($1, $2, $3, $4, $5, $6, $7);
select "one_on_one_points"."org_id", "one_on_one_points"."id", "one_on_one_points"."meeting_id", "one_on_one_points"."kind", "one_on_one_points"."section_key", "one_on_one_points"."title", "one_on_one_points"."author_id", "one_on_one_points"."position", "one_on_one_points"."discussed_at", "one_on_one_points"."carried_from_point_id", "one_on_one_points"."carried_to_meeting_id", "one_on_one_points"."planned_minutes", "one_on_one_points"."created_at", "one_on_one_points"."updated_at", "one_on_one_meetings"."org_id", "one_on_one_meetings"."id", "one_on_one_meetings"."kind", "one_on_one_meetings"."series_id", "one_on_one_meetings"."manager_id", "one_on_one_meetings"."employee_id", "one_on_one_meetings"."seq", "one_on_one_meetings"."local_date", "one_on_one_meetings"."time_zone", "one_on_one_meetings"."starts_at", "one_on_one_meetings"."ends_at", "one_on_one_meetings"."original_starts_at", "one_on_one_meetings"."duration_minutes", "one_on_one_meetings"."place_kind", "one_on_one_meetings"."place_detail", "one_on_one_meetings"."status", "one_on_one_meetings"."status_reason", "one_on_one_meetings"."status_reason_code", "one_on_one_meetings"."status_changed_by", "one_on_one_meetings"."status_changed_at", "one_on_one_meetings"."template_snapshot", "one_on_one_meetings"."started_at", "one_on_one_meetings"."started_by", "one_on_one_meetings"."held_at", "one_on_one_meetings"."held_on", "one_on_one_meetings"."calendar_sequence", "one_on_one_meetings"."workload_prompt_dismissed_at", "one_on_one_meetings"."created_at", "one_on_one_meetings"."updated_at", "one_on_one_series"."org_id", "one_on_one_series"."id", "one_on_one_series"."manager_id", "one_on_one_series"."employee_id", "one_on_one_series"."cadence", "one_on_one_series"."monthly_ordinal", "one_on_one_series"."start_date", "one_on_one_series"."local_time", "one_on_one_series"."time_zone", "one_on_one_series"."duration_minutes", "one_on_one_series"."place_kind", "one_on_one_series"."place_detail", "one_on_one_series"."builtin_template_key", "one_on_one_series"."template_id", "one_on_one_series"."horizon_until", "one_on_one_series"."calendar_sequence", "one_on_one_series"."reflection_block_minutes", "one_on_one_series"."ended_at", "one_on_one_series"."end_reason", "one_on_one_series"."created_at", "one_on_one_series"."updated_at" from "one_on_one_points" inner join "one_on_one_meetings" on ("one_on_one_meetings"."org_id" = "one_on_one_points"."org_id" and "one_on_one_meetings"."id" = "one_on_one_points"."meeting_id") inner join "one_on_one_series" on ("one_on_one_series"."org_id" = "one_on_one_meetings"."org_id" and "one_on_one_series"."id" = "one_on_one_meetings"."series_id") where ("one_on_one_points"."org_id" = $1 and "one_on_one_points"."id" = $2) limit $3 for update of "one_on_one_meetings";
select "org_id", "id", "meeting_id", "point_id", "body", "decision", "version", "updated_by", "created_at", "updated_at" from "one_on_one_notes" where ("one_on_one_notes"."org_id" = $1 and "one_on_one_notes"."point_id" = $2) limit $3 for update;
select "org_id", "meeting_id", "state", "upto_id", "created_at", "updated_at" from "meeting_docs" where ("meeting_docs"."org_id" = $1 and "meeting_docs"."meeting_id" = $2) limit $3;
select "sessions"."org_id", "sessions"."id", "sessions"."person_id", "sessions"."created_at", "sessions"."last_seen_at", "sessions"."expires_at", "sessions"."user_agent", "sessions"."ip_address", "sessions"."sso_provider_id", "people"."org_id", "people"."id", "people"."email", "people"."name", "people"."employee_number", "people"."job_title", "people"."department_id", "people"."locale", "people"."time_zone", "people"."manager_id", "people"."roles", "people"."password_hash", "people"."recovery_email", "people"."last_signed_in_at", "people"."active", "people"."deactivated_at", "people"."erased_at", "people"."coaching_tips_hidden", "people"."created_at", "people"."updated_at", "people"."search_text", "organisations"."default_locale", "organisations"."name", "organisations"."default_time_zone", (select count(*)::int from "people" r
      where r.org_id = "people"."org_id" and r.manager_id = "people"."id" and r.active) from "sessions" inner join "people" on ("people"."org_id" = "sessions"."org_id" and "people"."id" = "sessions"."person_id") inner join "organisations" on "organisations"."id" = "sessions"."org_id" where ("sessions"."id" = $1 and "sessions"."expires_at" > $2 and "people"."active" = $3) limit $4;
update "one_on_one_notes" set "body" = $1, "decision" = $2, "version" = $3, "updated_by" = $4, "updated_at" = now() where ("one_on_one_notes"."org_id" = $5 and "one_on_one_notes"."id" = $6) returning "org_id", "id", "meeting_id", "point_id", "body", "decision", "version", "updated_by", "created_at", "updated_at";

-- PATCH /api/actions/:id (tick an action): 4 statements
select "one_on_one_actions"."org_id", "one_on_one_actions"."id", "one_on_one_actions"."series_id", "one_on_one_actions"."meeting_id", "one_on_one_actions"."point_id", "one_on_one_actions"."manager_id", "one_on_one_actions"."employee_id", "one_on_one_actions"."origin_starts_at", "one_on_one_actions"."title", "one_on_one_actions"."owner_id", "one_on_one_actions"."due_date", "one_on_one_actions"."done_at", "one_on_one_actions"."prompt", "one_on_one_actions"."created_by", "one_on_one_actions"."created_at", "one_on_one_actions"."updated_at", "people"."time_zone" from "one_on_one_actions" inner join "people" on ("people"."org_id" = "one_on_one_actions"."org_id" and "people"."id" = "one_on_one_actions"."owner_id") where ("one_on_one_actions"."org_id" = $1 and "one_on_one_actions"."id" = $2) limit $3;
select "org_id", "id", "series_id", "meeting_id", "point_id", "manager_id", "employee_id", "origin_starts_at", "title", "owner_id", "due_date", "done_at", "prompt", "created_by", "created_at", "updated_at" from "one_on_one_actions" where ("one_on_one_actions"."org_id" = $1 and "one_on_one_actions"."id" = $2) limit $3 for update;
select "sessions"."org_id", "sessions"."id", "sessions"."person_id", "sessions"."created_at", "sessions"."last_seen_at", "sessions"."expires_at", "sessions"."user_agent", "sessions"."ip_address", "sessions"."sso_provider_id", "people"."org_id", "people"."id", "people"."email", "people"."name", "people"."employee_number", "people"."job_title", "people"."department_id", "people"."locale", "people"."time_zone", "people"."manager_id", "people"."roles", "people"."password_hash", "people"."recovery_email", "people"."last_signed_in_at", "people"."active", "people"."deactivated_at", "people"."erased_at", "people"."coaching_tips_hidden", "people"."created_at", "people"."updated_at", "people"."search_text", "organisations"."default_locale", "organisations"."name", "organisations"."default_time_zone", (select count(*)::int from "people" r
      where r.org_id = "people"."org_id" and r.manager_id = "people"."id" and r.active) from "sessions" inner join "people" on ("people"."org_id" = "sessions"."org_id" and "people"."id" = "sessions"."person_id") inner join "organisations" on "organisations"."id" = "sessions"."org_id" where ("sessions"."id" = $1 and "sessions"."expires_at" > $2 and "people"."active" = $3) limit $4;
update "one_on_one_actions" set "done_at" = $1::timestamptz, "updated_at" = now() where ("one_on_one_actions"."org_id" = $2 and "one_on_one_actions"."id" = $3) returning "org_id", "id", "series_id", "meeting_id", "point_id", "manager_id", "employee_id", "origin_starts_at", "title", "owner_id", "due_date", "done_at", "prompt", "created_by", "created_at", "updated_at";

-- GET /api/statistics (HR): 9 statements
select "sessions"."org_id", "sessions"."id", "sessions"."person_id", "sessions"."created_at", "sessions"."last_seen_at", "sessions"."expires_at", "sessions"."user_agent", "sessions"."ip_address", "sessions"."sso_provider_id", "people"."org_id", "people"."id", "people"."email", "people"."name", "people"."employee_number", "people"."job_title", "people"."department_id", "people"."locale", "people"."time_zone", "people"."manager_id", "people"."roles", "people"."password_hash", "people"."recovery_email", "people"."last_signed_in_at", "people"."active", "people"."deactivated_at", "people"."erased_at", "people"."coaching_tips_hidden", "people"."created_at", "people"."updated_at", "people"."search_text", "organisations"."default_locale", "organisations"."name", "organisations"."default_time_zone", (select count(*)::int from "people" r
      where r.org_id = "people"."org_id" and r.manager_id = "people"."id" and r.active) from "sessions" inner join "people" on ("people"."org_id" = "sessions"."org_id" and "people"."id" = "sessions"."person_id") inner join "organisations" on "organisations"."id" = "sessions"."org_id" where ("sessions"."id" = $1 and "sessions"."expires_at" > $2 and "people"."active" = $3) limit $4;
select 1 as one from statistics_wellbeing_periods
        where org_id = $1 and period = $2;
select d.id, d.name, exists (select 1 from departments c
            where c.org_id = d.org_id and c.parent_id = d.id) as has_children
        from departments d
        where d.org_id = $1 and d.parent_id is null
        order by d.name, d.id;
select default_time_zone as zone from organisations where id = $1;
select g.kind, g.group_key, g.employees, g.planned, g.held, g.overdue_actions, g.weeks_since_held,
          g.without_annual
        from unnest($1::text[], $2::text[]) as k(kind, group_key)
        -- Driven by the few keys asked for: one primary-key lookup each.
        cross join lateral (select * from statistics_groups x
          where x.org_id = $3 and x.period = $4 and x.kind = k.kind
            and x.group_key = k.group_key) g;
select g.kind, g.group_key, g.status, g.people, g.wellbeing, g.workload, g.progress
        from unnest($1::text[], $2::text[]) as k(kind, group_key)
        -- Driven by the few keys asked for: one primary-key lookup each.
        cross join lateral (select * from statistics_wellbeing_groups x
          where x.org_id = $3 and x.period = $4 and x.kind = k.kind
            and x.group_key = k.group_key) g;
select id, name, period_start::text as period_start, period_end::text as period_end
        from conversation_rounds where org_id = $1
        order by period_start desc, created_at desc limit 50;
select p.id, p.name, exists (select 1 from people r
            where r.org_id = p.org_id and r.manager_id = p.id and r.active and exists (
              select 1 from people rr where rr.org_id = r.org_id and rr.manager_id = r.id
                and rr.active)) as has_children
        from people p
        where p.org_id = $1
          and p.manager_id is null
          and exists (select 1 from people r where r.org_id = p.org_id and r.manager_id = p.id
            and r.active)
        order by p.name, p.id;
select period, as_of, computed_at from statistics_refreshes where org_id = $1;

-- GET /api/people?search= (HR people search): 2 statements
select "people"."org_id", "people"."id", "people"."email", "people"."name", "people"."employee_number", "people"."job_title", "people"."department_id", "people"."locale", "people"."time_zone", "people"."manager_id", "people"."roles", "people"."password_hash", "people"."recovery_email", "people"."last_signed_in_at", "people"."active", "people"."deactivated_at", "people"."erased_at", "people"."coaching_tips_hidden", "people"."created_at", "people"."updated_at", "people"."search_text", "departments"."name", manager.name from (select "id", "name" from "people" "h" where ("h"."org_id" = $1 and "h"."active" = $2 and "h"."search_text" like lower($3)) order by "h"."name" asc, "h"."id" asc limit $4) "page" inner join "people" on ("people"."org_id" = $5 and "people"."id" = "page"."id") left join "departments" on ("departments"."org_id" = "people"."org_id" and "departments"."id" = "people"."department_id") left join "people" as manager on manager.org_id = "people"."org_id" and manager.id = "people"."manager_id" order by "page"."name" asc, "page"."id" asc;
select "sessions"."org_id", "sessions"."id", "sessions"."person_id", "sessions"."created_at", "sessions"."last_seen_at", "sessions"."expires_at", "sessions"."user_agent", "sessions"."ip_address", "sessions"."sso_provider_id", "people"."org_id", "people"."id", "people"."email", "people"."name", "people"."employee_number", "people"."job_title", "people"."department_id", "people"."locale", "people"."time_zone", "people"."manager_id", "people"."roles", "people"."password_hash", "people"."recovery_email", "people"."last_signed_in_at", "people"."active", "people"."deactivated_at", "people"."erased_at", "people"."coaching_tips_hidden", "people"."created_at", "people"."updated_at", "people"."search_text", "organisations"."default_locale", "organisations"."name", "organisations"."default_time_zone", (select count(*)::int from "people" r
      where r.org_id = "people"."org_id" and r.manager_id = "people"."id" and r.active) from "sessions" inner join "people" on ("people"."org_id" = "sessions"."org_id" and "people"."id" = "sessions"."person_id") inner join "organisations" on "organisations"."id" = "sessions"."org_id" where ("sessions"."id" = $1 and "sessions"."expires_at" > $2 and "people"."active" = $3) limit $4;
