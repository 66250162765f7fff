import type { Db, DbOrTx } from '../../db/client';
import { AppError } from '../../domain/errors';
import { roundDateIssues, type RoundInput } from '../../domain/development/round';
import type { Actor } from '../../domain/roles';
import { systemClock, type Clock } from '../clock';
import { sendRoundRemindersNow } from '../mail/round-reminders';
import { announceRound, ROUND_OPENED_JOB } from '../mail/round-opened';
import type { JobQueue } from '../jobs/queue';
import type { Mailer } from '../mail/mailer';
import { recordAudit } from './audit.service';
import { authorize } from '../policies/index';
import { conversationTemplateRepository as templates } from '../repositories/conversation-template.repository';
import { departmentRepository } from '../repositories/department.repository';
import { peopleRepository } from '../repositories/people.repository';
import { roundRepository as repo, type RoundRow } from '../repositories/round.repository';

const SKIPPED_SHOWN = 100;
const PAGE = 50;

type Cursor = { createdAt: Date; id: string };
const encodeCursor = (r: RoundRow) =>
  Buffer.from(`${r.createdAt.toISOString()}|${r.id}`).toString('base64url');
function decodeCursor(c: string | undefined): Cursor | undefined {
  if (!c) return undefined;
  const [at, id] = Buffer.from(c, 'base64url').toString().split('|');
  const createdAt = new Date(at ?? '');
  if (!id || Number.isNaN(createdAt.getTime())) throw new AppError('validation');
  return { createdAt, id };
}

/**
 * Rounds: HR opens one for a group of people and Samtal creates every conversation at once
 * (decision 010); HR then follows the progress as counts per status, never any content.
 */
