import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client';
import { mayPrepare } from '../../domain/development/reveal';
import { validateAnswers, type Answers } from '../../domain/development/template';
import { AppError } from '../../domain/errors';
import type { Actor } from '../../domain/roles';
import { conversationPreparationRepository as prepRepo } from '../repositories/conversation-preparation.repository';
import { assertWritable, lockConversation, roleIn } from './conversation-access';
import { systemClock, type Clock } from '../clock';

/** Drops empty answers so a draft stores only what was written. */
function compact(answers: Answers): Answers {
  return Object.fromEntries(
    Object.entries(answers).filter(
      ([, v]) =>
        v !== null &&
        v !== undefined &&
        !(typeof v === 'string' && v.trim() === '') &&
        !(Array.isArray(v) && v.length === 0),
    ),
  );
}

/**
 * Each of the pair prepares in writing, separately: drafts are saved as often as wanted, then
 * submitted once. Only the questions for the author's side (or both) may be answered; every
 * answer is checked against its type, with a translated message per question.
 */
export function createConversationPreparationService(db: Db, clock: Clock = systemClock) {
  async function write(actor: Actor, id: string, answers: Answers, submit: boolean) {
    return db.transaction(async (tx) => {
      const { conversation: c, content } = await lockConversation(
        tx,
        actor,
        id,
        'conversation.prepare',
      );
      assertWritable(c);
      if (!mayPrepare(c.status)) throw new AppError('conversation.preparation_closed');
      const role = roleIn(actor, c);
      const [current] = await prepRepo.ofRoles(tx, actor.orgId, c.id, [role], true);
      if (current?.submittedAt) throw new AppError('conversation.already_submitted');
      const kept = compact(answers);
      const issues = validateAnswers(content, kept, { author: role, requireAll: false });
      if (issues.length > 0)
        throw new AppError(
          'validation',
          {},
          issues.map((i) => ({ ...i, path: `answers.${i.path}` })),
        );
      const submittedAt = submit ? clock.now() : null;
      if (!current) {
        const created = await prepRepo.insert(tx, {
          orgId: actor.orgId,
          id: randomUUID(),
          conversationId: c.id,
          authorId: actor.personId,
          authorRole: role,
          answers: kept,
          submittedAt,
        });
        if (!created) throw new AppError('conflict');
        return created;
      }
      return prepRepo.update(tx, actor.orgId, current.id, {
        answers: kept,
        version: current.version + 1,
        submittedAt,
        authorId: actor.personId,
      });
    });
  }

  return {
    /** Saves the actor's draft answers (partial answers are fine). */
    saveDraft: (actor: Actor, id: string, answers: Answers) => write(actor, id, answers, false),
    /** Saves and submits: from now on the answers are final and count for the reveal. */
    submit: (actor: Actor, id: string, answers: Answers) => write(actor, id, answers, true),
  };
}
