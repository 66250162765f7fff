import { strToU8, zipSync } from 'fflate';
import type { Db, Tx } from '../../db/client';
import { AppError } from '../../domain/errors';
import {
  countryOfLocale,
  cutoff,
  defaultRetention,
  effectiveRetention,
  RETENTION_DEFAULTS,
  retentionCutoffs,
  type Retention,
  type RetentionDays,
  type RetentionKind,
} from '../../domain/privacy/retention';
import { groupPreview } from '../../domain/privacy/erasure-preview';
import type { Actor } from '../../domain/roles';
import { isLocale, type Locale } from '../../i18n/index';
import { translator } from '../i18n';
import { escapeHtml, renderMail } from '../mail/layout';
import type { Mailer } from '../mail/mailer';
import { authorize } from '../policies/index';
import { auditRepository } from '../repositories/audit.repository';
import { erasePersonRows, erasurePreviewCounts } from '../repositories/erasure.repository';
import { organisationRepository } from '../repositories/organisation.repository';
import { peopleRepository } from '../repositories/people.repository';
import {
  exportSections,
  privacyRepository,
  type MeetingContentKind,
  type MeetingCursor,
} from '../repositories/privacy.repository';
import { recordAudit } from './audit.service';

/** The JSON files of an export, in the order the README lists them. */
export const EXPORT_FILES = [
  'profile',
  'oneOnOneSeries',
  'meetings',
  'agendaPoints',
  'sharedNotes',
  'actions',
  'minutes',
  'privateNotes',
  'reflections',
  'remindersToAsk',
  'checkIns',
  'conversations',
  'preparations',
  'agreements',
  'goals',
  'developmentPlans',
  'progressNotes',
  'salaryOutcomes',
  'mails',
  'auditEvents',
  'notificationSettings',
] as const;

async function orgLocale(db: Db, orgId: string): Promise<Locale> {
  const org = await organisationRepository.findById(db, orgId);
  return isLocale(org?.defaultLocale) ? org.defaultLocale : 'sv';
}

/** "Former employee" in the organisation's language: what an erased person is shown as. */
export async function formerEmployeeLabel(db: Db, orgId: string): Promise<string> {
  return (await translator(await orgLocale(db, orgId)))('privacy:formerEmployee');
}

/**
 * Erases one deactivated person in one transaction (decision 024). `by` is the admin, or null
 * for the retention job (then the audit entry has no actor).
 */
export async function erasePerson(
  db: Db,
  orgId: string,
  personId: string,
  by: Actor | null,
  now = new Date(),
) {
  const label = await formerEmployeeLabel(db, orgId);
  return db.transaction(async (tx) => {
    const person = await peopleRepository.findById(tx, orgId, personId);
    if (!person) throw new AppError('not_found');
    if (person.erasedAt) throw new AppError('privacy.already_erased');
    if (person.active) throw new AppError('privacy.still_active');
    const counts = await erasePersonRows(tx, person, label, now);
    const entry = {
      action: 'person.erased' as const,
      subjectType: 'person',
      subjectId: personId,
      details: { ...counts, how: by ? 'admin' : 'retention' },
    };
    if (by) await recordAudit(tx, by, entry);
    else await auditRepository.record(tx, { orgId, actorId: null, ip: null, ...entry });
    return counts;
  });
}

type MeetingPass = { cleared: number; scanned: number; last: MeetingCursor | null };

/**
 * The retention job (decision 024): for every organisation, erases people deactivated longer
 * than its period and clears each kind of data older than that kind's period, in batches of
 * `batch` (each batch its own transaction, so the application is never blocked for long).
 * Records per organisation how much of each kind went (audit, no content).
 */
