import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { presentVault } from '../presenters/vault.presenter';
import { requireActor } from '../plugins/auth';
import { presentCheckIn } from '../presenters/check-in.presenter';
import { presentGoal, presentPlanItem } from '../presenters/goal.presenter';
import { presentMeeting, presentPrivateNote } from '../presenters/one-on-one.presenter';
import { presentPerson } from '../presenters/person.presenter';
import { presentMe } from './me.routes';
import { presentMine, presentOverview } from './one-on-one-home.routes';
import { presentMeetingDetail } from './one-on-one-meetings.routes';
import { presentReminder } from '../presenters/one-on-one-reminder.presenter';
import { IdParams, errors } from './schemas';
import type { Actor } from '../../domain/roles';
import { HomePageSchema, MeetingPageSchema } from '../../contracts/pages';

/** "Who am I": from the session's profile, as GET /api/me answers it. */
function meOf(actor: Actor) {
  if (!actor.profile) throw new Error('a signed-in actor carries its profile');
  return presentMe(actor, actor.profile);
}

/**
 * Whole pages in one request each (decision 021): what the first render of the meeting page
 * and of the homes needs. Every part is also its own route, which the pages call after a
 * change; these are for opening a page.
 */
export async function pageRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const pages = () => app.services.pages;
  const tags = ['pages'];

  r.get(
    '/api/pages/meeting/:id',
    {
      schema: {
        tags,
        description: 'Everything the meeting page shows when it opens, in one answer.',
        params: IdParams,
        response: { 200: MeetingPageSchema, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const page = await pages().meeting(actor, request.params.id);
      const { goals, plan, titles, progress, steps } = page.goals;
      const now = app.services.clock.now();
      const meeting = presentMeetingDetail(page.detail, actor, now);
      // The motivation item's score and trend, where the agenda has that item (read with the
      // page, in its one statement).
      const motivation = meeting.agenda.some((p) => p.sectionKind === 'motivation')
        ? app.services.oneOnOne.motivation.ofPage(
            actor,
            page.detail.meeting,
            page.detail.series.series,
            page.motivation,
            now,
          )
        : null;
      const unreadNotifications = page.unreadNotifications;
      return {
        me: meOf(actor),
        meeting,
        checkIn: {
          checkIn: page.checkIn.checkIn ? presentCheckIn(page.checkIn.checkIn) : null,
          open: page.checkIn.open,
          mayWrite: page.checkIn.mayWrite,
        },
        workloadPrompt: page.workloadPrompt,
        privateNote: presentPrivateNote(request.params.id, page.privateNote),
        reminders: page.reminders ? { items: page.reminders.map(presentReminder) } : null,
        vault: presentVault(page.vault).vault,
        goals: {
          goals: goals.map((g) => presentGoal(g, titles, progress, steps)),
          plan: plan.map((p) => presentPlanItem(p, progress)),
        },
        unreadNotifications,
        motivation,
      };
    },
  );

  r.get(
    '/api/pages/home',
    {
      schema: {
        tags,
        description:
          "Everything the signed-in person's home shows when it opens, in one answer (HR's home: only who is signed in).",
        response: { 200: HomePageSchema, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const page = await pages().home(actor);
      // HR's home reads nothing else: its bell on its own.
      const unreadNotifications =
        page.kind === 'hr'
          ? await app.services.notifications.unreadCount(actor)
          : page.unreadNotifications;
      const empty = {
        unreadNotifications,
        team: null,
        overview: null,
        mine: null,
        conversations: null,
        person: null,
        departmentPath: null,
        latestMeetings: [],
      };
      if (page.kind === 'hr') return { me: meOf(actor), ...empty };
      const latestMeetings = page.latest.map(({ seriesId, latest }) => ({
        seriesId,
        items: latest ? [presentMeeting(latest.meeting, { hasMinutes: latest.hasMinutes })] : [],
      }));
      const mine = presentMine(actor, page.mine, app.services.clock.now());
      if (page.kind === 'manager') {
        return {
          me: meOf(actor),
          ...empty,
          team: { items: page.team.map((x) => presentPerson(x.person, x)) },
          overview: presentOverview(page.overview),
          mine,
          conversations: page.conversations,
          latestMeetings,
        };
      }
      return {
        me: meOf(actor),
        ...empty,
        mine,
        conversations: page.conversations,
        person: presentPerson(page.person.person, page.person, actor),
        departmentPath: page.departmentPath,
        latestMeetings,
      };
    },
  );
}
