/**
 * Writes a planned organisation into PostgreSQL: master data from memory with `unnest` (one
 * array parameter per column), then the 1:1 history chunk by chunk inside the database.
 */
import type pg from 'pg';
import { builtinTemplates } from '../../src/server/repositories/one-on-one-template.repository';
import { pgArray } from '../../src/server/repositories/people-import.repository';
import { historyStatements } from './history';
import { benchId, type OrgPlan } from './org';
import { ACTIONS, DECISIONS, LANGS, NOTE_SENTENCES, PRIVATE, REASONS, TOPICS } from './texts';

const CHUNK = 5000;

function chunks<T>(items: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The organisation, its units and people (everyone with the same password hash). */
export async function loadMasterData(client: pg.PoolClient, plan: OrgPlan, passwordHash: string) {
  await client.query(
    `insert into organisations (id, name, slug, default_locale, default_time_zone)
     values ($1, $2, $3, 'sv', 'Europe/Stockholm')`,
    [plan.orgId, `Benchmark kommun (${plan.people.length} people)`, 'bench'],
  );
  for (const part of chunks(plan.departments)) {
    await client.query(
      `insert into departments (org_id, id, name, parent_id)
       select $1, v.id, v.name, v.parent_id
       from unnest($2::uuid[], $3::text[], $4::uuid[]) as v(id, name, parent_id)`,
      [plan.orgId, part.map((d) => d.id), part.map((d) => d.name), part.map((d) => d.parentId)],
    );
  }
  await client.query('analyze departments');
  for (const [i, part] of chunks(plan.people).entries()) {
    const col = <T>(f: (p: (typeof part)[number]) => T) => part.map(f);
    await client.query(
      `insert into people (org_id, id, email, name, employee_number, job_title, department_id,
         locale, time_zone, manager_id, roles, password_hash, active, deactivated_at, created_at,
         updated_at)
       select $1, v.id, v.email, v.name, v.nr, v.title, v.dept, v.locale, v.zone, v.manager,
         v.roles::text[], $2, v.active, case when v.active then null else now() - interval '40 days' end,
         $3, $3
       from unnest($4::uuid[], $5::text[], $6::text[], $7::text[], $8::text[], $9::uuid[],
         $10::text[], $11::text[], $12::uuid[], $13::text[], $14::boolean[])
         as v(id, email, name, nr, title, dept, locale, zone, manager, roles, active)`,
      [
        plan.orgId,
        passwordHash,
        new Date(`${plan.historyStart}T06:00:00Z`),
        col((p) => p.id),
        col((p) => p.email),
        col((p) => p.name),
        col((p) => p.employeeNumber),
        col((p) => p.jobTitle),
        col((p) => p.departmentId),
        col((p) => p.locale),
        col((p) => p.timeZone),
        col((p) => p.managerId),
        col((p) => pgArray(p.roles)),
        col((p) => p.active),
      ],
    );
    // Fresh statistics once the table is large, so the key checks of later chunks use indexes.
    if (i === 0) await client.query('analyze people');
  }
  await client.query('analyze people');
  for (const part of chunks(plan.series)) {
    const col = <T>(f: (s: (typeof part)[number]) => T) => part.map(f);
    await client.query(
      `insert into one_on_one_series (org_id, id, manager_id, employee_id, cadence,
         monthly_ordinal, start_date, local_time, time_zone, duration_minutes, place_kind,
         place_detail, builtin_template_key, horizon_until, ended_at, end_reason, created_at,
         updated_at)
       select $1, v.*, coalesce(v.ended_at, v.created_at)
       from unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::int[], $7::date[],
         $8::text[], $9::text[], $10::int[], $11::text[], $12::text[], $13::text[], $14::date[],
         $15::timestamptz[], $16::text[], $17::timestamptz[])
         as v(id, manager_id, employee_id, cadence, monthly_ordinal, start_date, local_time,
           time_zone, duration_minutes, place_kind, place_detail, builtin_template_key,
           horizon_until, ended_at, end_reason, created_at)`,
      [
        plan.orgId,
        col((s) => s.id),
        col((s) => s.managerId),
        col((s) => s.employeeId),
        col((s) => s.cadence),
        col((s) => s.monthlyOrdinal),
        col((s) => s.startDate),
        col((s) => s.localTime),
        col((s) => s.timeZone),
        col((s) => s.durationMinutes),
        col((s) => s.placeKind),
        col((s) => s.placeDetail),
        col((s) => s.templateKey),
        col((s) => s.horizonUntil),
        col((s) => s.endedAt),
        col((s) => s.endReason),
        col((s) => s.createdAt),
      ],
    );
  }
  await client.query('analyze one_on_one_series');
}

/** The texts and templates every history statement reads ($5 and $6). */
function historyData() {
  const texts = {
    notes: NOTE_SENTENCES,
    decisions: DECISIONS,
    topics: TOPICS,
    actions: ACTIONS,
    reasons: REASONS,
    private: PRIVATE,
  };
  const snapshots: Record<string, unknown> = {};
  const titles: Record<string, Record<string, Record<string, string>>> = {};
  for (const t of builtinTemplates().values()) {
    // The same shape as oneOnOneTemplateRepository.snapshotFor.
    snapshots[t.key] = { ref: `builtin:${t.key}`, name: t.name, sections: t.sections };
    titles[`builtin:${t.key}`] = Object.fromEntries(
      t.sections.map((s) => [s.key, Object.fromEntries(LANGS.map((l) => [l, s.title[l] ?? '']))]),
    );
  }
  return { texts: JSON.stringify(texts), templates: JSON.stringify({ snapshots, titles }) };
}

/**
 * Makes the history of every series, `jobs` chunks at a time. Key checks are off for these
 * sessions (session_replication_role = replica): every reference is made from rows that exist,
 * and checking 30 million of them one by one would take longer than writing them. So is JIT:
 * compiling these large statements took over a second each, half the time of a chunk.
 */
export async function loadHistory(
  pool: pg.Pool,
  plan: OrgPlan,
  opts: { now: Date; jobs: number; onChunk: (done: number, total: number, ms: number) => void },
): Promise<{ written: Record<string, number>; spent: Record<string, number> }> {
  const statements = historyStatements(plan.tag);
  const data = historyData();
  const perChunk = Math.max(50, Math.ceil(plan.series.length / Math.max(8, opts.jobs * 6)));
  const ranges = chunks(plan.series, perChunk).map((c) => [c[0]!.id, c[c.length - 1]!.id]);
  const written: Record<string, number> = {};
  const spent: Record<string, number> = {};
  let next = 0;
  let done = 0;
  const worker = async () => {
    const client = await pool.connect();
    try {
      await client.query(
        "set session_replication_role = replica; set synchronous_commit = off; set work_mem = '64MB'; set jit = off",
      );
      for (let i = next++; i < ranges.length; i = next++) {
        const started = Date.now();
        const [lo, hi] = ranges[i]!;
        for (const s of statements) {
          const t = Date.now();
          const res = await client.query(s.sql, [
            plan.orgId,
            lo,
            hi,
            opts.now,
            data.texts,
            data.templates,
          ]);
          written[s.table] = (written[s.table] ?? 0) + (res.rowCount ?? 0);
          spent[s.table] = (spent[s.table] ?? 0) + (Date.now() - t);
        }
        opts.onChunk(++done, ranges.length, Date.now() - started);
      }
    } finally {
      await client.query('reset session_replication_role').catch(() => undefined);
      client.release();
    }
  };
  await Promise.all(Array.from({ length: Math.min(opts.jobs, ranges.length) }, worker));
  return { written, spent };
}

/** Signed-in sessions of about one person in ten, as a running organisation has. */
export async function loadSessions(client: pg.PoolClient, plan: OrgPlan, now: Date) {
  const who = plan.people.filter((p, i) => p.active && i % 10 === 3);
  const ids = who.map((_, i) => benchId(plan.tag, 'session', i).replace(/-/g, '').padEnd(64, '0'));
  await client.query(
    `insert into sessions (org_id, id, person_id, created_at, last_seen_at, expires_at, user_agent)
     select $1, v.id, v.person, $2::timestamptz - interval '2 days', $2::timestamptz - interval '1 hour',
       $2::timestamptz + interval '12 days', 'Mozilla/5.0 (bench)'
     from unnest($3::text[], $4::uuid[]) as v(id, person)`,
    [plan.orgId, now, ids, who.map((p) => p.id)],
  );
  return who.length;
}

/** Checks that what the history points at exists (the keys were not checked while writing). */
export async function verifyReferences(client: pg.PoolClient): Promise<string[]> {
  const checks: [string, string][] = [
    [
      'points → meetings',
      'one_on_one_points c left join one_on_one_meetings p on p.org_id = c.org_id and p.id = c.meeting_id',
    ],
    [
      'notes → points',
      'one_on_one_notes c left join one_on_one_points p on p.org_id = c.org_id and p.id = c.point_id',
    ],
    [
      'actions → meetings',
      'one_on_one_actions c left join one_on_one_meetings p on p.org_id = c.org_id and p.id = c.meeting_id',
    ],
    [
      'minutes → meetings',
      'one_on_one_minutes c left join one_on_one_meetings p on p.org_id = c.org_id and p.id = c.meeting_id',
    ],
    [
      'meetings → series',
      'one_on_one_meetings c left join one_on_one_series p on p.org_id = c.org_id and p.id = c.series_id',
    ],
  ];
  const broken: string[] = [];
  for (const [name, from] of checks) {
    const { rows } = await client.query<{ n: number }>(
      `select count(*)::int as n from ${from} where p.id is null`,
    );
    if (rows[0]!.n > 0) broken.push(`${name}: ${rows[0]!.n}`);
  }
  return broken;
}
