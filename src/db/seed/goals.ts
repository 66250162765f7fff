import { and, eq } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import type { DbOrTx } from '../client';
import {
  conversations,
  conversationTemplates,
  conversationVersions,
  developmentGoals,
  developmentPlanItems,
  developmentProgressNotes,
  organisationGoals,
} from '../schema/index';
import type { Agreement } from '../../domain/development/versions';
import { conversationTemplateRepository } from '../../server/repositories/conversation-template.repository';

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
  await conversationTemplateRepository.ensureBuiltins(tx, orgId);
  const [template] = await tx
    .select({ id: conversationTemplates.id })
    .from(conversationTemplates)
    .where(and(eq(conversationTemplates.orgId, orgId), eq(conversationTemplates.builtinKey, 'mus')))
    .limit(1);
  if (!template) return;
  const version = await conversationTemplateRepository.latestVersion(tx, orgId, template.id);
  if (!version) return;

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
  const heldAt = new Date(now - 30 * DAY);
  const signedAt = new Date(now - 28 * DAY);
  const conversationId = randomUUID();
  const pair = { managerId: who.managerId, employeeId: who.employeeId };
  await tx.insert(conversations).values({
    orgId,
    id: conversationId,
    kind: 'development',
    ...pair,
    templateVersionId: version.id,
    status: 'signed',
    bookedAt: new Date(now - 40 * DAY),
    heldAt,
    closedAt: heldAt,
    signedAt,
    createdAt: new Date(now - 45 * DAY),
  });
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

  const agreement: Agreement = {
    format: 1,
    conversationId,
    kind: 'development',
    roundName: null,
    heldAt: heldAt.toISOString(),
    employee: { id: who.employeeId, name: who.employeeName },
    manager: { id: who.managerId, name: who.managerName },
    sections: version.content.sections.map((s) => ({
      key: s.key,
      title: s.title,
      notes: NOTES[s.key] ?? '',
      decision: '',
    })),
    reviewedGoals: [],
    goals: goals.map(({ organisationGoalId, ...g }) => ({
      ...g,
      organisationGoal: organisationGoalId ? 'Färre fel i leveranserna' : null,
    })),
    plan: [plan],
    actions: [],
  };
  await tx.insert(conversationVersions).values({
    orgId,
    conversationId,
    version: 1,
    content: agreement,
    createdBy: who.managerId,
    createdAt: heldAt,
    acknowledgedBy: who.employeeId,
    acknowledgedAt: signedAt,
  });
}
