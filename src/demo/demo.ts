import { and, eq } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/client';
import { departments, organisations, people } from '../db/schema/index';
import { hashPassword } from '../server/services/password';
import { organisationRepository } from '../server/repositories/organisation.repository';
import { seedWellbeingDemo } from './wellbeing';
import { seedRoundsDemo } from './rounds';
import { seedConversationsDemo } from './conversations';
import { seedGoalsDemo } from './goals';
import { seedEndedSeries, type HeldTopic } from './history';
import { seedPastOneOnOnes, seedSignedMus } from './employees';
import { Temporal } from 'temporal-polyfill';
import { quarterOf, wellbeingQuarter } from '../domain/statistics/periods';

const DEMO_SLUG = 'demo';
export const DEMO_PASSWORD = 'samtal-demo';

type DemoPerson = {
  key: string;
  name: string;
  email: string;
  number: string;
  title: string;
  dept: string;
  locale: 'sv' | 'da' | 'nb' | 'en';
  tz: string;
  manager?: string;
  roles?: ('hr' | 'admin')[];
  login?: string;
};

const DEPARTMENTS: { key: string; name: string; parent?: string }[] = [
  { key: 'mgmt', name: 'Ledning' },
  { key: 'care', name: 'Vård och omsorg', parent: 'mgmt' },
  { key: 'home', name: 'Hemtjänst Norr', parent: 'care' },
  { key: 'cph', name: 'Kontor København', parent: 'mgmt' },
  { key: 'osl', name: 'Kontor Oslo', parent: 'mgmt' },
  { key: 'hr', name: 'HR', parent: 'mgmt' },
];

const PEOPLE: DemoPerson[] = [
  {
    key: 'ceo',
    name: 'Anders Ek',
    email: 'vd@samtal.demo',
    number: 'D001',
    title: 'VD',
    dept: 'mgmt',
    locale: 'sv',
    tz: 'Europe/Stockholm',
  },
  {
    key: 'hr',
    name: 'Helena Berg',
    email: 'hr@samtal.demo',
    number: 'D002',
    title: 'HR-chef',
    dept: 'hr',
    locale: 'sv',
    tz: 'Europe/Stockholm',
    manager: 'ceo',
    roles: ['hr', 'admin'],
    login: 'HR',
  },
  {
    key: 'maria',
    name: 'Maria Lindqvist',
    email: 'chef@samtal.demo',
    number: 'D010',
    title: 'Enhetschef',
    dept: 'home',
    locale: 'sv',
    tz: 'Europe/Stockholm',
    manager: 'ceo',
    login: 'manager',
  },
  {
    key: 'erik',
    name: 'Erik Johansson',
    email: 'medarbetare@samtal.demo',
    number: 'D011',
    title: 'Undersköterska',
    dept: 'home',
    locale: 'sv',
    tz: 'Europe/Stockholm',
    manager: 'maria',
    login: 'employee',
  },
  {
    key: 'sara',
    name: 'Sara Nilsson',
    email: 'sara@samtal.demo',
    number: 'D012',
    title: 'Sjuksköterska',
    dept: 'home',
    locale: 'sv',
    tz: 'Europe/Stockholm',
    manager: 'maria',
  },
  {
    key: 'ahmed',
    name: 'Ahmed Hassan',
    email: 'ahmed@samtal.demo',
    number: 'D013',
    title: 'Undersköterska',
    dept: 'home',
    locale: 'en',
    tz: 'Europe/Stockholm',
    manager: 'maria',
  },
  {
    key: 'mads',
    name: 'Mads Jensen',
    email: 'leder@samtal.demo',
    number: 'D020',
    title: 'Afdelingsleder',
    dept: 'cph',
    locale: 'da',
    tz: 'Europe/Copenhagen',
    manager: 'ceo',
    login: 'manager',
  },
  {
    key: 'sofie',
    name: 'Sofie Hansen',
    email: 'medarbejder@samtal.demo',
    number: 'D021',
    title: 'Konsulent',
    dept: 'cph',
    locale: 'da',
    tz: 'Europe/Copenhagen',
    manager: 'mads',
    login: 'employee',
  },
  {
    key: 'lars',
    name: 'Lars Poulsen',
    email: 'lars@samtal.demo',
    number: 'D022',
    title: 'Udvikler',
    dept: 'cph',
    locale: 'da',
    tz: 'Europe/Copenhagen',
    manager: 'mads',
  },
  {
    key: 'kari',
    name: 'Kari Nordmann',
    email: 'leiar@samtal.demo',
    number: 'D030',
    title: 'Avdelingsleder',
    dept: 'osl',
    locale: 'nb',
    tz: 'Europe/Oslo',
    manager: 'ceo',
    login: 'manager',
  },
  {
    key: 'ola',
    name: 'Ola Nordmann',
    email: 'ola@samtal.demo',
    number: 'D031',
    title: 'Rådgiver',
    dept: 'osl',
    locale: 'nb',
    tz: 'Europe/Oslo',
    manager: 'kari',
  },
];

