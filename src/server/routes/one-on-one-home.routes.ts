import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isOverdue } from '../../domain/one-on-one/actions';
import { CADENCES } from '../../domain/one-on-one/cadence';
import type { Actor } from '../../domain/roles';
import { requireActor } from '../plugins/auth';
import type { createOneOnOneHomeService } from '../services/one-on-one-home.service';
import { presentAction, presentMinutes } from '../presenters/one-on-one-action.presenter';
import { presentMeeting, presentSeries } from '../presenters/one-on-one.presenter';
import { MineSchema, OverviewSchema } from '../../contracts/one-on-ones';
import { errors } from './schemas';

const at = (id: string | null, d: Date | null) =>
  id && d ? { id, startsAt: d.toISOString() } : null;

type HomeService = ReturnType<typeof createOneOnOneHomeService>;

/** The manager's overview as the home shows it. */
export function presentOverview(
  rows: Awaited<ReturnType<HomeService['overview']>>,
): z.infer<typeof OverviewSchema> {
  return {
    items: rows.map(({ row, health, developmentDue }) => ({
      person: { id: row.person_id, name: row.name },
      seriesId: row.series_id,
      cadence: row.cadence as (typeof CADENCES)[number] | null,
      nextMeeting: at(row.next_id, row.next_at),
      lastHeld: at(row.last_id, row.last_at),
      daysSinceLastHeld: health.daysSinceLastHeld,
      tooLongSinceLastHeld: health.overdue,
      openActions: row.open_actions,
      overdueActions: row.overdue_actions,
      lastDevelopmentSignedAt: row.development_signed_at?.toISOString() ?? null,
      developmentConversationDue: developmentDue,
    })),
  };
}

/** The employee's own 1:1s as the home shows them. */
export function presentMine(
  actor: Actor,
  mine: Awaited<ReturnType<HomeService['mine']>>,
  now: Date,
): z.infer<typeof MineSchema> {
  return {
    series: mine.series ? presentSeries(mine.series.series, mine.series, actor) : null,
    nextMeeting: mine.nextMeeting ? presentMeeting(mine.nextMeeting) : null,
    actions: mine.actions.map((x) => ({
      ...presentAction(x.action, actor.timeZone, now),
      overdue: isOverdue(x.action, actor.timeZone, now),
      withName: x.counterpartName,
      meetingDate: x.meetingDate,
      conversationId: x.conversationId,
    })),
    minutes: mine.minutes.map(presentMinutes),
  };
}

/** The homes: the manager's team overview and the employee's own 1:1 page. */
export async function oneOnOneHomeRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const home = () => app.services.oneOnOne.home;
  const tags = ['one-on-ones'];

  r.get(
    '/api/one-on-ones/overview',
    { schema: { tags, response: { 200: OverviewSchema, ...errors } } },
    async (request) => presentOverview(await home().overview(requireActor(request))),
  );

  r.get(
    '/api/one-on-ones/mine',
    { schema: { tags, response: { 200: MineSchema, ...errors } } },
    async (request) => {
      const actor = requireActor(request);
      return presentMine(actor, await home().mine(actor), app.services.clock.now());
    },
  );
}
