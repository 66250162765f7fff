import type { Db } from '../../db/client';
import { AppError } from '../../domain/errors';
import type { Actor } from '../../domain/roles';
import { queryConfigs, searchConfigFor, takeSearch } from '../../domain/search/search';
import { searchRepository } from '../repositories/search.repository';
import { systemClock, type Clock } from '../clock';

/** Search across what the actor may read as one of a pair (decision 027). */
export function createSearchService(db: Db, clock: Clock = systemClock) {
  /** Each person's recent searches (this instance's share; enough to stop a runaway client). */
  const recent = new Map<string, number[]>();
  return {
    async search(actor: Actor, input: { q: string; limit: number }, now = clock.now().getTime()) {
      const key = `${actor.orgId}:${actor.personId}`;
      const times = recent.get(key) ?? [];
      const wait = takeSearch(times, now);
      recent.set(key, times);
      if (recent.size > 10_000) {
        for (const [k, v] of recent) if (v.length === 0 || k === key) recent.delete(k);
        recent.set(key, times);
      }
      if (wait !== null)
        throw new AppError('search.rate_limited', { retryAfter: wait, seconds: wait });
      const orgLocale = actor.profile?.organisation.defaultLocale ?? null;
      const rows = await searchRepository.search(db, {
        orgId: actor.orgId,
        personId: actor.personId,
        q: input.q,
        queryConfigs: queryConfigs(actor.locale, orgLocale),
        headlineConfig: searchConfigFor(actor.locale),
        limit: input.limit + 1,
      });
      return { rows: rows.slice(0, input.limit), more: rows.length > input.limit };
    },
  };
}
