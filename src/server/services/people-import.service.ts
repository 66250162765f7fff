import { randomUUID } from 'node:crypto';
import type { Db, DbOrTx } from '../../db/client';
import { AppError } from '../../domain/errors';
import {
  countBadLines,
  planImport,
  readImportFile,
  sortIssues,
  type CsvEncoding,
  type ImportCounts,
  type RowIssue,
} from '../../domain/people-import/index';
import type { RoleChanger } from '../../domain/role-changes';
import type { Actor } from '../../domain/roles';
import type { AccountMail } from '../mail/account.mail';
import { authorize } from '../policies/index';
import { auditRepository } from '../repositories/audit.repository';
import { endSeriesForChangedReportingLines } from './one-on-one.service';
import { organisationRepository } from '../repositories/organisation.repository';
import { peopleImportRepository as repo } from '../repositories/people-import.repository';
import { peopleRepository } from '../repositories/people.repository';
import { emailChanged } from './account-changes';
import { applyRoleChanges, roleChangeBy, type RoleChangeContext } from './role-changes';
import { systemClock, type Clock } from '../clock';

export type ImportResult = ImportCounts;

export type ImportProgress = {
  phase: 'reading' | 'checking' | 'writing';
  done: number;
  total: number;
};

export type ImportOptions = {
  /** Check and count, store nothing. */
  dryRun?: boolean;
  /** Called as the import goes; the CLI draws its progress display from it. */
  onProgress?: (progress: ImportProgress) => void;
};

/** `details` of an import.invalid error: every problem (untranslated) and the bad-line count. */
export type ImportInvalidDetails = { rows: RowIssue[]; count: number };

function invalid(issues: RowIssue[]): AppError {
  const count = countBadLines(issues);
  const details: ImportInvalidDetails = { rows: sortIssues(issues), count };
  return new AppError('import.invalid', { count }, [], details);
}

/**
 * HR's import of people from CSV. All or nothing: the file is read and checked in full against
 * the organisation (loaded once), and only a file without a single problem is written, in one
 * transaction with one audit event. Importing the same file again changes nothing.
 */
export function createPeopleImportService(
  db: Db,
  accountMail: AccountMail | null,
  clock: Clock = systemClock,
) {
  async function run(
    orgId: string,
    actor: Actor | null,
    bytes: Uint8Array,
    opts: ImportOptions & { source: 'api' | 'cli' },
  ): Promise<ImportResult & { encoding: CsvEncoding }> {
    const actorId = actor?.personId ?? null;
    const changer: RoleChanger = actor
      ? { kind: 'person', personId: actor.personId, roles: actor.roles }
      : { kind: 'system' };
    const roleContext: RoleChangeContext = actor
      ? roleChangeBy(actor, 'import', accountMail)
      : { orgId, changer, changerName: null, source: 'cli', accountMail };
    const progress = opts.onProgress ?? (() => undefined);
    const file = readImportFile(bytes);
    progress({ phase: 'reading', done: file.rows.length, total: file.rows.length });
    const org = await organisationRepository.findById(db, orgId);
    if (!org) throw new AppError('not_found');

    const work = async (tx: DbOrTx) => {
      // A preview takes no lock: it writes nothing, and may run beside an import.
      if (!opts.dryRun) await repo.lock(tx, orgId);
      const people = await repo.people(tx, orgId);
      const departments = await repo.departments(tx, orgId);
      progress({ phase: 'checking', done: 0, total: file.rows.length });
      const result = planImport(file, {
        people,
        departments,
        defaultTimeZone: org.defaultTimeZone,
        changer,
        newId: randomUUID,
      });
      if (!result.ok) throw invalid(result.issues);
      progress({ phase: 'checking', done: file.rows.length, total: file.rows.length });
      const { plan } = result;
      if (opts.dryRun) return plan.counts;

      // Progress counts people; the few departments go first.
      const total = plan.create.length + plan.update.length;
      progress({ phase: 'writing', done: 0, total });
      // People whose address changes, as they were: the old address is told (decision 016).
      const before = new Map(people.map((p) => [p.id, p]));
      const moved = await peopleRepository.findByIds(
        tx,
        orgId,
        plan.update.filter((v) => before.get(v.id)?.email !== v.email).map((v) => v.id),
      );
      await repo.insertDepartments(tx, orgId, plan.departments);
      await repo.releaseEmails(tx, orgId, plan.releaseEmails);
      await repo.insertPeople(tx, orgId, plan.create, (n) =>
        progress({ phase: 'writing', done: n, total }),
      );
      await repo.updatePeople(tx, orgId, plan.update, (n) =>
        progress({ phase: 'writing', done: plan.create.length + n, total }),
      );
      await applyRoleChanges(tx, roleContext, [
        ...plan.create.map((v) => ({ personId: v.id, before: [], after: v.roles })),
        ...plan.update.map((v) => ({
          personId: v.id,
          before: before.get(v.id)?.roles ?? [],
          after: v.roles,
        })),
      ]);
      const updated = new Map(plan.update.map((v) => [v.id, v]));
      for (const old of moved) {
        const email = updated.get(old.id)!.email;
        await emailChanged(tx, accountMail, old, email, actor, opts.source, clock.now());
      }
      // A new manager ends the running 1:1 series with the old one (as a manual edit does).
      await endSeriesForChangedReportingLines(
        tx,
        orgId,
        plan.update.map((p) => p.id),
        clock.now(),
      );
      // Nothing changed, nothing recorded: a repeated import leaves no trace.
      if (total + plan.departments.length > 0) {
        await auditRepository.record(tx, {
          orgId,
          actorId,
          action: 'people.imported',
          subjectType: 'organisation',
          subjectId: orgId,
          ip: actor?.ip ?? null,
          details: { ...plan.counts, source: opts.source, encoding: file.encoding },
        });
      }
      return plan.counts;
    };

    const counts = opts.dryRun ? await work(db) : await db.transaction(work);
    return { ...counts, encoding: file.encoding };
  }

  return {
    /** Checks a file and tells what importing it would do; stores nothing. */
    async preview(actor: Actor, bytes: Uint8Array) {
      authorize(actor, { do: 'people.import', orgId: actor.orgId });
      return run(actor.orgId, actor, bytes, { dryRun: true, source: 'api' });
    },

    /** Imports a file into the actor's organisation. */
    async apply(actor: Actor, bytes: Uint8Array) {
      authorize(actor, { do: 'people.import', orgId: actor.orgId });
      return run(actor.orgId, actor, bytes, { source: 'api' });
    },

    /**
     * The same import for a trusted caller with no signed-in person: the `samtal import` command,
     * run by whoever runs the server (like psql, it answers to no policy).
     */
    async importForOrg(orgId: string, bytes: Uint8Array, opts: ImportOptions = {}) {
      return run(orgId, null, bytes, { ...opts, source: 'cli' });
    },
  };
}
