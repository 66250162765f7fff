import { and, count, countDistinct, eq, isNotNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { oneOnOnePrivateNotes, personVaults } from '../../db/schema/index';
import type { KeyWrap, Sealed } from '../../domain/sealing/envelope';

export type VaultRow = typeof personVaults.$inferSelect;

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
      .set({ passphraseWrap: wrap, updatedAt: new Date() })
      .where(and(eq(personVaults.orgId, orgId), eq(personVaults.personId, personId)))
      .returning();
    return row!;
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

  /** How many people of the organisation still have private notes in plain text. */
  async peopleWithUnsealedNotes(db: DbOrTx, orgId: string) {
    const [row] = await db
      .select({ n: countDistinct(oneOnOnePrivateNotes.authorId) })
      .from(oneOnOnePrivateNotes)
      .where(and(eq(oneOnOnePrivateNotes.orgId, orgId), isNotNull(oneOnOnePrivateNotes.body)));
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
