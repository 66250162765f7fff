import { Temporal } from 'temporal-polyfill';
import type { DbOrTx } from '../../src/db/client';
import { signedIn, type Client } from './app';
import { makeOrg, makePerson } from './factories';
import type { FastifyInstance } from 'fastify';

/** A date `days` from today in Stockholm, as an ISO date. */
export function daysFromToday(days: number, timeZone = 'Europe/Stockholm'): string {
  return Temporal.Now.plainDateISO(timeZone).add({ days }).toString();
}

/**
 * One organisation with a manager and their report, a second manager with their own report,
 * HR, an admin, and someone in another organisation. Every person can sign in.
 */
export async function makeOneOnOneWorld(db: DbOrTx, tag: string) {
  const org = await makeOrg(db);
  const other = await makeOrg(db);
  const manager = await makePerson(db, org.id, {
    email: `manager-${tag}@a.test`,
    name: 'Maja Chef',
  });
  const employee = await makePerson(db, org.id, {
    email: `employee-${tag}@a.test`,
    name: 'Erik Medarbetare',
    managerId: manager.id,
    locale: 'da',
  });
  const otherManager = await makePerson(db, org.id, { email: `other-${tag}@a.test`, name: 'Olle' });
  const otherReport = await makePerson(db, org.id, {
    email: `other-report-${tag}@a.test`,
    managerId: otherManager.id,
  });
  const hr = await makePerson(db, org.id, { email: `hr-${tag}@a.test`, roles: ['hr'] });
  const admin = await makePerson(db, org.id, { email: `admin-${tag}@a.test`, roles: ['admin'] });
  const stranger = await makePerson(db, other.id, {
    email: `stranger-${tag}@b.test`,
    roles: ['hr', 'admin'],
  });
  return { org, other, manager, employee, otherManager, otherReport, hr, admin, stranger };
}

export type OneOnOneWorld = Awaited<ReturnType<typeof makeOneOnOneWorld>>;

/** Signed-in clients for every person of a world. */
export async function clientsFor(app: FastifyInstance, w: OneOnOneWorld) {
  const entries = await Promise.all(
    (['manager', 'employee', 'otherManager', 'hr', 'admin', 'stranger'] as const).map(
      async (k) => [k, await signedIn(app, w[k].email)] as const,
    ),
  );
  return Object.fromEntries(entries) as Record<(typeof entries)[number][0], Client>;
}

/** A valid booking body for `employeeId`, starting next week; override what a test needs. */
export function seriesBody(employeeId: string, over: Record<string, unknown> = {}) {
  return {
    employeeId,
    cadence: 'every_2_weeks',
    startDate: daysFromToday(7),
    localTime: '09:00',
    timeZone: 'Europe/Stockholm',
    place: { kind: 'walk_and_talk' },
    ...over,
  };
}

/** Books a series through the API and returns it with its first upcoming meeting. */
export async function bookSeries(
  manager: Client,
  employeeId: string,
  over: Record<string, unknown> = {},
) {
  const res = await manager.post('/api/one-on-ones/series', seriesBody(employeeId, over));
  if (res.statusCode !== 201) throw new Error(`booking failed: ${res.body}`);
  const series = res.json();
  const meetings = (
    await manager.get(`/api/one-on-ones/series/${series.id}/meetings?limit=10`)
  ).json().items as { id: string; startsAt: string; localDate: string }[];
  return { series, meetings };
}
