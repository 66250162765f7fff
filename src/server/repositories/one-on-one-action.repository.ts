import {
  and,
  asc,
  desc,
  eq,
  isNotNull,
  isNull,
  or,
  sql,
  type Placeholder,
  type SQL,
} from 'drizzle-orm';
import { preparedQuery, type DbOrTx } from '../../db/client';
import { oneOnOneActions, oneOnOneMeetings, people } from '../../db/schema/index';
import { touched } from './touched';

export type ActionRow = typeof oneOnOneActions.$inferSelect;

/** The other person of the pair, seen from the owner (for "my actions"). */
const counterpartName = sql<string>`(select cp.name from people cp
  where cp.org_id = one_on_one_actions.org_id and cp.id = case
    when one_on_one_actions.owner_id = one_on_one_actions.manager_id
    then one_on_one_actions.employee_id else one_on_one_actions.manager_id end)`;

/** The conversation an action was agreed in, when its meeting is a conversation's (no series). */
const conversationId = sql<string | null>`case when one_on_one_meetings.kind = 'one_on_one'
  then null else (select c.id from conversations c where c.org_id = one_on_one_meetings.org_id
    and c.meeting_id = one_on_one_meetings.id limit 1) end`;

// Ticking an action off reads it with these (prepared: one of the most frequent writes).
function actionOf(db: DbOrTx, p: Record<'orgId' | 'id', Placeholder>) {
  return db
    .select()
    .from(oneOnOneActions)
    .where(and(eq(oneOnOneActions.orgId, p.orgId), eq(oneOnOneActions.id, p.id)))
    .limit(1);
}
const actionById = preparedQuery('action_by_id', ['orgId', 'id'], actionOf);
const lockedAction = preparedQuery('action_by_id_locked', ['orgId', 'id'], (db, p) =>
  actionOf(db, p).for('update'),
);
const actionWithOwnerZone = preparedQuery('action_with_owner_zone', ['orgId', 'id'], (db, p) =>
  db
    .select({ action: oneOnOneActions, ownerTimeZone: people.timeZone })
    .from(oneOnOneActions)
    .innerJoin(
      people,
      and(eq(people.orgId, oneOnOneActions.orgId), eq(people.id, oneOnOneActions.ownerId)),
    )
    .where(and(eq(oneOnOneActions.orgId, p.orgId), eq(oneOnOneActions.id, p.id)))
    .limit(1),
);

const setDone = preparedQuery('action_set_done', ['orgId', 'id', 'doneAt'], (db, p) =>
  db
    .update(oneOnOneActions)
    .set(touched({ doneAt: sql`${p.doneAt}::timestamptz` }))
    .where(and(eq(oneOnOneActions.orgId, p.orgId), eq(oneOnOneActions.id, p.id)))
    .returning(),
);

