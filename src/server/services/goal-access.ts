import type { DbOrTx } from '../../db/client';
import { AppError } from '../../domain/errors';
import { isReadOnly } from '../../domain/development/sign-off';
import type { PairRef } from '../../domain/one-on-one/visibility';
import type { Actor } from '../../domain/roles';
import type { GoalsAction } from '../policies/goals.policies';
import { authorize } from '../policies/index';
import { conversationVersionRepository as repo } from '../repositories/conversation-version.repository';

type PairAction = Extract<GoalsAction, { pair: PairRef }>['do'];

/** The pair of a conversation: the only people its content belongs to. */
export function conversationPair(c: { orgId: string; managerId: string; employeeId: string }) {
  return { orgId: c.orgId, managerId: c.managerId, employeeId: c.employeeId };
}

/** Loads a conversation and checks `action` on its pair (not found for anyone outside it). */
export async function loadConversationFor(
  db: DbOrTx,
  actor: Actor,
  conversationId: string,
  action: PairAction,
  opts: { lock?: boolean } = {},
) {
  const row = await repo.findConversation(db, actor.orgId, conversationId, opts.lock);
  if (!row) throw new AppError('not_found');
  authorize(actor, { do: action, pair: conversationPair(row.conversation) });
  return row;
}

/** Goals and plans belong to development-like conversations; salary is kept apart (seed 004). */
export function assertNotSalary(kind: string): void {
  if (kind === 'salary') throw new AppError('goals.salary_kept_apart');
}

/** Writes to the agreement stop when it is closed: from then on a correction is a new version. */
export function assertWritable(status: Parameters<typeof isReadOnly>[0]): void {
  if (isReadOnly(status)) throw new AppError('signOff.read_only');
}
