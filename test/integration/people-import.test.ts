import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImport } from '../../src/cli/import.command';
import { auditEvents, departments, people } from '../../src/db/schema/index';
import { Client, signedIn, testApp, type TestContext } from '../support/app';
import { makeDepartment, makeOrg, makePerson } from '../support/factories';

let ctx: TestContext;
let orgId: string;
let orgSlug: string;
let otherOrgId: string;
let hr: Client;
let ceoId: string;

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

beforeAll(async () => {
  ctx = await testApp();
  const db = ctx.database.db;
  const org = await makeOrg(db, { defaultLocale: 'sv', defaultTimeZone: 'Europe/Stockholm' });
  orgId = org.id;
  orgSlug = org.slug;
  const ceo = await makePerson(db, orgId, {
    name: 'Cecilia VD',
    email: 'ceo@a.test',
    employeeNumber: 'A001',
  });
  ceoId = ceo.id;
  // An administrator too: the files below grant `admin`, which only an administrator may.
  await makePerson(db, orgId, { email: 'hr@a.test', roles: ['hr', 'admin'], managerId: ceo.id });
  await makePerson(db, orgId, { email: 'hr.da@a.test', roles: ['hr'], locale: 'da' });
  await makePerson(db, orgId, { email: 'gone@a.test', name: 'Gunnar Gone', active: false });
  await makePerson(db, orgId, { email: 'worker@a.test', managerId: ceo.id });
  // Another tenant with the same e-mails and employee numbers as the files below use.
  const other = await makeOrg(db);
  otherOrgId = other.id;
  // (No passwords: signing in as ceo@a.test must reach our tenant.)
  for (const p of [
    { email: 'ceo@a.test', employeeNumber: 'A001', name: 'Other' },
    { email: 'bo@a.test', employeeNumber: 'T2', name: 'Other Bo' },
  ])
    await makePerson(db, otherOrgId, { ...p, passwordHash: null });
  await makePerson(db, otherOrgId, { email: 'hr@b.test', roles: ['hr'] });
  hr = await signedIn(ctx.app, 'hr@a.test');
});
afterAll(() => ctx.close());

function post(client: Client, body: string | Buffer, mode: 'preview' | 'apply' = 'apply') {
  return client.request('POST', `/api/people/import?mode=${mode}`, body, {
    'content-type': 'text/csv',
  });
}

const countIn = async (table: typeof people | typeof departments, org = orgId) =>
  (await ctx.database.db.select({ n: count() }).from(table).where(eq(table.orgId, org)))[0]!.n;

const byEmail = async (email: string, org = orgId) =>
  (
    await ctx.database.db
      .select()
      .from(people)
      .where(and(eq(people.orgId, org), eq(people.email, email)))
  )[0];

const importEvents = async () =>
  (
    await ctx.database.db
      .select({ n: count() })
      .from(auditEvents)
      .where(and(eq(auditEvents.orgId, orgId), eq(auditEvents.action, 'people.imported')))
  )[0]!.n;

// A Swedish Excel export: BOM, semicolons, CRLF, Swedish headers, a department tree, a manager
// in the same file (after the report) and one already in Samtal.
const SWEDISH = Buffer.concat([
  BOM,
  Buffer.from(
    [
      'Anställningsnummer;Namn;E-post;Befattning;Avdelning;Chef;Språk;Tidszon;Roller',
      'T2;Bo Ek;bo@a.test;Undersköterska;Vård och omsorg / Hemtjänst Norr;T1;;;',
      'T1;Åsa Öberg;Asa.Oberg@A.test;Enhetschef;Vård och omsorg / Hemtjänst Norr;ceo@a.test;sv;;',
      '',
      'T3;Cilla Ström;cilla@a.test;Sjuksköterska;Vård och omsorg / Hemtjänst Norr;T1;no;Europe/Oslo;hr|admin',
      '',
    ].join('\r\n'),
    'utf8',
  ),
]);