/** Actions of 1:1 pairs. Scoped by org id. */
export const oneOnOneActionRepository = {
  async insert(db: DbOrTx, row: typeof oneOnOneActions.$inferInsert): Promise<ActionRow> {
    const [created] = await db.insert(oneOnOneActions).values(row).returning();
    return created!;
  },

  async findById(db: DbOrTx, orgId: string, id: string, lock = false) {
    const [row] = await (lock ? lockedAction : actionById)(db, { orgId, id });
    return row;
  },

  async findWithOwnerZone(db: DbOrTx, orgId: string, id: string) {
    const [row] = await actionWithOwnerZone(db, { orgId, id });
    return row;
  },

  async update(db: DbOrTx, orgId: string, id: string, patch: Partial<ActionRow>) {
    if (Object.keys(patch).length === 1 && 'doneAt' in patch) {
      // Ticking off or reopening, the most frequent change: a prepared statement.
      const [done] = await setDone(db, { orgId, id, doneAt: patch.doneAt?.toISOString() ?? null });
      return done!;
    }
    const [row] = await db
      .update(oneOnOneActions)
      .set(touched(patch))
      .where(and(eq(oneOnOneActions.orgId, orgId), eq(oneOnOneActions.id, id)))
      .returning();
    return row!;
  },

  async clearPoint(db: DbOrTx, orgId: string, pointId: string) {
    await db
      .update(oneOnOneActions)
      .set({ pointId: null })
      .where(and(eq(oneOnOneActions.orgId, orgId), eq(oneOnOneActions.pointId, pointId)));
  },

  /** Actions agreed in one meeting, oldest first, with the owner's time zone. */
  async forMeeting(db: DbOrTx, orgId: string, meetingId: string) {
    return db
      .select({ action: oneOnOneActions, ownerTimeZone: people.timeZone })
      .from(oneOnOneActions)
      .innerJoin(
        people,
        and(eq(people.orgId, oneOnOneActions.orgId), eq(people.id, oneOnOneActions.ownerId)),
      )
      .where(and(eq(oneOnOneActions.orgId, orgId), eq(oneOnOneActions.meetingId, meetingId)))
      .orderBy(asc(oneOnOneActions.createdAt), asc(oneOnOneActions.id));
  },

  /**
   * "Follow-up from last time", computed: the pair's actions from earlier meetings that were
   * still open when this meeting began (domain/one-on-one/actions.ts `inFollowUp`).
   */
  async followUp(
    db: DbOrTx,
    orgId: string,
    pair: { managerId: string; employeeId: string },
    meetingStartsAt: Date,
  ) {
    return db
      .select({ action: oneOnOneActions, ownerTimeZone: people.timeZone })
      .from(oneOnOneActions)
      .innerJoin(
        people,
        and(eq(people.orgId, oneOnOneActions.orgId), eq(people.id, oneOnOneActions.ownerId)),
      )
      .where(
        and(
          eq(oneOnOneActions.orgId, orgId),
          eq(oneOnOneActions.employeeId, pair.employeeId),
          eq(oneOnOneActions.managerId, pair.managerId),
          sql`${oneOnOneActions.originStartsAt} < ${meetingStartsAt}`,
          or(isNull(oneOnOneActions.doneAt), sql`${oneOnOneActions.doneAt} >= ${meetingStartsAt}`),
        ),
      )
      .orderBy(asc(oneOnOneActions.originStartsAt), asc(oneOnOneActions.createdAt))
      .limit(500);
  },

  /**
   * One page of a person's actions across all their 1:1s. Open: soonest due first (no date
   * last); done: most recently done first. Keyset cursor on (sort key, id).
   */
  async listForOwner(
    db: DbOrTx,
    orgId: string,
    ownerId: string,
    opts: { status: 'open' | 'done'; after?: { key: string; id: string }; limit: number },
  ) {
    const open = opts.status === 'open';
    const dueKey = sql`coalesce(${oneOnOneActions.dueDate}, '9999-12-31'::date)`;
    const conds: SQL[] = [
      eq(oneOnOneActions.orgId, orgId),
      eq(oneOnOneActions.ownerId, ownerId),
      open ? isNull(oneOnOneActions.doneAt) : isNotNull(oneOnOneActions.doneAt),
    ];
    if (opts.after) {
      const { key, id } = opts.after;
      conds.push(
        open
          ? sql`(${dueKey}, ${oneOnOneActions.id}) > (${key}::date, ${id}::uuid)`
          : sql`(${oneOnOneActions.doneAt}, ${oneOnOneActions.id}) < (${key}::timestamptz, ${id}::uuid)`,
      );
    }
    return db
      .select({
        action: oneOnOneActions,
        counterpartName,
        meetingDate: oneOnOneMeetings.localDate,
        conversationId,
      })
      .from(oneOnOneActions)
      .innerJoin(
        oneOnOneMeetings,
        and(
          eq(oneOnOneMeetings.orgId, oneOnOneActions.orgId),
          eq(oneOnOneMeetings.id, oneOnOneActions.meetingId),
        ),
      )
      .where(and(...conds))
      .orderBy(
        ...(open
          ? [asc(dueKey), asc(oneOnOneActions.id)]
          : [desc(oneOnOneActions.doneAt), desc(oneOnOneActions.id)]),
      )
      .limit(opts.limit);
  },
};
