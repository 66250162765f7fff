/**
 * Check-ins and a development conversation round for a benchmark organisation, made inside
 * PostgreSQL (`insert … select`, no row over the wire). Runs after the 1:1 history, and on its
 * own against an existing benchmark database (`npm run bench:seed -- --extras`): it replaces
 * what an earlier run of it made and leaves everything else alone.
 */
import type pg from 'pg';
import { builtinConversationTemplates } from '../../src/server/repositories/conversation-template.repository';

/** Bump when the extras change: `npm run bench` then remakes them (not the whole database). */
export const EXTRAS_VERSION = 1;

/** Table codes for the ids made here (org.ts has the others): `<tag><code>-0000-4000-8000-<n>`. */
const CODE = { checkIn: '0010', template: '0011', version: '0012', round: '0013', talk: '0014' };
const bid = (tag: string, code: string, n: string) =>
  `('${tag}${code}-0000-4000-8000-' || lpad(to_hex(${n}), 12, '0'))::uuid`;
const num = (col: string) => `('x' || right(${col}::text, 12))::bit(48)::bigint`;
/** A stable number 0..1 from an id and a salt (the same person answers alike over time). */
const hash01 = (col: string, salt: string) =>
  `((hashtext(${col}::text || '${salt}') & 2147483647)::float8 / 2147483647)`;
const clamp = (expr: string) => `greatest(1, least(5, round(${expr})))::smallint`;

/**
 * About three held 1:1s in four open with a check-in. Each person has their own level per
 * measure (2.5–4.5), and each answer varies around it.
 */
const checkIns = (tag: string) => `
insert into check_ins (org_id, id, meeting_id, series_id, manager_id, employee_id,
  meeting_starts_at, wellbeing, workload, progress, comment, answered_by, created_at, updated_at)
select m.org_id, ${bid(tag, CODE.checkIn, num('m.id'))}, m.id, m.series_id, m.manager_id,
  m.employee_id, m.starts_at,
  ${clamp(`2.5 + 2 * ${hash01('m.employee_id', 'w')} + (random() - 0.5) * 2`)},
  ${clamp(`2.5 + 2 * ${hash01('m.employee_id', 's')} + (random() - 0.5) * 2`)},
  ${clamp(`2.5 + 2 * ${hash01('m.employee_id', 'p')} + (random() - 0.5) * 2`)},
  case when random() < 0.15 then 'Lite mycket just nu, men det ordnar sig.' else '' end,
  case when random() < 0.8 then m.employee_id else m.manager_id end,
  m.starts_at - interval '1 day', m.starts_at
from one_on_one_meetings m
where m.org_id = $1 and m.series_id between $2 and $3 and m.status = 'held'
  and random() < 0.75`;

/** One round for everyone with a manager, part way through: statuses spread over the org. */
const conversations = (tag: string) => `
insert into conversations (org_id, id, round_id, kind, employee_id, manager_id,
  template_version_id, status, booked_at, held_at, closed_at, signed_at, created_at, updated_at)
select p.org_id, ${bid(tag, CODE.talk, num('p.id'))}, ${bid(tag, CODE.round, '0')}, 'development',
  p.id, p.manager_id, ${bid(tag, CODE.version, '0')}, s.status,
  case when s.status <> 'not_booked' then $2::timestamptz - interval '40 days' end,
  case when s.status in ('held', 'closed', 'signed') then $2::timestamptz - interval '20 days' end,
  case when s.status in ('closed', 'signed') then $2::timestamptz - interval '15 days' end,
  case when s.status = 'signed' then $2::timestamptz - interval '10 days' end,
  $2::timestamptz - interval '60 days', $2::timestamptz - interval '10 days'
from people p
cross join lateral (select ${hash01('p.id', 'round')} as r) h
cross join lateral (select case when h.r < 0.2 then 'not_booked' when h.r < 0.45 then 'booked'
  when h.r < 0.6 then 'held' when h.r < 0.85 then 'closed' else 'signed' end as status) s
where p.org_id = $1 and p.active and p.manager_id is not null`;

