import { and, eq, gt, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { passwordTokens } from '../../db/schema/index';

export type PasswordTokenRow = typeof passwordTokens.$inferSelect;

/** One-time links to set a password, stored as the SHA-256 of the secret in the link. */
export const passwordTokenRepository = {
  async insert(db: DbOrTx, row: typeof passwordTokens.$inferInsert): Promise<void> {
    await db.insert(passwordTokens).values(row);
  },

  /** Spends every unused link of a person (a new one replaces them; an address changed). */
  async voidUnused(db: DbOrTx, orgId: string, personId: string, now: Date): Promise<void> {
    await db
      .update(passwordTokens)
      .set({ usedAt: now })
      .where(
        and(
          eq(passwordTokens.orgId, orgId),
          eq(passwordTokens.personId, personId),
          isNull(passwordTokens.usedAt),
        ),
      );
  },

  /** Spends a live link (unused, unexpired) and returns it; undefined when there is none. */
  async spend(db: DbOrTx, hash: string, now: Date): Promise<PasswordTokenRow | undefined> {
    const [row] = await db
      .update(passwordTokens)
      .set({ usedAt: now })
      .where(
        and(
          eq(passwordTokens.id, hash),
          isNull(passwordTokens.usedAt),
          gt(passwordTokens.expiresAt, now),
        ),
      )
      .returning();
    return row;
  },
};
