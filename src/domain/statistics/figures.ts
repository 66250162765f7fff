/**
 * The counts HR statistics show per group, and how they add up. Counts only: who met whom,
 * how often, which status a conversation has — never what was said.
 */
import { CONVERSATION_STATUSES, type ConversationStatus } from '../development/template';
import { MIN_GROUP_PEOPLE } from './disclosure';

/** Buckets of whole weeks since a person's last held 1:1; the last one: longer, or never. */
export const WEEK_BUCKETS = 54;

export type Figures = {
  /** Active people with a manager. */
  employees: number;
  /** Of them, how many by whole weeks since their last held 1:1 (see weeksSince). */
  weeksSinceHeld: number[];
  /** 1:1s due in the period (so far), and how many of them were held. */
  planned: number;
  held: number;
  overdueActions: number;
  /**
   * Of the employees, how many have no signed development conversation in the last twelve
   * months (seed 003; the rule is `development/annual.ts#annualCutoff`).
   */
  withoutAnnual: number;
  conversations: Record<ConversationStatus, number>;
};

export function emptyFigures(): Figures {
  return {
    employees: 0,
    weeksSinceHeld: new Array<number>(WEEK_BUCKETS).fill(0),
    planned: 0,
    held: 0,
    overdueActions: 0,
    withoutAnnual: 0,
    conversations: { not_booked: 0, booked: 0, held: 0, closed: 0, signed: 0 },
  };
}

export function addFigures(into: Figures, from: Figures): void {
  into.employees += from.employees;
  for (let w = 0; w < WEEK_BUCKETS; w++) into.weeksSinceHeld[w]! += from.weeksSinceHeld[w] ?? 0;
  into.planned += from.planned;
  into.held += from.held;
  into.overdueActions += from.overdueActions;
  into.withoutAnnual += from.withoutAnnual;
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

/**
 * The bucket of a person whose last held 1:1 was `days` days ago (null: none in a year): a
 * meeting exactly N weeks ago still counts as "in the last N weeks".
 */
export function weeksSince(days: number | null): number {
  if (days === null) return WEEK_BUCKETS - 1;
  return Math.min(WEEK_BUCKETS - 1, Math.max(0, Math.floor((days - 1) / 7)));
}

/** Employees without a held 1:1 in the last `weeks` weeks. */
export function withoutRecent(weeksSinceHeld: readonly number[], weeks: number): number {
  let n = 0;
  for (let w = weeks; w < weeksSinceHeld.length; w++) n += weeksSinceHeld[w] ?? 0;
  return n;
}

/**
 * "Without a development conversation in a year" as HR may see it: only for a group of at
 * least `MIN_GROUP_PEOPLE` employees (decision 014's threshold), so a small team's figure
 * never says that one named person was left without their yearly conversation. Null: hidden.
 */
export function annualGapShown(employees: number, withoutAnnual: number): number | null {
  return employees >= MIN_GROUP_PEOPLE ? withoutAnnual : null;
}
