import type { TemplateSnapshot } from './template';

/** A point on the agenda: a standing section of the template, or a topic someone added. */
type PointKind = 'section' | 'topic';
export type AgendaPoint = { id: string; kind: PointKind; sectionKey: string | null };

/** The standing sections a meeting starts with, in template order. */
export function sectionPoints(
  snapshot: TemplateSnapshot,
): { sectionKey: string; position: number }[] {
  return snapshot.sections.map((s, i) => ({ sectionKey: s.key, position: i }));
}

/** Where a new topic belongs: the employee's go under "your topics" when the template has it. */
export function defaultSectionFor(
  role: 'manager' | 'employee',
  snapshot: TemplateSnapshot,
): string | null {
  if (role !== 'employee') return null;
  return snapshot.sections.find((s) => s.kind === 'employee_topics')?.key ?? null;
}

/**
 * The agenda order after adding `newId` under `sectionKey`: right after the section heading
 * and the topics already under it; at the end when there is no such section.
 */
export function orderWithNewTopic(
  ordered: readonly AgendaPoint[],
  newId: string,
  sectionKey: string | null,
): string[] {
  const ids = ordered.map((p) => p.id);
  const members = ordered
    .map((p, i) => ({ p, i }))
    .filter(({ p }) => sectionKey !== null && p.sectionKey === sectionKey);
  const at = members.length ? members[members.length - 1]!.i + 1 : ids.length;
  ids.splice(at, 0, newId);
  return ids;
}

/** True when `proposed` is exactly the current points in some order (nothing lost or added). */
export function isPermutation(current: readonly string[], proposed: readonly string[]): boolean {
  if (current.length !== proposed.length) return false;
  const set = new Set(current);
  return new Set(proposed).size === proposed.length && proposed.every((id) => set.has(id));
}
