import type { DbOrTx } from '../../db/client';
import { isWritable } from '../../domain/development/conversation';
import type { PreparerRole } from '../../domain/development/reveal';
import { AppError } from '../../domain/errors';
import type { PairRef } from '../../domain/one-on-one/visibility';
import type { Actor } from '../../domain/roles';
import type { ConversationAction } from '../policies/conversation.policies';
import { authorize, pairRoleOf } from '../policies/index';
import {
  conversationRepository as repo,
  type ConversationRow,
} from '../repositories/conversation.repository';

type PairActionName = Extract<ConversationAction, { pair: PairRef; authorId?: never }>['do'];

/** The pair a conversation belongs to: the two on the conversation, not the reporting line. */
export function pairOfConversation(c: ConversationRow): PairRef {
  return { orgId: c.orgId, managerId: c.managerId, employeeId: c.employeeId };
}

/** The actor's role in the conversation (they are one of the pair; checked before). */
export function roleIn(actor: Actor, c: ConversationRow): PreparerRole {
  return pairRoleOf(actor.personId, pairOfConversation(c))!;
}

/** Locks a conversation for a write and checks the actor may do `action` on it. */
export async function lockConversation(
  db: DbOrTx,
  actor: Actor,
  id: string,
  action: PairActionName,
) {
  const row = await repo.lock(db, actor.orgId, id);
  if (!row) throw new AppError('not_found');
  authorize(actor, { do: action, pair: pairOfConversation(row.conversation) });
  return row;
}

/** Closed and signed conversations are read-only: corrections go through a new version. */
export function assertWritable(c: ConversationRow): void {
  if (!isWritable(c.status)) throw new AppError('conversation.read_only');
}