export async function applyRetention(
  db: Db,
  opts: { now?: Date; batch?: number; maxBatches?: number } = {},
) {
  const now = opts.now ?? new Date();
  const batch = opts.batch ?? 100;
  const maxBatches = opts.maxBatches ?? 1000;
  const totals: RetentionCounts = { erased: 0, ...zeroKinds() };
  for (const org of await privacyRepository.organisations(db)) {
    const r =
      (await privacyRepository.retention(db, org.id)) ??
      defaultRetention(countryOfLocale(org.default_locale));
    const cut = retentionCutoffs(now, r);
    let erased = 0;
    for (let i = 0; i < maxBatches; i++) {
      const due = await privacyRepository.dueLeavers(
        db,
        org.id,
        cutoff(now, r.leaversAfterDays),
        batch,
      );
      for (const id of due) {
        await erasePerson(db, org.id, id, null, now);
        erased++;
      }
      if (due.length < batch) break;
    }
    const counts: RetentionCounts = { erased, ...zeroKinds() };
    const inBatches = async (kind: RetentionKind, step: (tx: Tx) => Promise<number>) => {
      for (let i = 0; i < maxBatches; i++) {
        const n = await db.transaction(step);
        counts[kind] += n;
        if (n < batch) break;
      }
    };
    // Meetings are walked once per run in start order (keyset), however many years are due:
    // the pass is linear, and a later run starts over cheaply on rows already emptied.
    const inMeetings = async (kind: MeetingContentKind) => {
      let after: MeetingCursor | null = null;
      for (;;) {
        const pass: MeetingPass = await db.transaction((tx) =>
          privacyRepository.clearMeetingContent(tx, org.id, kind, cut[kind], batch, after),
        );
        counts[kind] += pass.cleared;
        if (pass.scanned < batch || !pass.last) break;
        after = pass.last;
      }
    };
    await inMeetings('notes');
    await inBatches('checkIns', (tx) =>
      privacyRepository.blankCheckInComments(tx, org.id, cut.checkIns, batch),
    );
    await inBatches('development', (tx) =>
      privacyRepository.clearDevelopment(tx, org.id, cut.development, batch),
    );
    await inBatches('salary', (tx) =>
      privacyRepository.deleteSalaryOutcomes(tx, org.id, cut.salary, batch),
    );
    await inMeetings('private');
    for (let i = 0; i < maxBatches; i++) {
      const n = await auditRepository.deleteOrgOlderThan(db, org.id, cut.audit, batch);
      counts.audit += n;
      if (n < batch) break;
    }
    if (Object.values(counts).some((n) => n > 0)) {
      await auditRepository.record(db, {
        orgId: org.id,
        actorId: null,
        ip: null,
        action: 'retention.applied',
        subjectType: 'organisation',
        subjectId: org.id,
        details: { ...counts },
      });
    }
    for (const k of Object.keys(totals) as (keyof RetentionCounts)[]) totals[k] += counts[k];
  }
  return totals;
}

/** How many people were erased and, per kind, how many meetings/conversations/entries cleared. */
export type RetentionCounts = { erased: number } & Record<RetentionKind, number>;
const zeroKinds = (): Record<RetentionKind, number> => ({
  notes: 0,
  checkIns: 0,
  development: 0,
  salary: 0,
  private: 0,
  audit: 0,
});

