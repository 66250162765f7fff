import type { Db } from '../../db/client';
import { AppError } from '../../domain/errors';
import { homeFor, type Actor } from '../../domain/roles';
import { checkInWriteRule, isCheckInOpen } from '../../domain/wellbeing/check-in';
import { workloadPrompt } from '../../domain/wellbeing/workload';
import { authorize } from '../policies/index';
import { homePageRepository } from '../repositories/home-page.repository';
import { meetingPageRepository } from '../repositories/meeting-page.repository';
import type { createOneOnOneHomeService } from './one-on-one-home.service';
import type { OneOnOneMeetingService } from './one-on-one-meeting.service';
import { pairOf } from './one-on-one-access';
import type { OneOnOneSeriesService } from './one-on-one-series.service';
import { systemClock, type Clock } from '../clock';

/** Each series with the latest meeting begun in it, or null, in the order of `seriesIds`. */
function latestOf<T extends { meeting: { seriesId: string | null } }>(
  seriesIds: string[],
  rows: T[],
) {
  const bySeries = new Map(rows.map((r) => [r.meeting.seriesId, r]));
  return seriesIds.map((seriesId) => ({ seriesId, latest: bySeries.get(seriesId) ?? null }));
}

/**
 * Whole pages: everything the first render of a page needs, in one request (decision 021).
 * The meeting page and each home are one statement each, reading the rows their parts' own
 * routes read; the policies and the pure parts of the services are the routes' own. One place
 * for the pages, so the parts other work adds (sealed private notes,
 * live meeting state) are added here once.
 */
export function createPageService(
  db: Db,
  deps: {
    meetings: OneOnOneMeetingService;
    home: ReturnType<typeof createOneOnOneHomeService>;
    series: OneOnOneSeriesService;
  },
  clock: Clock = systemClock,
) {
  const whole = meetingPageRepository(db);
  const homes = homePageRepository(db);
  return {
    /**
     * The meeting page: the meeting as GET /api/one-on-ones/meetings/:id gives it, its
     * check-in, the viewer's private note and the pair's open goals and plan items.
     */
    async meeting(actor: Actor, meetingId: string) {
      let found = await whole.read(actor.orgId, meetingId, actor.personId);
      if (!found) throw new AppError('not_found');
      authorize(actor, { do: 'oneOnOne.meeting.read', pair: pairOf(found.series) });
      if (!found.meeting.templateSnapshot) {
        // The first read of a meeting takes its agenda snapshot (a write): as the meeting
        // route does, then the page is read again with the agenda it made.
        await deps.meetings.get(actor, meetingId);
        found = (await whole.read(actor.orgId, meetingId, actor.personId)) ?? found;
      }
      const pair = pairOf(found.series);
      authorize(actor, { do: 'checkIn.read', pair });
      authorize(actor, { do: 'oneOnOne.privateNote.read', pair, authorId: actor.personId });
      const other = actor.personId === pair.managerId ? pair.employeeId : pair.managerId;
      authorize(actor, {
        do: 'goals.read',
        pair: { orgId: actor.orgId, managerId: actor.personId, employeeId: other },
      });
      authorize(actor, {
        do: 'goals.read',
        pair: { orgId: actor.orgId, managerId: other, employeeId: actor.personId },
      });
      // The manager's own reminders (issue #15); nobody else has any here, not even a list.
      const reminders = actor.personId === pair.managerId ? found.reminders : null;
      if (reminders)
        authorize(actor, { do: 'oneOnOne.reminder.read', pair, authorId: actor.personId });
      const { meeting, series, managerName, employeeName, minutes } = found;
      return {
        detail: {
          meeting,
          series: { series, managerName, employeeName },
          snapshot: meeting.templateSnapshot!,
          points: found.points,
          followUp: found.followUp,
          actions: found.actions,
          minutes,
          nextMeeting: found.nextMeeting,
        },
        checkIn: {
          checkIn: found.checkIn,
          open: isCheckInOpen(meeting.status),
          // As the check-in route says it (the employee's to answer; decision 020).
          mayWrite: checkInWriteRule(
            actor.personId === series.managerId ? 'manager' : 'employee',
            meeting,
            clock.now(),
          ),
        },
        // The workload prompt, from the same statement (domain/wellbeing/workload.ts).
        workloadPrompt: workloadPrompt({
          meetingStatus: meeting.status,
          workloads: found.workloads,
          demandingShares: found.demandingShares,
          actionFromPrompt: found.actions.some((a) => a.action.prompt === 'workload'),
          dismissed: meeting.workloadPromptDismissedAt !== null,
        }),
        privateNote: found.privateNote,
        reminders,
        vault: found.vault,
        goals: found.goals,
        motivation: found.motivation,
        unreadNotifications: found.unreadNotifications,
      };
    },

    /**
     * The home of the signed-in person: a manager's team, overview, own 1:1s and
     * conversations; an employee's 1:1s, conversations, own details and their unit's path; and for
     * each of their series the latest meeting begun (whether today's is still to finish).
     * HR's home lists people and units through their own routes.
     */
    async home(actor: Actor) {
      const kind = homeFor(actor);
      if (kind === 'hr') return { kind } as const;
      const now = clock.now();
      const threshold = deps.series.horizonThreshold(now);
      /** Reads the home; a series due for more meetings is extended first and read again. */
      async function read<T extends { horizonsDue: boolean }>(
        one: (orgId: string, viewerId: string, now: Date, threshold: string) => Promise<T>,
      ): Promise<T> {
        const first = await one(actor.orgId, actor.personId, now, threshold);
        if (!first.horizonsDue) return first;
        await deps.series.ensureHorizons({ orgId: actor.orgId, participantId: actor.personId });
        return one(actor.orgId, actor.personId, now, threshold);
      }
      if (kind === 'manager') {
        authorize(actor, { do: 'team.read', orgId: actor.orgId });
        authorize(actor, { do: 'conversation.list', orgId: actor.orgId });
        const page = await read(homes.manager);
        const overview = deps.home.overviewOf(actor, page.overview, now);
        const seriesIds = [
          ...overview.flatMap((o) => (o.row.series_id ? [o.row.series_id] : [])),
          ...(page.mine.series ? [page.mine.series.series.id] : []),
        ];
        return {
          kind,
          overview,
          team: page.team,
          mine: page.mine,
          conversations: page.conversations,
          latest: latestOf(seriesIds, page.latest),
          unreadNotifications: page.unreadNotifications,
        } as const;
      }
      authorize(actor, { do: 'conversation.list', orgId: actor.orgId });
      const page = await read(homes.employee);
      if (!page.person) throw new AppError('not_found');
      authorize(actor, { do: 'person.read', person: page.person.person });
      return {
        kind,
        mine: page.mine,
        conversations: page.conversations,
        person: page.person,
        // The path of the person's own unit, not the whole tree (5,809 units at 50,000 people).
        departmentPath: page.person.person.departmentId ? (page.departmentPath ?? []) : null,
        latest: latestOf(page.mine.series ? [page.mine.series.series.id] : [], page.latest),
        unreadNotifications: page.unreadNotifications,
      } as const;
    },
  };
}
