import { and, desc, eq, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { mailOutbox, people } from '../../db/schema/index';

export type OutboxRow = typeof mailOutbox.$inferSelect;
export type NewOutboxRow = typeof mailOutbox.$inferInsert;
export type OutboxStatus = 'pending' | 'sent' | 'kept' | 'failed' | 'cancelled';

/** The outbox: every mail Samtal sends, written first, delivered after. */
export const mailOutboxRepository = {
  /** Inserts unless a mail with the same dedupe key exists; true when it was new. */
  async insert(db: DbOrTx, row: NewOutboxRow): Promise<boolean> {
    const inserted = await db
      .insert(mailOutbox)
      .values(row)
      .onConflictDoNothing({ target: [mailOutbox.orgId, mailOutbox.dedupeKey] })
      .returning({ id: mailOutbox.id });
    return inserted.length > 0;
  },

  /**
   * A mail with the address it goes to (the recipient's current one, unless the mail names
   * another) and the recipient's state.
   */
  async findForDelivery(db: DbOrTx, orgId: string, id: string) {
    const [row] = await db
      .select({
        mail: mailOutbox,
        email: sql<string>`coalesce(${mailOutbox.toAddress}, ${people.email})`,
        name: people.name,
        active: people.active,
      })
      .from(mailOutbox)
      .innerJoin(
        people,
        and(eq(people.orgId, mailOutbox.orgId), eq(people.id, mailOutbox.recipientId)),
      )
      .where(and(eq(mailOutbox.orgId, orgId), eq(mailOutbox.id, id)))
      .limit(1);
    return row;
  },

  /**
   * Takes a pending mail for delivery for `leaseMs`: no other worker can take it until the
   * lease runs out (it does when a worker dies mid-delivery). False when it is done or taken.
   */
  async claim(db: DbOrTx, orgId: string, id: string, now: Date, leaseMs: number) {
    const rows = await db
      .update(mailOutbox)
      .set({
        attempts: sql`${mailOutbox.attempts} + 1`,
        lastAttemptAt: now,
        claimedUntil: new Date(now.getTime() + leaseMs),
      })
      .where(
        and(
          eq(mailOutbox.orgId, orgId),
          eq(mailOutbox.id, id),
          eq(mailOutbox.status, 'pending'),
          or(isNull(mailOutbox.claimedUntil), lt(mailOutbox.claimedUntil, now)),
        ),
      )
      .returning({ attempts: mailOutbox.attempts });
    return rows[0];
  },

  /**
   * Pending mails nobody holds whose next attempt was due at `dueBy`, oldest due first: the
   * sweep queues them (written without a job, or whose job was lost), and so does a clock
   * passed in by a test.
   */
  async due(db: DbOrTx, dueBy: Date, limit: number) {
    return db
      .select({ orgId: mailOutbox.orgId, id: mailOutbox.id })
      .from(mailOutbox)
      .where(
        and(
          eq(mailOutbox.status, 'pending'),
          lte(mailOutbox.nextAttemptAt, dueBy),
          or(isNull(mailOutbox.claimedUntil), lt(mailOutbox.claimedUntil, dueBy)),
        ),
      )
      .orderBy(mailOutbox.nextAttemptAt)
      .limit(limit);
  },

  /** The earliest next attempt of a pending mail, or null when none is pending. */
  async nextDue(db: DbOrTx): Promise<Date | null> {
    const [row] = await db
      .select({ at: sql<Date | string | null>`min(${mailOutbox.nextAttemptAt})` })
      .from(mailOutbox)
      .where(eq(mailOutbox.status, 'pending'));
    return row?.at ? new Date(row.at) : null;
  },

  /** Moves a pending mail to a final state; a mail already final is left alone. */
  async finish(
    db: DbOrTx,
    orgId: string,
    id: string,
    status: Exclude<OutboxStatus, 'pending'>,
    error: string | null = null,
    at: Date = new Date(),
  ): Promise<void> {
    await db
      .update(mailOutbox)
      .set({
        status,
        lastError: error,
        claimedUntil: null,
        ...(status === 'sent' ? { sentAt: at } : {}),
      })
      .where(
        and(eq(mailOutbox.orgId, orgId), eq(mailOutbox.id, id), eq(mailOutbox.status, 'pending')),
      );
  },

  /** A failed attempt: the error, and when the mail is tried next. */
  async recordError(
    db: DbOrTx,
    orgId: string,
    id: string,
    error: string,
    nextAttemptAt: Date,
  ): Promise<void> {
    await db
      .update(mailOutbox)
      .set({ lastError: error.slice(0, 2000), claimedUntil: null, nextAttemptAt })
      .where(and(eq(mailOutbox.orgId, orgId), eq(mailOutbox.id, id)));
  },

  /** Newest first, keyset-paged, for the admin's mailbox. */
  async list(
    db: DbOrTx,
    orgId: string,
    opts: { limit: number; before?: { createdAt: Date; id: string } },
  ) {
    const conds: SQL[] = [eq(mailOutbox.orgId, orgId)];
    if (opts.before) {
      conds.push(
        or(
          lt(mailOutbox.createdAt, opts.before.createdAt),
          and(eq(mailOutbox.createdAt, opts.before.createdAt), lt(mailOutbox.id, opts.before.id)),
        ) as SQL,
      );
    }
    return db
      .select({ mail: mailOutbox, email: people.email, name: people.name })
      .from(mailOutbox)
      .innerJoin(
        people,
        and(eq(people.orgId, mailOutbox.orgId), eq(people.id, mailOutbox.recipientId)),
      )
      .where(and(...conds))
      .orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.id))
      .limit(opts.limit);
  },
};
