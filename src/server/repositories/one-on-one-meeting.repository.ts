import { and, asc, eq, lt, sql } from 'drizzle-orm';
import { preparedQuery, type DbOrTx } from '../../db/client';
import {
  oneOnOneMeetings,
  oneOnOneNoteRevisions,
  oneOnOneNotes,
  oneOnOnePoints,
  oneOnOnePrivateNotes,
} from '../../db/schema/index';
import type { TemplateSnapshot } from '../../domain/one-on-one/template';
import { touched } from './touched';

export type PointRow = typeof oneOnOnePoints.$inferSelect;
export type NoteRow = typeof oneOnOneNotes.$inferSelect;
export type PrivateNoteRow = typeof oneOnOnePrivateNotes.$inferSelect;

/** How many earlier versions of a shared note are kept as merge bases. */
const REVISIONS_KEPT = 50;

// The statements of the hottest writes (adding a topic, saving a shared note), prepared once.
const agendaOf = preparedQuery('agenda_points', ['orgId', 'meetingId'], (db, p) =>
  db
    .select()
    .from(oneOnOnePoints)
    .where(and(eq(oneOnOnePoints.orgId, p.orgId), eq(oneOnOnePoints.meetingId, p.meetingId)))
    .orderBy(asc(oneOnOnePoints.position), asc(oneOnOnePoints.createdAt)),
);
const TOPIC_KEYS = [
  'orgId',
  'id',
  'meetingId',
  'kind',
  'sectionKey',
  'title',
  'authorId',
  'position',
] as const;
const insertTopic = preparedQuery('insert_topic', TOPIC_KEYS, (db, p) =>
  db.insert(oneOnOnePoints).values(p).returning(),
);
const noteLocked = preparedQuery('shared_note_locked', ['orgId', 'pointId'], (db, p) =>
  db
    .select()
    .from(oneOnOneNotes)
    .where(and(eq(oneOnOneNotes.orgId, p.orgId), eq(oneOnOneNotes.pointId, p.pointId)))
    .for('update')
    .limit(1),
);
const noteUpdate = preparedQuery(
  'shared_note_update',
  ['orgId', 'id', 'body', 'decision', 'version', 'updatedBy'],
  (db, p) =>
    db
      .update(oneOnOneNotes)
      .set(
        touched({
          body: sql`${p.body}`,
          decision: sql`${p.decision}`,
          version: sql`${p.version}`,
          updatedBy: sql`${p.updatedBy}`,
        }),
      )
      .where(and(eq(oneOnOneNotes.orgId, p.orgId), eq(oneOnOneNotes.id, p.id)))
      .returning(),
);
const revisionInsert = preparedQuery(
  'shared_note_revision',
  ['orgId', 'noteId', 'version', 'body', 'decision', 'savedBy', 'savedAt'],
  (db, p) => db.insert(oneOnOneNoteRevisions).values(p),
);

