import { z } from 'zod';

export const Limit = z.coerce.number().int().min(1).max(100).default(20);

/** An opaque keyset cursor: base64url of a small JSON object checked by `shape`. */
export function cursorOf<T extends z.ZodType>(shape: T) {
  return z
    .string()
    .max(500)
    .transform((s, ctx): z.infer<T> => {
      try {
        return shape.parse(JSON.parse(Buffer.from(s, 'base64url').toString('utf8')));
      } catch {
        ctx.addIssue({ code: 'custom', message: 'invalid' });
        return z.NEVER;
      }
    });
}

/**
 * An instant as PostgreSQL writes `timestamptz::text` ("2026-12-05 04:20:33.123456+00", the offset of the session's time zone),
 * kept as text in keyset cursors so no microseconds are lost. Anything else, or a day that does
 * not exist, is refused here rather than by the database's cast.
 */
export const PgInstantText = z
  .string()
  .max(40)
  .regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2}){0,2}$/)
  .refine((s) => z.iso.date().safeParse(s.slice(0, 10)).success && Number(s.slice(11, 13)) < 24);

function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** Splits a "limit + 1" result into a page and the cursor of the next one. */
export function page<T>(rows: T[], limit: number, cursor: (last: T) => unknown) {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(cursor(last)) : null };
}
