/**
 * Erasure (decision 024): an admin erases a person who has left; nothing of their name or
 * address stays in any table, the other party keeps the shared history with "former employee".
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client';
import { ERASURE_MAP, looksLikePersonColumn } from '../../src/domain/privacy/erasure-map';
import { deletedColumns, GONE_KIND, KEPT_KIND } from '../../src/domain/privacy/erasure-preview';
import { testApp, type TestContext } from '../support/app';
import { bookSeries, daysFromToday } from '../support/one-on-one.factories';
import { makePrivacyWorld, SECRETS } from './privacy.factories';

let ctx: TestContext;
let world: Awaited<ReturnType<typeof makePrivacyWorld>>;
let preview: {
  gone: { kind: string; count: number }[];
  kept: { kind: string; count: number }[];
};
const countOf = (list: { kind: string; count: number }[], kind: string) =>
  list.find((x) => x.kind === kind)?.count;

beforeAll(async () => {
  ctx = await testApp();
  world = await makePrivacyWorld(ctx, 'era');
});
afterAll(() => ctx.close());

type Col = { table_name: string; column_name: string; data_type: string };
const columns = () =>
  queryRows<Col>(
    ctx.database.db,
    sql`select c.table_name, c.column_name, c.data_type from information_schema.columns c
        join information_schema.tables t
          on t.table_schema = c.table_schema and t.table_name = c.table_name
        where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
        order by c.table_name, c.ordinal_position`,
  );

/** Every (table.column) of text, JSON or array type whose value mentions `needle`. */
async function mentions(needle: string): Promise<string[]> {
  const found: string[] = [];
  for (const c of await columns()) {
    if (!['text', 'character varying', 'jsonb', 'json', 'ARRAY'].includes(c.data_type)) continue;
    const rows = await queryRows<{ n: number }>(
      ctx.database.db,
      sql`select count(*)::int as n from ${sql.raw(`"${c.table_name}"`)}
          where ${sql.raw(`"${c.column_name}"`)}::text ilike ${`%${needle}%`}`,
    );
    if ((rows[0]?.n ?? 0) > 0) found.push(`${c.table_name}.${c.column_name}`);
  }
  return found;
}

describe('the erasure map', () => {
  it('names every table, and every column that refers to a person', async () => {
    const cols = await columns();
    const tables = [...new Set(cols.map((c) => c.table_name))];
    expect(tables.filter((t) => !(t in ERASURE_MAP))).toEqual([]);
    expect(Object.keys(ERASURE_MAP).filter((t) => !tables.includes(t))).toEqual([]);
    const unmapped = cols
      .filter((c) => c.data_type === 'uuid' && looksLikePersonColumn(c.column_name))
      .filter((c) => !(c.column_name in ERASURE_MAP[c.table_name]!.personColumns))
      .map((c) => `${c.table_name}.${c.column_name}`);
    expect(unmapped).toEqual([]);
    for (const [table, rule] of Object.entries(ERASURE_MAP)) {
      for (const c of [...Object.keys(rule.personColumns), ...(rule.scrub ?? [])]) {
        expect(
          cols.some((x) => x.table_name === table && x.column_name === c),
          `${table}.${c}`,
        ).toBe(true);
      }
    }
    // The scrub's reach names columns and parents that exist: a pair has both parties, a
    // parent (reached by its id) its own reach.
    const has = (table: string, column: string) =>
      cols.some((x) => x.table_name === table && x.column_name === column);
    const reachable = (table: string): string[] => {
      const reach = ERASURE_MAP[table]?.reach ?? 'pair';
      if (reach === 'organisation') return [];
      if (reach === 'pair')
        return ['manager_id', 'employee_id']
          .filter((c) => !has(table, c))
          .map((c) => `${table}.${c}`);
      return reach.via.flatMap(({ column, parent }) => [
        ...(has(table, column) ? [] : [`${table}.${column}`]),
        ...(has(parent, 'id') ? [] : [`${parent}.id`]),
        ...reachable(parent),
      ]);
    };
    for (const [table, rule] of Object.entries(ERASURE_MAP))
      if (rule.scrub) expect(reachable(table), table).toEqual([]);
  });
});

describe('the erasure preview', () => {
  it('names a kind for every table the erasure deletes from, and keeps only kept tables', () => {
    const deleting = deletedColumns().map((t) => t.table);
    expect(deleting.filter((t) => !(t in GONE_KIND))).toEqual([]);
    for (const table of Object.keys(KEPT_KIND)) {
      const rule = ERASURE_MAP[table]!;
      expect(Object.values(rule.personColumns), table).toContain('keep');
      expect(Object.values(rule.personColumns), table).not.toContain('delete');
    }
  });
});

