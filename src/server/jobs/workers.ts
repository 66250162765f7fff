import { z } from 'zod';
import type { Database } from '../../db/client';
import { MAIL_DELIVER_JOB, MAIL_SWEEP_JOB, type Mailer } from '../mail/mailer';
import { sendDueReminders } from '../mail/reminders';
import { sendRoundReminders } from '../mail/round-reminders';
import { announceRound, ROUND_OPENED_JOB } from '../mail/round-opened';
import { extendHorizons } from '../services/one-on-one.service';
import { pruneAuthState } from '../services/maintenance.service';
import { applyRetention } from '../services/privacy.service';
import { refreshRecentStatistics } from '../services/statistics-rollup.service';
import { systemClock, type Clock } from '../clock';
import { defineJob, type JobDefinition, type JobQueue } from './queue';

const EXTEND_HORIZONS_JOB = defineJob({
  name: 'series.extend-horizons',
  payload: z.object({}),
  retryLimit: 2,
});
const PRUNE_JOB = defineJob({ name: 'auth.prune', payload: z.object({}), retryLimit: 1 });
const REMINDERS_JOB = defineJob({
  name: 'reminders.tick',
  payload: z.object({}),
  retryLimit: 0,
  expireInSeconds: 240,
});
/** Managers behind in a round, as its deadline approaches (decision 010). */
const ROUND_REMINDERS_JOB = defineJob({
  name: 'rounds.remind',
  payload: z.object({}),
  retryLimit: 0,
  expireInSeconds: 240,
});

/** HR statistics' stored counts, kept fresh (decision 014). */
const STATISTICS_REFRESH_JOB = defineJob({
  name: 'statistics.refresh',
  payload: z.object({}),
  retryLimit: 0,
  expireInSeconds: 540,
});

/** Erases leavers and clears each kind of data past the organisation's retention (024). */
const RETENTION_JOB = defineJob({
  name: 'privacy.retention',
  payload: z.object({}),
  retryLimit: 1,
  expireInSeconds: 3600,
});

type Log = { info(o: object, m: string): void; error(o: object, m: string): void };

/** Every job kind; the queue creates them at start so any instance may enqueue. */
export const JOB_KINDS: JobDefinition<unknown>[] = [
  MAIL_DELIVER_JOB,
  MAIL_SWEEP_JOB,
  EXTEND_HORIZONS_JOB,
  PRUNE_JOB,
  REMINDERS_JOB,
  ROUND_REMINDERS_JOB,
  ROUND_OPENED_JOB,
  STATISTICS_REFRESH_JOB,
  RETENTION_JOB,
] as JobDefinition<unknown>[];

/**
 * Starts this instance's workers and the schedules (pg-boss fires each schedule once across
 * all instances; each job runs on one of them).
 */
export async function startWorkers(deps: {
  queue: JobQueue;
  database: Database;
  mailer: Mailer;
  publicUrl: string;
  log: Log;
  /** The source of "now" for every scheduled job (issue #17); tests pass one they move. */
  clock?: Clock;
}): Promise<void> {
  const { queue, database, mailer, log } = deps;
  const clock = deps.clock ?? systemClock;
  const db = database.db;
  await queue.work(MAIL_DELIVER_JOB, async ({ orgId, outboxId }) => {
    await mailer.deliver(db, orgId, outboxId, clock.now());
  });
  await queue.work(MAIL_SWEEP_JOB, async () => {
    const n = await mailer.sweep(db, clock.now());
    if (n > 0) log.info({ n }, 'queued delivery for mails without a job');
  });
  await queue.work(EXTEND_HORIZONS_JOB, async () => {
    await extendHorizons(db, clock.now());
  });
  await queue.work(PRUNE_JOB, async () => {
    await pruneAuthState(db, clock.now());
  });
  await queue.work(REMINDERS_JOB, async () => {
    const n = await sendDueReminders(db, mailer, deps.publicUrl, clock.now());
    if (n > 0) log.info({ n }, 'reminders queued');
  });
  await queue.work(ROUND_REMINDERS_JOB, async () => {
    const n = await sendRoundReminders(db, mailer, deps.publicUrl, clock.now());
    if (n > 0) log.info({ n }, 'round reminders queued');
  });
  await queue.work(ROUND_OPENED_JOB, async ({ orgId, roundId }) => {
    const n = await announceRound(db, { mailer, publicUrl: deps.publicUrl }, orgId, roundId);
    if (n > 0) log.info({ n, roundId }, 'round opening mails queued');
  });
  await queue.work(STATISTICS_REFRESH_JOB, async () => {
    await refreshRecentStatistics(db, clock.now());
  });
  await queue.work(RETENTION_JOB, async () => {
    const n = await applyRetention(db, { now: clock.now() });
    if (Object.values(n).some((c) => c > 0)) log.info(n, 'retention applied');
  });
  await queue.schedule(MAIL_SWEEP_JOB, '* * * * *', {});
  await queue.schedule(RETENTION_JOB, '41 3 * * *', {});
  await queue.schedule(STATISTICS_REFRESH_JOB, '*/10 * * * *', {});
  await queue.schedule(REMINDERS_JOB, '*/5 * * * *', {});
  await queue.schedule(ROUND_REMINDERS_JOB, '23 * * * *', {});
  await queue.schedule(EXTEND_HORIZONS_JOB, '17 2 * * *', {});
  await queue.schedule(PRUNE_JOB, '7 * * * *', {});
}
