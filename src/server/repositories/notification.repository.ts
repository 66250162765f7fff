import { and, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { preparedQuery, queryRows, type DbOrTx } from '../../db/client';
import { notifications, people } from '../../db/schema/index';
import type { Keyset } from './mail-outbox.repository';

export type NewNotificationRow = typeof notifications.$inferInsert;

/** How far the bell counts unread notifications (it shows "99+" beyond). */
export const UNREAD_COUNT_CAP = 100;

/** `created_at` to the microsecond, for the next page's cursor (as the outbox's). */
const AT_KEY = sql<string>`to_char(${notifications.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

function olderThan(before: Keyset): SQL {
  return sql`(${notifications.createdAt}, ${notifications.id}) < (${before.at}::timestamptz, ${before.id}::uuid)`;
}

/** An unread notification of one kind about one meeting (adding a topic asks; prepared). */
const unreadForMeeting = preparedQuery(
  'unread_for_meeting',
  ['orgId', 'personId', 'kind', 'meetingId'],
  (db, p) =>
    db
      .select({ id: notifications.id })
      .from(notifications)
      .where(
        and(
          eq(notifications.orgId, p.orgId),
          eq(notifications.personId, p.personId),
          isNull(notifications.readAt),
          eq(notifications.kind, p.kind),
          eq(notifications.meetingId, p.meetingId),
        ),
      )
      .limit(1),
);

/** In-app notifications: each person's own, newest first. */
export const notificationRepository = {
  async insert(db: DbOrTx, row: NewNotificationRow): Promise<void> {
    await db.insert(notifications).values(row);
  },

  /** Writes many in one statement (a round opening for thousands). */
  async insertMany(db: DbOrTx, rows: NewNotificationRow[]): Promise<void> {
    if (rows.length) await db.insert(notifications).values(rows);
  },

  /**
   * Writes a notification unless the person has one of the same kind about the same meeting
   * still unread (five topics added are one "topics were added"). True when written.
   */
  async insertUnlessUnread(db: DbOrTx, row: NewNotificationRow & { meetingId: string }) {
    const [open] = await unreadForMeeting(db, {
      orgId: row.orgId,
      personId: row.personId,
      kind: row.kind,
      meetingId: row.meetingId,
    });
    if (open) return false;
    await db.insert(notifications).values(row);
    return true;
  },

  /** A page of the person's notifications, with the name of who caused each. */
  async list(
    db: DbOrTx,
    orgId: string,
    personId: string,
    opts: { limit: number; before?: Keyset; unreadOnly?: boolean },
  ) {
    const conds: SQL[] = [eq(notifications.orgId, orgId), eq(notifications.personId, personId)];
    if (opts.unreadOnly) conds.push(isNull(notifications.readAt));
    if (opts.before) conds.push(olderThan(opts.before));
    return db
      .select({
        id: notifications.id,
        kind: notifications.kind,
        actorId: notifications.actorId,
        actorName: people.name,
        meetingId: notifications.meetingId,
        seriesId: notifications.seriesId,
        conversationId: notifications.conversationId,
        roundId: notifications.roundId,
        params: notifications.params,
        createdAt: notifications.createdAt,
        readAt: notifications.readAt,
        atKey: AT_KEY,
      })
      .from(notifications)
      .leftJoin(
        people,
        and(eq(people.orgId, notifications.orgId), eq(people.id, notifications.actorId)),
      )
      .where(and(...conds))
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(opts.limit);
  },

  /** How many are unread (the bell), counted up to `cap` (the bell shows "99+" beyond). */
  async unreadCount(
    db: DbOrTx,
    orgId: string,
    personId: string,
    cap = UNREAD_COUNT_CAP,
  ): Promise<number> {
    const rows = await queryRows<{ n: number }>(
      db,
      sql`
      select count(*)::int as n from (
        select 1 from ${notifications}
        where ${notifications.orgId} = ${orgId} and ${notifications.personId} = ${personId}
          and ${notifications.readAt} is null
        limit ${cap}
      ) u`,
    );
    return Number(rows[0]?.n ?? 0);
  },

  /** Marks one of the person's notifications read; false when it is not theirs (or none). */
  async markRead(db: DbOrTx, orgId: string, personId: string, id: string, now: Date) {
    const rows = await db
      .update(notifications)
      .set({ readAt: sql`coalesce(${notifications.readAt}, ${now.toISOString()}::timestamptz)` })
      .where(
        and(
          eq(notifications.orgId, orgId),
          eq(notifications.personId, personId),
          eq(notifications.id, id),
        ),
      )
      .returning({ id: notifications.id, readAt: notifications.readAt });
    return rows[0] ?? null;
  },

  /** Marks all of the person's unread notifications read; returns how many. */
  async markAllRead(db: DbOrTx, orgId: string, personId: string, now: Date): Promise<number> {
    const rows = await db
      .update(notifications)
      .set({ readAt: now })
      .where(
        and(
          eq(notifications.orgId, orgId),
          eq(notifications.personId, personId),
          isNull(notifications.readAt),
        ),
      )
      .returning({ id: notifications.id });
    return rows.length;
  },

  /** Retention: read notifications read before `cutoff`, at most `batch` a call. */
  async deleteReadBefore(db: DbOrTx, cutoff: Date, batch: number): Promise<number> {
    const rows = await queryRows<{ id: string }>(
      db,
      sql`
      delete from ${notifications} where (org_id, id) in (
        select org_id, id from ${notifications}
        where ${notifications.readAt} is not null and ${notifications.readAt} < ${cutoff.toISOString()}::timestamptz
        limit ${batch}
      ) returning id`,
    );
    return rows.length;
  },
};