/** Access, export, erasure and retention settings (decision 024). */
export function createPrivacyService(db: Db, deps: { mailer: Mailer; publicUrl: string }) {
  async function localeOf(orgId: string, own: string | null): Promise<Locale> {
    return isLocale(own) ? own : orgLocale(db, orgId);
  }

  return {
    /**
     * The signed-in person's own data as a ZIP of JSON files and a README in their language.
     * Only ever for the actor themself: nobody else can fetch a person's export.
     */
    async exportOwn(actor: Actor, now = new Date()): Promise<Uint8Array> {
      const person = await peopleRepository.findById(db, actor.orgId, actor.personId);
      if (!person) throw new AppError('not_found');
      const sections = await exportSections(db, actor.orgId, actor.personId);
      const locale = await localeOf(actor.orgId, person.locale);
      const t = await translator(locale);
      const title = t('privacy:export.title');
      const generated = t('privacy:export.generated', {
        when: now.toISOString().slice(0, 10),
        name: person.name,
      });
      const lines = EXPORT_FILES.map((f) => ({
        file: `${f}.json`,
        what: t(`privacy:export.files.${f}`),
        rows: sections[f]?.length ?? 0,
      }));
      const readme = [
        title,
        '',
        generated,
        '',
        t('privacy:export.intro'),
        '',
        ...lines.map((l) => `- ${l.file}: ${l.what} (${l.rows})`),
        '',
        t('privacy:export.notIncluded'),
        t('privacy:export.sealedIncluded'),
        '',
      ].join('\n');
      // The same summary as a page anyone can open in a browser.
      const html = `<!doctype html><html lang="${locale}"><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<body style="font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;line-height:1.5">
<h1>${escapeHtml(title)}</h1><p>${escapeHtml(generated)}</p><p>${escapeHtml(t('privacy:export.intro'))}</p>
<ul>${lines.map((l) => `<li><code>${l.file}</code>: ${escapeHtml(l.what)} (${l.rows})</li>`).join('')}</ul>
<p><strong>${escapeHtml(t('privacy:export.notIncluded'))}</strong></p>
<p>${escapeHtml(t('privacy:export.sealedIncluded'))}</p></body></html>
`;
      const files: Record<string, Uint8Array> = {
        'README.txt': strToU8(readme),
        'README.html': strToU8(html),
      };
      for (const f of EXPORT_FILES) {
        files[`${f}.json`] = strToU8(JSON.stringify(sections[f] ?? [], null, 2));
      }
      const zip = zipSync(files, { level: 6, mtime: now });
      const rows = Object.values(sections).reduce((n, s) => n + s.length, 0);
      await db.transaction(async (tx) => {
        await privacyRepository.fulfilAccessRequests(tx, actor.orgId, actor.personId, now);
        await recordAudit(tx, actor, {
          action: 'export.personal_data',
          subjectType: 'person',
          subjectId: actor.personId,
          details: { format: 'zip', rows },
        });
      });
      return zip;
    },

    /**
     * HR answers a subject access request as an envelope: the person is mailed how to
     * download their data; HR gets the request's id and dates, never the content.
     */
    async requestAccess(actor: Actor, personId: string, now = new Date()) {
      authorize(actor, { do: 'person.manage', orgId: actor.orgId });
      return db.transaction(async (tx) => {
        const person = await peopleRepository.findById(tx, actor.orgId, personId);
        if (!person || person.erasedAt) throw new AppError('not_found');
        const request = await privacyRepository.createAccessRequest(
          tx,
          actor.orgId,
          personId,
          actor.personId,
          now,
        );
        const locale = await localeOf(actor.orgId, person.locale);
        const t = await translator(locale);
        const content = renderMail(
          {
            subject: t('privacy:mail.subject'),
            heading: t('privacy:mail.heading'),
            paragraphs: [t('privacy:mail.intro')],
            action: { label: t('privacy:mail.action'), url: `${deps.publicUrl}/settings` },
            footer: t('account:footer'),
          },
          locale,
        );
        await deps.mailer.enqueue(tx, {
          orgId: actor.orgId,
          recipientId: personId,
          toAddress: null,
          kind: 'privacy.access_request',
          locale,
          dedupeKey: `privacy.access_request:${request.id}`,
          subject: content.subject,
          text: content.text,
          html: content.html,
        });
        await recordAudit(tx, actor, {
          action: 'privacy.access_requested',
          subjectType: 'person',
          subjectId: personId,
        });
        return { id: request.id, createdAt: request.createdAt, fulfilledAt: request.fulfilledAt };
      });
    },

    /** The envelopes of a person's access requests (HR): when asked, when downloaded. */
    async accessRequests(actor: Actor, personId: string) {
      authorize(actor, { do: 'person.manage', orgId: actor.orgId });
      const rows = await privacyRepository.accessRequestsOf(db, actor.orgId, personId);
      return rows.map((r) => ({ id: r.id, createdAt: r.createdAt, fulfilledAt: r.fulfilledAt }));
    },

    /**
     * What erasing the person would delete and keep, in counts only (decision 024); the same
     * authorization and refusals as erasing.
     */
    async erasurePreview(actor: Actor, personId: string) {
      authorize(actor, { do: 'person.erase', orgId: actor.orgId });
      const person = await peopleRepository.findById(db, actor.orgId, personId);
      if (!person) throw new AppError('not_found');
      if (person.erasedAt) throw new AppError('privacy.already_erased');
      if (person.active) throw new AppError('privacy.still_active');
      const counts = await erasurePreviewCounts(db, person);
      return groupPreview(counts.gone, counts.kept);
    },

    /** Erases a deactivated person; the admin confirms by typing the name. */
    async erase(actor: Actor, personId: string, confirmName: string, now = new Date()) {
      authorize(actor, { do: 'person.erase', orgId: actor.orgId });
      const person = await peopleRepository.findById(db, actor.orgId, personId);
      if (!person) throw new AppError('not_found');
      if (person.erasedAt) throw new AppError('privacy.already_erased');
      if (confirmName.trim() !== person.name.trim()) throw new AppError('privacy.confirm_mismatch');
      return erasePerson(db, actor.orgId, personId, actor, now);
    },

    /**
     * The organisation's retention (a kind left null follows the country), or its country's
     * defaults when never set; with the country defaults and the days in force beside it.
     */
    async retention(actor: Actor) {
      authorize(actor, { do: 'org.manage', orgId: actor.orgId });
      const saved = await privacyRepository.retention(db, actor.orgId);
      const r = saved ?? defaultRetention(countryOfLocale(await orgLocale(db, actor.orgId)));
      return withDefaults(r, !saved);
    },

    async saveRetention(actor: Actor, r: Retention, now = new Date()) {
      authorize(actor, { do: 'org.manage', orgId: actor.orgId });
      await db.transaction(async (tx) => {
        await privacyRepository.saveRetention(tx, actor.orgId, r, actor.personId, now);
        await recordAudit(tx, actor, {
          action: 'retention.updated',
          subjectType: 'organisation',
          subjectId: actor.orgId,
          details: { ...r },
        });
      });
      return withDefaults(r, false);
    },
  };
}

function withDefaults(
  r: Retention,
  isDefault: boolean,
): Retention & { isDefault: boolean; defaults: RetentionDays; effective: RetentionDays } {
  return {
    ...r,
    isDefault,
    defaults: RETENTION_DEFAULTS[r.country],
    effective: effectiveRetention(r),
  };
}

export type PrivacyService = ReturnType<typeof createPrivacyService>;
