import type { Db } from '../../db/client';
import { AppError } from '../../domain/errors';
import type { Actor } from '../../domain/roles';
import { competenceNeeds } from '../../domain/statistics/competence-needs';
import { authorize } from '../policies/index';
import { competenceNeedsRepository as repo } from '../repositories/competence-needs.repository';

/** HR's competence needs per unit (seed 004): counts of plans by area and activity, k ≥ 5. */
export function createCompetenceNeedsService(db: Db) {
  return {
    async forUnit(actor: Actor, departmentId: string | undefined) {
      authorize(actor, { do: 'statistics.read', orgId: actor.orgId });
      const [units, rows] = await Promise.all([
        repo.units(db, actor.orgId),
        repo.openNeeds(db, actor.orgId),
      ]);
      // Another organisation's unit is simply not found here.
      if (departmentId && !units.some((u) => u.id === departmentId))
        throw new AppError('not_found');
      const parent = new Map(units.map((u) => [u.id, u.parent_id]));
      const read = competenceNeeds(
        rows.map((r) => ({
          departmentId: r.department_id,
          areas: r.areas,
          activities: r.activities,
        })),
        parent,
      );
      return {
        departmentId: departmentId ?? null,
        units: units.map((u) => ({ id: u.id, name: u.name, parentId: u.parent_id })),
        ...read(departmentId ?? null),
      };
    },
  };
}
