import { and, count, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../db/client';
import {
  oneOnOnePrivateNotes,
  oneOnOneReflections,
  personVaults,
  vaultPasskeys,
} from '../../db/schema/index';
import type { KeyWrap, Sealed } from '../../domain/sealing/envelope';
import { touched } from './touched';

export type VaultRow = typeof personVaults.$inferSelect;
export type PasskeyRow = typeof vaultPasskeys.$inferSelect;

/** Vaults and sealing of private notes (decision 018). Every query names the person. */
export const vaultRepository = {
  async find(db: DbOrTx, orgId: string, personId: string, lock = false) {
    const q = db
      .select()
      .from(personVaults)
      .where(and(eq(personVaults.orgId, orgId), eq(personVaults.personId, personId)))
      .limit(1);
    const [row] = lock ? await q.for('update') : await q;
    return row;
  },

  /** A new vault; undefined when the person already has one. */
  async insert(db: DbOrTx, row: typeof personVaults.$inferInsert) {
    const [created] = await db.insert(personVaults).values(row).onConflictDoNothing().returning();
    return created;
  },

  async setPassphraseWrap(db: DbOrTx, orgId: string, personId: string, wrap: KeyWrap) {
    const [row] = await db
      .update(personVaults)
      .set(touched({ passphraseWrap: wrap }))
      .where(and(eq(personVaults.orgId, orgId), eq(personVaults.personId, personId)))
      .returning();
    return row!;
  },

  /** The person's passkeys for their vault, oldest first. */
  async passkeys(db: DbOrTx, orgId: string, personId: string) {
    return db
      .select()
      .from(vaultPasskeys)
      .where(and(eq(vaultPasskeys.orgId, orgId), eq(vaultPasskeys.personId, personId)))
      .orderBy(vaultPasskeys.createdAt, vaultPasskeys.id);
  },

  /** A new passkey wrap; undefined when this credential already has one. */
  async insertPasskey(db: DbOrTx, row: typeof vaultPasskeys.$inferInsert) {
    const [created] = await db.insert(vaultPasskeys).values(row).onConflictDoNothing().returning();
    return created;
  },

  /** Removes one of the person's passkeys; undefined when they have none by that id. */
  async deletePasskey(db: DbOrTx, orgId: string, personId: string, id: string) {
    const [gone] = await db
      .delete(vaultPasskeys)
      .where(
        and(
          eq(vaultPasskeys.orgId, orgId),
          eq(vaultPasskeys.personId, personId),
          eq(vaultPasskeys.id, id),
        ),
      )
      .returning({ id: vaultPasskeys.id });
    return gone;
  },

  /** The author's private notes still in plain text, to be sealed in their browser. */
  async unsealedNotes(db: DbOrTx, orgId: string, authorId: string, limit: number) {
    return db
      .select({
        id: oneOnOnePrivateNotes.id,
        meetingId: oneOnOnePrivateNotes.meetingId,
        body: oneOnOnePrivateNotes.body,
        version: oneOnOnePrivateNotes.version,
      })
      .from(oneOnOnePrivateNotes)
      .where(
        and(
          eq(oneOnOnePrivateNotes.orgId, orgId),
          eq(oneOnOnePrivateNotes.authorId, authorId),
          isNotNull(oneOnOnePrivateNotes.body),
        ),
      )
      .orderBy(oneOnOnePrivateNotes.id)
      .limit(limit);
  },

  /**
   * Replaces one of the author's plain notes by its sealed version, nulling the plain text;
   * only while it is still plain and at the version the browser sealed. Returns whether it did.
   */
  async sealNote(
    db: DbOrTx,
    orgId: string,
    authorId: string,
    note: { id: string; version: number; sealed: Sealed },
  ) {
    const rows = await db
      .update(oneOnOnePrivateNotes)
      .set({
        body: null,
        ciphertext: note.sealed.ciphertext,
        iv: note.sealed.iv,
        keyVersion: note.sealed.keyVersion,
      })
      .where(
        and(
          eq(oneOnOnePrivateNotes.orgId, orgId),
          eq(oneOnOnePrivateNotes.authorId, authorId),
          eq(oneOnOnePrivateNotes.id, note.id),
          eq(oneOnOnePrivateNotes.version, note.version),
          isNotNull(oneOnOnePrivateNotes.body),
        ),
      )
      .returning({ id: oneOnOnePrivateNotes.id });
    return rows.length === 1;
  },

  /** The author's reflections still in plain text, to be sealed in their browser. */
  async unsealedReflections(db: DbOrTx, orgId: string, authorId: string, limit: number) {
    return db
      .select({
        id: oneOnOneReflections.id,
        meetingId: oneOnOneReflections.meetingId,
        topics: oneOnOneReflections.topics,
        notes: oneOnOneReflections.notes,
      })
      .from(oneOnOneReflections)
      .where(
        and(
          eq(oneOnOneReflections.orgId, orgId),
          eq(oneOnOneReflections.authorId, authorId),
          isNull(oneOnOneReflections.ciphertext),
        ),
      )
      .orderBy(oneOnOneReflections.id)
      .limit(limit);
  },

  /**
   * Replaces one of the author's plain reflections by its sealed version, emptying the plain
   * topics and notes; only while it is still plain (once a vault exists, every other write is
   * sealed, so a plain row has not changed since it was handed out). Returns whether it did.
   */
  async sealReflection(
    db: DbOrTx,
    orgId: string,
    authorId: string,
    reflection: { id: string; sealed: Sealed },
  ) {
    const rows = await db
      .update(oneOnOneReflections)
      .set({
        topics: [],
        notes: '',
        ciphertext: reflection.sealed.ciphertext,
        iv: reflection.sealed.iv,
        keyVersion: reflection.sealed.keyVersion,
      })
      .where(
        and(
          eq(oneOnOneReflections.orgId, orgId),
          eq(oneOnOneReflections.authorId, authorId),
          eq(oneOnOneReflections.id, reflection.id),
          isNull(oneOnOneReflections.ciphertext),
        ),
      )
      .returning({ id: oneOnOneReflections.id });
    return rows.length === 1;
  },

  /** How many people of the organisation still have private notes or reflections in plain text. */
  async peopleWithUnsealedNotes(db: DbOrTx, orgId: string) {
    const [row] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from (
        select author_id from one_on_one_private_notes where org_id = ${orgId} and body is not null
        union
        select author_id from one_on_one_reflections where org_id = ${orgId} and ciphertext is null
      ) authors`,
    );
    return row?.n ?? 0;
  },

  async vaultCount(db: DbOrTx, orgId: string) {
    const [row] = await db
      .select({ n: count() })
      .from(personVaults)
      .where(eq(personVaults.orgId, orgId));
    return row?.n ?? 0;
  },
};
