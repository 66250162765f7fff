import { randomUUID } from 'node:crypto';
import type { DbOrTx } from '../db/client';
import {
  conversationPreparations,
  developmentGoals,
  developmentPlanItems,
  developmentProgressNotes,
  organisationGoals,
} from '../db/schema/index';
import { questionsFor, type Answers } from '../domain/development/template';
import type { Agreement } from '../domain/development/versions';
import { seedSignedMus, type HeldMus } from './employees';

const DAY = 86_400_000;

/** Agreed notes per MUS section, in Danish as the pair speaks. */
const NOTES: Record<string, string> = {
  year_behind: 'Et godt år med den nye kundeportal. Travlt i foråret, roligere efter sommer.',
  competences: 'Lars vil gerne blive stærkere i test og kodegennemgang.',
  agreements: 'Lars leder kodegennemgangen i teamet fra næste kvartal. Opfølgning i 1:1.',
};

/**
 * A signed development conversation with goals and a development plan for the Danish demo pair
 * (Mads and Lars), held a month ago, with one progress note since — so the agreement, its PDF
 * and the goals panel in their 1:1s have something to show after `npm start`. Also two
 * organisation goals HR keeps.
 */
export async function seedGoalsDemo(
  tx: DbOrTx,
  orgId: string,
  who: {
    managerId: string;
    employeeId: string;
    hrId: string;
    managerName: string;
    employeeName: string;
  },
): Promise<void> {
  const quality = randomUUID();
  await tx.insert(organisationGoals).values([
    {
      orgId,
      id: quality,
      title: 'Färre fel i leveranserna',
      description: 'Hälften så många felrapporter från kunderna jämfört med i fjol.',
      translations: {
        da: {
          title: 'Færre fejl i leverancerne',
          description: 'Halvt så mange fejlrapporter fra kunderne som sidste år.',
        },
        nb: {
          title: 'Færre feil i leveransene',
          description: 'Halvparten så mange feilrapporter fra kundene som i fjor.',
        },
        en: {
          title: 'Fewer defects in deliveries',
          description: 'Half as many defect reports from customers as last year.',
        },
      },
      createdBy: who.hrId,
    },
    {
      orgId,
      id: randomUUID(),
      title: 'Alla har en utvecklingsplan',
      description: 'Varje medarbetare har en aktuell plan för sin kompetensutveckling.',
      translations: {
        da: {
          title: 'Alle har en udviklingsplan',
          description: 'Hver medarbejder har en aktuel plan for sin kompetenceudvikling.',
        },
        nb: {
          title: 'Alle har en utviklingsplan',
          description: 'Hver medarbeider har en oppdatert plan for sin kompetanseutvikling.',
        },
        en: {
          title: 'Everyone has a development plan',
          description: 'Every employee has a current plan for developing their skills.',
        },
      },
      createdBy: who.hrId,
    },
  ]);

  const now = Date.now();
  const manager = { id: who.managerId, name: who.managerName };
  const employee = { id: who.employeeId, name: who.employeeName };
  // Held a month ago in Copenhagen; both prepared the week before; goals and a plan agreed.
  await seedSignedMus(tx, orgId, { manager, employee }, 'Europe/Copenhagen', 30, NOTES, (held) =>
    agreeGoals(tx, orgId, who, held, now, quality),
  );
}