describe('people import (HR)', () => {
  it('imports a Swedish Excel file: BOM, semicolons, CRLF, departments and managers', async () => {
    const before = await countIn(people);
    const res = await post(hr, SWEDISH);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      created: 3,
      updated: 0,
      unchanged: 0,
      departmentsCreated: 2,
      total: 3,
    });
    expect(await countIn(people)).toBe(before + 3);
    const asa = await byEmail('asa.oberg@a.test');
    const bo = await byEmail('bo@a.test');
    const cilla = await byEmail('cilla@a.test');
    expect(asa).toMatchObject({
      name: 'Åsa Öberg',
      employeeNumber: 'T1',
      jobTitle: 'Enhetschef',
      managerId: ceoId,
      locale: 'sv',
      timeZone: 'Europe/Stockholm',
      roles: [],
      passwordHash: null,
      active: true,
    });
    expect(bo).toMatchObject({ managerId: asa!.id, locale: null });
    expect(cilla).toMatchObject({
      managerId: asa!.id,
      locale: 'nb',
      timeZone: 'Europe/Oslo',
      roles: ['hr', 'admin'],
    });
    const units = await ctx.database.db
      .select()
      .from(departments)
      .where(eq(departments.orgId, orgId));
    const care = units.find((d) => d.name === 'Vård och omsorg');
    const north = units.find((d) => d.name === 'Hemtjänst Norr');
    expect(care?.parentId).toBeNull();
    expect(north?.parentId).toBe(care?.id);
    expect([asa, bo, cilla].map((p) => p!.departmentId)).toEqual([north!.id, north!.id, north!.id]);
    // The other tenant's Bo (same e-mail, same employee number) is another person, untouched.
    expect(await byEmail('bo@a.test', otherOrgId)).toMatchObject({
      name: 'Other Bo',
      managerId: null,
    });
  });

  it('changes nothing when the same file is imported again', async () => {
    const events = await importEvents();
    const units = await countIn(departments);
    const res = await post(hr, SWEDISH);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      created: 0,
      updated: 0,
      unchanged: 3,
      departmentsCreated: 0,
      total: 3,
    });
    expect(await countIn(departments)).toBe(units);
    expect(await importEvents()).toBe(events);
  });

  it('records one audit event with the counts', async () => {
    const [event] = await ctx.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.orgId, orgId), eq(auditEvents.action, 'people.imported')));
    expect(event?.details).toMatchObject({ created: 3, departmentsCreated: 2, source: 'api' });
    expect(event?.actorId).not.toBeNull();
  });

  it('imports a comma-separated windows-1252 file (Excel "CSV" on a Danish Windows)', async () => {
    const text =
      'name,email,department,manager\r\nÅsa Ørsted,asa.orsted@a.test,Kontor København,T1\r\n';
    const res = await post(hr, Buffer.from(text, 'latin1'));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ created: 1, departmentsCreated: 1 });
    expect(await byEmail('asa.orsted@a.test')).toMatchObject({ name: 'Åsa Ørsted' });
  });

  it('stores any text as written: quotes, backslashes, braces, commas', async () => {
    const name = 'Ann "Annie" {Berg}, C:\\Temp\\ NULL';
    const csv = `name;email;job_title\n"${name.replace(/"/g, '""')}";odd@a.test;NULL\n`;
    const res = await post(hr, csv);
    expect(res.statusCode).toBe(200);
    expect(await byEmail('odd@a.test')).toMatchObject({ name, jobTitle: 'NULL' });
    expect((await post(hr, csv)).json()).toMatchObject({ unchanged: 1 });
  });

  it('matches by employee number, then by e-mail', async () => {
    const res = await post(
      hr,
      'employee_number,name,email\nT2,Bo Ek,bo.ek@a.test\nW9,Walter Worker,worker@a.test\n',
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ created: 0, updated: 2 });
    // Bo, found by employee number, has a new e-mail; the worker, found by e-mail, a number.
    expect(await byEmail('bo.ek@a.test')).toMatchObject({ employeeNumber: 'T2', name: 'Bo Ek' });
    expect(await byEmail('bo@a.test')).toBeUndefined();
    expect(await byEmail('worker@a.test')).toMatchObject({
      employeeNumber: 'W9',
      name: 'Walter Worker',
      managerId: ceoId, // no manager column: left as it was
    });
  });

  it('lets two people swap e-mail addresses in one import', async () => {
    const swap = (a: string, b: string) =>
      post(hr, `employee_number,name,email\nT1,Åsa Öberg,${a}\nT3,Cilla Ström,${b}\n`);
    const res = await swap('cilla@a.test', 'asa.oberg@a.test');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ updated: 2 });
    expect(await byEmail('cilla@a.test')).toMatchObject({ employeeNumber: 'T1' });
    expect((await swap('asa.oberg@a.test', 'cilla@a.test')).json()).toMatchObject({ updated: 2 });
    expect(await byEmail('cilla@a.test')).toMatchObject({ employeeNumber: 'T3' });
  });

  it('does not let HR change their own roles', async () => {
    const res = await post(hr, 'name,email,roles\nHR Person,hr@a.test,\n');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.rows[0]).toMatchObject({ line: 2, code: 'roles.own' });
    expect((await byEmail('hr@a.test'))?.roles).toEqual(['hr', 'admin']);
  });

  it('refuses a file with one bad row, with its line number, and stores nothing', async () => {
    const peopleBefore = await countIn(people);
    const unitsBefore = await countIn(departments);
    const res = await post(
      hr,
      'namn;e-post;avdelning\nNy Person;ny@a.test;Helt Ny Enhet\nTrasig;inte-en-adress;\nOk;ok@a.test;\n',
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toEqual({
      code: 'import.invalid',
      message: '1 rad har ett fel. Ingenting importerades.',
      details: {
        rows: [
          {
            line: 3,
            column: 'e-post',
            code: 'email.invalid',
            message: '”inte-en-adress” är ingen giltig e-postadress.',
          },
        ],
        count: 1,
        truncated: false,
      },
    });
    expect(await countIn(people)).toBe(peopleBefore);
    expect(await countIn(departments)).toBe(unitsBefore);
  });

  it('refuses reporting lines in a circle across rows', async () => {
    const before = await countIn(people);
    const res = await post(
      hr,
      'employee_number,name,email,manager\nC1,Carl,carl@a.test,C2\nC2,Dora,dora@a.test,C1\n',
    );
    expect(res.statusCode).toBe(400);
    const rows = res.json().error.details.rows;
    expect(rows.map((r: { line: number; code: string }) => [r.line, r.code])).toEqual([
      [2, 'manager.cycle'],
      [3, 'manager.cycle'],
    ]);
    expect(rows[0].message).toContain('Carl → Dora → Carl');
    expect(await countIn(people)).toBe(before);
  });

  it('refuses a deactivated manager, and a manager it cannot find', async () => {
    const res = await post(
      hr,
      'name,email,manager\nEva,eva@a.test,gone@a.test\nFilip,filip@a.test,nobody@a.test\n',
    );
    expect(res.statusCode).toBe(400);
    expect(
      res.json().error.details.rows.map((r: { line: number; code: string }) => [r.line, r.code]),
    ).toEqual([
      [2, 'manager.inactive'],
      [3, 'manager.not_found'],
    ]);
  });

  it('names an unknown column on line 1', async () => {
    const res = await post(hr, 'name,email,avdelnig\nEva,eva@a.test,IT\n');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.rows).toEqual([
      {
        line: 1,
        column: 'avdelnig',
        code: 'header.unknown_column',
        message:
          'Okänd kolumn ”avdelnig”. Kontrollera stavningen mot kolumnerna i guiden, eller ta bort kolumnen.',
      },
    ]);
  });

  it('names the first line of a duplicate e-mail', async () => {
    const res = await post(hr, 'name,email\nA,dup@a.test\nB,x@a.test\nC,DUP@a.test\n');
    expect(res.json().error.details.rows).toMatchObject([
      { line: 4, code: 'email.duplicate', message: 'Samma e-postadress finns redan på rad 2.' },
    ]);
  });

  it('previews without storing anything', async () => {
    const before = await countIn(people);
    const unitsBefore = await countIn(departments);
    const res = await post(
      hr,
      'name,email,department\nPia,pia@a.test,Ny / Enhet\nBo Ek,bo.ek@a.test,\n',
      'preview',
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      created: 1,
      updated: 1,
      unchanged: 0,
      departmentsCreated: 2,
      total: 2,
    });
    expect(await countIn(people)).toBe(before);
    expect(await countIn(departments)).toBe(unitsBefore);
    expect(await byEmail('bo.ek@a.test')).toMatchObject({ departmentId: expect.any(String) });
  });

  it('creates a department path once, however many rows use it', async () => {
    const before = await countIn(departments);
    const rows = Array.from({ length: 30 }, (_, i) => `P${i},p${i}@a.test,Stab / Ekonomi / Lön`);
    const res = await post(hr, `name,email,department\n${rows.join('\n')}\n`);
    expect(res.json()).toMatchObject({ created: 30, departmentsCreated: 3 });
    expect(await countIn(departments)).toBe(before + 3);
  });

  it('answers in Danish to a Danish HR person', async () => {
    const da = await signedIn(ctx.app, 'hr.da@a.test');
    const res = await post(da, 'navn;e-mail\nJens;jens@\n;mette@a.test\n');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('2 rækker har fejl. Intet blev importeret.');
    expect(res.json().error.details.rows.map((r: { message: string }) => r.message)).toEqual([
      '»jens@« er ikke en gyldig e-mailadresse.',
      'Navnet mangler.',
    ]);
  });

  it('takes files beyond the 1 MB default body limit, and refuses more than 50 MB', async () => {
    const rows = Array.from(
      { length: 30_000 },
      (_, i) => `Person ${i};big${i}@a.test;Lager / Plock`,
    );
    const big = `namn;e-post;avdelning\n${rows.join('\n')}\n`;
    expect(big.length).toBeGreaterThan(1024 * 1024);
    const res = await post(hr, big, 'preview');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ created: 30_000, total: 30_000 });
    const huge = await post(hr, Buffer.alloc(50 * 1024 * 1024 + 1, 'a'), 'preview');
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.code).toBe('import.too_large');
  });

  it('refuses an empty file and a file that is not text', async () => {
    const empty = await post(hr, 'namn;e-post\r\n');
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error).toEqual({
      code: 'import.empty',
      message: 'Filen har inga rader att importera.',
    });
    const xlsx = await post(hr, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]));
    expect(xlsx.json().error.code).toBe('import.encoding');
  });
});

