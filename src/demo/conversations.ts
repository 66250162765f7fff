import { and, eq, isNotNull } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { Temporal } from 'temporal-polyfill';
import type { DbOrTx } from '../db/client';
import { conversationPreparations, conversations } from '../db/schema/index';
import { questionsFor, type Answers } from '../domain/development/template';
import type { Actor } from '../domain/roles';
import { conversationRepository } from '../server/repositories/conversation.repository';
import { bookMeeting } from '../server/services/conversation-booking';

/** Texts the demo employee wrote in preparation (Swedish, as the demo employee reads). */
const DEMO_TEXT = [
  'Jag trivs bra i gruppen och med brukarna. Planeringen av helgerna tar mycket kraft.',
  'Jag vill gärna bli handledare för nyanställda och lära mig mer om demens.',
];

/**
 * Makes the conversations visible after `npm start`: the demo employee's development
 * conversation in the open round is booked a week ahead with their manager, and the
 * employee's preparation is submitted (the manager's is not, so nothing is revealed yet).
 * No mail is written: the demo mailbox starts empty.
 */
export async function seedConversationsDemo(
  tx: DbOrTx,
  orgId: string,
  pair: { managerId: string; employeeId: string },
): Promise<void> {
  const [c] = await tx
    .select({ id: conversations.id })
    .from(conversations)
    .where(
      and(
        eq(conversations.orgId, orgId),
        eq(conversations.employeeId, pair.employeeId),
        eq(conversations.managerId, pair.managerId),
        isNotNull(conversations.roundId),
      ),
    )
    .limit(1);
  if (!c) return;
  const locked = await conversationRepository.lock(tx, orgId, c.id);
  if (!locked) return;
  const timeZone = 'Europe/Stockholm';
  const manager: Actor = {
    orgId,
    personId: pair.managerId,
    name: '',
    email: '',
    roles: [],
    locale: 'sv',
    timeZone,
    sessionId: '',
    directReports: 1,
  };
  // A week ahead, moved to Monday when that falls on a weekend.
  const weekAhead = Temporal.Now.plainDateISO(timeZone).add({ days: 7 });
  const date = weekAhead
    .add({ days: weekAhead.dayOfWeek > 5 ? 8 - weekAhead.dayOfWeek : 0 })
    .toString();
  await bookMeeting(
    tx,
    manager,
    locked.conversation,
    locked.content,
    {
      date,
      time: '10:00',
      durationMinutes: 60,
      place: { kind: 'room', detail: 'Lilla mötesrummet' },
    },
    { send: async () => {} },
    new Date(),
  );
  let texts = 0;
  const answers: Answers = {};
  for (const q of questionsFor(locked.content, 'employee')) {
    const a = q.answer;
    if (a.type === 'text') {
      if (texts < DEMO_TEXT.length) answers[q.key] = DEMO_TEXT[texts++]!;
    } else if (a.type === 'scale') answers[q.key] = 4;
    else if (a.type === 'yes_no') answers[q.key] = true;
    else if (a.type === 'single') answers[q.key] = a.options[0]!.key;
    else answers[q.key] = [a.options[0]!.key];
  }
  await tx.insert(conversationPreparations).values({
    orgId,
    id: randomUUID(),
    conversationId: c.id,
    authorId: pair.employeeId,
    authorRole: 'employee',
    answers,
    submittedAt: new Date(),
  });
}
