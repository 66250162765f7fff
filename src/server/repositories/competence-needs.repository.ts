import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../db/client';
import type { CompetenceArea, PlanActivity } from '../../domain/development/goals';

/** What HR's competence counts read: kinds only, never a text or a name (decision 026). */
export const competenceNeedsRepository = {
  /**
   * Per active person with an open plan item of an agreed (closed or signed) development
   * conversation: their unit, and the competence areas and activity kinds their open items
   * name, each once. Only the fixed-list columns are read.
   */
  async openNeeds(db: DbOrTx, orgId: string) {
    return queryRows<{
      department_id: string | null;
      areas: CompetenceArea[];
      activities: PlanActivity[];
    }>(
      db,
      sql`select pe.department_id,
            coalesce(json_agg(distinct i.competence_area)
              filter (where i.competence_area is not null), '[]') as areas,
            coalesce(json_agg(distinct i.activity), '[]') as activities
          from development_plan_items i
          join conversations c on c.org_id = i.org_id and c.id = i.conversation_id
          join people pe on pe.org_id = i.org_id and pe.id = i.employee_id
          where i.org_id = ${orgId} and i.done_at is null
            and c.status in ('closed', 'signed') and pe.active
          group by i.employee_id, pe.department_id`,
    );
  },

  /** Every unit of the organisation (id, name, parent), by name. */
  async units(db: DbOrTx, orgId: string) {
    return queryRows<{ id: string; name: string; parent_id: string | null }>(
      db,
      sql`select id, name, parent_id from departments where org_id = ${orgId} order by name, id`,
    );
  },
};
