import type { Db } from '../../db/client';
import type { OneOnOneNotifier } from '../mail/one-on-one.notifier';
import { createCalendarFeedService } from './calendar-feed.service';
import { createMailboxService } from './mailbox.service';
import { createNotificationSettingsService } from './notification-settings.service';
import { createNotificationService } from './notification.service';
import { createAuthService, type AuthSettings } from './auth.service';
import { createDepartmentService } from './department.service';
import { createOrganisationService } from './organisation.service';
import { createPeopleService } from './people.service';
import { createOneOnOneServices } from './one-on-one.service';
import { createConversationServices } from './conversation-services';
import type { LiveEvents } from '../live/hub';
import { createMailer, type Mailer } from '../mail/mailer';
import type { JobQueue } from '../jobs/queue';
import { createAccountMail } from '../mail/account.mail';
import { createAccountLinksService } from './account-links.service';
import { createAuditService } from './audit.service';
import { createPasswordHasher, type HashingLimits } from './password';
import { createPeopleImportService } from './people-import.service';
import { createGoalServices } from './goal-services';
import { createConversationTemplateService } from './conversation-template.service';
import { createRoundService } from './round.service';
import { createStatisticsService } from './statistics.service';
import { createCompetenceNeedsService } from './competence-needs.service';
import { createWellbeingServices } from './wellbeing.service';
import { createPageService } from './page.service';
import { createPrivacyService } from './privacy.service';
import { createVaultService } from './vault.service';
import { createScimService } from './scim.service';
import { createScimTokenService } from './scim-token.service';
import { createSsoService } from './sso.service';
import { createSearchService } from './search.service';
import { createOidcClient, type OidcClient } from '../sso/oidc-client';
import type { SecretBox } from '../sso/secret-box';
import { systemClock, type Clock } from '../clock';

/** Every use case the routes may call, built once per app. */
export function createServices(
  db: Db,
  settings: AuthSettings & { hashing?: HashingLimits },
  mail: {
    notifier: OneOnOneNotifier | null;
    /** Conversations write their own invitations (single events) through it. */
    mailer?: Mailer | null;
    publicUrl: string;
    uidDomain: string;
    /** The live meeting channel, told about every committed change of a meeting. */
    live?: LiveEvents | null;
    /** The job queue, for mail written in batches after a change (a round opening). */
    queue?: JobQueue | null;
  } = {
    notifier: null,
    publicUrl: 'http://127.0.0.1:3000',
    uidDomain: 'samtal.invalid',
  },
  sso: {
    oidc?: OidcClient;
    /** Encrypts client secrets; absent without ENCRYPTION_KEY (decision 019). */
    box?: SecretBox;
    log?: { warn(obj: object, msg: string): void };
  } = {},
  /** The one source of "now" (issue #17); tests pass a clock they move by hand. */
  clock: Clock = systemClock,
) {
  // Account mails go through the outbox; without a mailer of the app's, one that only writes
  // the outbox (the app's sweep delivers them).
  const mailer =
    mail.mailer ??
    createMailer({
      queue: null,
      transport: null,
      from: 'Samtal',
      messageIdDomain: mail.uidDomain,
      clock,
    });
  const accountMail = createAccountMail({ mailer, publicUrl: mail.publicUrl });
  const hasher = createPasswordHasher(settings.hashing ?? { concurrency: 1, queue: 32 });
  const people = createPeopleService(db, accountMail, clock);
  const departments = createDepartmentService(db);
  const oneOnOne = createOneOnOneServices(db, mail.notifier, mail.live ?? null, clock);
  const conversations = createConversationServices(db, mail, clock);
  const auth = createAuthService(db, settings, { hasher, accountMail }, clock);
  const oidc =
    sso.oidc ??
    createOidcClient({
      redirectUri: `${mail.publicUrl}/api/auth/sso/callback`,
      cacheMs: 10 * 60_000,
      clockToleranceSeconds: 60,
      timeoutSeconds: 10,
      clock,
    });
  return {
    auth,
    sso: createSsoService(
      db,
      {
        auth,
        oidc,
        box: sso.box,
        publicUrl: mail.publicUrl,
        ...(sso.log ? { log: sso.log } : {}),
      },
      clock,
    ),
    accountLinks: createAccountLinksService(db, { hasher, accountMail }, clock),
    audit: createAuditService(db),
    privacy: createPrivacyService(db, { mailer, publicUrl: mail.publicUrl }, clock),
    people,
    departments,
    organisation: createOrganisationService(db),
    oneOnOne,
    conversations,
    pages: createPageService(
      db,
      {
        meetings: oneOnOne.meetings,
        home: oneOnOne.home,
        series: oneOnOne.series,
      },
      clock,
    ),
    calendarFeed: createCalendarFeedService(db, mail, clock),
    mailbox: createMailboxService(db, mailer, clock),
    notificationSettings: createNotificationSettingsService(db),
    notifications: createNotificationService(db, clock),
    peopleImport: createPeopleImportService(db, accountMail, clock),
    scim: createScimService(db, accountMail, clock),
    scimTokens: createScimTokenService(db, clock),
    ...createGoalServices(db, clock),
    conversationTemplates: createConversationTemplateService(db),
    rounds: createRoundService(
      db,
      { mailer, publicUrl: mail.publicUrl, queue: mail.queue ?? null },
      clock,
    ),
    statistics: createStatisticsService(db, clock),
    competenceNeeds: createCompetenceNeedsService(db),
    wellbeing: createWellbeingServices(db, mail.live ?? null, clock),
    vault: createVaultService(db),
    search: createSearchService(db, clock),
    clock,
  };
}

export type Services = ReturnType<typeof createServices>;