describe('the guide', () => {
  it('imports the Swedish and Danish examples in docs/csv-import.md', async () => {
    const guide = fs.readFileSync('docs/csv-import.md', 'utf8');
    const examples = [...guide.matchAll(/```csv\n([\s\S]*?)```/g)].map((m) => m[1]!);
    expect(examples).toHaveLength(2);
    const [swedish, danish] = examples;
    const sv = await post(hr, Buffer.concat([BOM, Buffer.from(swedish!.replace(/\n/g, '\r\n'))]));
    expect(sv.json()).toMatchObject({ created: 5, updated: 0, total: 5 });
    const da = await post(hr, Buffer.from(danish!, 'latin1'));
    expect(da.json()).toMatchObject({ created: 4, total: 4 });
    expect(await byEmail('soren.orsted@firma.dk')).toMatchObject({ name: 'Søren Ørsted' });
  });
});

describe('who may import', () => {
  it('refuses employees and managers (403), and stores nothing', async () => {
    const before = await countIn(people);
    const employee = await signedIn(ctx.app, 'worker@a.test');
    const manager = await signedIn(ctx.app, 'ceo@a.test');
    for (const client of [employee, manager]) {
      for (const mode of ['preview', 'apply'] as const) {
        const res = await post(client, 'name,email\nX,x@a.test\n', mode);
        expect(res.statusCode).toBe(403);
        expect(res.json().error.code).toBe('auth.forbidden');
      }
    }
    expect(await countIn(people)).toBe(before);
  });

  it('asks for sign-in', async () => {
    const res = await post(new Client(ctx.app), 'name,email\nX,x@a.test\n');
    expect(res.statusCode).toBe(401);
  });

  it("never matches or touches another tenant's people", async () => {
    const otherBefore = await ctx.database.db
      .select()
      .from(people)
      .where(eq(people.orgId, otherOrgId));
    const otherHr = await signedIn(ctx.app, 'hr@b.test');
    // In the other tenant, the same numbers and e-mails as in ours are new or their own people.
    const res = await post(
      otherHr,
      'employee_number,name,email,manager\nT1,Åsa B,asa.oberg@a.test,A001\nA001,Other CEO,ceo@a.test,\n',
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ created: 1, updated: 1 });
    expect(await byEmail('asa.oberg@a.test')).toMatchObject({
      name: 'Åsa Öberg',
      managerId: ceoId,
    });
    expect(await byEmail('ceo@a.test')).toMatchObject({ name: 'Cecilia VD' });
    const theirAsa = await byEmail('asa.oberg@a.test', otherOrgId);
    expect(theirAsa?.managerId).toBe(otherBefore.find((p) => p.email === 'ceo@a.test')?.id);
  });
});

