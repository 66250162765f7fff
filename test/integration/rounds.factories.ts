import type { FastifyInstance } from 'fastify';
import type { DbOrTx } from '../../src/db/client';
import { signedIn, type Client } from '../support/app';
import { makeDepartment, makeOrg, makePerson } from '../support/factories';

/**
 * An organisation for rounds: Sales with the sub-unit Sales North and IT; a CEO without a
 * manager, two levels of managers, employees spread over the units, someone without a
 * manager, HR, and HR in another organisation.
 */
export async function makeRoundWorld(db: DbOrTx, tag: string) {
  const org = await makeOrg(db);
  const other = await makeOrg(db);
  const sales = await makeDepartment(db, org.id, 'Sales');
  const north = await makeDepartment(db, org.id, 'Sales North', sales.id);
  const it = await makeDepartment(db, org.id, 'IT');
  const p = (email: string, over: Parameters<typeof makePerson>[2] = {}) =>
    makePerson(db, org.id, { email: `${email}-${tag}@r.test`, ...over });
  const ceo = await p('ceo', { name: 'Cecilia CEO', departmentId: sales.id });
  const anna = await p('anna', {
    name: 'Anna Chef',
    managerId: ceo.id,
    departmentId: sales.id,
    locale: 'da',
  });
  const emp1 = await p('emp1', { name: 'Emil Ett', managerId: anna.id, departmentId: sales.id });
  const emp2 = await p('emp2', { name: 'Elin Två', managerId: anna.id, departmentId: north.id });
  const bo = await p('bo', { name: 'Bo Mellanchef', managerId: anna.id, departmentId: north.id });
  const emp3 = await p('emp3', { name: 'Eva Tre', managerId: bo.id, departmentId: north.id });
  const emp4 = await p('emp4', { name: 'Erik Fyra', managerId: bo.id, departmentId: it.id });
  const orphan = await p('orphan', { name: 'Olle Utan', departmentId: north.id });
  const gone = await p('gone', {
    name: 'Gustav Slutat',
    managerId: anna.id,
    departmentId: sales.id,
    active: false,
  });
  const hr = await p('hr', { name: 'Hanna HR', roles: ['hr'] });
  const stranger = await makePerson(db, other.id, {
    email: `stranger-${tag}@b.test`,
    roles: ['hr', 'admin'],
  });
  return {
    org,
    other,
    sales,
    north,
    it,
    ceo,
    anna,
    emp1,
    emp2,
    bo,
    emp3,
    emp4,
    orphan,
    gone,
    hr,
    stranger,
  };
}
export type RoundWorld = Awaited<ReturnType<typeof makeRoundWorld>>;

export async function roundClients(app: FastifyInstance, w: RoundWorld) {
  const entries = await Promise.all(
    (['hr', 'anna', 'emp1', 'stranger'] as const).map(
      async (k) => [k, await signedIn(app, w[k].email)] as const,
    ),
  );
  return Object.fromEntries(entries) as Record<(typeof entries)[number][0], Client>;
}

/** A valid round body; override what a test needs. */
export function roundBody(templateId: string, scope: unknown, over: Record<string, unknown> = {}) {
  return {
    kind: 'development',
    templateId,
    name: 'MUS 2027',
    periodStart: '2027-01-10',
    periodEnd: '2027-03-31',
    deadline: '2027-03-15',
    scope,
    ...over,
  };
}
