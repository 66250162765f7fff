import { sql, type Column, type SQL } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../db/client';
import {
  developmentGoals as goals,
  oneOnOneActions as actions,
  oneOnOneMinutes as minutes,
  oneOnOneNotes as notes,
  oneOnOnePoints as points,
} from '../../db/schema';
import {
  actionDocument,
  goalDocument,
  minutesDocument,
  minutesSearchText,
  noteDocument,
  topicDocument,
} from '../../db/schema/search-vector';
import { STARTED } from '../../domain/development/reveal';
import type { SearchConfig, SearchKind } from '../../domain/search/search';

export type SearchRow = {
  kind: SearchKind;
  id: string;
  meeting_id: string | null;
  conversation_id: string | null;
  with_id: string;
  with_name: string;
  at: Date | string;
  rank: number;
  /** ts_headline output: chr(1) opens and chr(2) closes a found word. */
  title: string | null;
  snippet: string | null;
};

/** Marks found words with chr(1)…chr(2); the texts cannot hold those (domain/text.ts). */
const MARKS = `StartSel=${String.fromCharCode(1)}, StopSel=${String.fromCharCode(2)}`;
const TITLE_OPTIONS = `${MARKS}, HighlightAll=true`;
const SNIPPET_OPTIONS = `${MARKS}, MaxWords=24, MinWords=8, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "`;

const clean = (text: SQL) => sql`translate(${text}, chr(1) || chr(2), '')`;

