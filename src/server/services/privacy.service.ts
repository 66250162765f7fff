import { randomUUID } from 'node:crypto';
import { strToU8, zipSync } from 'fflate';
import type { Db, DbOrTx, Tx } from '../../db/client';
import { AppError, type ErrorCode } from '../../domain/errors';
import {
  EXPORT_LINK_DAYS,
  EXPORT_LINK_FAILURES_PER_HOUR,
  exportLinkExpiry,
  exportLinkState,
  maskAddress,
} from '../../domain/privacy/export-link';
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
import { peopleRepository, type PersonRow } from '../repositories/people.repository';
import {
  exportSections,
  privacyRepository,
  type MeetingContentKind,
  type RetentionCursor,
  type RetentionPass,
} from '../repositories/privacy.repository';
import { sessionRepository } from '../repositories/session.repository';
import { READ_NOTIFICATION_RETENTION_DAYS } from '../../domain/notifications';
import { notificationRepository } from '../repositories/notification.repository';
import { recordAudit } from './audit.service';
import { newSecret, normaliseEmail, sha256 } from './auth.service';
import { systemClock, type Clock } from '../clock';

/** The JSON files of an export, in the order the README lists them. */
const EXPORT_FILES = [
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
  'motivation',
  'conversations',
  'preparations',
  'agreements',
  'goals',
  'developmentPlans',
  'goalSteps',
  'progressNotes',
  'salaryOutcomes',
  'mails',
  'auditEvents',
  'notificationSettings',
  'notifications',
] as const;

async function orgLocale(db: Db, orgId: string): Promise<Locale> {
  const org = await organisationRepository.findById(db, orgId);
  return isLocale(org?.defaultLocale) ? org.defaultLocale : 'sv';
}

/** "Former employee" in the organisation's language: what an erased person is shown as. */
async function formerEmployeeLabel(db: Db, orgId: string): Promise<string> {
  return (await translator(await orgLocale(db, orgId)))('privacy:formerEmployee');
}

/**
 * Erases one deactivated person in one transaction (decision 024). `by` is HR or an admin, or null
 * for the retention job (then the audit entry has no actor).
 */
export async function erasePerson(
  db: Db,
  orgId: string,
  personId: string,
  by: Actor | null,
  now: Date,
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
      details: { ...counts, how: by ? 'by_hand' : 'retention' },
    };
    if (by) await recordAudit(tx, by, entry);
    else await auditRepository.record(tx, { orgId, actorId: null, ip: null, ...entry });
    return counts;
  });
}

/**
 * A person's export as a ZIP of JSON files and a README (text and HTML) in `locale`: the same
 * for "My data" and a leaver's mailed link; `sealed` names the sentence about their sealed
 * notes (opened later in their browser, or staying sealed for a leaver).
 */
async function buildExport(
  db: DbOrTx,
  person: PersonRow,
  locale: Locale,
  sealed: 'sealedIncluded' | 'sealedByLink',
  now: Date,
): Promise<{ zip: Uint8Array; rows: number }> {
  const sections = await exportSections(db, person.orgId, person.id);
  const t = await translator(locale);
  const title = t('privacy:export.title');
  const generated = t('privacy:export.generated', {
    when: now.toISOString().slice(0, 10),
    name: person.name,
  });
  const sealedText = t(`privacy:export.${sealed}`);
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
    sealedText,
    '',
  ].join('\n');
  // The same summary as a page anyone can open in a browser.
  const html = `<!doctype html><html lang="${locale}"><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<body style="font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;line-height:1.5">
<h1>${escapeHtml(title)}</h1><p>${escapeHtml(generated)}</p><p>${escapeHtml(t('privacy:export.intro'))}</p>
<ul>${lines.map((l) => `<li><code>${l.file}</code>: ${escapeHtml(l.what)} (${l.rows})</li>`).join('')}</ul>
<p><strong>${escapeHtml(t('privacy:export.notIncluded'))}</strong></p>
<p>${escapeHtml(sealedText)}</p></body></html>
`;
  const files: Record<string, Uint8Array> = {
    'README.txt': strToU8(readme),
    'README.html': strToU8(html),
  };
  for (const f of EXPORT_FILES) {
    files[`${f}.json`] = strToU8(JSON.stringify(sections[f] ?? [], null, 2));
  }
  const zip = zipSync(files, { level: 6, mtime: now });
  const rows = Object.values(sections).reduce((n, sec) => n + sec.length, 0);
  return { zip, rows };
}

