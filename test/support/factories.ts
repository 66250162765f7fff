import { randomUUID } from 'node:crypto';
import type { DbOrTx } from '../../src/db/client';
import { sql } from 'drizzle-orm';
import { departments, loginAttempts, organisations, people } from '../../src/db/schema/index';
import type { Role } from '../../src/domain/roles';
import { hashPassword } from '../../src/server/services/password';

export const TEST_PASSWORD = 'correct horse battery';
let hashed: Promise<string> | undefined;
const passwordHash = () => (hashed ??= hashPassword(TEST_PASSWORD));

/** An organisation with a unique slug. */
export async function makeOrg(db: DbOrTx, over: Partial<typeof organisations.$inferInsert> = {}) {
  const id = randomUUID();
  const [org] = await db
    .insert(organisations)
    .values({ id, name: `Org ${id.slice(0, 6)}`, slug: `org-${id.slice(0, 8)}`, ...over })
    .returning();
  return org!;
}

/** A person who can sign in with TEST_PASSWORD (unless `passwordHash: null`). */
export async function makePerson(
  db: DbOrTx,
  orgId: string,
  over: Partial<typeof people.$inferInsert> & { roles?: Role[] } = {},
) {
  const id = randomUUID();
  const email = over.email ?? `p-${id.slice(0, 8)}@example.test`;
  const hash = over.passwordHash === undefined ? await passwordHash() : over.passwordHash;
  const [person] = await db
    .insert(people)
    .values({
      orgId,
      id,
      name: `Person ${id.slice(0, 6)}`,
      timeZone: 'Europe/Stockholm',
      ...over,
      email,
      passwordHash: hash,
      // Someone with a password set it through a link mailed to this address.
      recoveryEmail: over.recoveryEmail ?? (hash ? email : null),
    })
    .returning();
  return person!;
}

export async function makeDepartment(
  db: DbOrTx,
  orgId: string,
  name: string,
  parentId: string | null = null,
) {
  const [d] = await db
    .insert(departments)
    .values({ orgId, id: randomUUID(), name, parentId })
    .returning();
  return d!;
}

/**
 * Lets time pass for sign-in throttling without sleeping: every counted attempt moves
 * `seconds` into the past (waits between attempts and windows are measured from them).
 */
export async function ageAttempts(ctx: { database: { db: DbOrTx } }, seconds: number) {
  await ctx.database.db
    .update(loginAttempts)
    .set({ attemptedAt: sql`${loginAttempts.attemptedAt} - make_interval(secs => ${seconds})` });
}
