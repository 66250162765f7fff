import fs from 'node:fs/promises';
import { openDatabase, type Database } from '../db/client';
import { AppError } from '../domain/errors';
import { describeIssues } from '../domain/people-import/index';
import { loadConfig } from '../server/config';
import { translator } from '../server/i18n';
import { createAccountMail } from '../server/mail/account.mail';
import { createMailer } from '../server/mail/mailer';
import { organisationRepository } from '../server/repositories/organisation.repository';
import {
  createPeopleImportService,
  type ImportInvalidDetails,
  type ImportProgress,
} from '../server/services/people-import.service';
import type { Command } from './commands';

/** Files with fewer rows import in a blink: no progress display for them. */
const PROGRESS_FROM_ROWS = 1000;
/** Problems printed before "…and N more". */
const ISSUES_PRINTED = 1000;

type Stream = { write(s: string): unknown; isTTY?: boolean };

export type ImportArgs = { file: string | undefined; org: string | undefined; dryRun: boolean };
export type ImportIo = {
  out: Stream;
  err: Stream;
  /** An open database to use (tests); otherwise the configured one is opened and closed. */
  database?: Database;
};

/**
 * Progress on stderr: one line rewritten in place on a terminal, plain lines (each phase, then
 * every 10 %) when stderr is a file or a CI log.
 */
function progressDisplay(err: Stream, format: (p: ImportProgress) => string) {
  let lastPhase = '';
  let lastStep = -1;
  let lastDraw = 0;
  let drawn = false;
  return {
    update(p: ImportProgress) {
      if (p.total < PROGRESS_FROM_ROWS) return;
      if (err.isTTY) {
        const now = Date.now();
        if (p.done < p.total && p.phase === lastPhase && now - lastDraw < 100) return;
        lastPhase = p.phase;
        lastDraw = now;
        drawn = true;
        err.write(`\r${format(p)}\x1b[K`);
        return;
      }
      const step = Math.floor((p.done / p.total) * 10);
      if (p.phase === lastPhase && step === lastStep) return;
      lastPhase = p.phase;
      lastStep = step;
      err.write(`${format(p)}\n`);
    },
    end() {
      if (drawn) err.write('\r\x1b[K');
      drawn = false;
    },
  };
}

/** Runs `samtal import`; returns the exit code (1 on any problem, with the reasons printed). */
export async function runImport(args: ImportArgs, io: ImportIo): Promise<number> {
  const t = await translator('en');
  if (!args.file) {
    io.err.write(`${t('import:cli.missing_file')}\n\n${importCommand.help}\n`);
    return 1;
  }
  if (!args.org) {
    io.err.write(`${t('import:cli.missing_org')}\n`);
    return 1;
  }
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(args.file);
  } catch (err) {
    io.err.write(`${t('import:cli.file_unreadable', { file: args.file })} (${String(err)})\n`);
    return 1;
  }

  const database = io.database ?? (await openDatabase(loadConfig()));
  const progress = progressDisplay(io.err, (p) => t('import:progress', { ...p }));
  try {
    const org = await organisationRepository.findBySlug(database.db, args.org);
    if (!org) {
      io.err.write(`${t('import:cli.org_not_found', { slug: args.org })}\n`);
      return 1;
    }
    // Mails the import causes (a granted right, a changed address) go to the outbox; a
    // running server delivers them (its sweep queues mails written without a job).
    const config = loadConfig();
    const accountMail = createAccountMail({
      mailer: createMailer({
        queue: null,
        transport: null,
        from: config.mailFrom,
        messageIdDomain: new URL(config.publicUrl).hostname,
      }),
      publicUrl: config.publicUrl,
    });
    const service = createPeopleImportService(database.db, accountMail);
    const result = await service.importForOrg(org.id, bytes, {
      dryRun: args.dryRun,
      onProgress: (p) => progress.update(p),
    });
    progress.end();
    if (result.encoding === 'windows-1252') io.out.write(`${t('import:summary.windows_1252')}\n`);
    io.out.write(`${t(args.dryRun ? 'import:summary.dry_run' : 'import:summary.applied')}\n`);
    io.out.write(`${t('import:summary.counts', { ...result })}\n`);
    return 0;
  } catch (err) {
    progress.end();
    if (!(err instanceof AppError)) throw err;
    io.err.write(`${t(`errors:${err.code}`, err.params)}\n`);
    if (err.code === 'import.invalid') {
      const { rows } = err.details as ImportInvalidDetails;
      for (const issue of describeIssues(rows.slice(0, ISSUES_PRINTED), t))
        io.err.write(`${t('import:cli.line', { line: issue.line, message: issue.message })}\n`);
      if (rows.length > ISSUES_PRINTED)
        io.err.write(`${t('import:cli.more', { count: rows.length - ISSUES_PRINTED })}\n`);
    }
    return 1;
  } finally {
    if (!io.database) await database.close();
  }
}

export const importCommand: Command = {
  summary: 'import people from a CSV file',
  help: `samtal import <file.csv> --org <slug> [--dry-run]

Imports people into the organisation with that slug, all or nothing: when any row has a
problem, every problem is printed with its line number and nothing is stored (exit code 1).
Importing the same file again changes nothing. Rows are matched to people already there by
employee number, then by e-mail. The file is UTF-8 or windows-1252, comma or semicolon
separated, as Excel saves it. Columns: employee_number, email, name, job_title, department,
manager, locale, time_zone, roles (Swedish, Danish and Norwegian names work too); see
docs/csv-import.md.

  --org <slug>   the organisation to import into
  --dry-run      check the file and print what would change, store nothing`,
  options: { org: { type: 'string' }, 'dry-run': { type: 'boolean' } },
  async run(values, positionals) {
    return runImport(
      {
        file: positionals[0],
        org: typeof values.org === 'string' ? values.org : undefined,
        dryRun: values['dry-run'] === true,
      },
      { out: process.stdout, err: process.stderr },
    );
  },
};