describe('erasing a person who has left', () => {
  it('is refused while they are active, and without their name typed', async () => {
    const { w, c } = world;
    const still = await c.admin!.post(`/api/people/${w.employee.id}/erase`, {
      confirmName: w.employee.name,
    });
    expect(still.statusCode).toBe(409);
    expect(still.json().error.code).toBe('privacy.still_active');
    expect((await c.admin!.post(`/api/people/${w.employee.id}/deactivate`)).statusCode).toBe(200);
    const wrong = await c.admin!.post(`/api/people/${w.employee.id}/erase`, {
      confirmName: 'Erik',
    });
    expect(wrong.json().error.code).toBe('privacy.confirm_mismatch');
    // Their manager may not erase them, nor may anyone in another organisation.
    const byManager = await c.manager!.post(`/api/people/${w.employee.id}/erase`, {
      confirmName: w.employee.name,
    });
    expect(byManager.statusCode).toBe(403);
    const byStranger = await c.stranger!.post(`/api/people/${w.employee.id}/erase`, {
      confirmName: w.employee.name,
    });
    expect(byStranger.statusCode).toBe(404);
  });

  it('previews what goes and what is kept, in counts, for HR and administrators', async () => {
    const { w, c } = world;
    const url = `/api/people/${w.employee.id}/erasure`;
    // The same refusals as erasing: the manager may not, another organisation sees nothing.
    expect((await c.hr!.get(url)).statusCode).toBe(200);
    expect((await c.manager!.get(url)).statusCode).toBe(403);
    // (They themselves are deactivated and can no longer sign in.)
    expect((await c.employee!.get(url)).statusCode).not.toBe(200);
    // An administrator of another organisation is told nothing exists.
    expect((await c.stranger!.get(url)).statusCode).toBe(404);
    // An active person cannot be erased, so there is nothing to preview (checked before
    // deactivation in the test above; here for someone still active).
    const active = await c.admin!.get(`/api/people/${w.manager.id}/erasure`);
    expect(active.statusCode).toBe(409);
    expect(active.json().error.code).toBe('privacy.still_active');

    const res = await c.admin!.get(url);
    expect(res.statusCode).toBe(200);
    preview = res.json();
    // Counts only: no name, address or written content anywhere in the answer.
    for (const secret of [w.employee.name, w.employee.email, ...Object.values(SECRETS)]) {
      expect(res.body).not.toContain(secret);
    }
    expect(countOf(preview.gone, 'privateNotes')).toBe(1); // their private note
    expect(countOf(preview.gone, 'mails')).toBeGreaterThan(0);
    expect(countOf(preview.kept, 'oneOnOnes')).toBeGreaterThan(0);
    expect(countOf(preview.kept, 'checkIns')).toBe(1);
    expect(countOf(preview.kept, 'auditEntries')).toBeGreaterThan(0);
  });

  it('leaves no trace of their name or e-mail address in any table', async () => {
    const { w, c } = world;
    expect((await mentions(w.employee.name)).length).toBeGreaterThan(3); // before: many
    // HR erases a person who has left (issue #13), not only an administrator.
    expect((await c.hr!.get(`/api/people/${w.employee.id}`)).json().can.erase).toBe(true);
    const res = await c.hr!.post(`/api/people/${w.employee.id}/erase`, {
      confirmName: w.employee.name,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().deleted).toBeGreaterThan(0);
    // The preview counted exactly what went.
    expect(res.json().deleted).toBe(preview.gone.reduce((sum, g) => sum + g.count, 0));
    expect(await mentions(w.employee.name)).toEqual([]);
    expect(await mentions(w.employee.email)).toEqual([]);
    expect(await mentions(SECRETS.employeePrivate)).toEqual([]);
    // The manager's own private writing is theirs, and stays.
    expect(await mentions(SECRETS.managerPrivate)).not.toEqual([]);
  });

  it('keeps the shared history for the manager, with them as "former employee"', async () => {
    const { c, held, seriesId } = world;
    const meeting = await c.manager!.get(`/api/one-on-ones/meetings/${held}`);
    expect(meeting.statusCode).toBe(200);
    expect(meeting.body).toContain(SECRETS.shared);
    expect(meeting.body).toContain('Tidigare anställd');
    const history = await c.manager!.get(`/api/one-on-ones/series/${seriesId}/meetings?limit=10`);
    expect(history.statusCode).toBe(200);
    expect(history.json().items.length).toBeGreaterThan(0);
    // As many shared records stayed as the preview said.
    const { w } = world;
    const db = ctx.database.db;
    const kept = await queryRows<{ meetings: number; checkins: number }>(
      db,
      sql`select (select count(*)::int from one_on_one_meetings
                   where manager_id = ${w.employee.id} or employee_id = ${w.employee.id}) as meetings,
                 (select count(*)::int from check_ins
                   where manager_id = ${w.employee.id} or employee_id = ${w.employee.id}
                      or answered_by = ${w.employee.id}) as checkins`,
    );
    expect(kept[0]!.meetings).toBe(countOf(preview.kept, 'oneOnOnes'));
    expect(kept[0]!.checkins).toBe(countOf(preview.kept, 'checkIns'));
  });

  it('pseudonymises their audit entries and keeps the log append-only', async () => {
    const { w } = world;
    const db = ctx.database.db;
    const ips = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from audit_events
          where actor_id = ${w.employee.id} and ip is not null`,
    );
    expect(ips[0]!.n).toBe(0);
    const erased = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from audit_events
          where subject_id = ${w.employee.id} and action = 'person.erased'`,
    );
    expect(erased[0]!.n).toBe(1);
    // The exception is narrow: without the setting, and with it for anything but the address.
    await expect(db.execute(sql`update audit_events set ip = null`)).rejects.toThrow();
    await expect(
      db.transaction(async (tx) => {
        await tx.execute(sql`set local samtal.audit_erasure = 'on'`);
        await tx.execute(sql`update audit_events set action = 'x'`);
      }),
    ).rejects.toThrow();
  });

  it('cannot be done twice, and the erased person cannot sign in', async () => {
    const { w, c } = world;
    const again = await c.admin!.post(`/api/people/${w.employee.id}/erase`, {
      confirmName: 'Tidigare anställd',
    });
    expect(again.json().error.code).toBe('privacy.already_erased');
    // Nobody brings them back or writes new details on them.
    const back = await c.admin!.post(`/api/people/${w.employee.id}/reactivate`);
    expect(back.json().error.code).toBe('privacy.already_erased');
    const renamed = await c.hr!.patch(`/api/people/${w.employee.id}`, { name: w.employee.name });
    expect(renamed.json().error.code).toBe('privacy.already_erased');
    const shown = (await c.hr!.get(`/api/people/${w.employee.id}`)).json();
    expect(shown).toMatchObject({ name: 'Tidigare anställd', erased: true, active: false });
    expect(shown.can).toMatchObject({
      erase: false,
      requestAccess: false,
      sendExportLink: false,
      link: null,
    });
    const { Client } = await import('../support/app');
    const login = await new Client(ctx.app).login(w.employee.email);
    expect(login.statusCode).not.toBe(200);
  });
});

