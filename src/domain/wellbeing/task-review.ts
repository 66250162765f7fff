/** How often a task on a task-status review comes round (seed 001). */
export const TASK_FREQUENCIES = ['daily', 'weekly', 'monthly'] as const;
export type TaskFrequency = (typeof TASK_FREQUENCIES)[number];

export type TaskItem = {
  id: string;
  title: string;
  frequency: TaskFrequency;
  timeSharePercent: number;
  demand: number;
  copiedFromItemId: string | null;
};

type ItemChange = 'new' | 'grew' | 'shrank' | 'same';

export type ReviewComparison = {
  /**
   * Each current item with how it changed against the item it was copied from, and how many
   * places it moved in the pair's order of priority (positive: up; the list order is the
   * priority, 1 first).
   */
  items: {
    id: string;
    change: ItemChange;
    timeShareDelta: number;
    demandDelta: number;
    priorityDelta: number;
  }[];
  /** Items of the previous review that no current item continues. */
  dropped: { id: string; title: string; timeSharePercent: number }[];
  totalTimeShare: number;
};

/**
 * Compares a review with the previous one. Items are matched by the copy link; an item typed
 * anew with the same title (ignoring case and spaces) counts as the same task. A task "grew"
 * when its share of time or its demand went up, "shrank" when either went down and neither up.
 * Both lists are in their order of priority (seed 001: the pair agrees which tasks come
 * first); a matched task's `priorityDelta` is how many places it rose (negative: fell).
 */
export function compareReviews(
  previous: readonly TaskItem[],
  current: readonly TaskItem[],
): ReviewComparison {
  const key = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');
  const byId = new Map(previous.map((p) => [p.id, p]));
  const rank = new Map(previous.map((p, i) => [p.id, i]));
  const byTitle = new Map(previous.map((p) => [key(p.title), p]));
  const used = new Set<string>();
  const items = current.map((item, place) => {
    const linked = item.copiedFromItemId ? byId.get(item.copiedFromItemId) : undefined;
    const before = linked ?? byTitle.get(key(item.title));
    if (!before || used.has(before.id))
      return {
        id: item.id,
        change: 'new' as const,
        timeShareDelta: 0,
        demandDelta: 0,
        priorityDelta: 0,
      };
    used.add(before.id);
    const timeShareDelta = item.timeSharePercent - before.timeSharePercent;
    const demandDelta = item.demand - before.demand;
    const change: ItemChange =
      timeShareDelta > 0 || demandDelta > 0
        ? 'grew'
        : timeShareDelta < 0 || demandDelta < 0
          ? 'shrank'
          : 'same';
    return {
      id: item.id,
      change,
      timeShareDelta,
      demandDelta,
      priorityDelta: rank.get(before.id)! - place,
    };
  });
  const dropped = previous
    .filter((p) => !used.has(p.id))
    .map((p) => ({ id: p.id, title: p.title, timeSharePercent: p.timeSharePercent }));
  const totalTimeShare = current.reduce((sum, i) => sum + i.timeSharePercent, 0);
  return { items, dropped, totalTimeShare };
}