describe('departments already there', () => {
  it('uses stored units, whatever the case of the name', async () => {
    const care = await makeDepartment(ctx.database.db, orgId, 'Äldreomsorg');
    const before = await countIn(departments);
    const res = await post(hr, 'name,email,department\nUlla,ulla@a.test,äldreomsorg\n');
    expect(res.json()).toMatchObject({ created: 1, departmentsCreated: 0 });
    expect(await countIn(departments)).toBe(before);
    expect((await byEmail('ulla@a.test'))?.departmentId).toBe(care.id);
  });
});

/** A stream that keeps what is written; a file or CI log unless `isTTY`. */
function capture(isTTY = false) {
  const chunks: string[] = [];
  return { isTTY, write: (s: string) => chunks.push(s), text: () => chunks.join('') };
}

function tempFile(name: string, content: string | Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samtal-import-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

describe('samtal import (CLI)', () => {
  it('imports into the organisation named by --org, with progress lines on stderr', async () => {
    const rows = Array.from({ length: 1200 }, (_, i) => `K${i};Kalle ${i};kalle${i}@a.test;Lager`);
    const file = tempFile(
      'people.csv',
      `nr;namn;e-post;avdelning\n${rows.join('\n')}\n`.replace('nr', 'anställningsnummer'),
    );
    const dry = { out: capture(), err: capture() };
    const before = await countIn(people);
    expect(
      await runImport({ file, org: orgSlug, dryRun: true }, { ...dry, database: ctx.database }),
    ).toBe(0);
    expect(dry.out.text()).toContain('Dry run: nothing was stored.');
    expect(dry.out.text()).toContain(
      '1,200 rows: 1,200 new, 0 changed, 0 unchanged. 1 new department.',
    );
    expect(await countIn(people)).toBe(before);

    const io = { out: capture(), err: capture() };
    expect(
      await runImport({ file, org: orgSlug, dryRun: false }, { ...io, database: ctx.database }),
    ).toBe(0);
    expect(io.out.text()).toContain('The import is done.');
    expect(io.err.text().split('\n')).toContain('Saving: 1,200 of 1,200');
    expect(io.err.text()).not.toContain('\r');
    expect(await countIn(people)).toBe(before + 1200);
  });

  it('prints each bad row with its line and exits 1, storing nothing', async () => {
    const file = tempFile('bad.csv', 'name,email,manager\nA,a1@a.test,\nB,b1@a.test,nobody\nC,,\n');
    const io = { out: capture(), err: capture() };
    const before = await countIn(people);
    expect(
      await runImport({ file, org: orgSlug, dryRun: false }, { ...io, database: ctx.database }),
    ).toBe(1);
    expect(io.err.text()).toBe(
      '2 rows have problems. Nothing was imported.\n' +
        'line 3: No manager “nobody” was found. Give the employee number or e-mail address of someone in the file or already in Samtal.\n' +
        'line 4: The e-mail address is missing.\n',
    );
    expect(await countIn(people)).toBe(before);
  });

  it('exits 1 for an unknown organisation or a missing file', async () => {
    const file = tempFile('ok.csv', 'name,email\nA,a@a.test\n');
    const io = { out: capture(), err: capture() };
    expect(
      await runImport(
        { file, org: 'no-such-org', dryRun: false },
        { ...io, database: ctx.database },
      ),
    ).toBe(1);
    expect(io.err.text()).toContain('There is no organisation “no-such-org”.');
    expect(
      await runImport(
        { file: `${file}.missing`, org: orgSlug, dryRun: false },
        { ...io, database: ctx.database },
      ),
    ).toBe(1);
    expect(
      await runImport(
        { file: undefined, org: orgSlug, dryRun: false },
        { ...io, database: ctx.database },
      ),
    ).toBe(1);
  });

  it(
    'runs as `node bin/samtal.js import` against the embedded database',
    { timeout: 120_000 },
    async () => {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samtal-cli-'));
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        SAMTAL_DATA_DIR: dataDir,
        LOG_LEVEL: 'silent',
      };
      delete env.DATABASE_URL; // the embedded database in dataDir, even when the suite runs on PostgreSQL
      const samtal = (...args: string[]) =>
        new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
          const child = spawn(process.execPath, ['bin/samtal.js', ...args], { env });
          let stdout = '';
          let stderr = '';
          child.stdout.on('data', (d) => (stdout += d));
          child.stderr.on('data', (d) => (stderr += d));
          child.on('error', reject);
          child.on('close', (code) => resolve({ code, stdout, stderr }));
        });
      try {
        expect((await samtal('seed')).code).toBe(0);
        const good = tempFile(
          'good.csv',
          Buffer.concat([
            BOM,
            Buffer.from(
              'Medarbejdernummer;Navn;E-mail;Afdeling;Leder\r\nX1;Søren Ærø;soren@x.dk;Ledning / Kontor København;leder@samtal.demo\r\n',
            ),
          ]),
        );
        const ok = await samtal('import', good, '--org', 'demo');
        expect(ok.stderr).toBe('');
        expect(ok).toMatchObject({ code: 0 });
        expect(ok.stdout).toContain('1 row: 1 new, 0 changed, 0 unchanged. No new departments.');
        const again = await samtal('import', good, '--org', 'demo', '--dry-run');
        expect(again.stdout).toContain('1 row: 0 new, 0 changed, 1 unchanged.');
        const bad = tempFile('bad.csv', 'name,email,locale\nA,a@x.dk,da\nB,b@x.dk,fi\n');
        const failed = await samtal('import', bad, '--org', 'demo');
        expect(failed.code).toBe(1);
        expect(failed.stderr).toContain('line 3: Unknown language “fi”. Use sv, da, nb or en.');
      } finally {
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    },
  );
});