describe('the scrub', () => {
  it('reaches their own pairs and the outbox, not a namesake in another pair', async () => {
    const other = await makePrivacyWorld(ctx, 'nsk');
    const { w, c } = other;
    // Another pair of the organisation writes about someone with the same name.
    const { meetings } = await bookSeries(c.otherManager!, w.otherReport.id, {
      startDate: daysFromToday(1),
    });
    const agenda = (
      await c.otherManager!.get(`/api/one-on-ones/meetings/${meetings[0]!.id}`)
    ).json().agenda;
    const elsewhere = `${w.employee.name} from the supplier called`;
    const noted = await c.otherManager!.request(
      'PUT',
      `/api/one-on-ones/points/${agenda[0].id}/note`,
      {
        body: elsewhere,
        baseVersion: 0,
      },
    );
    expect(noted.statusCode).toBe(200);
    expect((await c.admin!.post(`/api/people/${w.employee.id}/deactivate`)).statusCode).toBe(200);
    const erased = await c.admin!.post(`/api/people/${w.employee.id}/erase`, {
      confirmName: w.employee.name,
    });
    expect(erased.statusCode).toBe(200);
    const notes = await queryRows<{ meeting_id: string; body: string }>(
      ctx.database.db,
      sql`select meeting_id, body from one_on_one_notes where org_id = ${w.org.id}`,
    );
    // Their own pair's note is scrubbed; the other pair's note about a namesake is theirs.
    const own = notes.filter((n) => n.meeting_id === other.held);
    expect(own.length).toBeGreaterThan(0);
    expect(own.some((n) => n.body.includes(w.employee.name))).toBe(false);
    expect(notes.filter((n) => n.meeting_id === meetings[0]!.id).map((n) => n.body)).toEqual([
      elsewhere,
    ]);
    // Mails that name them are scrubbed wherever they went.
    expect(
      await queryRows(
        ctx.database.db,
        sql`select id from mail_outbox where org_id = ${w.org.id}
            and (text_body ilike ${`%${w.employee.name}%`} or subject ilike ${`%${w.employee.name}%`})`,
      ),
    ).toEqual([]);
  });
});
