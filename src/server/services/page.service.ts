import type { Db } from '../../db/client';
import { AppError } from '../../domain/errors';
import { homeFor, type Actor } from '../../domain/roles';
import { checkInWriteRule, isCheckInOpen } from '../../domain/wellbeing/check-in';
import { showWorkloadPrompt } from '../../domain/wellbeing/workload';
import { authorize } from '../policies/index';
import { departmentRepository } from '../repositories/department.repository';
import { meetingPageRepository } from '../repositories/meeting-page.repository';
import { oneOnOneOccurrenceRepository as occurrenceRepo } from '../repositories/one-on-one-occurrence.repository';
import type { createConversationService } from './conversation.service';
import type { createOneOnOneHomeService } from './one-on-one-home.service';
import type { OneOnOneMeetingService } from './one-on-one-meeting.service';
import { pairOf } from './one-on-one-access';
import type { createPeopleService } from './people.service';
import { systemClock, type Clock } from '../clock';

/**
 * Whole pages: everything the first render of a page needs, in one request (decision 021).
 * The meeting page is one statement; the homes call the same services their single routes do,
 * side by side. One place for the pages, so the parts other work adds (sealed private notes,
 * live meeting state) are added here once.
 */
export function createPageService(
  db: Db,
  deps: {
    meetings: OneOnOneMeetingService;
    home: ReturnType<typeof createOneOnOneHomeService>;
    people: ReturnType<typeof createPeopleService>;
    conversations: ReturnType<typeof createConversationService>;
  },
  clock: Clock = systemClock,
) {
  const whole = meetingPageRepository(db);
  /** Each series with the latest meeting begun in it, or null. */
  async function latestOf(actor: Actor, seriesIds: string[], now: Date) {
    const rows = await occurrenceRepo.latestPast(db, actor.orgId, seriesIds, now);
    const bySeries = new Map(rows.map((r) => [r.meeting.seriesId, r]));
    return seriesIds.map((seriesId) => ({ seriesId, latest: bySeries.get(seriesId) ?? null }));
  }
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
        workloadPrompt: showWorkloadPrompt({
          meetingStatus: meeting.status,
          workloads: found.workloads,
          actionFromPrompt: found.actions.some((a) => a.action.prompt === 'workload'),
          dismissed: meeting.workloadPromptDismissedAt !== null,
        }),
        privateNote: found.privateNote,
        reminders,
        vault: found.vault,
        goals: found.goals,
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
      if (kind === 'manager') {
        const [overview, team, mine, conversations] = await Promise.all([
          deps.home.overview(actor),
          deps.people.team(actor),
          deps.home.mine(actor),
          deps.conversations.counts(actor),
        ]);
        const seriesIds = [
          ...overview.flatMap((o) => (o.row.series_id ? [o.row.series_id] : [])),
          ...(mine.series ? [mine.series.series.id] : []),
        ];
        const latest = await latestOf(actor, seriesIds, now);
        return { kind, overview, team, mine, conversations, latest } as const;
      }
      const [mine, conversations, person] = await Promise.all([
        deps.home.mine(actor),
        deps.conversations.counts(actor),
        deps.people.getWithNames(actor, actor.personId),
      ]);
      // The path of the person's own unit, not the whole tree (5,809 units at 50,000 people).
      const departmentPath = person.person.departmentId
        ? await departmentRepository.pathNames(db, actor.orgId, person.person.departmentId)
        : null;
      const latest = await latestOf(actor, mine.series ? [mine.series.series.id] : [], now);
      return { kind, mine, conversations, person, departmentPath, latest } as const;
    },
  };
}