/** One step of a retention run for one organisation, for timing (bench:retention). */
export type RetentionStep = {
  orgId: string;
  step: 'leavers' | RetentionKind;
  /** People erased, or meetings/check-ins/conversations/entries cleared. */
  cleared: number;
  /** Transactions (batches) the step took. */
  batches: number;
  seconds: number;
};

/**
 * The retention job (decision 024): for every organisation, erases people deactivated longer
 * than its period and clears each kind of data older than that kind's period, in batches of
 * `batch` (each batch its own transaction, so the application is never blocked for long).
 * Records per organisation how much of each kind went (audit, no content). `onStep` hears
 * how long each step took.
 */
export async function applyRetention(
  db: Db,
  opts: {
    now?: Date;
    batch?: number;
    maxBatches?: number;
    onStep?: (step: RetentionStep) => void;
  } = {},
) {
  const now = opts.now ?? systemClock.now();
  const batch = opts.batch ?? 100;
  const maxBatches = opts.maxBatches ?? 1000;
  const totals: RetentionCounts = { erased: 0, ...zeroKinds() };
  for (const org of await privacyRepository.organisations(db)) {
    const r =
      (await privacyRepository.retention(db, org.id)) ??
      defaultRetention(countryOfLocale(org.default_locale));
    const cut = retentionCutoffs(now, r);
    const counts: RetentionCounts = { erased: 0, ...zeroKinds() };
    const timed = async (step: RetentionStep['step'], run: () => Promise<number>) => {
      const started = performance.now();
      const batches = await run();
      const cleared = step === 'leavers' ? counts.erased : counts[step];
      const seconds = (performance.now() - started) / 1000;
      opts.onStep?.({ orgId: org.id, step, cleared, batches, seconds });
    };
    await timed('leavers', async () => {
      for (let i = 0; i < maxBatches; i++) {
        const due = await privacyRepository.dueLeavers(
          db,
          org.id,
          cutoff(now, r.leaversAfterDays),
          batch,
        );
        for (const id of due) {
          await erasePerson(db, org.id, id, null, now);
          counts.erased++;
        }
        if (due.length < batch) return i + 1;
      }
      return maxBatches;
    });
    // Kinds whose rows are deleted: each batch takes the oldest due rows that are left.
    const inBatches = (kind: RetentionKind, step: (tx: Tx) => Promise<number>) =>
      timed(kind, async () => {
        for (let i = 0; i < maxBatches; i++) {
          const n = await db.transaction(step);
          counts[kind] += n;
          if (n < batch) return i + 1;
        }
        return maxBatches;
      });
    // Kinds that are emptied in place are walked once per run in date order (keyset), however
    // many years are due: the pass is linear, never a rescan of what earlier batches emptied.
    type Walk = (tx: Tx, after: RetentionCursor | null) => Promise<RetentionPass>;
    const walk = (kind: RetentionKind, step: Walk) =>
      timed(kind, async () => {
        let after: RetentionCursor | null = null;
        for (let batches = 1; ; batches++) {
          const pass: RetentionPass = await db.transaction((tx) => step(tx, after));
          counts[kind] += pass.cleared;
          if (pass.scanned < batch || !pass.last) return batches;
          after = pass.last;
        }
      });
    const inMeetings = (kind: MeetingContentKind) =>
      walk(kind, (tx, after) =>
        privacyRepository.clearMeetingContent(tx, org.id, kind, cut[kind], batch, after),
      );
    await inMeetings('notes');
    await walk('checkIns', (tx, after) =>
      privacyRepository.blankCheckInComments(tx, org.id, cut.checkIns, batch, after),
    );
    await walk('development', (tx, after) =>
      privacyRepository.clearDevelopment(tx, org.id, cut.development, batch, after),
    );
    await inBatches('salary', (tx) =>
      privacyRepository.deleteSalaryOutcomes(tx, org.id, cut.salary, batch),
    );
    await inMeetings('private');
    await timed('audit', async () => {
      for (let i = 0; i < maxBatches; i++) {
        const n = await auditRepository.deleteOrgOlderThan(db, org.id, cut.audit, batch);
        counts.audit += n;
        if (n < batch) return i + 1;
      }
      return maxBatches;
    });
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
  await clearReadNotifications(db, now, batch, maxBatches);
  return totals;
}

/**
 * Read notifications go after READ_NOTIFICATION_RETENTION_DAYS (issue #15): they hold no
 * content, only that something happened; unread ones stay until read. Returns how many went.
 */
export async function clearReadNotifications(
  db: Db,
  now: Date,
  batch = 1000,
  maxBatches = 1000,
): Promise<number> {
  const before = new Date(now.getTime() - READ_NOTIFICATION_RETENTION_DAYS * 86_400_000);
  let cleared = 0;
  for (let i = 0; i < maxBatches; i++) {
    const n = await notificationRepository.deleteReadBefore(db, before, batch);
    cleared += n;
    if (n < batch) break;
  }
  return cleared;
}

/** How many people were erased and, per kind, how many meetings/conversations/entries cleared. */
type RetentionCounts = { erased: number } & Record<RetentionKind, number>;
const zeroKinds = (): Record<RetentionKind, number> => ({
  notes: 0,
  checkIns: 0,
  development: 0,
  salary: 0,
  private: 0,
  audit: 0,
});

/** Access, export, erasure and retention settings (decision 024). */
export function createPrivacyService(
  db: Db,
  deps: { mailer: Mailer; publicUrl: string },
  clock: Clock = systemClock,
) {
  async function localeOf(orgId: string, own: string | null): Promise<Locale> {
    return isLocale(own) ? own : orgLocale(db, orgId);
  }

  return {
    /**
     * The signed-in person's own data as a ZIP of JSON files and a README in their language.
     * Only ever for the actor themself: nobody else can fetch a person's export.
     */
    async exportOwn(actor: Actor, now = clock.now()): Promise<Uint8Array> {
      const person = await peopleRepository.findById(db, actor.orgId, actor.personId);
      if (!person) throw new AppError('not_found');
      const locale = await localeOf(actor.orgId, person.locale);
      return db.transaction(async (tx) => {
        const { zip, rows } = await buildExport(tx, person, locale, 'sealedIncluded', now);
        await privacyRepository.fulfilAccessRequests(tx, actor.orgId, actor.personId, now);
        await recordAudit(tx, actor, {
          action: 'export.personal_data',
          subjectType: 'person',
          subjectId: actor.personId,
          details: { format: 'zip', rows },
        });
        return zip;
      });
    },

    /**
     * HR answers a subject access request as an envelope: the person is mailed how to
     * download their data; HR gets the request's id and dates, never the content.
     */
    async requestAccess(actor: Actor, personId: string, now = clock.now()) {
      authorize(actor, { do: 'person.manage', orgId: actor.orgId });
      return db.transaction(async (tx) => {
        const person = await peopleRepository.findById(tx, actor.orgId, personId);
        if (!person || person.erasedAt) throw new AppError('not_found');
        // A leaver cannot sign in to fetch it: they get a mailed link instead (sendExportLink).
        if (!person.active) throw new AppError('privacy.use_export_link');
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
          notification: { kind: 'privacy.access_request' },
        });
        await recordAudit(tx, actor, {
          action: 'privacy.access_requested',
          subjectType: 'person',
          subjectId: personId,
        });
        return presentRequest(request, now);
      });
    },

    /**
     * A subject access request for a leaver, who can no longer sign in (decision 024): Samtal
     * mails a one-time link (7 days) to the address they gave, in their language. Never to an
     * address of anyone in the organisation, so it cannot reach HR or a colleague; HR gets the
     * envelope with the address masked, never the link or the data.
     */
    async sendExportLink(actor: Actor, personId: string, email: string, now = clock.now()) {
      authorize(actor, { do: 'person.manage', orgId: actor.orgId });
      const address = normaliseEmail(email);
      return db.transaction(async (tx) => {
        const person = await peopleRepository.findById(tx, actor.orgId, personId);
        if (!person || person.erasedAt) throw new AppError('not_found');
        if (person.active) throw new AppError('privacy.export_link_active');
        if (await peopleRepository.addressInOrganisation(tx, actor.orgId, address))
          throw AppError.at('email', 'privacy.address_in_organisation');
        // One live link per person: a new one (a corrected address, say) ends the older ones.
        await privacyRepository.endLiveLinks(tx, actor.orgId, personId, now);
        const { token, hash } = newSecret();
        const sentTo = maskAddress(address);
        const request = await privacyRepository.createAccessRequest(
          tx,
          actor.orgId,
          personId,
          actor.personId,
          now,
          { sentTo, tokenHash: hash, expiresAt: exportLinkExpiry(now) },
        );
        const locale = await localeOf(actor.orgId, person.locale);
        const t = await translator(locale);
        const content = renderMail(
          {
            subject: t('privacy:linkMail.subject'),
            heading: t('privacy:linkMail.heading'),
            paragraphs: [
              t('privacy:linkMail.intro'),
              t('privacy:linkMail.expires', { days: EXPORT_LINK_DAYS }),
              t('privacy:linkMail.notYou'),
            ],
            action: {
              label: t('privacy:linkMail.action'),
              // The secret after "#" never reaches a server log or a mail scanner's request.
              url: `${deps.publicUrl}/download-my-data?lang=${locale}#${token}`,
            },
            footer: t('account:footer'),
          },
          locale,
        );
        await deps.mailer.enqueue(tx, {
          orgId: actor.orgId,
          recipientId: personId,
          toAddress: address,
          kind: 'privacy.export_link',
          locale,
          dedupeKey: `privacy.export_link:${request.id}`,
          subject: content.subject,
          text: content.text,
          html: content.html,
        });
        await recordAudit(tx, actor, {
          action: 'privacy.export_link_sent',
          subjectType: 'person',
          subjectId: personId,
          details: { to: sentTo, expiresAt: request.expiresAt?.toISOString() ?? null },
        });
        return presentRequest(request, now);
      });
    },

    /**
     * Opens a leaver's mailed link (no session): the same ZIP "My data" gives, once. Unknown
     * links are not found; used or expired ones are gone (410). Failed openings count against
     * the network address, as "forgot password" does (429 after too many in an hour).
     */
    async downloadWithLink(token: string, ip: string, now = clock.now()): Promise<Uint8Array> {
      const key = `export-link-ip:${ip}`;
      const since = new Date(now.getTime() - 3_600_000);
      if ((await sessionRepository.countFailures(db, key, since)) >= EXPORT_LINK_FAILURES_PER_HOUR)
        throw new AppError('privacy.link_limited', { retryAfter: 3600 });
      const refuse = async (code: ErrorCode): Promise<never> => {
        await sessionRepository.recordAttempt(db, [key], randomUUID(), now);
        throw new AppError(code);
      };
      const request = await privacyRepository.findByTokenHash(db, sha256(token));
      if (!request) return refuse('privacy.link_invalid');
      if (request.fulfilledAt) return refuse('privacy.link_used');
      if (!request.expiresAt || request.expiresAt.getTime() <= now.getTime())
        return refuse('privacy.link_expired');
      const person = await peopleRepository.findById(db, request.orgId, request.personId);
      if (!person || person.erasedAt) return refuse('privacy.link_invalid');
      const locale = await localeOf(person.orgId, person.locale);
      const made = await db.transaction(async (tx) => {
        // Spent in the same transaction that reads the data: two openings cannot both succeed.
        if (!(await privacyRepository.spendLink(tx, request.orgId, request.id, now))) return null;
        const { zip, rows } = await buildExport(tx, person, locale, 'sealedByLink', now);
        await auditRepository.record(tx, {
          orgId: person.orgId,
          actorId: null,
          ip,
          action: 'privacy.export_link_used',
          subjectType: 'person',
          subjectId: person.id,
          details: { to: request.sentTo, format: 'zip', rows },
        });
        return zip;
      });
      return made ?? refuse('privacy.link_used');
    },

    /**
     * The envelopes of a person's access requests (HR): when asked, when downloaded, and for a
     * mailed link the masked address and until when it works. Never a link or any content.
     */
    async accessRequests(actor: Actor, personId: string, now = clock.now()) {
      authorize(actor, { do: 'person.manage', orgId: actor.orgId });
      const rows = await privacyRepository.accessRequestsOf(db, actor.orgId, personId);
      return rows.map((r) => presentRequest(r, now));
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

    /** Erases a deactivated person (HR or an admin); they confirm by typing the name. */
    async erase(actor: Actor, personId: string, confirmName: string, now = clock.now()) {
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

    async saveRetention(actor: Actor, r: Retention, now = clock.now()) {
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

/** An access request as HR sees it: the envelope, never the link's secret or its hash. */
function presentRequest(
  r: {
    id: string;
    createdAt: Date;
    fulfilledAt: Date | null;
    sentTo: string | null;
    expiresAt: Date | null;
  },
  now: Date,
) {
  return {
    id: r.id,
    createdAt: r.createdAt,
    fulfilledAt: r.fulfilledAt,
    sentTo: r.sentTo,
    expiresAt: r.expiresAt,
    state: r.sentTo ? exportLinkState(r, now) : r.fulfilledAt ? 'downloaded' : 'waiting',
  } as const;
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