/** Lars's preparations, goals, plan and a progress note since; what the agreement lists. */
async function agreeGoals(
  tx: DbOrTx,
  orgId: string,
  who: { managerId: string; employeeId: string },
  { conversationId, heldAt, content }: HeldMus,
  now: number,
  quality: string,
): Promise<Pick<Agreement, 'goals' | 'plan'>> {
  const pair = { managerId: who.managerId, employeeId: who.employeeId };
  const prepared = new Date(heldAt.getTime() - 8 * DAY);
  await tx.insert(conversationPreparations).values(
    (['employee', 'manager'] as const).map((role) => ({
      orgId,
      id: randomUUID(),
      conversationId,
      authorId: role === 'employee' ? who.employeeId : who.managerId,
      authorRole: role,
      answers: prepare(content, role),
      submittedAt: prepared,
      createdAt: new Date(prepared.getTime() - 2 * DAY),
    })),
  );
  const dueIn = (days: number) => new Date(now + days * DAY).toISOString().slice(0, 10);
  const goals = [
    {
      id: randomUUID(),
      title: 'Lede kodegennemgangen i teamet',
      description: 'Ugentlig gennemgang med fast dagsorden.',
      successMeasure: 'Alle ændringer gennemgås inden for to dage',
      dueDate: dueIn(120),
      roleExpectation: 'Sikrer kvaliteten i teamets leverancer',
      organisationGoalId: quality,
    },
    {
      id: randomUUID(),
      title: 'Automatiske test for kundeportalen',
      description: '',
      successMeasure: 'Testdækning over 70 %',
      dueDate: dueIn(200),
      roleExpectation: 'Udvikler og vedligeholder kundeportalen',
      organisationGoalId: null,
    },
  ];
  const plan = {
    id: randomUUID(),
    competence: 'Test og kvalitetssikring',
    competenceArea: 'professional' as const,
    activity: 'course' as const,
    activityDetail: 'Todageskursus i testautomatisering',
    support: 'Tid til kurset og budget',
    dueDate: dueIn(90),
  };
  await tx.insert(developmentGoals).values(
    goals.map((g) => ({
      orgId,
      conversationId,
      ...pair,
      ...g,
      createdBy: who.managerId,
      createdAt: heldAt,
    })),
  );
  await tx.insert(developmentPlanItems).values({
    orgId,
    conversationId,
    ...pair,
    ...plan,
    createdBy: who.managerId,
    createdAt: heldAt,
  });
  await tx.insert(developmentProgressNotes).values({
    orgId,
    id: randomUUID(),
    goalId: goals[0]!.id,
    authorId: who.employeeId,
    body: 'Første to gennemgange holdt; dagsordenen virker.',
    createdAt: new Date(now - 10 * DAY),
  });

  return {
    goals: goals.map(({ organisationGoalId, ...g }) => ({
      ...g,
      organisationGoal: organisationGoalId ? 'Färre fel i leveranserna' : null,
    })),
    plan: [plan],
  };
}

/** Prepared answers in Danish: Lars looks back and ahead, Mads answers from his side. */
const PREPARED: Record<'employee' | 'manager', Answers> = {
  employee: {
    year_overall: 4,
    agreements_kept: true,
    highlights:
      'Kundeportalen gik i luften til tiden. Foråret var hårdt med mange rettelser efter lanceringen.',
    skills_fit: 4,
    workload: 'about_right',
    wellbeing: 'Gode kolleger og svære problemer giver energi; afbrydelser om formiddagen dræner.',
    colleagues: 'Godt i teamet; vi kan blive bedre til at give hinanden feedback på koden.',
    to_manager: 'Mere tid til at tale om, hvor produktet er på vej hen.',
    strengths: 'Overblik over kundeportalen og ro under pres.',
    develop: ['professional', 'leadership'],
    one_to_three: 'Som den, der holder styr på kvaliteten i teamet.',
    goals: 'Lede kodegennemgangen og få automatiske test på kundeportalen.',
    agreements: 'Kursus i testautomatisering inden sommerferien.',
  },
  manager: {
    agreements_kept: true,
    highlights: 'Lars bar lanceringen af kundeportalen og hjalp kollegerne godt igennem foråret.',
    workload: 'about_right',
    colleagues: 'Lars er den, de andre spørger; det skal vi gøre til en rolle.',
    to_employee: 'Sig til tidligere, når noget brænder på, så vi kan flytte opgaver.',
    strengths: 'Grundighed og overblik.',
    goals: 'Kodegennemgang i teamet fra næste kvartal; test på kundeportalen.',
    agreements: 'Budget og tid til et kursus i test.',
  },
};

/** The prepared answers, kept to the questions the template gives that author. */
function prepare(
  content: Parameters<typeof questionsFor>[0],
  role: 'employee' | 'manager',
): Answers {
  const answers: Answers = {};
  for (const q of questionsFor(content, role)) {
    const a = PREPARED[role][q.key];
    if (a !== undefined) answers[q.key] = a;
  }
  return answers;
}
