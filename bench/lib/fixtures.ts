/**
 * What the benchmark acts on, read from the benchmark database: who signs in, which meetings
 * and points they open and write to. Sessions are made directly (the sign-in itself is measured
 * on its own), and `resetWrites` takes back everything the write benchmarks did.
 */
import { createHash, randomBytes } from 'node:crypto';
import type pg from 'pg';

type Session = { personId: string; cookie: string };
export type Target = { user: Session; id: string; otherId?: string };

export type Fixtures = {
  orgId: string;
  managers: Session[];
  employees: Session[];
  hr: Session[];
  emails: string[];
  /** Meeting pages: the next prepared meeting and the last held one, seen by either of the pair. */
  meetingPages: Target[];
  /** Upcoming meetings to add a topic to (one of the pair adds it). */
  addPoint: Target[];
  /** Agenda points without a shared note yet (one of the pair writes it). */
  notePoints: Target[];
  /** Planned meetings the manager finishes, nearest to today first. */
  finish: Target[];
  /** Open actions their owner ticks off and on again. */
  actions: Target[];
};

const BENCH_AGENT = 'samtal-bench';
/**
 * This run's sessions carry their own user agent, so that a run taking back its writes never
 * signs out another run measuring the same database at the same time.
 */
const RUN_AGENT = `${BENCH_AGENT}:${process.pid}:${Date.now()}`;

/** Ordered by a hash of the id: a fixed, well spread sample that is the same every run. */
const sample = `order by md5(x.id::text) limit $2`;

async function sessionsFor(db: pg.Pool, orgId: string, personIds: string[]) {
  const out = new Map<string, Session>();
  const rows = personIds
    .filter((id, i) => personIds.indexOf(id) === i)
    .map((personId) => {
      const token = randomBytes(32).toString('base64url');
      const id = createHash('sha256').update(token).digest('hex');
      out.set(personId, { personId, cookie: `samtal_session=${token}` });
      return { id, personId };
    });
  await db.query(
    `insert into sessions (org_id, id, person_id, expires_at, user_agent)
     select $1, v.id, v.person, now() + interval '1 day', '${RUN_AGENT}'
     from unnest($2::text[], $3::uuid[]) as v(id, person)`,
    [orgId, rows.map((r) => r.id), rows.map((r) => r.personId)],
  );
  return out;
}

