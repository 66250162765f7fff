/**
 * Roles × resources × own/other tenant, through the HTTP API. Each row says what every role
 * gets; a change to a policy that opens or closes access makes a cell fail.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn, testApp, type Client, type TestContext } from '../support/app';
import { mailOutbox, notifications } from '../../src/db/schema/index';
import { makeDepartment, makeOrg, makePerson } from '../support/factories';

type Role = 'employee' | 'manager' | 'hr' | 'admin' | 'otherTenantHr' | 'anonymous';
const ROLES: Role[] = ['employee', 'manager', 'hr', 'admin', 'otherTenantHr', 'anonymous'];

let ctx: TestContext;
const clients = {} as Record<Role, Client>;
const ids = {} as Record<
  | 'employee'
  | 'manager'
  | 'peer'
  | 'newcomer'
  | 'dep'
  | 'otherPerson'
  | 'otherDep'
  | 'employeeMail'
  | 'employeeNotification',
  string
>;
/** Each caller's own person id (the anonymous caller has none). */
const own = {} as Record<Role, string>;

beforeAll(async () => {
  ctx = await testApp();
  const db = ctx.database.db;
  const org = await makeOrg(db);
  const other = await makeOrg(db);
  const manager = await makePerson(db, org.id, { email: 'manager@a.test' });
  const employee = await makePerson(db, org.id, {
    email: 'employee@a.test',
    managerId: manager.id,
  });
  const peer = await makePerson(db, org.id, { email: 'peer@a.test' });
  const hr = await makePerson(db, org.id, { email: 'hr@a.test', roles: ['hr'] });
  const admin = await makePerson(db, org.id, { email: 'admin@a.test', roles: ['admin'] });
  const otherHr = await makePerson(db, other.id, { email: 'hr@b.test', roles: ['hr', 'admin'] });
  const otherPerson = await makePerson(db, other.id, { email: 'someone@b.test' });
  const newcomer = await makePerson(db, org.id, { email: 'new@a.test', passwordHash: null });
  Object.assign(own, {
    employee: employee.id,
    manager: manager.id,
    hr: hr.id,
    admin: admin.id,
    otherTenantHr: otherHr.id,
    anonymous: employee.id,
  });
  Object.assign(ids, {
    employee: employee.id,
    manager: manager.id,
    peer: peer.id,
    newcomer: newcomer.id,
    dep: (await makeDepartment(db, org.id, 'Unit')).id,
    otherPerson: otherPerson.id,
    otherDep: (await makeDepartment(db, other.id, 'Other unit')).id,
    employeeMail: crypto.randomUUID(),
    employeeNotification: crypto.randomUUID(),
  });
  // A notification of the employee's: only they may mark it read (issue #15).
  await db.insert(notifications).values({
    orgId: org.id,
    id: ids.employeeNotification,
    personId: employee.id,
    kind: 'one_on_one.topic_added',
    actorId: manager.id,
  });
  // A mail to the employee with what was said in a meeting: only the employee may read it.
  await db.insert(mailOutbox).values({
    orgId: org.id,
    id: ids.employeeMail,
    recipientId: employee.id,
    kind: 'one_on_one.minutes',
    locale: 'sv',
    subject: 'Protokoll',
    textBody: 'Delad anteckning',
    htmlBody: '<p>Delad anteckning</p>',
    dedupeKey: 'matrix-minutes',
    status: 'sent',
  });
  clients.employee = await signedIn(ctx.app, 'employee@a.test');
  clients.manager = await signedIn(ctx.app, 'manager@a.test');
  clients.hr = await signedIn(ctx.app, 'hr@a.test');
  clients.admin = await signedIn(ctx.app, 'admin@a.test');
  clients.otherTenantHr = await signedIn(ctx.app, 'hr@b.test');
  const { Client } = await import('../support/app');
  clients.anonymous = new Client(ctx.app);
});
afterAll(() => ctx.close());

type Cell = number; // expected HTTP status
type Row = {
  name: string;
  call: (c: Client, role: Role) => ReturnType<Client['get']>;
  expect: Record<Role, Cell>;
};