/** The demo's sign-ins, with name and language, for the sign-in page of a demo server. */
export function demoSignIns(): { role: string; email: string; name: string; locale: string }[] {
  return PEOPLE.filter((p) => p.login).map((p) => ({
    role: p.login!,
    email: p.email,
    name: p.name,
    locale: p.locale,
  }));
}

/** Creates the demo organisation unless it exists. Returns the sign-ins to print. */
export async function seedDemo(
  db: Db,
): Promise<{ created: boolean; logins: { role: string; email: string }[] }> {
  const logins = PEOPLE.filter((p) => p.login).map((p) => ({ role: p.login!, email: p.email }));
  if (await organisationRepository.findBySlug(db, DEMO_SLUG)) return { created: false, logins };
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    const orgId = randomUUID();
    await tx.insert(organisations).values({
      id: orgId,
      name: 'Samtal Demo',
      slug: DEMO_SLUG,
      defaultLocale: 'sv',
      defaultTimeZone: 'Europe/Stockholm',
    });
    const depIds = new Map(DEPARTMENTS.map((d) => [d.key, randomUUID()]));
    // Parents first: the list is ordered so every parent precedes its children.
    for (const d of DEPARTMENTS) {
      await tx.insert(departments).values({
        orgId,
        id: depIds.get(d.key)!,
        name: d.name,
        parentId: d.parent ? depIds.get(d.parent)! : null,
      });
    }
    const ids = new Map(PEOPLE.map((p) => [p.key, randomUUID()]));
    await tx.insert(people).values(
      PEOPLE.map((p) => ({
        orgId,
        id: ids.get(p.key)!,
        name: p.name,
        email: p.email,
        employeeNumber: p.number,
        jobTitle: p.title,
        departmentId: depIds.get(p.dept)!,
        locale: p.locale,
        timeZone: p.tz,
        managerId: null,
        roles: p.roles ?? [],
        passwordHash,
        // As if each had set their password through their invitation (decision 016).
        recoveryEmail: p.email,
      })),
    );
    for (const p of PEOPLE.filter((x) => x.manager)) {
      await tx
        .update(people)
        .set({ managerId: ids.get(p.manager!)! })
        .where(and(eq(people.orgId, orgId), eq(people.id, ids.get(p.key)!)));
    }
    const person = (key: string) => {
      const p = PEOPLE.find((x) => x.key === key)!;
      return { id: ids.get(key)!, name: p.name, locale: p.locale };
    };
    await seedWellbeingDemo(
      tx,
      orgId,
      { managerId: ids.get('maria')!, employeeId: ids.get('ahmed')! },
      { manager: person('maria'), employee: person('ahmed') },
    );
    await seedLastQuarter(tx, orgId, ids);
    await seedRoundsDemo(tx, orgId, {
      departmentId: depIds.get('home')!,
      hrId: ids.get('hr')!,
    });
    await seedConversationsDemo(tx, orgId, {
      managerId: ids.get('maria')!,
      employeeId: ids.get('erik')!,
    });
    // Erik and Sofie each have 1:1s behind them (their managers book the next series in the
    // journeys) and unread minutes; Erik an action of his own, Sofie last year's signed MUS.
    await seedPastOneOnOnes(
      tx,
      orgId,
      { manager: person('maria'), employee: person('erik') },
      'Europe/Stockholm',
      ERIK_TALKS,
      { unreadNewest: true },
    );
    await seedPastOneOnOnes(
      tx,
      orgId,
      { manager: person('mads'), employee: person('sofie') },
      'Europe/Copenhagen',
      SOFIE_TALKS,
      { unreadNewest: true },
    );
    await seedSignedMus(
      tx,
      orgId,
      { manager: person('mads'), employee: person('sofie') },
      'Europe/Copenhagen',
      // Thirteen months ago: the next one is due (the MUS 2027 round of the journeys).
      395,
      {
        year_behind: 'Sofie har haft et stærkt år med de nye kunder; sommeren var presset.',
        competences: 'Sofie vil gerne blive bedre til at facilitere workshops.',
        agreements: 'Sofie leder næste kundeworkshop med Mads som sparringspartner.',
      },
    );
    await seedGoalsDemo(tx, orgId, {
      managerId: ids.get('mads')!,
      employeeId: ids.get('lars')!,
      hrId: ids.get('hr')!,
      managerName: 'Mads Jensen',
      employeeName: 'Lars Poulsen',
    });
  });
  return { created: true, logins };
}