/** Picks users, meetings and points; `n` bounds each sample. */
export async function loadFixtures(db: pg.Pool, n: number): Promise<Fixtures> {
  const { rows: orgs } = await db.query<{ id: string }>(
    `select id from organisations where slug = 'bench'`,
  );
  const orgId = orgs[0]!.id;
  const q = async <T extends pg.QueryResultRow>(text: string, limit = n) =>
    (await db.query<T>(text, [orgId, limit])).rows;

  const managers = await q<{ id: string }>(`
    select x.id from people x where x.org_id = $1 and x.active and exists (
      select 1 from people r where r.org_id = x.org_id and r.manager_id = x.id and r.active)
    ${sample}`);
  const employees = await q<{ id: string }>(`
    select x.employee_id as id from one_on_one_series x
    join people p on p.org_id = x.org_id and p.id = x.employee_id and p.active
    where x.org_id = $1 and x.ended_at is null ${sample}`);
  const hr = await q<{ id: string }>(
    `select x.id from people x where x.org_id = $1 and x.active and 'hr' = any(x.roles) ${sample}`,
  );
  const emails = await q<{ email: string }>(
    `select x.email from people x where x.org_id = $1 and x.active ${sample}`,
  );
  // Running series of active pairs: their next prepared meeting and their last held one.
  const pairs = await q<{
    manager_id: string;
    employee_id: string;
    next_id: string | null;
    later_id: string | null;
    last_id: string | null;
  }>(`
    select x.manager_id, x.employee_id,
      (select m.id from one_on_one_meetings m where m.org_id = x.org_id and m.series_id = x.id
         and m.status in ('planned', 'moved') and m.starts_at > now()
         and m.template_snapshot is not null order by m.starts_at limit 1) as next_id,
      (select m.id from one_on_one_meetings m where m.org_id = x.org_id and m.series_id = x.id
         and m.status in ('planned', 'moved') and m.starts_at > now()
         and m.template_snapshot is not null order by m.starts_at offset 1 limit 1) as later_id,
      (select m.id from one_on_one_meetings m where m.org_id = x.org_id and m.series_id = x.id
         and m.status = 'held' order by m.starts_at desc limit 1) as last_id
    from one_on_one_series x
    join people e on e.org_id = x.org_id and e.id = x.employee_id and e.active
    join people mg on mg.org_id = x.org_id and mg.id = x.manager_id and mg.active
    where x.org_id = $1 and x.ended_at is null ${sample}`);
  const notePoints = await q<{ id: string; manager_id: string; employee_id: string }>(
    `select x.id, m.manager_id, m.employee_id from one_on_one_points x
     join one_on_one_meetings m on m.org_id = x.org_id and m.id = x.meeting_id
     join one_on_one_series s on s.org_id = m.org_id and s.id = m.series_id and s.ended_at is null
     where x.org_id = $1 and m.status in ('planned', 'moved') and m.starts_at > now()
       and m.template_snapshot is not null
       and not exists (select 1 from one_on_one_notes n where n.org_id = x.org_id and n.point_id = x.id)
     ${sample}`,
    n * 4,
  );
  const finish = await q<{ id: string; manager_id: string }>(
    `select x.id, x.manager_id from one_on_one_meetings x
     join one_on_one_series s on s.org_id = x.org_id and s.id = x.series_id and s.ended_at is null
     join people mg on mg.org_id = x.org_id and mg.id = x.manager_id and mg.active
     where x.org_id = $1 and x.status = 'planned'
     order by x.template_snapshot is null, abs(extract(epoch from x.starts_at - now())), x.id
     limit $2`,
    n * 40,
  );

  const actions = await q<{ id: string; owner_id: string }>(
    `select x.id, x.owner_id from one_on_one_actions x
     join one_on_one_series s on s.org_id = x.org_id and s.manager_id = x.manager_id
       and s.employee_id = x.employee_id and s.ended_at is null
     join people o on o.org_id = x.org_id and o.id = x.owner_id and o.active
     where x.org_id = $1 and x.done_at is null and x.meeting_id is not null ${sample}`,
  );

  const people = [
    ...managers,
    ...employees,
    ...hr,
    ...pairs.flatMap((p) => [{ id: p.manager_id }, { id: p.employee_id }]),
    ...notePoints.flatMap((p) => [{ id: p.manager_id }, { id: p.employee_id }]),
    ...finish.map((f) => ({ id: f.manager_id })),
    ...actions.map((a) => ({ id: a.owner_id })),
  ].map((r) => r.id);
  const sessions = await sessionsFor(db, orgId, people);
  const s = (id: string) => sessions.get(id)!;
  // Alternate the viewer: the employee on even rows, the manager on odd ones.
  const either = (i: number, p: { manager_id: string; employee_id: string }) =>
    s(i % 2 === 0 ? p.employee_id : p.manager_id);
  const meetingPages: Target[] = [];
  const other = (i: number, p: { manager_id: string; employee_id: string }) =>
    i % 2 === 0 ? p.manager_id : p.employee_id;
  pairs.forEach((p, i) => {
    if (p.next_id) meetingPages.push({ user: either(i, p), id: p.next_id, otherId: other(i, p) });
    if (p.last_id)
      meetingPages.push({ user: either(i + 1, p), id: p.last_id, otherId: other(i + 1, p) });
  });
  return {
    orgId,
    managers: managers.map((r) => s(r.id)),
    employees: employees.map((r) => s(r.id)),
    hr: hr.map((r) => s(r.id)),
    emails: emails.map((r) => r.email),
    meetingPages,
    addPoint: pairs.flatMap((p, i) => (p.later_id ? [{ user: either(i, p), id: p.later_id }] : [])),
    notePoints: notePoints.map((p, i) => ({ user: either(i, p), id: p.id })),
    finish: finish.map((f) => ({ user: s(f.manager_id), id: f.id })),
    actions: actions.map((a) => ({ user: s(a.owner_id), id: a.id })),
  };
}

/** Meetings in the finish pool that nobody has opened yet (their agenda is made on first read). */
export async function unpreparedMeetings(db: pg.Pool, ids: string[]): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `select id from one_on_one_meetings where id = any($1::uuid[]) and template_snapshot is null`,
    [ids],
  );
  return rows.map((r) => r.id);
}

/**
 * Takes back what the write benchmarks did: topics and shared notes marked "bench:", ticked
 * actions (the ids the run touched), finished
 * meetings (found by their minutes mail; the generator writes no mail), and the sessions and
 * sign-in failures of the run (and expired sessions of runs that crashed). Safe to run any time.
 */
export async function resetWrites(
  db: pg.Pool,
  ticked: string[] = [],
): Promise<Record<string, number>> {
  const run = async (text: string) => (await db.query(text)).rowCount ?? 0;
  const finished = `select (regexp_match(dedupe_key, '^one_on_one\\.minutes:(.*)$'))[1]::uuid
    from mail_outbox where kind = 'one_on_one.minutes'`;
  return {
    topics: await run(`delete from one_on_one_points where title like 'bench:%'`),
    actions: await run(`delete from one_on_one_actions where title like 'bench:%'`),
    // Actions the tick benchmark left done (it ticks each on and off); all were open before.
    ticked: ticked.length
      ? ((
          await db.query(
            `update one_on_one_actions set done_at = null where id = any($1::uuid[])`,
            [ticked],
          )
        ).rowCount ?? 0)
      : 0,
    notes: await run(`delete from one_on_one_notes where body like 'bench:%'`),
    minutes: await run(`delete from one_on_one_minutes where meeting_id in (${finished})`),
    finished: await run(`update one_on_one_meetings set status = 'planned', held_at = null,
        status_changed_by = null, status_changed_at = null
      where status = 'held' and id in (${finished})`),
    mail: await run(`delete from mail_outbox where kind = 'one_on_one.minutes'`),
    sessions: await run(
      `delete from sessions where user_agent is null or user_agent = '${RUN_AGENT}'
        or (user_agent like '${BENCH_AGENT}%' and expires_at < now())`,
    ),
    signInFailures: await run(`delete from login_attempts`),
  };
}
