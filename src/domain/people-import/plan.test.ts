import { describe, expect, it } from 'vitest';
import { planImport, type ExistingPerson, type ImportPlan, type PlanContext } from './plan';
import { readImportFile } from './read';

function person(over: Partial<ExistingPerson> & { id: string; email: string }): ExistingPerson {
  return {
    name: over.id,
    employeeNumber: null,
    jobTitle: null,
    departmentId: null,
    locale: null,
    timeZone: 'Europe/Stockholm',
    managerId: null,
    roles: [],
    active: true,
    ...over,
  };
}

function plan(csv: string, ctx: Partial<PlanContext> = {}) {
  let n = 0;
  return planImport(readImportFile(Buffer.from(csv, 'utf8')), {
    people: [],
    departments: [],
    defaultTimeZone: 'Europe/Copenhagen',
    changer: { kind: 'system' },
    newId: () => `new-${++n}`,
    ...ctx,
  });
}

function ok(result: ReturnType<typeof plan>): ImportPlan {
  if (!result.ok) throw new Error(`expected a plan, got ${JSON.stringify(result.issues)}`);
  return result.plan;
}

function issues(result: ReturnType<typeof plan>): Record<string, string | number>[] {
  if (result.ok) throw new Error('expected issues');
  return result.issues.map((i) => ({ line: i.line, code: i.code, ...i.params }));
}

/** The people a plan leaves behind, as the next import will see them. */
function after(before: ExistingPerson[], p: ImportPlan): ExistingPerson[] {
  const byId = new Map(before.map((x) => [x.id, x]));
  for (const v of [...p.create, ...p.update])
    byId.set(v.id, { ...(byId.get(v.id) ?? { active: true }), ...v });
  return [...byId.values()];
}

