/**
 * Competence needs of the organisation (seed 004, decision 026): how many people's development
 * plans name each competence area and each kind of activity, per unit with its sub-units.
 * Counts only, never names or text, and protected as wellbeing is (decision 014): a count is
 * published only when it is at least 5 and every difference a reader can form between
 * published counts (a unit minus its sub-units, the organisation minus a unit) is 0 or at
 * least 5 — the cell rule of `decidePublication`, run per area and per kind of activity over
 * every unit at once, so the answer for one unit never depends on which unit was asked for.
 * Pure: no I/O.
 */
import {
  COMPETENCE_AREAS,
  PLAN_ACTIVITIES,
  type CompetenceArea,
  type PlanActivity,
} from '../development/goals';
import { decidePublication, type CandidateGroup, type Decision } from './disclosure';
import { chainUp } from './groups';

/** One person's open plan: their unit and what their plan items name (each once). */
export type PersonNeeds = {
  departmentId: string | null;
  areas: readonly CompetenceArea[];
  activities: readonly PlanActivity[];
};

type NeedCount<K extends string> = {
  key: K;
  status: Decision;
  /** People whose plan names it; null unless published. */
  people: number | null;
};

export type CompetenceNeeds = {
  areas: NeedCount<CompetenceArea>[];
  activities: NeedCount<PlanActivity>[];
};

/** Group key of the whole organisation, or of a unit with its sub-units. */
const unitKey = (departmentId: string | null) => (departmentId ? `unit:${departmentId}` : 'all');

/**
 * Decides, for every unit (and the whole organisation), which counts may be shown, and returns
 * a function reading the counts of one unit (null: the whole organisation).
 */
export function competenceNeeds(
  persons: readonly PersonNeeds[],
  departmentParent: ReadonlyMap<string, string | null>,
): (departmentId: string | null) => CompetenceNeeds {
  // The groups each person belongs to: the organisation and every unit up their chain.
  const groupsOf = persons.map((p) => [
    'all',
    ...chainUp(p.departmentId, departmentParent).map(unitKey),
  ]);

  function decide<K extends string>(keys: readonly K[], has: (p: PersonNeeds, k: K) => boolean) {
    const out = new Map<K, { members: Map<string, number[]>; decisions: Map<string, Decision> }>();
    for (const k of keys) {
      const members = new Map<string, number[]>();
      persons.forEach((p, i) => {
        if (!has(p, k)) return;
        for (const g of groupsOf[i]!) {
          const list = members.get(g);
          if (list) list.push(i);
          else members.set(g, [i]);
        }
      });
      const candidates: CandidateGroup[] = [...members].map(([key, m]) => ({ key, members: m }));
      out.set(k, { members, decisions: decidePublication(candidates, persons.length) });
    }
    return (departmentId: string | null): NeedCount<K>[] =>
      keys.map((key) => {
        const g = unitKey(departmentId);
        const { members, decisions } = out.get(key)!;
        const n = members.get(g)?.length ?? 0;
        // Nobody is shown as "fewer than 5" too: a 0 beside a hidden count would tell that the
        // hidden one is 1–4 (in a unit of one person, exactly what that person named).
        const status: Decision = decisions.get(g) ?? 'too_few';
        return { key, status, people: status === 'published' ? n : null };
      });
  }

  const areas = decide(COMPETENCE_AREAS, (p, k) => p.areas.includes(k));
  const activities = decide(PLAN_ACTIVITIES, (p, k) => p.activities.includes(k));
  return (departmentId) => ({ areas: areas(departmentId), activities: activities(departmentId) });
}
