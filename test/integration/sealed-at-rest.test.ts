/**
 * Sealed notes at rest (decision 018, issue #12): a manager with a vault writes private notes and
 * a reflection through the HTTP API with envelopes made by the same module the browser runs
 * (the browser path is test/e2e/s-sealed-notes.spec.ts); then the WHOLE database is searched for
 * their text. On PostgreSQL every row of every table of every schema, as text and as the hex of
 * its bytes (bytea columns); on PGlite every file of the data folder, WAL included, after a
 * checkpoint. Nothing may be found. The same search must find the texts that are not sealed (a
 * shared note, an agenda point, a plain private note of someone without a vault), so it would
 * fail if sealing broke or the search went blind.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite, queryRows, type Database } from '../../src/db/client';
import {
  createVault,
  privateNoteContext,
  reflectionContext,
  seal,
} from '../../src/domain/sealing/envelope';
import { buildApp } from '../../src/server/app';
import { loadConfig } from '../../src/server/config';
import { freshDatabase } from '../support/database';
import {
  bookSeries,
  clientsFor,
  daysFromToday,
  makeOneOnOneWorld,
  type OneOnOneWorld,
} from '../support/one-on-one.factories';
import type { FastifyInstance } from 'fastify';

// Short texts on purpose: under PostgreSQL's TOAST threshold (about 2 kB) a text is stored as
// is, never compressed, so a plain copy of one of them would be found byte for byte.
const SEALED = {
  note1: 'forseglad-anteckning-7f3a-Ahmed-vill-byta-team',
  note2: 'forseglad-anteckning-91c2-fraga-om-kursen-i-mars',
  reflection: 'forseglad-reflektion-c4d8-lat-Ahmed-borja',
};
const PLAIN = {
  shared: 'delad-anteckning-2b6e-budget-for-kursen',
  topic: 'agendapunkt-5d10-arbetsbelastning',
  employeeNote: 'medarbetarens-egen-oforseglade-8e47',
};

let database: Database & { url?: string };
let app: FastifyInstance;
let dataDir: string | undefined;
let w: OneOnOneWorld;

beforeAll(async () => {
  if (process.env.DATABASE_URL) {
    database = await freshDatabase();
  } else {
    // A PGlite with its data on disk, as `samtal serve` runs it.
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samtal-at-rest-'));
    database = await openPglite(dataDir);
  }
  app = await buildApp(loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), database);
  await app.ready();
  w = await makeOneOnOneWorld(database.db, 'rest');
  const c = await clientsFor(app, w);
  const { meetings } = await bookSeries(c.manager, w.employee.id, {
    startDate: daysFromToday(1),
  });
  const [first, second] = [meetings[0]!.id, meetings[1]!.id];

  // The manager's vault, made as the browser makes it.
  const { wraps, key } = await createVault('en lång lösenfras för valvet');
  expect((await c.manager.post('/api/vault', wraps)).statusCode).toBe(201);
  const put = (client: typeof c.manager, url: string, body: unknown) =>
    client.request('PUT', url, body);
  for (const [meeting, text] of [
    [first, SEALED.note1],
    [second, SEALED.note2],
  ] as const) {
    const sealed = await seal(key, text, privateNoteContext(meeting, w.manager.id), 1);
    const res = await put(c.manager, `/api/one-on-ones/meetings/${meeting}/private-note`, {
      sealed,
      baseVersion: 0,
    });
    expect(res.statusCode, res.body).toBe(200);
  }
  const reflection = await seal(
    key,
    JSON.stringify({
      topics: [{ title: 'Hur mår du', howItWent: SEALED.reflection, why: '', doDifferently: '' }],
      notes: SEALED.reflection,
    }),
    reflectionContext(first, w.manager.id),
    1,
  );
  const reflected = await put(c.manager, `/api/one-on-ones/meetings/${first}/reflection`, {
    sealed: reflection,
  });
  expect(reflected.statusCode, reflected.body).toBe(200);

  // What is not sealed: the pair's shared text and the employee's own plain private note.
  const point = await c.employee.post(`/api/one-on-ones/meetings/${first}/points`, {
    title: PLAIN.topic,
  });
  expect(point.statusCode, point.body).toBe(201);
  const shared = await put(c.manager, `/api/one-on-ones/points/${point.json().id}/note`, {
    body: PLAIN.shared,
    baseVersion: 0,
  });
  expect(shared.statusCode, shared.body).toBe(200);
  const own = await put(c.employee, `/api/one-on-ones/meetings/${first}/private-note`, {
    body: PLAIN.employeeNote,
    baseVersion: 0,
  });
  expect(own.statusCode, own.body).toBe(200);
}, 60_000);

afterAll(async () => {
  await app?.close();
  await database?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Which of the texts occur anywhere in the database, by the means of this driver. */
async function foundInDatabase(texts: string[]): Promise<string[]> {
  if (dataDir) {
    // Everything written so far into the heap files; the WAL stays in pg_wal beside them.
    await database.executeSql('checkpoint');
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (e.isFile()) files.push(p);
      }
    };
    walk(dataDir);
    expect(files.some((f) => f.includes(`${path.sep}pg_wal${path.sep}`))).toBe(true);
    const needles = texts.map((t) => ({ t, bytes: Buffer.from(t, 'utf8') }));
    const found = new Set<string>();
    for (const f of files) {
      const data = fs.readFileSync(f);
      for (const n of needles) if (data.includes(n.bytes)) found.add(n.t);
    }
    return [...found];
  }
  // PostgreSQL: every base table of every schema (Samtal's, drizzle's, pg-boss's), each row as
  // text; bytea columns print as hex, so the hex of each text is searched for too.
  const tables = await queryRows<{ s: string; t: string }>(
    database.db,
    sql`select table_schema as s, table_name as t from information_schema.tables
          where table_type = 'BASE TABLE'
            and table_schema not in ('pg_catalog', 'information_schema')`,
  );
  expect(tables.length).toBeGreaterThan(30);
  const found = new Set<string>();
  for (const { s, t } of tables) {
    for (const text of texts) {
      const hex = Buffer.from(text, 'utf8').toString('hex');
      const rows = await queryRows<{ n: number }>(
        database.db,
        sql`select count(*)::int as n from ${sql.identifier(s)}.${sql.identifier(t)} r
              where r::text like ${`%${text}%`} or r::text like ${`%${hex}%`}`,
      );
      if (rows[0]!.n > 0) found.add(text);
    }
  }
  return [...found];
}

describe('sealed notes at rest', () => {
  it('leaves no private note or reflection text anywhere in the database, WAL included', async () => {
    const found = await foundInDatabase([...Object.values(SEALED), ...Object.values(PLAIN)]);
    // The search sees plain text where there is plain text…
    expect(found.filter((t) => Object.values(PLAIN).includes(t)).sort()).toEqual(
      Object.values(PLAIN).sort(),
    );
    // …and none of what was sealed.
    expect(found.filter((t) => Object.values(SEALED).includes(t))).toEqual([]);
  });
});
