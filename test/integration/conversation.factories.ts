import { randomUUID } from 'node:crypto';
import type { DbOrTx } from '../../src/db/client';
import {
  conversations,
  conversationTemplates,
  conversationTemplateVersions,
} from '../../src/db/schema/index';
import type { ConversationTemplateContent } from '../../src/domain/development/template';

const text = (en: string) => ({ sv: en, da: en, nb: en, en });

/** A small template with every answer type and every kind of preparer. */
const TEST_CONTENT: ConversationTemplateContent = {
  sections: [
    {
      key: 'now',
      title: { sv: 'Nuläge', da: 'Nu', nb: 'Nå', en: 'Right now' },
      questions: [
        {
          key: 'thriving',
          text: text('How do you thrive?'),
          answer: {
            type: 'scale',
            labels: [text('1'), text('2'), text('3'), text('4'), text('5')],
          },
          preparedBy: 'both',
        },
        { key: 'proud', text: text('Proud of?'), answer: { type: 'text' }, preparedBy: 'employee' },
        {
          key: 'clear',
          text: text('Are the tasks clear?'),
          answer: { type: 'yes_no' },
          preparedBy: 'manager',
        },
      ],
    },
    {
      key: 'ahead',
      title: text('Looking ahead'),
      questions: [
        {
          key: 'focus',
          text: text('Focus next half-year'),
          answer: {
            type: 'multiple',
            options: [
              { key: 'quality', label: text('Quality') },
              { key: 'mentoring', label: text('Mentoring') },
              { key: 'course', label: text('A course') },
            ],
          },
          preparedBy: 'both',
        },
      ],
    },
  ],
};

/** A conversation of the pair on its own template (what a round would have created). */
export async function makeConversation(
  db: DbOrTx,
  orgId: string,
  pair: { managerId: string; employeeId: string },
  over: Partial<typeof conversations.$inferInsert> = {},
) {
  const templateId = randomUUID();
  const versionId = randomUUID();
  await db.insert(conversationTemplates).values({
    orgId,
    id: templateId,
    kind: 'development',
    name: text('Test template'),
  });
  await db.insert(conversationTemplateVersions).values({
    orgId,
    id: versionId,
    templateId,
    version: 1,
    content: TEST_CONTENT,
  });
  const [row] = await db
    .insert(conversations)
    .values({
      orgId,
      id: randomUUID(),
      kind: 'development',
      templateVersionId: versionId,
      ...pair,
      ...over,
    })
    .returning();
  return row!;
}
