import type { ConversationStatus } from './template';

/**
 * Sign-off of a conversation (decision 012). The manager closes a held conversation, which
 * freezes the agreement as version 1; the employee acknowledges it (status signed), with an
 * optional comment of disagreement. From closed on, nothing in it changes in place: a later
 * correction is a new version.
 */
export type SignOffStep = 'close' | 'sign' | 'correct';
export type PairRole = 'manager' | 'employee';

export type SignOffRefusal =
  | 'signOff.not_held'
  | 'signOff.not_closed'
  | 'signOff.already_closed'
  | 'signOff.already_signed'
  | 'signOff.not_yet_closed'
  | 'auth.forbidden';

/** Who of the pair takes each step. */
const SIGN_OFF_ROLES: Record<SignOffStep, PairRole> = {
  close: 'manager',
  sign: 'employee',
  correct: 'manager',
};

/** True once the agreement is frozen: content writes are refused, corrections make versions. */
export function isReadOnly(status: ConversationStatus): boolean {
  return status === 'closed' || status === 'signed';
}

/**
 * Whether `role` may take `step` from `status`; returns the status afterwards, or the reason
 * it is refused. Closing is allowed from booked too: the manager closing says the meeting took
 * place, even if nobody pressed "finish" on the meeting itself.
 */
export function signOffTransition(
  status: ConversationStatus,
  step: SignOffStep,
  role: PairRole,
): { ok: true; status: ConversationStatus } | { ok: false; reason: SignOffRefusal } {
  if (SIGN_OFF_ROLES[step] !== role) return { ok: false, reason: 'auth.forbidden' };
  switch (step) {
    case 'close':
      if (status === 'held' || status === 'booked') return { ok: true, status: 'closed' };
      if (status === 'not_booked') return { ok: false, reason: 'signOff.not_held' };
      return {
        ok: false,
        reason: status === 'signed' ? 'signOff.already_signed' : 'signOff.already_closed',
      };
    case 'sign':
      if (status === 'closed') return { ok: true, status: 'signed' };
      if (status === 'signed') return { ok: false, reason: 'signOff.already_signed' };
      return { ok: false, reason: 'signOff.not_closed' };
    case 'correct':
      // A correction keeps the status: a signed agreement stays signed, with a newer version.
      if (isReadOnly(status)) return { ok: true, status };
      return { ok: false, reason: 'signOff.not_yet_closed' };
  }
}