const rows: () => Row[] = () => [
  {
    name: 'competence needs of a unit (counts only)',
    call: (c) => c.get(`/api/statistics/competence-needs?department=${ids.dep}`),
    expect: {
      employee: 403,
      manager: 403,
      hr: 200,
      admin: 200,
      otherTenantHr: 404,
      anonymous: 401,
    },
  },
  {
    // Everyone signed in may search; what they find is only what they may read as one of a
    // pair (test/integration/search.test.ts holds the visibility matrix of the results).
    name: 'search',
    call: (c) => c.get('/api/search?q=samtal'),
    expect: {
      employee: 200,
      manager: 200,
      hr: 200,
      admin: 200,
      otherTenantHr: 200,
      anonymous: 401,
    },
  },
  {
    name: 'list people',
    call: (c) => c.get('/api/people'),
    expect: {
      employee: 403,
      manager: 403,
      hr: 200,
      admin: 200,
      otherTenantHr: 200,
      anonymous: 401,
    },
  },
  {
    name: 'read own record (employee)',
    call: (c) => c.get(`/api/people/${ids.employee}`),
    expect: {
      employee: 200,
      manager: 200,
      hr: 200,
      admin: 200,
      otherTenantHr: 404,
      anonymous: 401,
    },
  },
  {
    name: 'read a peer outside one’s team',
    call: (c) => c.get(`/api/people/${ids.peer}`),
    expect: {
      employee: 404,
      manager: 404,
      hr: 200,
      admin: 200,
      otherTenantHr: 404,
      anonymous: 401,
    },
  },
  {
    name: 'read the manager (from the employee)',
    call: (c) => c.get(`/api/people/${ids.manager}`),
    expect: {
      employee: 404,
      manager: 200,
      hr: 200,
      admin: 200,
      otherTenantHr: 404,
      anonymous: 401,
    },
  },
  {
    name: 'read a person of another tenant',
    call: (c) => c.get(`/api/people/${ids.otherPerson}`),
    expect: {
      employee: 404,
      manager: 404,
      hr: 404,
      admin: 404,
      otherTenantHr: 200,
      anonymous: 401,
    },
  },
  {
    name: 'edit a person',
    call: (c) => c.patch(`/api/people/${ids.peer}`, { jobTitle: 'Changed' }),
    expect: {
      employee: 403,
      manager: 403,
      hr: 200,
      admin: 200,
      otherTenantHr: 404,
      anonymous: 401,
    },
  },
  {
    name: 'edit a person of another tenant',
    call: (c) => c.patch(`/api/people/${ids.otherPerson}`, { jobTitle: 'Changed' }),
    expect: {
      employee: 403,
      manager: 403,
      hr: 404,
      admin: 404,
      otherTenantHr: 200,
      anonymous: 401,
    },
  },
  {
    // For someone who has signed in: the link is mailed to them; the answer holds none.
    name: 'send a reset link to a person who has a password',
    call: (c) => c.post(`/api/people/${ids.peer}/password-link`),
    expect: {
      employee: 403,
      manager: 403,
      hr: 200,
      admin: 200,
      otherTenantHr: 404,
      anonymous: 401,
    },
  },
  {
    name: 'create an invitation link for someone who has never signed in',
    call: (c) => c.post(`/api/people/${ids.newcomer}/password-link`),
    expect: {
      employee: 403,
      manager: 403,
      hr: 200,
      admin: 200,
      otherTenantHr: 404,
      anonymous: 401,
    },
  },
  {
    name: 'grant the salary role to a peer',
    call: (c) => c.patch(`/api/people/${ids.peer}`, { roles: ['salary'] }),
    expect: {
      employee: 403,
      manager: 403,
      hr: 200,
      admin: 200,
      otherTenantHr: 404,
      anonymous: 401,
    },
  },
  {
    name: 'grant admin to a peer (administrators only)',
    call: (c) => c.patch(`/api/people/${ids.peer}`, { roles: ['salary', 'admin'] }),
    expect: {
      employee: 403,
      manager: 403,
      hr: 403,
      admin: 200,
      otherTenantHr: 404,
      anonymous: 401,
    },
  },
  {
    name: 'remove admin from a peer (administrators only)',
    call: (c) => c.patch(`/api/people/${ids.peer}`, { roles: ['salary'] }),
    expect: {
      employee: 403,
      manager: 403,
      hr: 403,
      admin: 200,
      otherTenantHr: 404,
      anonymous: 401,
    },
  },
  {
    name: 'change one’s own roles (nobody may)',
    call: (c, role) => c.patch(`/api/people/${own[role]}`, { roles: ['hr', 'admin', 'salary'] }),
    expect: {
      employee: 403,
      manager: 403,
      hr: 403,
      admin: 403,
      otherTenantHr: 403,
      anonymous: 401,
    },
  },
  {
    name: 'create a person with admin (administrators only)',
    call: (c) =>
      c.post('/api/people', {
        name: 'New admin',
        email: `admin-${Math.random()}@new.test`,
        timeZone: 'Europe/Stockholm',
        roles: ['admin'],
      }),
    expect: {
      employee: 403,
      manager: 403,
      hr: 403,
      admin: 201,
      otherTenantHr: 201,
      anonymous: 401,
    },
  },
  {
    name: 'read the audit log (administrators only)',
    call: (c) => c.get('/api/admin/audit'),
    expect: {
      employee: 403,
      manager: 403,
      hr: 403,
      admin: 200,
      otherTenantHr: 200,
      anonymous: 401,
    },
  },
  {
    name: 'export the audit log (administrators only)',
    call: (c) => c.get('/api/admin/audit/export.csv'),
    expect: {
      employee: 403,
      manager: 403,
      hr: 403,
      admin: 200,
      otherTenantHr: 200,
      anonymous: 401,
    },
  },
  {
    name: 'read the mailbox (envelopes; administrators only)',
    call: (c) => c.get('/api/admin/mailbox'),
    expect: {
      employee: 403,
      manager: 403,
      hr: 403,
      admin: 200,
      otherTenantHr: 200,
      anonymous: 401,
    },
  },
  {
    name: 'read a mail’s content through the mailbox (no such route)',
    call: (c) => c.get(`/api/admin/mailbox/${ids.employeeMail}`),
    expect: {
      employee: 404,
      manager: 404,
      hr: 404,
      admin: 404,
      otherTenantHr: 404,
      anonymous: 404,
    },
  },
  {
    name: 'send a mail again (administrators of its organisation)',
    call: (c) => c.post(`/api/admin/mailbox/${ids.employeeMail}/send-again`),
    expect: {
      employee: 403,
      manager: 403,
      hr: 403,
      admin: 200,
      otherTenantHr: 404,
      anonymous: 401,
    },
  },
  {
    name: 'read a mail (its recipient only)',
    call: (c) => c.get(`/api/me/mail/${ids.employeeMail}`),
    expect: {
      employee: 200,
      manager: 404,
      hr: 404,
      admin: 404,
      otherTenantHr: 404,
      anonymous: 401,
    },
  },
  {
    name: 'list one’s own mail',
    call: (c) => c.get('/api/me/mail'),
    expect: {
      employee: 200,
      manager: 200,
      hr: 200,
      admin: 200,
      otherTenantHr: 200,
      anonymous: 401,
    },
  },
  {
    name: 'list one’s own notifications',
    call: (c) => c.get('/api/me/notifications'),
    expect: {
      employee: 200,
      manager: 200,
      hr: 200,
      admin: 200,
      otherTenantHr: 200,
      anonymous: 401,
    },
  },
  {
    name: 'mark a notification read (its person only)',
    call: (c) => c.post(`/api/me/notifications/${ids.employeeNotification}/read`),
    expect: {
      employee: 200,
      manager: 404,
      hr: 404,
      admin: 404,
      otherTenantHr: 404,
      anonymous: 401,
    },
  },
  {
    name: 'mark all one’s own notifications read',
    call: (c) => c.post('/api/me/notifications/read-all'),
    expect: {
      employee: 200,
      manager: 200,
      hr: 200,
      admin: 200,
      otherTenantHr: 200,
      anonymous: 401,
    },
  },
  {
    name: 'list departments',
    call: (c) => c.get('/api/departments'),
    expect: {
      employee: 200,
      manager: 200,
      hr: 200,
      admin: 200,
      otherTenantHr: 200,
      anonymous: 401,
    },
  },
  {
    name: 'rename a department',
    call: (c) => c.patch(`/api/departments/${ids.dep}`, { name: `Unit ${Math.random()}` }),
    expect: {
      employee: 403,
      manager: 403,
      hr: 200,
      admin: 200,
      otherTenantHr: 404,
      anonymous: 401,
    },
  },
  {
    name: 'rename a department of another tenant',
    call: (c) => c.patch(`/api/departments/${ids.otherDep}`, { name: `Other ${Math.random()}` }),
    expect: {
      employee: 403,
      manager: 403,
      hr: 404,
      admin: 404,
      otherTenantHr: 200,
      anonymous: 401,
    },
  },
  {
    name: 'own team',
    call: (c) => c.get('/api/team'),
    expect: {
      employee: 200,
      manager: 200,
      hr: 200,
      admin: 200,
      otherTenantHr: 200,
      anonymous: 401,
    },
  },
  {
    name: 'organisation settings: read',
    call: (c) => c.get('/api/organisation'),
    expect: {
      employee: 200,
      manager: 200,
      hr: 200,
      admin: 200,
      otherTenantHr: 200,
      anonymous: 401,
    },
  },
  {
    name: 'organisation settings: change',
    call: (c) => c.patch('/api/organisation', { defaultTimeZone: 'Europe/Oslo' }),
    expect: {
      employee: 403,
      manager: 403,
      hr: 403,
      admin: 200,
      otherTenantHr: 200,
      anonymous: 401,
    },
  },
];

describe('authorization matrix', () => {
  for (const row of rows()) {
    it(row.name, async () => {
      const got = {} as Record<Role, number>;
      for (const role of ROLES) got[role] = (await row.call(clients[role], role)).statusCode;
      expect(got).toEqual(row.expect);
    });
  }

  it('a manager’s team holds only their own reports, never another tenant’s', async () => {
    const team = (await clients.manager.get('/api/team'))
      .json()
      .items.map((p: { id: string }) => p.id);
    expect(team).toEqual([ids.employee]);
    const otherList = (await clients.otherTenantHr.get('/api/people')).json().items;
    const emails = otherList.map((p: { email: string }) => p.email).sort();
    // (…@new.test: the administrators each tenant's admin added above, in their own tenant.)
    expect(emails.filter((e: string) => !e.endsWith('@new.test'))).toEqual([
      'hr@b.test',
      'someone@b.test',
    ]);
  });
});
