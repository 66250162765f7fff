import { randomUUID } from 'node:crypto';
import { localDateOf, startsEarly } from '../../domain/one-on-one/meeting-state';
import { meetingStateRepository } from '../repositories/meeting-state.repository';
import type { Db } from '../../db/client';
import {
  followUpDate,
  mayBook,
  mayStart,
  proposesFollowUp,
  type OwnConversationKind,
} from '../../domain/development/conversation';
import {
  isRevealed,
  visiblePreparations,
  type PreparerRole,
} from '../../domain/development/reveal';
import { salaryBlocksStart, salaryOrder } from '../../domain/development/salary-first';
import { AppError } from '../../domain/errors';
import type { Actor } from '../../domain/roles';
import { authorize, can } from '../policies/index';
import { peopleRepository } from '../repositories/people.repository';
import { recordAudit } from './audit.service';
import { oneOnOneActionRepository as actionRepo } from '../repositories/one-on-one-action.repository';
import { oneOnOneMeetingRepository as meetingRepo } from '../repositories/one-on-one-meeting.repository';
import { conversationPreparationRepository as prepRepo } from '../repositories/conversation-preparation.repository';
import { conversationRepository as repo } from '../repositories/conversation.repository';
import { conversationTemplateRepository as templateRepo } from '../repositories/conversation-template.repository';
import {
  assertWritable,
  lockConversation,
  pairOfConversation,
  roleIn,
} from './conversation-access';
import { bookMeeting, cancelMeeting, type BookingInput } from './conversation-booking';
import type { ConversationCalendar } from './conversation-calendar';
import { systemClock, type Clock } from '../clock';

