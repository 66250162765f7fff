import type { Db, DbOrTx } from '../../db/client';
import { AppError } from '../../domain/errors';
import { signOffTransition, type SignOffStep } from '../../domain/development/sign-off';
import {
  applyCorrection,
  type Agreement,
  type Correction,
} from '../../domain/development/versions';
import { isLocale } from '../../i18n/index';
import type { Actor } from '../../domain/roles';
import { translator } from '../i18n';
import { renderAgreementPdf, type VersionInfo } from '../pdf/agreement-pdf';
import { conversationVersionRepository as repo } from '../repositories/conversation-version.repository';
import { developmentPlanRepository as plans } from '../repositories/development-plan.repository';
import { goalRepository as goals } from '../repositories/goal.repository';
import { conversationPair, loadConversationFor } from './goal-access';
import { systemClock, type Clock } from '../clock';

type ConversationWithPeople = NonNullable<Awaited<ReturnType<typeof repo.findConversation>>>;

/** Freezes what was agreed: section notes, judged and new goals, the plan and the actions. */
async function buildAgreement(
  db: DbOrTx,
  row: ConversationWithPeople,
  now: Date,
): Promise<Agreement> {
  const c = row.conversation;
  // One after the other: `db` is a transaction here, one connection running one query at a time.
  const template = await repo.templateContent(db, c.orgId, c.templateVersionId);
  const notes = c.meetingId ? await repo.sectionNotes(db, c.orgId, c.meetingId) : [];
  const lastPeriod = await goals.lastPeriod(db, c.orgId, conversationPair(c), c.id);
  const current = await goals.forConversation(db, c.orgId, c.id);
  const planItems = await plans.forConversation(db, c.orgId, c.id);
  const actions = c.meetingId ? await repo.meetingActions(db, c.orgId, c.meetingId) : [];
  // The agreement is the employee's document: organisation goals in the employee's language.
  const titles = await goals.organisationGoalTitles(
    db,
    c.orgId,
    [...new Set(current.flatMap((g) => g.organisationGoalId ?? []))],
    row.employeeLocale ?? row.orgLocale,
  );
  return {
    format: 1,
    conversationId: c.id,
    kind: c.kind,
    roundName: row.roundName,
    heldAt: (c.heldAt ?? now).toISOString(),
    employee: { id: c.employeeId, name: row.employeeName },
    manager: { id: c.managerId, name: row.managerName },
    sections: (template?.sections ?? []).map((s) => {
      const n = notes.find((x) => x.sectionKey === s.key);
      return { key: s.key, title: s.title, notes: n?.body ?? '', decision: n?.decision ?? '' };
    }),
    reviewedGoals: lastPeriod.map((g) => ({
      id: g.id,
      title: g.title,
      outcome: g.outcome,
      comment: g.outcomeComment,
    })),
    goals: current.map((g) => ({
      id: g.id,
      title: g.title,
      description: g.description,
      successMeasure: g.successMeasure,
      dueDate: g.dueDate,
      roleExpectation: g.roleExpectation,
      organisationGoal: g.organisationGoalId ? (titles.get(g.organisationGoalId) ?? null) : null,
    })),
    plan: planItems.map((p) => ({
      id: p.id,
      competence: p.competence,
      activity: p.activity,
      activityDetail: p.activityDetail,
      support: p.support,
      dueDate: p.dueDate,
    })),
    actions: actions.map((a) => ({
      id: a.id,
      title: a.title,
      ownerName: a.ownerName,
      dueDate: a.dueDate,
    })),
  };
}

function step(row: ConversationWithPeople, s: SignOffStep, role: 'manager' | 'employee') {
  const t = signOffTransition(row.conversation.status, s, role);
  if (!t.ok) throw new AppError(t.reason);
  return t.status;
}

/** Keeps the live goals and plan in step with a correction, so later 1:1s show it too. */
async function applyToLiveRows(db: DbOrTx, orgId: string, correction: Correction) {
  for (const g of correction.goals) {
    const { id, ...patch } = g;
    if (Object.keys(patch).length) await goals.update(db, orgId, id, patch);
  }
  for (const p of correction.plan) {
    const { id, ...patch } = p;
    if (Object.keys(patch).length) await plans.update(db, orgId, id, patch);
  }
  for (const r of correction.reviewedGoals)
    await goals.update(db, orgId, r.id, { outcome: r.outcome, outcomeComment: r.comment });
}