describe('planImport', () => {
  it('creates people and departments, managers before their reports', () => {
    const p = ok(
      plan(
        'namn;e-post;avdelning;chef\n' +
          'Bo;bo@x.se;Vård / Hemtjänst Norr;anna@x.se\n' +
          'Anna;anna@x.se;Vård;\n' +
          'Cia;cia@x.se;Vård / Hemtjänst Norr;BO@x.se\n',
      ),
    );
    expect(p.counts).toEqual({
      created: 3,
      updated: 0,
      unchanged: 0,
      departmentsCreated: 2,
      total: 3,
    });
    expect(p.departments).toEqual([
      { id: 'new-4', name: 'Vård', parentId: null },
      { id: 'new-5', name: 'Hemtjänst Norr', parentId: 'new-4' },
    ]);
    expect(p.create.map((x) => [x.name, x.managerId, x.departmentId, x.timeZone])).toEqual([
      ['Anna', null, 'new-4', 'Europe/Copenhagen'],
      ['Bo', 'new-2', 'new-5', 'Europe/Copenhagen'],
      ['Cia', 'new-1', 'new-5', 'Europe/Copenhagen'],
    ]);
  });

  it('changes nothing when the same file comes again', () => {
    const csv =
      'employee_number,name,email,job_title,department,manager,locale,time_zone,roles\n' +
      'E1,Åsa Ørsted,asa@x.dk,Direktør,Ledelse,,da,Europe/Copenhagen,hr\n' +
      'E2,Bo,bo@x.dk,,Ledelse / IT,E1,,,\n';
    const first = ok(plan(csv));
    const people = after([], first);
    const departments = first.departments;
    const again = ok(plan(csv, { people, departments }));
    expect(again.counts).toEqual({
      created: 0,
      updated: 0,
      unchanged: 2,
      departmentsCreated: 0,
      total: 2,
    });
  });

  it('matches by employee number first, then by e-mail', () => {
    const people = [
      person({ id: 'p1', email: 'old@x.se', employeeNumber: 'E1' }),
      person({ id: 'p2', email: 'two@x.se' }),
    ];
    const p = ok(
      plan('employee_number,name,email\nE1,One,new@x.se\nE2,Two,TWO@x.se\n', { people }),
    );
    expect(p.counts).toMatchObject({ created: 0, updated: 2 });
    expect(p.update.map((x) => [x.id, x.email, x.employeeNumber])).toEqual([
      ['p1', 'new@x.se', 'E1'],
      ['p2', 'two@x.se', 'E2'],
    ]);
  });

  it('refuses an e-mail match whose stored employee number differs', () => {
    const people = [person({ id: 'p1', email: 'a@x.se', employeeNumber: 'E1', name: 'Anna' })];
    expect(issues(plan('employee_number,name,email\nE9,A,a@x.se\n', { people }))).toEqual([
      { line: 2, code: 'employee_number.mismatch', name: 'Anna', stored: 'E1' },
    ]);
  });

  it('keeps stored values for absent columns, clears them for empty cells', () => {
    const people = [
      person({ id: 'm', email: 'm@x.se' }),
      person({
        id: 'p1',
        email: 'a@x.se',
        employeeNumber: 'E1',
        jobTitle: 'Chef',
        locale: 'sv',
        managerId: 'm',
        roles: ['hr', 'future-role'],
        timeZone: 'Europe/Oslo',
      }),
    ];
    const unchanged = ok(plan('name,email\np1,a@x.se\n', { people }));
    expect(unchanged.counts.unchanged).toBe(1);
    const cleared = ok(
      plan(
        'name,email,employee_number,job_title,manager,locale,roles,time_zone\np1,a@x.se,,,,,,\n',
        {
          people,
        },
      ),
    );
    expect(cleared.update).toEqual([
      {
        id: 'p1',
        email: 'a@x.se',
        name: 'p1',
        employeeNumber: 'E1',
        jobTitle: null,
        departmentId: null,
        locale: null,
        timeZone: 'Europe/Oslo',
        managerId: null,
        roles: ['future-role'],
      },
    ]);
  });

  it('names the first line of a duplicate e-mail or employee number', () => {
    expect(
      issues(
        plan(
          'nr,name,email\n'.replace('nr', 'employee_number') +
            '1,A,a@x.se\n2,B,A@x.se\n1,C,c@x.se\n',
        ),
      ),
    ).toEqual([
      { line: 3, code: 'email.duplicate', firstLine: 2 },
      { line: 4, code: 'employee_number.duplicate', firstLine: 2 },
    ]);
  });

  it('refuses an e-mail that another stored person keeps', () => {
    const people = [
      person({ id: 'p1', email: 'a@x.se', employeeNumber: 'E1' }),
      person({ id: 'p2', email: 'b@x.se', name: 'Berit' }),
    ];
    expect(issues(plan('employee_number,name,email\nE1,A,b@x.se\n', { people }))).toEqual([
      { line: 2, code: 'email.taken', name: 'Berit' },
    ]);
  });

  it('lets two people swap e-mail addresses, freeing them first', () => {
    const people = [
      person({ id: 'p1', email: 'a@x.se', employeeNumber: 'E1' }),
      person({ id: 'p2', email: 'b@x.se', employeeNumber: 'E2' }),
    ];
    const p = ok(plan('employee_number,name,email\nE1,p1,b@x.se\nE2,p2,a@x.se\n', { people }));
    expect(p.update.map((x) => [x.id, x.email])).toEqual([
      ['p1', 'b@x.se'],
      ['p2', 'a@x.se'],
    ]);
    expect(new Set(p.releaseEmails)).toEqual(new Set(['p1', 'p2']));
  });

  it('refuses a row whose e-mail belongs to a person another row already matched', () => {
    const people = [person({ id: 'p1', email: 'a@x.se', employeeNumber: 'E1', name: 'Anna' })];
    expect(
      issues(plan('employee_number,name,email\n,New,a@x.se\nE1,Anna,anna@x.se\n', { people })),
    ).toEqual([{ line: 2, code: 'email.matched_elsewhere', firstLine: 3, name: 'Anna' }]);
  });

  it('checks managers: unknown, self, deactivated', () => {
    const people = [person({ id: 'gone', email: 'gone@x.se', name: 'Gun', active: false })];
    expect(
      issues(
        plan(
          'employee_number,name,email,manager\n' +
            '1,A,a@x.se,nobody@x.se\n' +
            '2,B,b@x.se,2\n' +
            '3,C,c@x.se,gone@x.se\n',
          { people },
        ),
      ),
    ).toEqual([
      { line: 2, code: 'manager.not_found', value: 'nobody@x.se' },
      { line: 3, code: 'manager.self' },
      { line: 4, code: 'manager.inactive', name: 'Gun' },
    ]);
  });

  it('does not call a manager unknown when their own row was left out for a bad cell', () => {
    expect(
      issues(plan('employee_number,name,email,manager\n1,A,not-mail,\n2,B,b@x.se,1\n')),
    ).toEqual([{ line: 2, code: 'email.invalid', value: 'not-mail' }]);
  });

  it('refuses reporting lines in a circle, across rows and stored people', () => {
    const people = [
      person({ id: 'top', email: 'top@x.se', name: 'Top' }),
      person({ id: 'p1', email: 'p1@x.se', employeeNumber: 'E1', name: 'Per', managerId: 'top' }),
    ];
    const result = plan(
      'employee_number,name,email,manager\n' +
        'E2,Bo,bo@x.se,E3\n' +
        'E3,Cia,cia@x.se,E2\n' +
        'E4,Dan,dan@x.se,E1\n' +
        'T,Top,top@x.se,E4\n',
      { people },
    );
    const found = issues(result);
    expect(found.map((i) => [i.line, i.code])).toEqual([
      [2, 'manager.cycle'],
      [3, 'manager.cycle'],
      [4, 'manager.cycle'],
      [5, 'manager.cycle'],
    ]);
    expect(found[0]).toMatchObject({ chain: 'Bo → Cia → Bo', lines: '2, 3' });
    expect(found[2]).toMatchObject({ lines: '4, 5' });
    expect(String(found[2]!.chain)).toContain('Per');
  });

  it('does not let the importing person change their own roles', () => {
    const people = [person({ id: 'me', email: 'me@x.se', roles: ['hr'] })];
    const changer = { kind: 'person', personId: 'me', roles: ['hr'] } as const;
    expect(issues(plan('name,email,roles\nMe,me@x.se,\n', { people, changer }))).toEqual([
      { line: 2, code: 'roles.own' },
    ]);
    expect(issues(plan('name,email,roles\nMe,me@x.se,hr|salary\n', { people, changer }))).toEqual([
      { line: 2, code: 'roles.own' },
    ]);
    expect(ok(plan('name,email,roles\nMe,me@x.se,hr\n', { people, changer }))).toBeTruthy();
  });

  it('lets only an administrator grant or remove admin, and keeps one active administrator', () => {
    const people = [
      person({ id: 'boss', email: 'boss@x.se', roles: ['admin'] }),
      person({ id: 'hr', email: 'hr@x.se', roles: ['hr'] }),
      person({ id: 'ann', email: 'ann@x.se' }),
    ];
    const hr = { kind: 'person', personId: 'hr', roles: ['hr'] } as const;
    const admin = { kind: 'person', personId: 'boss', roles: ['admin'] } as const;
    const grant = 'name,email,roles\nAnn,ann@x.se,admin|salary\n';
    expect(issues(plan(grant, { people, changer: hr }))).toEqual([
      { line: 2, code: 'roles.admin_only' },
    ]);
    expect(
      ok(plan('name,email,roles\nAnn,ann@x.se,salary\n', { people, changer: hr })),
    ).toBeTruthy();
    expect(ok(plan(grant, { people, changer: admin })).update).toHaveLength(1);
    // The operator's own import may change anything but the last administrator.
    const system = { kind: 'system' } as const;
    expect(
      issues(plan('name,email,roles\nBoss,boss@x.se,hr\n', { people, changer: system })),
    ).toEqual([{ line: 2, code: 'roles.last_admin' }]);
    expect(
      ok(
        plan('name,email,roles\nBoss,boss@x.se,hr\nAnn,ann@x.se,admin\n', {
          people,
          changer: system,
        }),
      ).update,
    ).toHaveLength(2);
  });

  it('finds stored departments whatever the case, and creates only what is missing', () => {
    const departments = [
      { id: 'd1', name: 'Vård och omsorg', parentId: null },
      { id: 'd2', name: 'Hemtjänst Norr', parentId: 'd1' },
    ];
    const p = ok(
      plan(
        'name,email,department\nA,a@x.se,vård och omsorg / Hemtjänst Norr\nB,b@x.se,Vård och omsorg / Hemtjänst Syd\n',
        { departments },
      ),
    );
    expect(p.create.map((x) => x.departmentId)).toEqual(['d2', 'new-3']);
    expect(p.departments).toEqual([{ id: 'new-3', name: 'Hemtjänst Syd', parentId: 'd1' }]);
  });

  it('orders a deep chain of new managers without recursion', () => {
    const rows = Array.from(
      { length: 5000 },
      (_, i) => `${i},P${i},p${i}@x.se,${i === 0 ? '' : i - 1}`,
    );
    const p = ok(plan(`employee_number,name,email,manager\n${rows.reverse().join('\n')}\n`));
    expect(p.create[0]!.name).toBe('P0');
    expect(p.create[4999]!.name).toBe('P4999');
  });
});