/**
 * The managers' monthly 1:1s with the CEO in the last closed quarter, with check-ins: with
 * Ahmed's, five people answered in that quarter, so HR's statistics show the organisation's
 * wellbeing (decision 014: groups of five or more). The series ended with the quarter.
 */
async function seedLastQuarter(
  tx: Parameters<typeof seedEndedSeries>[0],
  orgId: string,
  ids: Map<string, string>,
) {
  const zone = 'Europe/Stockholm';
  const today = Temporal.Now.plainDateISO(zone);
  // The quarter the statistics page shows wellbeing for by default (decision 014: the last
  // closed one, a week after it closed).
  const shown = wellbeingQuarter(quarterOf(today.toString()).key, today.toString());
  const start = Temporal.PlainDate.from(shown.from);
  const answers: Record<string, [number, number, number][]> = {
    maria: [
      [4, 4, 3],
      [3, 5, 3],
      [4, 4, 4],
    ],
    mads: [
      [4, 3, 4],
      [4, 3, 4],
      [5, 3, 4],
    ],
    kari: [
      [3, 3, 3],
      [4, 3, 3],
      [4, 2, 4],
    ],
    hr: [
      [4, 4, 4],
      [4, 4, 3],
      [3, 4, 3],
    ],
  };
  for (const [key, rows] of Object.entries(answers)) {
    await seedEndedSeries(
      tx,
      orgId,
      { managerId: ids.get('ceo')!, employeeId: ids.get(key)! },
      rows.map((a, month) => {
        let d = start.add({ months: month, days: 9 });
        while (d.dayOfWeek > 5) d = d.add({ days: 1 });
        const zdt = d.toZonedDateTime({
          timeZone: zone,
          plainTime: Temporal.PlainTime.from('08:30'),
        });
        return { startsAt: new Date(zdt.epochMilliseconds), answers: a };
      }),
      zone,
    );
  }
}

/** Erik's 1:1s with Maria, oldest first, in Swedish. */
const ERIK_TALKS: HeldTopic[][] = [
  [
    {
      title: 'Nya brukare i området',
      by: 'manager',
      notes: 'Tre nya brukare från oktober; Erik tar två av dem.',
      decision: 'Erik går dubbelt med Sara första veckan.',
      action: {
        title: 'Gå dubbelt med Sara hos de nya brukarna',
        owner: 'employee',
        dueInDays: 7,
        doneAfterDays: 5,
      },
    },
  ],
  [
    {
      title: 'Bilen och körtiderna',
      by: 'employee',
      notes: 'Körtiden mellan besöken är för snålt beräknad på eftermiddagen.',
      decision: 'Maria tar upp körtiderna med planeringen.',
      action: {
        title: 'Ta upp körtiderna med planeringen',
        owner: 'manager',
        dueInDays: 14,
        doneAfterDays: 9,
      },
    },
  ],
  [
    {
      title: 'Handledarutbildning',
      by: 'employee',
      notes: 'Erik vill bli handledare för nyanställda. Kommunen har en utbildning i vår.',
      decision: 'Vi tar upp det i medarbetarsamtalet och söker platsen nu.',
      action: {
        title: 'Anmäla intresse för handledarutbildningen',
        owner: 'employee',
        dueInDays: 35,
      },
    },
  ],
];

/** Sofie's 1:1s with Mads, oldest first, in Danish. */
const SOFIE_TALKS: HeldTopic[][] = [
  [
    {
      title: 'Kundeworkshoppen',
      by: 'employee',
      notes: 'Forberedelsen tog længere tid end ventet; kunden var tilfreds.',
      decision: 'Sofie laver en skabelon til næste workshop.',
      action: {
        title: 'Lave skabelon til kundeworkshops',
        owner: 'employee',
        dueInDays: 14,
        doneAfterDays: 12,
      },
    },
  ],
  [
    {
      title: 'Arbejdsmængden i november',
      by: 'manager',
      notes: 'To tilbud på samme tid; Sofie arbejder over.',
      decision: 'Lars overtager det mindste tilbud.',
      action: {
        title: 'Aftale overdragelsen med Lars',
        owner: 'manager',
        dueInDays: 3,
        doneAfterDays: 1,
      },
    },
  ],
];