export function createRoundService(
  db: Db,
  /** "A round has opened" to its managers and employees (issue #15); none without it. */
  announce?: { mailer: Mailer; publicUrl: string; queue: JobQueue | null } | null,
  clock: Clock = systemClock,
) {
  const read = (actor: Actor) => authorize(actor, { do: 'round.read', orgId: actor.orgId });
  const manage = (actor: Actor) => authorize(actor, { do: 'round.manage', orgId: actor.orgId });

  async function found(actor: Actor, id: string): Promise<RoundRow> {
    const round = await repo.find(db, actor.orgId, id);
    if (!round) throw new AppError('not_found');
    return round;
  }

  async function checkScope(actor: Actor, scope: RoundInput['scope']) {
    if (scope.type === 'department') {
      const d = await departmentRepository.findById(db, actor.orgId, scope.departmentId);
      if (!d) throw AppError.at('scope.departmentId', 'round.department_not_found');
    }
    if (scope.type === 'manager') {
      const m = await peopleRepository.findById(db, actor.orgId, scope.managerId);
      if (!m?.active) throw AppError.at('scope.managerId', 'round.manager_not_found');
    }
  }

  /** Seed 004: only a development round puts a salary round first, and it must be one. */
  async function checkSalaryFirst(actor: Actor, input: RoundInput) {
    if (!input.salaryFirst) return;
    if (input.kind !== 'development')
      throw AppError.at('salaryFirst', 'round.salary_first_development_only');
    const salary = await repo.find(db, actor.orgId, input.salaryFirst.roundId);
    if (salary?.kind !== 'salary')
      throw AppError.at('salaryFirst.roundId', 'round.salary_round_not_found');
  }

  /**
   * Queues "a round has opened" in the round's own transaction, so the job exists exactly
   * when the round does; the worker writes the mails in batches (thousands of them would
   * make opening a round slow). Without a job queue (tests, the import command) the mails
   * are written right after the commit. Either way each person's mail has its dedupe key.
   */
  async function announceIn(tx: DbOrTx, round: RoundRow) {
    if (announce?.queue)
      await announce.queue.send(
        ROUND_OPENED_JOB,
        { orgId: round.orgId, roundId: round.id },
        { tx },
      );
  }
  async function announceAfter(round: RoundRow) {
    if (announce && !announce.queue) await announceRound(db, announce, round.orgId, round.id);
  }

  return {
    async open(actor: Actor, input: RoundInput) {
      manage(actor);
      const dateIssues = roundDateIssues(input);
      if (dateIssues.length) throw new AppError('validation', {}, dateIssues);
      const template = await templates.find(db, actor.orgId, input.templateId);
      if (!template) throw AppError.at('templateId', 'round.template_not_found');
      if (template.archivedAt) throw AppError.at('templateId', 'round.template_archived');
      await checkScope(actor, input.scope);
      await checkSalaryFirst(actor, input);
      const opened = await db.transaction(async (tx) => {
        // The round pins the template's current version: later edits never reach it.
        const version = await templates.latestVersion(tx, actor.orgId, template.id);
        if (!version) throw AppError.at('templateId', 'round.template_not_found');
        const round = await repo.insert(tx, {
          ...input,
          orgId: actor.orgId,
          templateVersionId: version.id,
          createdBy: actor.personId,
        });
        const created = await repo.createConversations(tx, round);
        if (created === 0) throw AppError.at('scope', 'round.nobody_included');
        const skipped = await repo.skipped(tx, round, SKIPPED_SHOWN);
        await recordAudit(tx, actor, {
          action: 'round.opened',
          subjectType: 'round',
          subjectId: round.id,
          details: { count: created },
        });
        await announceIn(tx, round);
        return { round, templateVersion: version.version, created, skipped };
      });
      await announceAfter(opened.round);
      return opened;
    },

    async list(actor: Actor, cursor?: string) {
      read(actor);
      const rows = await repo.list(db, actor.orgId, PAGE + 1, decodeCursor(cursor));
      const page = rows.slice(0, PAGE);
      const totals = await repo.totals(
        db,
        actor.orgId,
        page.map((r) => r.id),
      );
      return {
        items: page.map((round) => ({ round, counts: totals.get(round.id)! })),
        nextCursor: rows.length > PAGE ? encodeCursor(page[page.length - 1]!) : null,
      };
    },

    async get(actor: Actor, id: string) {
      read(actor);
      const round = await found(actor, id);
      const totals = await repo.totals(db, actor.orgId, [round.id]);
      const version = await templates.findVersion(db, actor.orgId, round.templateVersionId);
      const template = version && (await templates.find(db, actor.orgId, version.templateId));
      const salaryRound = round.salaryRoundId
        ? await repo.find(db, actor.orgId, round.salaryRoundId)
        : undefined;
      return {
        round,
        salaryRoundName: salaryRound?.name ?? null,
        counts: totals.get(round.id)!,
        template: template
          ? { id: template.id, name: template.name, version: version.version }
          : null,
      };
    },

    async progress(
      actor: Actor,
      id: string,
      by: 'department' | 'manager',
      page: { limit: number; offset: number },
    ) {
      read(actor);
      const round = await found(actor, id);
      return repo.progress(db, actor.orgId, round.id, by, page.limit, page.offset);
    },

    /** HR closes a round when it is done (reminders stop) or reopens it. */
    async setClosed(actor: Actor, id: string, closed: boolean) {
      manage(actor);
      await db.transaction(async (tx) => {
        const row = await repo.setClosed(tx, actor.orgId, id, closed);
        if (!row) throw new AppError('not_found');
        await recordAudit(tx, actor, {
          action: closed ? 'round.closed' : 'round.reopened',
          subjectType: 'round',
          subjectId: id,
        });
      });
      return this.get(actor, id);
    },

    /**
     * People who joined the round's group after it opened (new hires, someone who got a
     * manager) get their conversation too; those already in the round are left as they are.
     */
    async includeNewcomers(actor: Actor, id: string) {
      manage(actor);
      const round = await found(actor, id);
      if (round.closedAt) throw new AppError('round.closed');
      // Newcomers are told too; those told when it opened are not told again (dedupe keys).
      const result = await db.transaction(async (tx) => {
        const created = await repo.createConversations(tx, round);
        const skipped = await repo.skipped(tx, round, SKIPPED_SHOWN);
        if (created > 0) await announceIn(tx, round);
        return { created, skipped };
      });
      if (result.created > 0) await announceAfter(round);
      return result;
    },

    /** HR's "remind those behind now": one mail per behind manager, at most once a day. */
    async remindNow(actor: Actor, id: string, mail: { mailer: Mailer; publicUrl: string }) {
      manage(actor);
      const round = await found(actor, id);
      if (round.closedAt) throw new AppError('round.closed');
      return {
        mailed: await sendRoundRemindersNow(db, mail.mailer, mail.publicUrl, round, clock.now()),
      };
    },
  };
}