/** Booking, the page of one conversation (with the reveal rule), starting and follow-up. */
export function createConversationService(
  db: Db,
  calendar: ConversationCalendar,
  clock: Clock = systemClock,
) {
  return {
    /** One page of the actor's conversations as manager (to book and hold) or as employee. */
    async list(
      actor: Actor,
      opts: {
        as: 'manager' | 'employee';
        after?: { createdAt: Date; id: string };
        limit: number;
      },
    ) {
      authorize(actor, { do: 'conversation.list', orgId: actor.orgId });
      return repo.listFor(db, actor.orgId, actor.personId, opts);
    },

    /** Counts for the homes' card: to book (as manager) and booked, in one statement. */
    async counts(actor: Actor) {
      authorize(actor, { do: 'conversation.list', orgId: actor.orgId });
      return repo.openCounts(db, actor.orgId, actor.personId);
    },

    /**
     * Everything the pair sees of one conversation. The other's preparation answers are read
     * from the database only when the reveal rule allows it; before, only whether they have
     * submitted is known.
     */
    async get(actor: Actor, id: string) {
      const found = await repo.findForPage(db, actor.orgId, id);
      if (!found) throw new AppError('not_found');
      const c = found.conversation;
      authorize(actor, { do: 'conversation.read', pair: pairOfConversation(c) });
      const myRole = roleIn(actor, c);
      const otherRole: PreparerRole = myRole === 'employee' ? 'manager' : 'employee';
      const states = await prepRepo.states(db, actor.orgId, c.id);
      const submitted = (r: PreparerRole) =>
        states.find((s) => s.authorRole === r)?.submittedAt ?? null;
      const state = {
        status: c.status,
        employeeSubmittedAt: submitted('employee'),
        managerSubmittedAt: submitted('manager'),
      };
      const visible = visiblePreparations(myRole, state);
      const roles: PreparerRole[] = visible.other ? [myRole, otherRole] : [myRole];
      const meetingId = c.meetingId;
      const [preparations, points, actions, privateNote, followUp] = await Promise.all([
        prepRepo.ofRoles(db, actor.orgId, c.id, roles),
        meetingId ? meetingRepo.pointsWithNotes(db, actor.orgId, meetingId) : [],
        meetingId ? actionRepo.forMeeting(db, actor.orgId, meetingId) : [],
        meetingId ? meetingRepo.privateNote(db, actor.orgId, meetingId, actor.personId) : undefined,
        proposesFollowUp(c.kind, c.status) ? repo.followUpOf(db, c) : undefined,
      ]);
      return {
        ...found,
        myRole,
        preparation: {
          mine: preparations.find((p) => p.authorRole === myRole) ?? null,
          other: preparations.find((p) => p.authorRole === otherRole) ?? null,
          otherSubmitted: submitted(otherRole) !== null,
          revealed: isRevealed(state),
        },
        points,
        actions,
        privateNote: privateNote ?? null,
        followUp: proposesFollowUp(c.kind, c.status)
          ? {
              proposedDate: followUpDate(c.heldAt ?? clock.now(), actor.timeZone),
              conversationId: followUp?.id ?? null,
            }
          : null,
      };
    },

    /** The manager books a time (or moves the booked one); the pair gets the invitation. */
    async book(actor: Actor, id: string, input: BookingInput) {
      return db.transaction(async (tx) => {
        const { conversation: c, content } = await lockConversation(
          tx,
          actor,
          id,
          'conversation.book',
        );
        assertWritable(c);
        if (!mayBook(c.status)) throw new AppError('oneOnOne.meeting_not_open');
        return bookMeeting(tx, actor, c, content, input, calendar, clock.now());
      });
    },

    /** The manager cancels the booked time; the conversation waits for a new one. */
    async cancel(actor: Actor, id: string, reason: string | null) {
      return db.transaction(async (tx) => {
        const { conversation: c, content } = await lockConversation(
          tx,
          actor,
          id,
          'conversation.book',
        );
        assertWritable(c);
        return cancelMeeting(tx, actor, c, content, reason, calendar, clock.now());
      });
    },

    /**
     * The manager starts the meeting: status held, and both preparations are revealed (and
     * closed). Before the booked day this is refused unless the manager confirms holding it
     * now (`holdNow`), a rule of the server, not only of the page (decision 020).
     */
    async start(actor: Actor, id: string, opts: { holdNow?: boolean } = {}, now = clock.now()) {
      return db.transaction(async (tx) => {
        const { conversation: c } = await lockConversation(tx, actor, id, 'conversation.start');
        assertWritable(c);
        if (!mayStart(c.status) || !c.meetingId) throw new AppError('conversation.not_booked');
        if (c.status === 'held') return c;
        // Seed 004: a round may require the pair's salary conversation to be held first.
        const salary = await repo.salaryOrderOf(tx, c);
        if (salaryBlocksStart(salaryOrder(c.kind, salary.rule, salary.status)))
          throw new AppError('conversation.salary_first');
        const booked = await meetingStateRepository.meetingTime(tx, c.orgId, c.meetingId);
        if (booked && startsEarly(booked, now) && !opts.holdNow)
          throw new AppError('conversation.start_early', {
            date: localDateOf(booked.startsAt, booked.timeZone),
          });
        await repo.updateMeeting(tx, c.orgId, c.meetingId, {
          status: 'held',
          heldAt: now,
          startedAt: now,
          startedBy: actor.personId,
          heldOn: localDateOf(now, booked?.timeZone ?? actor.timeZone),
        });
        return repo.update(tx, c.orgId, c.id, { status: 'held', heldAt: now });
      });
    },

    /**
     * A manager books a salary, wellbeing or development conversation with a current direct
     * report on their own, without an HR round: the conversation (no round) on the
     * organisation's built-in template of that kind, booked at once with the invitation to
     * both — the same booking a round's conversation gets. Audited without content.
     */
    async bookOwn(
      actor: Actor,
      input: { employeeId: string; kind: OwnConversationKind; booking: BookingInput },
    ) {
      await templateRepo.ensureBuiltins(db, actor.orgId);
      return db.transaction(async (tx) => {
        const employee = await peopleRepository.findById(tx, actor.orgId, input.employeeId);
        if (!employee) throw AppError.at('employeeId', 'not_found');
        if (!can(actor, { do: 'conversation.create', employee }))
          throw AppError.at('employeeId', 'conversation.not_your_report');
        const template = await repo.builtinLatestVersion(tx, actor.orgId, input.kind);
        if (!template) throw AppError.at('kind', 'conversation.template_missing');
        const created = await repo.insert(tx, {
          orgId: actor.orgId,
          id: randomUUID(),
          kind: input.kind,
          employeeId: employee.id,
          managerId: actor.personId,
          templateVersionId: template.id,
        });
        const booked = await bookMeeting(
          tx,
          actor,
          created,
          template.content,
          input.booking,
          calendar,
          clock.now(),
        );
        await recordAudit(tx, actor, {
          action: 'conversation.created',
          subjectType: 'person',
          subjectId: employee.id,
          details: { kind: input.kind },
        });
        return booked;
      });
    },

    /**
     * Books the follow-up check-in of a held development conversation in one step: a
     * conversation of kind follow_up pointing at it, booked at the given time, with the
     * invitation. Uses the organisation's follow-up template (the parent's when it has none).
     */
    async bookFollowUp(actor: Actor, id: string, input: BookingInput) {
      return db.transaction(async (tx) => {
        const { conversation: parent } = await lockConversation(tx, actor, id, 'conversation.book');
        if (!proposesFollowUp(parent.kind, parent.status))
          throw new AppError('conversation.not_held');
        if (await repo.followUpOf(tx, parent)) throw new AppError('conversation.follow_up_exists');
        const template =
          (await repo.builtinLatestVersion(tx, actor.orgId, 'follow-up')) ??
          (await templateRepo.findVersion(tx, actor.orgId, parent.templateVersionId))!;
        const created = await repo.insert(tx, {
          orgId: parent.orgId,
          id: randomUUID(),
          parentConversationId: parent.id,
          kind: 'follow_up',
          employeeId: parent.employeeId,
          managerId: parent.managerId,
          templateVersionId: template.id,
        });
        return bookMeeting(tx, actor, created, template.content, input, calendar, clock.now());
      });
    },
  };
}
