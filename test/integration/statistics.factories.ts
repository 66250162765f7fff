/**
 * A small organisation with known 1:1s, actions, check-ins and a conversation round, for the
 * HR statistics tests. Rows are written directly: the statistics only read them.
 */
import { randomUUID } from 'node:crypto';
import type { DbOrTx } from '../../src/db/client';
import {
  checkIns,
  conversationRounds,
  conversations,
  conversationTemplates,
  conversationTemplateVersions,
  oneOnOneActions,
  oneOnOneMeetings,
  oneOnOneSeries,
} from '../../src/db/schema/index';
import { instantRange, quarterOf, shiftQuarter } from '../../src/domain/statistics/periods';
import { makeDepartment, makeOrg, makePerson } from '../support/factories';
import { daysFromToday } from '../support/one-on-one.factories';

type Person = Awaited<ReturnType<typeof makePerson>>;

/** A closed quarter two quarters back: its wellbeing figures can be published. */
export function closedQuarter() {
  return shiftQuarter(quarterOf(daysFromToday(0)).key, 2);
}

/** Mid-quarter instant `day` days into the closed quarter (Stockholm). */
function inQuarter(day: number): Date {
  const r = instantRange(closedQuarter(), 'Europe/Stockholm');
  return new Date(r.from.getTime() + day * 86_400_000 + 9 * 3_600_000);
}

async function series(db: DbOrTx, orgId: string, managerId: string, employeeId: string) {
  const id = randomUUID();
  await db.insert(oneOnOneSeries).values({
    orgId,
    id,
    managerId,
    employeeId,
    cadence: 'every_2_weeks',
    startDate: closedQuarter().from,
    localTime: '09:00',
    timeZone: 'Europe/Stockholm',
    durationMinutes: 20,
    placeKind: 'room',
    horizonUntil: closedQuarter().to,
  });
  return id;
}

let seq = 0;
async function meeting(
  db: DbOrTx,
  orgId: string,
  pair: { seriesId: string; managerId: string; employeeId: string },
  startsAt: Date,
  status: 'held' | 'cancelled' | 'planned',
  statusReasonCode: string | null = null,
) {
  const id = randomUUID();
  await db.insert(oneOnOneMeetings).values({
    orgId,
    id,
    ...pair,
    seq: ++seq,
    localDate: startsAt.toISOString().slice(0, 10),
    timeZone: 'Europe/Stockholm',
    startsAt,
    endsAt: new Date(startsAt.getTime() + 20 * 60_000),
    durationMinutes: 20,
    placeKind: 'room',
    status,
    statusReasonCode,
    heldAt: status === 'held' ? startsAt : null,
  });
  return id;
}

/**
 * Units: Kommun > (Vård > Team A), Ekonomi, IT. The director leads everyone; the manager m sits
 * in Vård and leads a1–a5 (in Team A). e1–e4 (Ekonomi) and i1–i5 (IT) report to the director.
 * In the closed quarter m answers wellbeing 1, everyone else 4: Vård (m + Team A, 6 people) and
 * Team A (5) differ by m alone, Ekonomi has 4 people with answers and IT 5.
 */
