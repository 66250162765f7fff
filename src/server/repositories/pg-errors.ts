/**
 * The name of the unique constraint a database error violated, or undefined. Both drivers
 * (pg and PGlite) report code 23505 with the constraint name; Drizzle may wrap it in `cause`.
 */
export function violatedUniqueConstraint(err: unknown): string | undefined {
  let e = err as { code?: string; constraint?: string; cause?: unknown } | undefined;
  for (let depth = 0; e && depth < 4; depth++) {
    if (e.code === '23505') return e.constraint;
    e = e.cause as typeof e;
  }
  return undefined;
}
