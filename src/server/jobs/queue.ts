import PgBoss from 'pg-boss';
import type { ZodType } from 'zod';
import { sqlExecutor, type Database, type DbOrTx } from '../../db/client';

/** A kind of job: its queue name, payload schema and retry policy. */
export type JobDefinition<T> = {
  name: string;
  payload: ZodType<T>;
  retryLimit?: number;
  retryDelaySeconds?: number;
  retryBackoff?: boolean;
  expireInSeconds?: number;
};

export type JobHandler<T> = (payload: T, meta: { id: string; retryCount: number }) => Promise<void>;

/** Timings for tests and demos: retries after a second, a dead worker's job back in seconds. */
export const FAST_TIMING = {
  retryDelaySeconds: 1,
  expireInSeconds: 6,
  maintenanceIntervalSeconds: 1,
  pollingIntervalSeconds: 0.5,
} as const;

/** Declares a job kind. */
export function defineJob<T>(def: JobDefinition<T>): JobDefinition<T> {
  return def;
}

/**
 * The PostgreSQL-backed job queue (pg-boss) on the application's own database, PGlite or
 * PostgreSQL. Several instances share it: a job runs on one of them, a schedule fires once.
 */
export class JobQueue {
  readonly boss: PgBoss;
  private started = false;

  constructor(
    private readonly database: Database,
    /** Overrides every job's timings: tests use seconds where production uses minutes. */
    private readonly timing: {
      retryDelaySeconds?: number;
      expireInSeconds?: number;
      maintenanceIntervalSeconds?: number;
      pollingIntervalSeconds?: number;
    } = {},
  ) {
    this.boss = new PgBoss({
      db: { executeSql: (text, values) => database.executeSql(text, values) },
      schema: 'pgboss',
      // Short maintenance intervals keep retries prompt on a small installation.
      maintenanceIntervalSeconds: timing.maintenanceIntervalSeconds ?? 30,
      monitorStateIntervalSeconds: 60,
    });
    this.boss.on('error', (err) => this.onError(err));
  }

  /** Replaced by the server with its logger. */
  onError: (err: unknown) => void = (err) => console.error('job queue error', err);

  async start(defs: JobDefinition<unknown>[]): Promise<void> {
    // Two instances creating pg-boss's schema and queues at the same moment deadlock in
    // PostgreSQL: one at a time, the others wait.
    await this.database.exclusive(async () => {
      await this.boss.start();
      this.started = true;
      for (const d of defs) {
        await this.boss.createQueue(d.name, {
          name: d.name,
          ...this.settingsOf(d),
        });
      }
    });
  }

  /** Enqueues a job; with `tx`, inside that transaction (it exists only if the transaction commits). */
  async send<T>(
    def: JobDefinition<T>,
    payload: T,
    opts: { tx?: DbOrTx; singletonKey?: string; singletonSeconds?: number; startAfter?: Date } = {},
  ): Promise<string | null> {
    const data = def.payload.parse(payload) as object;
    return this.boss.send(def.name, data, {
      ...(opts.tx ? { db: sqlExecutor(opts.tx) } : {}),
      ...(opts.singletonKey ? { singletonKey: opts.singletonKey } : {}),
      ...(opts.singletonSeconds ? { singletonSeconds: opts.singletonSeconds } : {}),
      ...(opts.startAfter ? { startAfter: opts.startAfter } : {}),
      ...this.settingsOf(def),
    });
  }

  /** Enqueues many jobs of one kind in one statement; with `tx`, inside that transaction. */
  async sendMany<T>(def: JobDefinition<T>, payloads: T[], opts: { tx?: DbOrTx } = {}) {
    if (payloads.length === 0) return;
    const s = this.settingsOf(def);
    await this.boss.insert(
      payloads.map((p) => ({
        name: def.name,
        data: def.payload.parse(p) as object,
        retryLimit: s.retryLimit,
        retryDelay: s.retryDelay,
        retryBackoff: s.retryBackoff,
        expireInSeconds: s.expireInSeconds,
      })),
      opts.tx ? { db: sqlExecutor(opts.tx) } : {},
    );
  }

  private settingsOf(def: JobDefinition<unknown>) {
    return {
      retryLimit: def.retryLimit ?? 5,
      retryDelay: this.timing.retryDelaySeconds ?? def.retryDelaySeconds ?? 30,
      retryBackoff: def.retryBackoff ?? true,
      expireInSeconds: this.timing.expireInSeconds ?? def.expireInSeconds ?? 300,
    };
  }

  /** Runs `handler` for each job of `def`, one at a time per instance. */
  async work<T>(
    def: JobDefinition<T>,
    handler: JobHandler<T>,
    opts: { pollingIntervalSeconds?: number } = {},
  ): Promise<void> {
    await this.boss.work<object>(
      def.name,
      {
        pollingIntervalSeconds:
          opts.pollingIntervalSeconds ?? this.timing.pollingIntervalSeconds ?? 2,
        batchSize: 1,
        includeMetadata: true,
      },
      async (jobs) => {
        for (const job of jobs) {
          const meta = job as unknown as { id: string; retryCount?: number };
          await handler(def.payload.parse(job.data), {
            id: meta.id,
            retryCount: meta.retryCount ?? 0,
          });
        }
      },
    );
  }

  /** Fires `def` on a cron schedule (UTC), once across all instances. */
  async schedule<T>(def: JobDefinition<T>, cron: string, payload: T): Promise<void> {
    await this.boss.schedule(def.name, cron, payload as object, { tz: 'UTC' });
  }

  async stop(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    await this.boss.stop({ graceful: true, wait: true, timeout: 10_000 });
  }
}