/** A meeting's agenda (points), shared notes and private notes. Scoped by org id. */
export const oneOnOneMeetingRepository = {
  /**
   * Stores the template snapshot unless the meeting has one. True for the one caller that
   * did it (it then adds the section points); concurrent callers wait on the row and get false.
   */
  async claimSnapshot(db: DbOrTx, orgId: string, meetingId: string, snapshot: TemplateSnapshot) {
    const rows = await db
      .update(oneOnOneMeetings)
      .set(touched({ templateSnapshot: snapshot }))
      .where(
        and(
          eq(oneOnOneMeetings.orgId, orgId),
          eq(oneOnOneMeetings.id, meetingId),
          sql`${oneOnOneMeetings.templateSnapshot} is null`,
        ),
      )
      .returning({ id: oneOnOneMeetings.id });
    return rows.length > 0;
  },

  async insertPoints(db: DbOrTx, rows: (typeof oneOnOnePoints.$inferInsert)[]) {
    if (rows.length === 0) return [];
    return db.insert(oneOnOnePoints).values(rows).returning();
  },

  /** Adds one topic (a prepared statement: the most frequent write of a meeting). */
  async insertTopic(
    db: DbOrTx,
    row: Required<Pick<typeof oneOnOnePoints.$inferInsert, (typeof TOPIC_KEYS)[number]>>,
  ): Promise<PointRow> {
    const [created] = await insertTopic(db, row);
    return created!;
  },

  /** The points of a meeting in agenda order, each with its shared note (if any). */
  async pointsWithNotes(db: DbOrTx, orgId: string, meetingId: string) {
    return db
      .select({ point: oneOnOnePoints, note: oneOnOneNotes })
      .from(oneOnOnePoints)
      .leftJoin(
        oneOnOneNotes,
        and(
          eq(oneOnOneNotes.orgId, oneOnOnePoints.orgId),
          eq(oneOnOneNotes.pointId, oneOnOnePoints.id),
        ),
      )
      .where(and(eq(oneOnOnePoints.orgId, orgId), eq(oneOnOnePoints.meetingId, meetingId)))
      .orderBy(asc(oneOnOnePoints.position), asc(oneOnOnePoints.createdAt));
  },

  async points(db: DbOrTx, orgId: string, meetingId: string): Promise<PointRow[]> {
    return agendaOf(db, { orgId, meetingId });
  },

  async findPoint(db: DbOrTx, orgId: string, id: string): Promise<PointRow | undefined> {
    const [row] = await db
      .select()
      .from(oneOnOnePoints)
      .where(and(eq(oneOnOnePoints.orgId, orgId), eq(oneOnOnePoints.id, id)))
      .limit(1);
    return row;
  },

  async updatePoint(db: DbOrTx, orgId: string, id: string, patch: Partial<PointRow>) {
    const [row] = await db
      .update(oneOnOnePoints)
      .set(touched(patch))
      .where(and(eq(oneOnOnePoints.orgId, orgId), eq(oneOnOnePoints.id, id)))
      .returning();
    return row;
  },

  async deletePoint(db: DbOrTx, orgId: string, id: string) {
    await db
      .delete(oneOnOnePoints)
      .where(and(eq(oneOnOnePoints.orgId, orgId), eq(oneOnOnePoints.id, id)));
  },

  /**
   * Puts a meeting's points in the given order, in one statement, writing only the rows whose
   * position changes: a written row is a new version in each of the table's indexes, the
   * search index's four word vectors included.
   */
  async setOrder(db: DbOrTx, orgId: string, meetingId: string, ids: string[]) {
    if (ids.length === 0) return;
    const values = sql.join(
      ids.map((id, i) => sql`(${id}::uuid, ${i}::int)`),
      sql`, `,
    );
    await db.execute(sql`
      update one_on_one_points p set position = v.pos, updated_at = now()
      from (values ${values}) as v(id, pos)
      where p.org_id = ${orgId} and p.meeting_id = ${meetingId} and p.id = v.id
        and p.position <> v.pos`);
  },

  async lockNote(db: DbOrTx, orgId: string, pointId: string): Promise<NoteRow | undefined> {
    const [row] = await noteLocked(db, { orgId, pointId });
    return row;
  },

  /** Creates the first version of a note; undefined when someone else created it first. */
  async insertNote(db: DbOrTx, row: typeof oneOnOneNotes.$inferInsert) {
    const [created] = await db.insert(oneOnOneNotes).values(row).onConflictDoNothing().returning();
    return created;
  },

  async updateNote(
    db: DbOrTx,
    orgId: string,
    id: string,
    patch: { body: string; decision: string; version: number; updatedBy: string },
  ) {
    const [row] = await noteUpdate(db, { orgId, id, ...patch });
    return row!;
  },

  /** Keeps a version as a future merge base, and forgets the oldest ones. */
  async recordRevision(db: DbOrTx, note: NoteRow) {
    await revisionInsert(db, {
      orgId: note.orgId,
      noteId: note.id,
      version: note.version,
      body: note.body,
      decision: note.decision,
      savedBy: note.updatedBy,
      savedAt: note.updatedAt,
    });
    // Versions start at 1: below version 52 there is nothing to forget (and no statement).
    if (note.version <= REVISIONS_KEPT + 1) return;
    await db
      .delete(oneOnOneNoteRevisions)
      .where(
        and(
          eq(oneOnOneNoteRevisions.orgId, note.orgId),
          eq(oneOnOneNoteRevisions.noteId, note.id),
          lt(oneOnOneNoteRevisions.version, note.version - REVISIONS_KEPT),
        ),
      );
  },

  async revision(db: DbOrTx, orgId: string, noteId: string, version: number) {
    const [row] = await db
      .select()
      .from(oneOnOneNoteRevisions)
      .where(
        and(
          eq(oneOnOneNoteRevisions.orgId, orgId),
          eq(oneOnOneNoteRevisions.noteId, noteId),
          eq(oneOnOneNoteRevisions.version, version),
        ),
      )
      .limit(1);
    return row;
  },

  /** The author's own private note on a meeting. The only query that reads private notes. */
  async privateNote(db: DbOrTx, orgId: string, meetingId: string, authorId: string, lock = false) {
    const q = db
      .select()
      .from(oneOnOnePrivateNotes)
      .where(
        and(
          eq(oneOnOnePrivateNotes.orgId, orgId),
          eq(oneOnOnePrivateNotes.meetingId, meetingId),
          eq(oneOnOnePrivateNotes.authorId, authorId),
        ),
      )
      .limit(1);
    const [row] = lock ? await q.for('update') : await q;
    return row;
  },

  async insertPrivateNote(db: DbOrTx, row: typeof oneOnOnePrivateNotes.$inferInsert) {
    const [created] = await db
      .insert(oneOnOnePrivateNotes)
      .values(row)
      .onConflictDoNothing()
      .returning();
    return created;
  },

  /** Writes a private note's content: plain (ciphertext null) or sealed (body null). */
  async updatePrivateNote(
    db: DbOrTx,
    orgId: string,
    id: string,
    content: Pick<PrivateNoteRow, 'body' | 'ciphertext' | 'iv' | 'keyVersion'>,
    version: number,
  ) {
    const [row] = await db
      .update(oneOnOnePrivateNotes)
      .set(touched({ ...content, version }))
      .where(and(eq(oneOnOnePrivateNotes.orgId, orgId), eq(oneOnOnePrivateNotes.id, id)))
      .returning();
    return row!;
  },
};
