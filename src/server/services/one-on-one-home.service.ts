import { developmentConversationDue } from '../../domain/development/annual';
import type { Db } from '../../db/client';
import { cadenceHealth, type Cadence } from '../../domain/one-on-one/cadence';
import { todayIn } from '../../domain/one-on-one/occurrences';
import type { Actor } from '../../domain/roles';
import { authorize } from '../policies/index';
import { oneOnOneActionRepository as actionRepo } from '../repositories/one-on-one-action.repository';
import {
  RUNNING_GRACE_MS,
  oneOnOneHomeRepository as homeRepo,
  type OverviewItemRow,
} from '../repositories/one-on-one-home.repository';
import { oneOnOneMinutesRepository as minutesRepo } from '../repositories/one-on-one-minutes.repository';
import { oneOnOneSeriesRepository as seriesRepo } from '../repositories/one-on-one-series.repository';
import { oneOnOneOccurrenceRepository as occurrenceRepo } from '../repositories/one-on-one-occurrence.repository';
import type { OneOnOneSeriesService } from './one-on-one-series.service';
import { systemClock, type Clock } from '../clock';

/** What the manager's and the employee's home pages show about 1:1s. */
export function createOneOnOneHomeService(
  db: Db,
  series: OneOnOneSeriesService,
  clock: Clock = systemClock,
) {
  /** The overview from its rows as managerOverview reads them (the home page reads them too). */
  function overviewOf(actor: Actor, rows: OverviewItemRow[], now: Date) {
    const today = todayIn(actor.timeZone, now);
    return rows.map((r) => {
      const health = cadenceHealth({
        cadence: (r.cadence ?? 'monthly') as Cadence,
        lastHeldDate: r.last_date,
        seriesStartDate: r.start_date ?? today,
        today,
      });
      // Without a running series there is no cadence to compare with: no flag.
      return {
        row: r,
        health: { ...health, overdue: r.series_id !== null && health.overdue },
        developmentDue: developmentConversationDue(r.development_signed_at, now),
      };
    });
  }

  return {
    /** Every direct report: next and last 1:1, days since, and the pair's open actions. */
    async overview(actor: Actor) {
      authorize(actor, { do: 'team.read', orgId: actor.orgId });
      await series.ensureHorizons({ orgId: actor.orgId, participantId: actor.personId });
      const now = clock.now();
      const rows = await homeRepo.managerOverview(db, actor.orgId, actor.personId, now);
      return overviewOf(actor, rows, now);
    },

    overviewOf,

    /** The employee's side: their running series, next 1:1, open actions and past minutes. */
    async mine(actor: Actor) {
      await series.ensureHorizons({ orgId: actor.orgId, participantId: actor.personId });
      const now = clock.now();
      const active = (
        await seriesRepo.listForParticipant(db, actor.orgId, actor.personId, false)
      ).find((s) => s.series.employeeId === actor.personId);
      const [next, actions, minutes] = await Promise.all([
        active
          ? occurrenceRepo.nextOpenMeeting(
              db,
              actor.orgId,
              active.series.id,
              new Date(now.getTime() - RUNNING_GRACE_MS),
            )
          : undefined,
        actionRepo.listForOwner(db, actor.orgId, actor.personId, { status: 'open', limit: 50 }),
        minutesRepo.listForEmployee(db, actor.orgId, actor.personId, { limit: 10 }),
      ]);
      return { series: active ?? null, nextMeeting: next ?? null, actions, minutes };
    },
  };
}
