import { and, eq } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import type { DbOrTx } from '../db/client';
import { conversationTemplates } from '../db/schema/index';
import { conversationTemplateRepository } from '../server/repositories/conversation-template.repository';
import { roundRepository } from '../server/repositories/round.repository';

/**
 * The demo organisation's conversation templates and one open round, so HR sees rounds at
 * work after `npm start`: the yearly development conversation for Hemtjänst Norr and its
 * sub-units, deadline six weeks ahead.
 */
export async function seedRoundsDemo(
  tx: DbOrTx,
  orgId: string,
  opts: { departmentId: string; hrId: string },
): Promise<void> {
  await conversationTemplateRepository.ensureBuiltins(tx, orgId);
  const [template] = await tx
    .select({ id: conversationTemplates.id })
    .from(conversationTemplates)
    .where(
      and(
        eq(conversationTemplates.orgId, orgId),
        eq(conversationTemplates.builtinKey, 'development'),
      ),
    )
    .limit(1);
  const version = await conversationTemplateRepository.latestVersion(tx, orgId, template!.id);
  const today = Temporal.Now.plainDateISO('Europe/Stockholm');
  const round = await roundRepository.insert(tx, {
    orgId,
    kind: 'development',
    name: `Medarbetarsamtal ${today.year}`,
    templateVersionId: version!.id,
    periodStart: today.subtract({ days: 7 }).toString(),
    periodEnd: today.add({ days: 60 }).toString(),
    deadline: today.add({ days: 42 }).toString(),
    scope: { type: 'department', departmentId: opts.departmentId, includeSubunits: true },
    createdBy: opts.hrId,
  });
  await roundRepository.createConversations(tx, round);
}
