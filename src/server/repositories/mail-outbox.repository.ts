import {
  and,
  desc,
  eq,
  inArray,
  isNull,
  lt,
  lte,
  notInArray,
  or,
  sql,
  type SQL,
} from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { mailOutbox, people } from '../../db/schema/index';

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

  /** Inserts many at once, skipping those whose dedupe key exists; returns the new ones. */
  async insertMany(db: DbOrTx, rows: NewOutboxRow[]) {
    if (rows.length === 0) return [];
    return db
      .insert(mailOutbox)
      .values(rows)
      .onConflictDoNothing({ target: [mailOutbox.orgId, mailOutbox.dedupeKey] })
      .returning({ id: mailOutbox.id, dedupeKey: mailOutbox.dedupeKey });
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
    at: Date,
    /**
     * The address a sent mail went to: kept with it, so sending it again reaches the same
     * inbox even if the person's address has changed since (decision 025).
     */
    sentTo: string | null = null,
  ): Promise<void> {
    await db
      .update(mailOutbox)
      .set({
        status,
        lastError: error,
        claimedUntil: null,
        ...(status === 'sent' ? { sentAt: at } : {}),
        ...(status === 'sent' && sentTo ? { toAddress: sentTo } : {}),
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

  /**
   * The admin's mailbox: envelopes only, newest first, keyset-paged, optionally of one state
   * or one kind. Selects no subject, body or attachment, so no content can reach an admin
   * through it (decision 025).
   */
  async envelopes(db: DbOrTx, orgId: string, opts: EnvelopeFilter) {
    const conds: SQL[] = [eq(mailOutbox.orgId, orgId)];
    if (opts.status) conds.push(eq(mailOutbox.status, opts.status));
    if (opts.kind) conds.push(eq(mailOutbox.kind, opts.kind));
    if (opts.id) conds.push(eq(mailOutbox.id, opts.id));
    if (opts.before) conds.push(olderThan(opts.before));
    return db
      .select({
        id: mailOutbox.id,
        kind: mailOutbox.kind,
        locale: mailOutbox.locale,
        status: mailOutbox.status,
        attempts: mailOutbox.attempts,
        lastError: mailOutbox.lastError,
        hasCalendar: sql<boolean>`${mailOutbox.calendar} is not null`,
        createdAt: mailOutbox.createdAt,
        atKey: AT_KEY,
        lastAttemptAt: mailOutbox.lastAttemptAt,
        nextAttemptAt: mailOutbox.nextAttemptAt,
        sentAt: mailOutbox.sentAt,
        resentAt: mailOutbox.resentAt,
        recipientId: mailOutbox.recipientId,
        name: people.name,
        email: sql<string>`coalesce(${mailOutbox.toAddress}, ${people.email})`,
      })
      .from(mailOutbox)
      .innerJoin(
        people,
        and(eq(people.orgId, mailOutbox.orgId), eq(people.id, mailOutbox.recipientId)),
      )
      .where(and(...conds))
      .orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.id))
      .limit(opts.limit);
  },

  /**
   * One person's own mails, newest first, keyset-paged: only those whose recipient is
   * `recipientId`, in `orgId`, and never those that carry a sign-in link (`hiddenKinds`).
   */
  async ownMails(
    db: DbOrTx,
    orgId: string,
    recipientId: string,
    opts: { limit: number; before?: Keyset; hiddenKinds: readonly string[] },
  ) {
    const conds: SQL[] = [eq(mailOutbox.orgId, orgId), eq(mailOutbox.recipientId, recipientId)];
    if (opts.hiddenKinds.length) conds.push(notInArray(mailOutbox.kind, [...opts.hiddenKinds]));
    if (opts.before) conds.push(olderThan(opts.before));
    return db
      .select({
        id: mailOutbox.id,
        kind: mailOutbox.kind,
        locale: mailOutbox.locale,
        subject: mailOutbox.subject,
        status: mailOutbox.status,
        hasCalendar: sql<boolean>`${mailOutbox.calendar} is not null`,
        createdAt: mailOutbox.createdAt,
        atKey: AT_KEY,
        sentAt: mailOutbox.sentAt,
      })
      .from(mailOutbox)
      .where(and(...conds))
      .orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.id))
      .limit(opts.limit);
  },

  /** One mail, only when `recipientId` is its recipient in `orgId`. */
  async ownMail(db: DbOrTx, orgId: string, recipientId: string, id: string) {
    const [row] = await db
      .select({
        mail: mailOutbox,
        email: sql<string>`coalesce(${mailOutbox.toAddress}, ${people.email})`,
        name: people.name,
      })
      .from(mailOutbox)
      .innerJoin(
        people,
        and(eq(people.orgId, mailOutbox.orgId), eq(people.id, mailOutbox.recipientId)),
      )
      .where(
        and(
          eq(mailOutbox.orgId, orgId),
          eq(mailOutbox.recipientId, recipientId),
          eq(mailOutbox.id, id),
        ),
      )
      .limit(1);
    return row;
  },

  /** A mail's state and kind, without its content (for sending it again). */
  async envelopeState(db: DbOrTx, orgId: string, id: string) {
    const [row] = await db
      .select({
        id: mailOutbox.id,
        kind: mailOutbox.kind,
        status: mailOutbox.status,
        recipientId: mailOutbox.recipientId,
      })
      .from(mailOutbox)
      .where(and(eq(mailOutbox.orgId, orgId), eq(mailOutbox.id, id)))
      .limit(1);
    return row;
  },

  /**
   * Makes a finished mail pending again, due at `now`, with a fresh week of retries (counted
   * from `resentAt`). Only from `fromStatuses`; false when the mail was in another state.
   */
  async resend(
    db: DbOrTx,
    orgId: string,
    id: string,
    now: Date,
    fromStatuses: readonly OutboxStatus[],
  ): Promise<boolean> {
    const rows = await db
      .update(mailOutbox)
      .set({
        status: 'pending',
        nextAttemptAt: now,
        resentAt: now,
        claimedUntil: null,
        sentAt: null,
      })
      .where(
        and(
          eq(mailOutbox.orgId, orgId),
          eq(mailOutbox.id, id),
          inArray(mailOutbox.status, [...fromStatuses]),
        ),
      )
      .returning({ id: mailOutbox.id });
    return rows.length > 0;
  },
};

/**
 * A position in a newest-first list: strictly older than this mail. `at` is its creation time
 * to the microsecond as PostgreSQL wrote it (`atKey`, UTC ISO 8601): a JavaScript Date keeps
 * only milliseconds, and mails written in the same millisecond would be skipped.
 */
export type Keyset = { at: string; id: string };

export type EnvelopeFilter = {
  limit: number;
  before?: Keyset;
  status?: OutboxStatus;
  kind?: string;
  /** Just this mail (the envelope after sending it again). */
  id?: string;
};

/** `created_at` to the microsecond, for the next page's cursor. */
const AT_KEY = sql<string>`to_char(${mailOutbox.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

function olderThan(before: Keyset): SQL {
  // A row comparison: one backward index scan on (org_id, …, created_at, id).
  return sql`(${mailOutbox.createdAt}, ${mailOutbox.id}) < (${before.at}::timestamptz, ${before.id}::uuid)`;
}
