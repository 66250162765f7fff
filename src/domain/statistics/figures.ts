/**
 * The counts HR statistics show per group, and how they add up. Counts only: who met whom,
 * how often, which status a conversation has — never what was said.
 */
import { CONVERSATION_STATUSES, type ConversationStatus } from '../development/template';

export type Figures = {
  /** Active people with a manager. */
  employees: number;
  /** Of them, without a held 1:1 in the last N weeks. */
  withoutRecent: number;
  /** 1:1s due in the period (so far), and how many of them were held. */
  planned: number;
  held: number;
  overdueActions: number;
  conversations: Record<ConversationStatus, number>;
};

export function emptyFigures(): Figures {
  return {
    employees: 0,
    withoutRecent: 0,
    planned: 0,
    held: 0,
    overdueActions: 0,
    conversations: { not_booked: 0, booked: 0, held: 0, closed: 0, signed: 0 },
  };
}

export function addFigures(into: Figures, from: Figures): void {
  into.employees += from.employees;
  into.withoutRecent += from.withoutRecent;
  into.planned += from.planned;
  into.held += from.held;
  into.overdueActions += from.overdueActions;
  for (const s of CONVERSATION_STATUSES) into.conversations[s] += from.conversations[s];
}

/** A share between 0 and 1, or null when there is nothing to divide by. */
export function share(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/** Conversations that took place: held, closed or signed. */
export function conversationsDone(c: Record<ConversationStatus, number>): number {
  return c.held + c.closed + c.signed;
}

export function conversationsTotal(c: Record<ConversationStatus, number>): number {
  return CONVERSATION_STATUSES.reduce((n, s) => n + c[s], 0);
}
