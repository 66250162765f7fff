import { z } from 'zod';
import { maskAddress } from '../../domain/privacy/export-link';
import { MailEnvelopeSchema } from '../../contracts/mail';
import { MAIL_STATUSES } from '../../domain/mail-retry';

/** A mail kind as written by Samtal: dotted lower-case words, e.g. `one_on_one.minutes`. */
export const MailKindSchema = z
  .string()
  .max(100)
  .regex(/^[a-z_]+(\.[a-z_]+)*$/i);

/** A creation time to the microsecond, UTC, as the repository writes it (`atKey`). */
const AT_KEY = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/** True for a real instant in AT_KEY form (no 30 February: the database would refuse it). */
function isAtKey(at: string | undefined): at is string {
  if (!at || !AT_KEY.test(at)) return false;
  const d = new Date(at);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 23) === at.slice(0, 23);
}

/** A position in a newest-first list of mails: base64url of "atKey|id". */
export const MailCursor = z
  .string()
  .max(200)
  .transform((s, ctx) => {
    const [at, id] = Buffer.from(s, 'base64url').toString('utf8').split('|');
    if (!isAtKey(at) || !z.uuid().safeParse(id).success) {
      ctx.addIssue({ code: 'custom', message: 'invalid' });
      return z.NEVER;
    }
    return { at, id: id! };
  });

export const MailLimit = z.coerce.number().int().min(1).max(100).default(30);

/** Splits a "limit + 1" result into a page and the cursor of the next one. */
export function mailPage<T extends { id: string; atKey: string }>(rows: T[], limit: number) {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items,
    nextCursor:
      rows.length > limit && last
        ? Buffer.from(`${last.atKey}|${last.id}`).toString('base64url')
        : null,
  };
}

/** The error an SMTP server gave is kept short in the mailbox. */
const ERROR_CHARS = 300;

type EnvelopeRow = {
  id: string;
  kind: string;
  locale: string;
  status: string;
  attempts: number;
  lastError: string | null;
  hasCalendar: boolean;
  createdAt: Date;
  lastAttemptAt: Date | null;
  nextAttemptAt: Date;
  sentAt: Date | null;
  resentAt: Date | null;
  recipientId: string;
  name: string;
  email: string;
};

/** Maps an envelope row, so that no column added later can leak. */
export function presentEnvelope(r: EnvelopeRow): z.input<typeof MailEnvelopeSchema> {
  return {
    id: r.id,
    kind: r.kind,
    // A leaver's download link went to an address they gave: administrators see it masked.
    recipient: {
      id: r.recipientId,
      name: r.name,
      email: r.kind === 'privacy.export_link' ? maskAddress(r.email) : r.email,
    },
    locale: r.locale,
    status: r.status as (typeof MAIL_STATUSES)[number],
    attempts: r.attempts,
    lastError: r.lastError ? r.lastError.slice(0, ERROR_CHARS) : null,
    hasCalendar: !!r.hasCalendar,
    createdAt: r.createdAt,
    lastAttemptAt: r.lastAttemptAt,
    nextAttemptAt: r.status === 'pending' ? r.nextAttemptAt : null,
    sentAt: r.sentAt,
    resentAt: r.resentAt,
  };
}
