import { randomUUID } from 'node:crypto';
import type { DbOrTx } from '../../src/db/client';
import {
  conversations,
  conversationTemplates,
  conversationTemplateVersions,
  oneOnOneActions,
  oneOnOneMeetings,
  oneOnOneNotes,
  oneOnOnePoints,
} from '../../src/db/schema/index';
import type { ConversationTemplateContent } from '../../src/domain/development/template';

const text = (en: string, da = en) => ({ sv: en, da, nb: en, en });

/** Two sections are enough to see agreed notes per section in the agreement. */
const GOALS_TEMPLATE: ConversationTemplateContent = {
  sections: [
    {
      key: 'now',
      title: text('Right now', 'Nuværende situation'),
      questions: [
        { key: 'how', text: text('How are you?'), answer: { type: 'text' }, preparedBy: 'both' },
      ],
    },
    {
      key: 'ahead',
      title: text('Looking ahead', 'Fremadrettet'),
      questions: [
        { key: 'focus', text: text('Focus?'), answer: { type: 'text' }, preparedBy: 'both' },
      ],
    },
  ],
};

type Pair = { managerId: string; employeeId: string };

/**
 * A conversation of the pair as a round and a booking would have left it: held, with a
 * meeting whose section points carry agreed notes, and one closing-plan action.
 */
export async function makeHeldConversation(
  db: DbOrTx,
  orgId: string,
  pair: Pair,
  over: Partial<typeof conversations.$inferInsert> & { notes?: Record<string, string> } = {},
) {
  const { notes = {}, ...conv } = over;
  const templateId = randomUUID();
  const versionId = randomUUID();
  await db.insert(conversationTemplates).values({
    orgId,
    id: templateId,
    kind: conv.kind ?? 'development',
    name: text('Goals test template'),
  });
  await db
    .insert(conversationTemplateVersions)
    .values({ orgId, id: versionId, templateId, version: 1, content: GOALS_TEMPLATE });
  const meetingId = randomUUID();
  const startsAt = new Date(Date.now() - 2 * 3600_000);
  await db.insert(oneOnOneMeetings).values({
    orgId,
    id: meetingId,
    kind: conv.kind ?? 'development',
    ...pair,
    localDate: startsAt.toISOString().slice(0, 10),
    timeZone: 'Europe/Copenhagen',
    startsAt,
    endsAt: new Date(startsAt.getTime() + 3600_000),
    durationMinutes: 60,
    placeKind: 'in_person',
    status: 'held',
    heldAt: new Date(),
  });
  for (const [i, s] of GOALS_TEMPLATE.sections.entries()) {
    const pointId = randomUUID();
    await db.insert(oneOnOnePoints).values({
      orgId,
      id: pointId,
      meetingId,
      kind: 'section',
      sectionKey: s.key,
      position: i,
    });
    await db.insert(oneOnOneNotes).values({
      orgId,
      id: randomUUID(),
      meetingId,
      pointId,
      body: notes[s.key] ?? '',
      version: 1,
    });
  }
  await db.insert(oneOnOneActions).values({
    orgId,
    id: randomUUID(),
    meetingId,
    ...pair,
    originStartsAt: startsAt,
    title: 'Tilmeld kursus i facilitering',
    ownerId: pair.employeeId,
    dueDate: '2027-03-31',
    createdBy: pair.managerId,
  });
  const [row] = await db
    .insert(conversations)
    .values({
      orgId,
      id: randomUUID(),
      kind: 'development',
      templateVersionId: versionId,
      ...pair,
      status: 'held',
      meetingId,
      bookedAt: new Date(),
      heldAt: new Date(),
      ...conv,
    })
    .returning();
  return row!;
}

/** A goal body with the fields a test cares about. */
export const goalBody = (title: string, over: Record<string, unknown> = {}) => ({
  title,
  description: 'Lede teamets ugentlige møder',
  successMeasure: 'Teamet siger, at møderne er bedre',
  dueDate: '2027-06-30',
  roleExpectation: 'Tager ansvar for teamets samarbejde',
  ...over,
});

export const planBody = (competence: string, over: Record<string, unknown> = {}) => ({
  competence,
  activity: 'course',
  activityDetail: 'Kursus hos en ekstern udbyder',
  support: 'Tid i kalenderen',
  dueDate: '2027-04-30',
  ...over,
});

/** The text of every page of a PDF, read back with pdf.js (what a PDF viewer would show). */
export async function pdfText(data: Buffer): Promise<{ pages: number; text: string }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const fonts = new URL('../../node_modules/pdfjs-dist/standard_fonts/', import.meta.url).pathname;
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(data),
    standardFontDataUrl: fonts,
    verbosity: 0,
  }).promise;
  const parts: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    parts.push(content.items.map((it) => ('str' in it ? it.str : '')).join(' '));
  }
  return { pages: doc.numPages, text: parts.join('\n').replace(/\s+/g, ' ') };
}
