import type { TestContext } from '../support/app';
import type { Client } from '../support/app';
import {
  bookSeries,
  clientsFor,
  daysFromToday,
  makeOneOnOneWorld,
  type OneOnOneWorld,
} from '../support/one-on-one.factories';

export const SECRETS = {
  managerPrivate: 'manager-private-a81f',
  employeePrivate: 'employee-private-c22d',
  managerReflection: 'reflection-private-7e10',
  shared: 'shared-note-5b9c',
  checkIn: 'check-in-comment-3d4e',
} as const;

/**
 * A pair with a held 1:1 full of content: shared notes that name the employee, both private
 * notes, the manager's reflection, an action, a check-in comment, minutes and mails.
 */
export async function makePrivacyWorld(ctx: TestContext, tag: string) {
  const w: OneOnOneWorld = await makeOneOnOneWorld(ctx.database.db, tag);
  const c: Record<string, Client> = await clientsFor(ctx.app, w);
  const { series, meetings } = await bookSeries(c.manager!, w.employee.id, {
    startDate: daysFromToday(1),
  });
  const held = meetings[0]!.id;
  const agenda = (await c.manager!.get(`/api/one-on-ones/meetings/${held}`)).json().agenda;
  const put = (who: Client, url: string, body: unknown) => who.request('PUT', url, body);
  await put(c.employee!, `/api/one-on-ones/meetings/${held}/check-in`, {
    wellbeing: 4,
    workload: 3,
    progress: 4,
    comment: SECRETS.checkIn,
  });
  await put(c.employee!, `/api/one-on-ones/points/${agenda[0].id}/note`, {
    body: `${SECRETS.shared}: ${w.employee.name} (${w.employee.email}) leads the review`,
    baseVersion: 0,
  });
  await put(c.manager!, `/api/one-on-ones/meetings/${held}/private-note`, {
    body: SECRETS.managerPrivate,
    baseVersion: 0,
  });
  await put(c.employee!, `/api/one-on-ones/meetings/${held}/private-note`, {
    body: SECRETS.employeePrivate,
    baseVersion: 0,
  });
  await c.manager!.post(`/api/one-on-ones/meetings/${held}/actions`, {
    title: `Book the course for ${w.employee.name}`,
    ownerId: w.employee.id,
  });
  const finished = await c.manager!.post(`/api/one-on-ones/meetings/${held}/finish`);
  if (finished.statusCode !== 200) throw new Error(`finish failed: ${finished.body}`);
  await put(c.manager!, `/api/one-on-ones/meetings/${held}/reflection`, {
    topics: [
      { title: 'How are you', howItWent: SECRETS.managerReflection, why: '', doDifferently: '' },
    ],
    notes: '',
  });
  return { w, c, seriesId: series.id as string, held };
}
