import { and, asc, eq, lte, sql, type Placeholder } from 'drizzle-orm';
import { preparedQuery, type DbOrTx } from '../../db/client';
import { meetingDocUpdates, meetingDocs } from '../../db/schema/index';
import { touched } from './touched';

// Every save of a shared note looks for the meeting's live document first (prepared).
function docRow(db: DbOrTx, p: Record<'orgId' | 'meetingId', Placeholder>) {
  return db
    .select()
    .from(meetingDocs)
    .where(and(eq(meetingDocs.orgId, p.orgId), eq(meetingDocs.meetingId, p.meetingId)))
    .limit(1);
}
const docOf = preparedQuery('meeting_doc', ['orgId', 'meetingId'], docRow);
const lockedDoc = preparedQuery('meeting_doc_locked', ['orgId', 'meetingId'], (db, p) =>
  docRow(db, p).for('update'),
);

/** The stored live document of a meeting: a snapshot and the updates after it (decision 020). */
export const meetingDocRepository = {
  /** The snapshot and every later update, oldest first; undefined when the meeting has none. */
  async load(db: DbOrTx, orgId: string, meetingId: string, lock = false) {
    const [doc] = await (lock ? lockedDoc : docOf)(db, { orgId, meetingId });
    if (!doc) return undefined;
    const updates = await db
      .select({ id: meetingDocUpdates.id, update: meetingDocUpdates.update })
      .from(meetingDocUpdates)
      .where(and(eq(meetingDocUpdates.orgId, orgId), eq(meetingDocUpdates.meetingId, meetingId)))
      .orderBy(asc(meetingDocUpdates.id));
    return { state: doc.state, uptoId: doc.uptoId, updates };
  },

  /** Creates the document with its first state; false when another instance was first. */
  async create(db: DbOrTx, orgId: string, meetingId: string, state: Uint8Array) {
    const rows = await db
      .insert(meetingDocs)
      .values({ orgId, meetingId, state })
      .onConflictDoNothing()
      .returning({ meetingId: meetingDocs.meetingId });
    return rows.length > 0;
  },

  async exists(db: DbOrTx, orgId: string, meetingId: string) {
    const [row] = await db
      .select({ id: meetingDocs.meetingId })
      .from(meetingDocs)
      .where(and(eq(meetingDocs.orgId, orgId), eq(meetingDocs.meetingId, meetingId)))
      .limit(1);
    return Boolean(row);
  },

  /**
   * Appends one (merged) update per meeting in one statement (the live hub's group commit);
   * returns each meeting's new id, keyed by `orgId:meetingId`.
   */
  async appendMany(
    db: DbOrTx,
    rows: { orgId: string; meetingId: string; update: Uint8Array; authorId: string | null }[],
  ) {
    if (!rows.length) return new Map<string, number>();
    const created = await db.insert(meetingDocUpdates).values(rows).returning({
      orgId: meetingDocUpdates.orgId,
      meetingId: meetingDocUpdates.meetingId,
      id: meetingDocUpdates.id,
    });
    return new Map(created.map((r) => [`${r.orgId}:${r.meetingId}`, r.id]));
  },

  /** Appends one (merged) update; returns its id. */
  async append(
    db: DbOrTx,
    row: { orgId: string; meetingId: string; update: Uint8Array; authorId: string | null },
  ) {
    const [created] = await db
      .insert(meetingDocUpdates)
      .values(row)
      .returning({ id: meetingDocUpdates.id });
    return created!.id;
  },

  async updateById(db: DbOrTx, orgId: string, meetingId: string, id: number) {
    const [row] = await db
      .select({ update: meetingDocUpdates.update })
      .from(meetingDocUpdates)
      .where(
        and(
          eq(meetingDocUpdates.orgId, orgId),
          eq(meetingDocUpdates.meetingId, meetingId),
          eq(meetingDocUpdates.id, id),
        ),
      );
    return row?.update;
  },

  async countUpdates(db: DbOrTx, orgId: string, meetingId: string) {
    const [row] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(meetingDocUpdates)
      .where(and(eq(meetingDocUpdates.orgId, orgId), eq(meetingDocUpdates.meetingId, meetingId)));
    return row?.n ?? 0;
  },

  /** Replaces the snapshot by one that contains every update up to `uptoId`, and drops those. */
  async compact(db: DbOrTx, orgId: string, meetingId: string, state: Uint8Array, uptoId: number) {
    await db
      .update(meetingDocs)
      .set(touched({ state, uptoId }))
      .where(and(eq(meetingDocs.orgId, orgId), eq(meetingDocs.meetingId, meetingId)));
    await db
      .delete(meetingDocUpdates)
      .where(
        and(
          eq(meetingDocUpdates.orgId, orgId),
          eq(meetingDocUpdates.meetingId, meetingId),
          lte(meetingDocUpdates.id, uptoId),
        ),
      );
  },
};
