/**
 * Instances starting at the same moment on a new database (a rolling deploy, two replicas):
 * migrations and the job queues' creation take turns, so neither deadlocks nor fails.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { openPostgres, type Database } from '../../src/db/client';
import { JobQueue } from '../../src/server/jobs/queue';
import { JOB_KINDS } from '../../src/server/jobs/workers';
import { freshDatabase } from '../support/database';

const opened: { close(): Promise<void> }[] = [];
afterEach(async () => {
  // Instances first, the database (which drops it) last.
  for (const o of opened.splice(0).reverse()) await o.close();
});

describe('instances starting at once', () => {
  it('migrate and create their job queues one after the other, each time', async () => {
    for (let round = 0; round < 3; round++) {
      // A database of its own each round, so the queues' tables are created in the race.
      const fresh = await freshDatabase();
      opened.push(fresh);
      if (!fresh.url) throw new Error('these tests need DATABASE_URL (PostgreSQL)');
      const instances: Database[] = await Promise.all(
        [0, 1, 2].map(() => openPostgres(fresh.url!, { max: 4 })),
      );
      const queues = instances.map((db) => new JobQueue(db));
      opened.push(...instances);
      await Promise.all(queues.map((q) => q.start(JOB_KINDS)));
      opened.push(...queues.map((q) => ({ close: () => q.stop() })));

      const { rows } = await fresh.executeSql(
        'select count(*)::int as n from pgboss.queue where name = any($1)',
        [JOB_KINDS.map((k) => k.name)],
      );
      expect(rows[0]).toEqual({ n: JOB_KINDS.length });
      for (const o of opened.splice(0).reverse()) await o.close();
    }
  }, 120_000);
});
