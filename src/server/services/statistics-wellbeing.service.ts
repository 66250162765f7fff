import type { Db } from '../../db/client';
import { wellbeingGroups } from '../../domain/statistics/groups';
import { instantRange, quarter } from '../../domain/statistics/periods';
import { statisticsRepository } from '../repositories/statistics.repository';
import { statisticsWellbeingRepository as repo } from '../repositories/statistics-wellbeing.repository';

/**
 * Fixes a closed quarter's wellbeing figures once (decision 014): per-person averages, the
 * groups, the disclosure check, then only what may be published is stored. Later answers,
 * moves between units or a second run can never change what was shown, so nothing can be
 * learnt by comparing publications over time. Runs on the first read of a closed quarter (and
 * from the benchmark generator); concurrent readers wait on one lock and find it done.
 */
export async function fixWellbeingQuarter(
  db: Db,
  orgId: string,
  period: string,
  orgTimeZone: string,
): Promise<void> {
  if (await repo.isFixed(db, orgId, period)) return;
  await db.transaction(async (tx) => {
    await repo.lockPeriod(tx, orgId, period);
    if (await repo.isFixed(tx, orgId, period)) return;
    const range = instantRange(quarter(period), orgTimeZone);
    // One after the other: a transaction is one connection.
    const persons = await repo.personAverages(tx, orgId, range.from, range.until);
    const departments = await statisticsRepository.departments(tx, orgId);
    const lines = await repo.reportingLines(tx, orgId);
    const departmentParent = new Map(departments.map((d) => [d.id, d.parent_id]));
    const managerOf = new Map(lines.map((l) => [l.id, l.manager_id]));
    const rows = wellbeingGroups(
      persons.map((p) => ({
        departmentId: p.department_id,
        managerId: p.manager_id,
        wellbeing: Number(p.wellbeing),
        workload: Number(p.workload),
        progress: Number(p.progress),
      })),
      departmentParent,
      managerOf,
    );
    await repo.store(tx, orgId, period, persons.length, rows);
  });
  await repo.analyze(db);
}