/** Removes what an earlier run made (and the fixed wellbeing figures computed from it). */
async function clear(c: pg.PoolClient, orgId: string) {
  await c.query('truncate statistics_wellbeing_groups, statistics_wellbeing_periods');
  await c.query('truncate check_ins');
  await c.query(`delete from conversations where org_id = $1`, [orgId]);
  await c.query(`delete from conversation_rounds where org_id = $1`, [orgId]);
  await c.query(`delete from conversation_template_versions where org_id = $1`, [orgId]);
  await c.query(`delete from conversation_templates where org_id = $1`, [orgId]);
}

/** Makes the extras of the benchmark organisation in the database `pool` points at. */
export async function loadExtras(
  pool: pg.Pool,
  opts: { tag: string; now: Date; jobs: number; log: (line: string) => void },
): Promise<Record<string, number>> {
  const started = Date.now();
  const c = await pool.connect();
  let orgId: string;
  let ranges: [string, string][];
  try {
    orgId = (await c.query<{ id: string }>(`select id from organisations where slug = 'bench'`))
      .rows[0]!.id;
    await clear(c, orgId);
    const { rows } = await c.query<{ lo: string; hi: string }>(
      `select min(id::text) as lo, max(id::text) as hi from (
         select id, ntile(${Math.max(8, opts.jobs * 6)}) over (order by id) as part
         from one_on_one_series where org_id = $1) x group by part order by 1`,
      [orgId],
    );
    ranges = rows.map((r) => [r.lo, r.hi]);
  } finally {
    c.release();
  }
  const written: Record<string, number> = { check_ins: 0 };
  let next = 0;
  const sql = checkIns(opts.tag);
  const worker = async () => {
    const w = await pool.connect();
    try {
      // Key checks off, as for the history: every reference comes from a row that exists.
      await w.query(
        'set session_replication_role = replica; set jit = off; set synchronous_commit = off',
      );
      for (let i = next++; i < ranges.length; i = next++) {
        const res = await w.query(sql, [orgId, ranges[i]![0], ranges[i]![1]]);
        written.check_ins! += res.rowCount ?? 0;
      }
    } finally {
      await w.query('reset session_replication_role').catch(() => undefined);
      w.release();
    }
  };
  await Promise.all(Array.from({ length: Math.min(opts.jobs, ranges.length) }, worker));
  opts.log(`  check-ins: ${written.check_ins} (${((Date.now() - started) / 1000).toFixed(1)} s)`);

  const c2 = await pool.connect();
  try {
    const template = builtinConversationTemplates().find((t) => t.kind === 'development')!;
    await c2.query(
      `insert into conversation_templates (org_id, id, kind, name, builtin_key)
       values ($1, ${bid(opts.tag, CODE.template, '0')}, 'development', $2, $3)`,
      [orgId, JSON.stringify(template.name), template.key],
    );
    await c2.query(
      `insert into conversation_template_versions (org_id, id, template_id, version, content)
       values ($1, ${bid(opts.tag, CODE.version, '0')}, ${bid(opts.tag, CODE.template, '0')}, 1, $2)`,
      [orgId, JSON.stringify({ sections: template.sections })],
    );
    const year = opts.now.getUTCFullYear();
    await c2.query(
      `insert into conversation_rounds (org_id, id, kind, name, template_version_id, period_start,
         period_end, deadline, scope, created_at, updated_at)
       values ($1, ${bid(opts.tag, CODE.round, '0')}, 'development', $2,
         ${bid(opts.tag, CODE.version, '0')}, $3, $4, $4, '{"type":"all"}', now(), now())`,
      [orgId, `Medarbetarsamtal ${year}`, `${year}-09-01`, `${year}-12-15`],
    );
    const res = await c2.query(conversations(opts.tag), [orgId, opts.now]);
    written.conversations = res.rowCount ?? 0;
    written.conversation_rounds = 1;
    await c2.query('analyze check_ins');
    await c2.query('analyze conversations');
  } finally {
    c2.release();
  }
  opts.log(
    `  development round: ${written.conversations} conversations (${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
  return written;
}
