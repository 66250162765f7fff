import type { Db } from '../../db/client';
import { sessionRepository } from '../repositories/session.repository';
import { systemClock } from '../clock';

/** Housekeeping that is safe to run from any number of instances at once. */
export async function pruneAuthState(db: Db, now = systemClock.now()): Promise<void> {
  await sessionRepository.deleteExpired(db, now);
  await sessionRepository.pruneFailures(db, new Date(now.getTime() - 86_400_000));
}