/** Closing, signing and correcting the agreement; reading its versions (decision 012). */
export function createSignOffService(db: Db, clock: Clock = systemClock) {
  return {
    /** The manager closes: the agreement becomes version 1 and everything turns read-only. */
    async close(actor: Actor, conversationId: string) {
      return db.transaction(async (tx) => {
        const row = await loadConversationFor(tx, actor, conversationId, 'agreement.close', {
          lock: true,
        });
        const status = step(row, 'close', 'manager');
        const now = clock.now();
        const agreement = await buildAgreement(tx, row, now);
        await repo.insertVersion(tx, {
          orgId: actor.orgId,
          conversationId,
          version: 1,
          content: agreement,
          createdBy: actor.personId,
          createdAt: now,
        });
        await repo.setStatus(tx, actor.orgId, conversationId, {
          status,
          closedAt: now,
          heldAt: row.conversation.heldAt ?? now,
        });
      });
    },

    /** The employee acknowledges the latest version, optionally saying what they disagree with. */
    async sign(actor: Actor, conversationId: string, comment: string | null) {
      return db.transaction(async (tx) => {
        const row = await loadConversationFor(tx, actor, conversationId, 'agreement.sign', {
          lock: true,
        });
        const status = step(row, 'sign', 'employee');
        const latest = await repo.findVersion(tx, actor.orgId, conversationId);
        if (!latest) throw new AppError('signOff.not_closed');
        const now = clock.now();
        await repo.acknowledge(tx, actor.orgId, conversationId, latest.version, {
          by: actor.personId,
          at: now,
          comment: comment?.trim() || null,
        });
        await repo.setStatus(tx, actor.orgId, conversationId, { status, signedAt: now });
      });
    },

    /** A later correction: a new version with who, when and what changed; old ones stay. */
    async correct(actor: Actor, conversationId: string, correction: Correction) {
      return db.transaction(async (tx) => {
        const row = await loadConversationFor(tx, actor, conversationId, 'agreement.correct', {
          lock: true,
        });
        step(row, 'correct', 'manager');
        const latest = await repo.findVersion(tx, actor.orgId, conversationId);
        if (!latest) throw new AppError('signOff.not_yet_closed');
        const result = applyCorrection(latest.content, correction);
        if (!result.ok) throw new AppError(result.reason, result.path ? { path: result.path } : {});
        await applyToLiveRows(tx, actor.orgId, correction);
        return repo.insertVersion(tx, {
          orgId: actor.orgId,
          conversationId,
          version: latest.version + 1,
          content: result.agreement,
          summary: correction.summary,
          changes: result.changes,
          createdBy: actor.personId,
        });
      });
    },

    /** Status and every version's who/when/what, for the pair. */
    async overview(actor: Actor, conversationId: string) {
      const row = await loadConversationFor(db, actor, conversationId, 'agreement.read');
      const versions = await repo.versions(db, actor.orgId, conversationId);
      return { conversation: row.conversation, versions };
    },

    /** One version (the latest when none is given) with what the PDF needs about the reader. */
    async version(actor: Actor, conversationId: string, version?: number) {
      const row = await loadConversationFor(db, actor, conversationId, 'agreement.read');
      const v = await repo.findVersion(db, actor.orgId, conversationId, version);
      if (!v) throw new AppError('not_found');
      const history = await repo.versions(db, actor.orgId, conversationId);
      return { row, version: v, history };
    },

    /** The agreement as PDF in the employee's language, dates in the employee's zone. */
    async pdf(actor: Actor, conversationId: string, version?: number) {
      const { row, version: v, history } = await this.version(actor, conversationId, version);
      const wanted = row.employeeLocale ?? row.orgLocale;
      const locale = isLocale(wanted) ? wanted : 'en';
      const info = (x: typeof v, name: string): VersionInfo => ({
        version: x.version,
        createdAt: x.createdAt,
        createdByName: name,
        summary: x.summary,
        acknowledgedAt: x.acknowledgedAt,
        acknowledgedByName: x.acknowledgedAt ? row.employeeName : null,
        acknowledgementComment: x.acknowledgementComment,
      });
      const byName = new Map(history.map((h) => [h.version.version, h.createdByName]));
      const pdf = await renderAgreementPdf(
        v.content,
        info(v, byName.get(v.version) ?? ''),
        history.map((h) => info(h.version, h.createdByName)),
        { t: await translator(locale), locale, timeZone: row.employeeTimeZone },
      );
      const day = (row.conversation.closedAt ?? v.createdAt).toISOString().slice(0, 10);
      return { pdf, fileName: `agreement-${day}-v${v.version}.pdf` };
    },
  };
}