export async function makeStatisticsWorld(db: DbOrTx, tag: string) {
  const org = await makeOrg(db);
  const other = await makeOrg(db);
  const root = await makeDepartment(db, org.id, 'Kommun');
  const care = await makeDepartment(db, org.id, 'Vård', root.id);
  const teamA = await makeDepartment(db, org.id, 'Team A', care.id);
  const finance = await makeDepartment(db, org.id, 'Ekonomi', root.id);
  const it = await makeDepartment(db, org.id, 'IT', root.id);
  const p = (email: string, over: Parameters<typeof makePerson>[2] = {}) =>
    makePerson(db, org.id, { email: `${email}-${tag}@s.test`, ...over });
  const hr = await p('hr', { roles: ['hr'], locale: 'sv' });
  const admin = await p('admin', { roles: ['admin'], locale: 'en' });
  const director = await p('director', { departmentId: root.id, name: 'Dora Direktör' });
  const m = await p('m', { departmentId: care.id, managerId: director.id, name: 'Maja Chef' });
  const staff = async (prefix: string, n: number, dept: string, manager: string) => {
    const out: Person[] = [];
    for (let i = 1; i <= n; i++)
      out.push(await p(`${prefix}${i}`, { departmentId: dept, managerId: manager }));
    return out;
  };
  const a = await staff('a', 5, teamA.id, m.id);
  const e = await staff('e', 4, finance.id, director.id);
  const i = await staff('i', 5, it.id, director.id);
  const stranger = await makePerson(db, other.id, {
    email: `stranger-${tag}@other.test`,
    roles: ['hr', 'admin'],
  });

  // Every employee: one held 1:1 with a check-in in the closed quarter.
  const pairs = new Map<string, { seriesId: string; managerId: string; employeeId: string }>();
  for (const person of [m, ...a, ...e, ...i]) {
    const pair = {
      seriesId: await series(db, org.id, person.managerId!, person.id),
      managerId: person.managerId!,
      employeeId: person.id,
    };
    pairs.set(person.id, pair);
    const startsAt = inQuarter(20);
    const meetingId = await meeting(db, org.id, pair, startsAt, 'held');
    await db.insert(checkIns).values({
      orgId: org.id,
      id: randomUUID(),
      meetingId,
      ...pair,
      meetingStartsAt: startsAt,
      wellbeing: person.id === m.id ? 1 : 4,
      workload: 3,
      progress: person.id === m.id ? 2 : 4,
      comment: 'SECRET-COMMENT only the pair reads',
      answeredBy: person.id,
    });
  }
  // Team A: besides the held one, one cancelled by the pair (counts as due) and one the system
  // cancelled when something changed (does not count).
  for (const person of a) {
    const pair = pairs.get(person.id)!;
    await meeting(db, org.id, pair, inQuarter(34), 'cancelled');
    await meeting(db, org.id, pair, inQuarter(48), 'cancelled', 'reporting_line_changed');
  }
  // a1 also met last week (not "without a 1:1 lately").
  await meeting(db, org.id, pairs.get(a[0]!.id)!, new Date(Date.now() - 7 * 86_400_000), 'held');

  // Actions of a1's pair: one overdue, one done, one due later.
  const a1 = pairs.get(a[0]!.id)!;
  const origin = inQuarter(20);
  const meetingId = await meeting(db, org.id, a1, inQuarter(21), 'held');
  for (const [title, dueDate, doneAt] of [
    ['SECRET-ACTION overdue', daysFromToday(-10), null],
    ['SECRET-ACTION done', daysFromToday(-10), new Date()],
    ['SECRET-ACTION later', daysFromToday(10), null],
  ] as const) {
    await db.insert(oneOnOneActions).values({
      orgId: org.id,
      id: randomUUID(),
      seriesId: a1.seriesId,
      meetingId,
      managerId: a1.managerId,
      employeeId: a1.employeeId,
      originStartsAt: origin,
      title,
      ownerId: a1.employeeId,
      dueDate,
      doneAt,
      createdBy: a1.managerId,
    });
  }

  // A development conversation round: Team A in each of the five statuses.
  const templateId = randomUUID();
  const versionId = randomUUID();
  await db.insert(conversationTemplates).values({
    orgId: org.id,
    id: templateId,
    kind: 'development',
    name: { sv: 'Medarbetarsamtal', da: 'MUS', nb: 'Medarbeidersamtale', en: 'Development' },
  });
  await db.insert(conversationTemplateVersions).values({
    orgId: org.id,
    id: versionId,
    templateId,
    version: 1,
    content: { sections: [] },
  });
  const roundId = randomUUID();
  await db.insert(conversationRounds).values({
    orgId: org.id,
    id: roundId,
    kind: 'development',
    name: 'Medarbetarsamtal 2026',
    templateVersionId: versionId,
    periodStart: daysFromToday(-30),
    periodEnd: daysFromToday(60),
    deadline: daysFromToday(60),
    scope: { type: 'all' },
  });
  const statuses = ['not_booked', 'booked', 'held', 'closed', 'signed'] as const;
  for (const [k, person] of a.entries())
    await db.insert(conversations).values({
      orgId: org.id,
      id: randomUUID(),
      roundId,
      kind: 'development',
      employeeId: person.id,
      managerId: m.id,
      templateVersionId: versionId,
      status: statuses[k]!,
    });

  return {
    org,
    units: { root, care, teamA, finance, it },
    hr,
    admin,
    director,
    m,
    a,
    e,
    i,
    stranger,
    roundId,
    /** Everyone with answers, and each one's wellbeing answer. */
    answers: new Map([m, ...a, ...e, ...i].map((x) => [x.id, x.id === m.id ? 1 : 4])),
  };
}

export type StatisticsWorld = Awaited<ReturnType<typeof makeStatisticsWorld>>;
