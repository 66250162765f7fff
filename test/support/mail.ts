import { and, asc, eq, like } from 'drizzle-orm';
import type { DbOrTx } from '../../src/db/client';
import { mailOutbox } from '../../src/db/schema/index';

export type OutboxMail = typeof mailOutbox.$inferSelect;

/** The outbox mails to a person, oldest first, optionally of one kind (or kind prefix + %). */
export async function mailsTo(db: DbOrTx, personId: string, kind?: string): Promise<OutboxMail[]> {
  return db
    .select()
    .from(mailOutbox)
    .where(
      and(
        eq(mailOutbox.recipientId, personId),
        kind
          ? kind.endsWith('%')
            ? like(mailOutbox.kind, kind)
            : eq(mailOutbox.kind, kind)
          : undefined,
      ),
    )
    .orderBy(asc(mailOutbox.createdAt));
}

/** The set-password token in a mail's text, if there is one. */
export function tokenIn(mail: Pick<OutboxMail, 'textBody'>): string | undefined {
  return /\/set-password#([A-Za-z0-9_-]{20,})/.exec(mail.textBody)?.[1];
}
