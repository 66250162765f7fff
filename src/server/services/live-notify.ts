import type { Db, Tx } from '../../db/client';
import type { LiveEvents } from '../live/hub';

type Pair = { orgId: string; managerId: string; employeeId: string };

/**
 * Runs `fn` in one transaction and, once it is committed, tells the live channel that the
 * meetings of each pair it touched changed, so both participants refetch at once (decision
 * 020). Nothing is sent for a transaction that failed.
 */
export async function changing<T>(
  db: Db,
  live: LiveEvents | null | undefined,
  fn: (tx: Tx, touch: (pair: Pair) => void) => Promise<T>,
): Promise<T> {
  const touched = new Map<string, Pair>();
  const result = await db.transaction((tx) =>
    fn(tx, (p) => touched.set(`${p.orgId}:${p.managerId}:${p.employeeId}`, p)),
  );
  if (live)
    for (const p of touched.values())
      live.pairChanged(p.orgId, { managerId: p.managerId, employeeId: p.employeeId });
  return result;
}
