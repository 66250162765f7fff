import type { Db } from '../../db/client';
import { AppError } from '../../domain/errors';
import {
  cadenceDays,
  computeSignals,
  DISMISS_DAYS,
  isDismissed,
  periodEnding,
  type ReportStats,
  type SignalKey,
} from '../../domain/coaching/signals';
import type { Actor } from '../../domain/roles';
import { authorize } from '../policies/index';
import {
  coachingRepository as coachingRepo,
  type CoachingStatsRow,
} from '../repositories/coaching.repository';
import { systemClock, type Clock } from '../clock';

const DAY_MS = 86_400_000;

function toStats(r: CoachingStatsRow): ReportStats {
  return {
    employeeId: r.employee_id,
    employeeName: r.name,
    cadenceDays: r.cadence ? cadenceDays(r.cadence) : null,
    seriesStart: r.series_start ? new Date(r.series_start) : null,
    held: r.held,
    heldStarts: (r.held_starts ?? []).map((d) => new Date(d)),
    topicsByManager: r.topics_by_manager,
    topicsByEmployee: r.topics_by_employee,
    employeeTopicsUndiscussed: r.employee_undiscussed,
    statusOnly: r.status_only,
    cancelled: r.cancelled,
    moved: r.moved,
    overdueActions: r.overdue_actions,
    reflections: r.reflections,
  };
}

/** Coaching signals from the manager's own 1:1s, for that manager's eyes only. */
export function createCoachingService(db: Db, clock: Clock = systemClock) {
  async function compute(actor: Actor, days: number, now: Date) {
    authorize(actor, { do: 'coaching.read', orgId: actor.orgId, managerId: actor.personId });
    const period = periodEnding(now, days);
    const rows = await coachingRepo.stats(db, actor.orgId, actor.personId, period.from, now);
    return { period, signals: computeSignals(rows.map(toStats), period) };
  }

  return {
    /** The signals that fire over the last `days` days, less those set aside. */
    async list(actor: Actor, days: number, now = clock.now()) {
      const [{ period, signals }, dismissals] = await Promise.all([
        compute(actor, days, now),
        coachingRepo.dismissals(db, actor.orgId, actor.personId),
      ]);
      const visible = signals.filter((s) => !isDismissed(s, dismissals, now));
      return { period, signals: visible, dismissed: signals.length - visible.length };
    },

    /**
     * Sets a signal aside at its current value (counted again here, never taken from the
     * client) for `forDays` days; it comes back earlier if its numbers get worse.
     */
    async dismiss(
      actor: Actor,
      input: { key: SignalKey; subject: string; days: number; forDays?: number },
      now = clock.now(),
    ) {
      authorize(actor, { do: 'coaching.dismiss', orgId: actor.orgId, managerId: actor.personId });
      const { signals } = await compute(actor, input.days, now);
      const signal = signals.find((s) => s.key === input.key && s.subject === input.subject);
      if (!signal) throw new AppError('not_found');
      const until = new Date(now.getTime() + (input.forDays ?? DISMISS_DAYS) * DAY_MS);
      await coachingRepo.dismiss(db, {
        orgId: actor.orgId,
        managerId: actor.personId,
        signalKey: signal.key,
        subjectKey: signal.subject,
        valueAtDismissal: signal.value,
        dismissedAt: now,
        until,
      });
      return { until };
    },
  };
}
