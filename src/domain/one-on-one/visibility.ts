/**
 * Who may see and do what in a 1:1, decided only by being one of the pair of the series —
 * never by the current reporting line and never by a role: HR and admins see no content, and
 * a new manager does not inherit what the previous one shared with the employee.
 */
export type PairRef = { orgId: string; managerId: string; employeeId: string };
export type PairRole = 'manager' | 'employee';

/** The actor's role in the pair, or null when they are not one of the two. */
export function pairRoleOf(personId: string, pair: PairRef): PairRole | null {
  if (personId === pair.managerId) return 'manager';
  if (personId === pair.employeeId) return 'employee';
  return null;
}

/** Things one of the pair may do, and which of the two may do them. */
const ONE_ON_ONE_RULES = {
  /** The series, its meetings, agenda, shared notes, actions and minutes. */
  read: ['manager', 'employee'],
  /** Book, edit, move, cancel and finish: the manager books and runs the 1:1. */
  schedule: ['manager'],
  /** Add topics, write shared notes, tick points, add and close actions. */
  contribute: ['manager', 'employee'],
  /** The employee confirms having read the minutes. */
  acknowledge: ['employee'],
  /** The manager's reflection on how the conversation went. */
  reflect: ['manager'],
  /** The employee scores their motivation in each meeting (issue #15); both follow it. */
  motivate: ['employee'],
  /** The manager's own "remember to ask" reminders for the next meetings (issue #15). */
  remind: ['manager'],
} as const satisfies Record<string, readonly PairRole[]>;
export type OneOnOneAbility = keyof typeof ONE_ON_ONE_RULES;

/** True when `personId` may do `ability` in this pair. */
export function mayInPair(personId: string, pair: PairRef, ability: OneOnOneAbility): boolean {
  const role = pairRoleOf(personId, pair);
  return role !== null && (ONE_ON_ONE_RULES[ability] as readonly PairRole[]).includes(role);
}

/**
 * Private notes and reflections: only their author, and only while the author is one of the
 * pair. Not the other participant, not HR, not an admin.
 */
export function isOwnPrivateContent(personId: string, pair: PairRef, authorId: string): boolean {
  return personId === authorId && pairRoleOf(personId, pair) !== null;
}