export const searchRepository = {
  /**
   * The best `limit` matches of `q` among what `personId` may read as one of a pair (decision
   * 027): topics, shared notes and decisions, actions, minutes and goals of meetings and
   * conversations they are the manager or the employee of — by the pair of the record, never
   * by a role or the reporting line. Private notes, reflections and reminders are not searched.
   * The query is parsed in `queryConfigs` (the reader's and the organisation's language) and
   * found words are marked with `headlineConfig`, the reader's.
   */
  async search(
    db: DbOrTx,
    input: {
      orgId: string;
      personId: string;
      q: string;
      queryConfigs: readonly SearchConfig[];
      headlineConfig: SearchConfig;
      limit: number;
    },
  ): Promise<SearchRow[]> {
    const { orgId, personId: me } = input;
    const cfg = (c: SearchConfig) => sql.raw(`'${c}'::regconfig`);
    const query = sql.join(
      input.queryConfigs.map((c) => sql`websearch_to_tsquery(${cfg(c)}, ${input.q})`),
      sql` || `,
    );
    const h = cfg(input.headlineConfig);
    // Development-conversation preparations, their free-text answers in the template's order
    // (scales and choices are not words): the reveal rule of domain/development/reveal.ts
    // (own always; the other's once submitted and either the meeting started or both
    // submitted), by the reader's role in the pair. Not indexed: a person has few
    // conversations, and the statement starts from them.
    const myRole = sql`case when c.employee_id = ${me} then 'employee' else 'manager' end`;
    const started = sql`(${sql.join(
      STARTED.map((s) => sql`${s}`),
      sql`, `,
    )})`;
    const prepDoc = sql.join(
      input.queryConfigs.map(
        (c) => sql`setweight(to_tsvector(${cfg(c)}, coalesce(answers.text, '')), 'C')`,
      ),
      sql` || `,
    );
    const other = (m: SQL | Column, e: SQL | Column) =>
      sql`case when ${m} = ${me} then ${e} else ${m} end`;
    return queryRows<SearchRow>(
      db,
      sql`
      with q as materialized (select (${query}) as query),
      mine as (
        select m.id, m.manager_id, m.employee_id, m.starts_at from one_on_one_meetings m
        where m.org_id = ${orgId} and m.manager_id = ${me}
        union all
        select m.id, m.manager_id, m.employee_id, m.starts_at from one_on_one_meetings m
        where m.org_id = ${orgId} and m.employee_id = ${me} and m.manager_id <> ${me}
      ),
      hits as (
        select 'topic' as kind, ${points.id} as id, mine.id as meeting_id,
          ${other(sql`mine.manager_id`, sql`mine.employee_id`)} as with_id, mine.starts_at as at,
          ts_rank(${topicDocument(points.title)}, q.query) as rank,
          ${points.title} as title, null::text as body
        from ${points} join mine on mine.id = ${points.meetingId} cross join q
        where ${points.orgId} = ${orgId} and ${points.kind} = 'topic'
          and ${topicDocument(points.title)} @@ q.query
        union all
        select 'note', ${notes.id}, mine.id,
          ${other(sql`mine.manager_id`, sql`mine.employee_id`)}, mine.starts_at,
          ts_rank(${noteDocument(notes.decision, notes.body)}, q.query),
          pt.title, concat_ws(' · ', nullif(${notes.decision}, ''), nullif(${notes.body}, ''))
        from ${notes} join mine on mine.id = ${notes.meetingId} cross join q
        join one_on_one_points pt on pt.org_id = ${orgId} and pt.id = ${notes.pointId}
        where ${notes.orgId} = ${orgId} and ${noteDocument(notes.decision, notes.body)} @@ q.query
        union all
        select 'action', ${actions.id}, ${actions.meetingId},
          ${other(actions.managerId, actions.employeeId)},
          ${actions.originStartsAt},
          ts_rank(${actionDocument(actions.title)}, q.query), ${actions.title}, null::text
        from ${actions} cross join q
        where ${actions.orgId} = ${orgId}
          and (${actions.managerId} = ${me} or ${actions.employeeId} = ${me})
          and ${actionDocument(actions.title)} @@ q.query
        union all
        select 'minutes', ${minutes.meetingId}, ${minutes.meetingId},
          ${other(minutes.managerId, minutes.employeeId)},
          ${minutes.createdAt}, ts_rank(${minutesDocument(minutes.content)}, q.query), null::text,
          (select string_agg(x, ' · ') from jsonb_array_elements_text(${minutesSearchText(sql`${minutes.content}`)}) x)
        from ${minutes} cross join q
        where ${minutes.orgId} = ${orgId}
          and (${minutes.managerId} = ${me} or ${minutes.employeeId} = ${me})
          and ${minutesDocument(minutes.content)} @@ q.query
        union all
        select 'goal', ${goals.id}, null::uuid,
          ${other(goals.managerId, goals.employeeId)},
          ${goals.createdAt}, ts_rank(${goalDocument(goals)}, q.query), ${goals.title},
          concat_ws(' · ', nullif(${goals.description}, ''), nullif(${goals.successMeasure}, ''),
            nullif(${goals.roleExpectation}, ''), nullif(${goals.outcomeComment}, ''))
        from ${goals} cross join q
        where ${goals.orgId} = ${orgId}
          and (${goals.managerId} = ${me} or ${goals.employeeId} = ${me})
          and ${goalDocument(goals)} @@ q.query
        union all
        select 'preparation', cp.id, c.meeting_id,
          ${other(sql`c.manager_id`, sql`c.employee_id`)},
          coalesce(c.held_at, cp.submitted_at, cp.updated_at),
          ts_rank(${prepDoc}, q.query), null::text, answers.text
        from conversations c
        join conversation_preparations cp on cp.org_id = c.org_id and cp.conversation_id = c.id
        join conversation_template_versions tv
          on tv.org_id = c.org_id and tv.id = c.template_version_id
        cross join lateral (
          select string_agg(cp.answers ->> (k.key #>> '{}'), ' · ' order by k.n) as text
          from jsonb_path_query(tv.content, '$.sections[*].questions[*] ? (@.answer.type == "text").key')
            with ordinality k(key, n)
          where coalesce(cp.answers ->> (k.key #>> '{}'), '') <> ''
        ) answers
        cross join q
        where c.org_id = ${orgId} and (c.employee_id = ${me} or c.manager_id = ${me})
          and (cp.author_role = ${myRole}
            or (cp.submitted_at is not null and (c.status in ${started}
              or exists (select 1 from conversation_preparations mine_prep
                where mine_prep.org_id = c.org_id and mine_prep.conversation_id = c.id
                  and mine_prep.author_role = ${myRole} and mine_prep.submitted_at is not null))))
          and ${prepDoc} @@ q.query
      ),
      best as (
        select * from hits order by rank desc, at desc, id limit ${input.limit}
      )
      select best.kind, best.id, best.meeting_id,
        coalesce(c.id, g.conversation_id, cp.conversation_id) as conversation_id,
        best.with_id, p.name as with_name, best.at, best.rank::float8 as rank,
        case when best.title is not null
          then ts_headline(${h}, ${clean(sql`best.title`)}, q.query, ${TITLE_OPTIONS}) end as title,
        case when best.body is not null and best.body <> ''
          then ts_headline(${h}, ${clean(sql`best.body`)}, q.query, ${SNIPPET_OPTIONS}) end as snippet
      from best cross join q
      join people p on p.org_id = ${orgId} and p.id = best.with_id
      left join conversations c on c.org_id = ${orgId} and c.meeting_id = best.meeting_id
      left join development_goals g on best.kind = 'goal' and g.org_id = ${orgId} and g.id = best.id
      left join conversation_preparations cp
        on best.kind = 'preparation' and cp.org_id = ${orgId} and cp.id = best.id
      order by best.rank desc, best.at desc, best.id`,
    );
  },
};
