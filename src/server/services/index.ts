import type { Db } from '../../db/client';
import type { OneOnOneNotifier } from '../mail/one-on-one.notifier';
import { createCalendarFeedService } from './calendar-feed.service';
import { createMailboxService } from './mailbox.service';
import { createNotificationSettingsService } from './notification-settings.service';
import { createAuthService, type AuthSettings } from './auth.service';
import { createDepartmentService } from './department.service';
import { createOrganisationService } from './organisation.service';
import { createPeopleService } from './people.service';
import { createOneOnOneServices } from './one-on-one.service';
import { createConversationServices } from './conversation-services';
import type { Mailer } from '../mail/mailer';
import type { LiveEvents } from '../live/hub';
import { createPeopleImportService } from './people-import.service';
import { createGoalServices } from './goal-services';
import { createConversationTemplateService } from './conversation-template.service';
import { createRoundService } from './round.service';
import { createStatisticsService } from './statistics.service';
import { createWellbeingServices } from './wellbeing.service';
import { createPageService } from './page.service';

/** Every use case the routes may call, built once per app. */
export function createServices(
  db: Db,
  settings: AuthSettings,
  mail: {
    notifier: OneOnOneNotifier | null;
    /** Conversations write their own invitations (single events) through it. */
    mailer?: Mailer | null;
    publicUrl: string;
    uidDomain: string;
    /** The live meeting channel, told about every committed change of a meeting. */
    live?: LiveEvents | null;
  } = {
    notifier: null,
    publicUrl: 'http://127.0.0.1:3000',
    uidDomain: 'samtal.invalid',
  },
) {
  const people = createPeopleService(db);
  const departments = createDepartmentService(db);
  const oneOnOne = createOneOnOneServices(db, mail.notifier, mail.live ?? null);
  const conversations = createConversationServices(db, mail);
  return {
    auth: createAuthService(db, settings),
    people,
    departments,
    organisation: createOrganisationService(db),
    oneOnOne,
    conversations,
    pages: createPageService(db, {
      meetings: oneOnOne.meetings,
      home: oneOnOne.home,
      people,
      conversations: conversations.conversations,
    }),
    calendarFeed: createCalendarFeedService(db, mail),
    mailbox: createMailboxService(db),
    notificationSettings: createNotificationSettingsService(db),
    peopleImport: createPeopleImportService(db),
    ...createGoalServices(db),
    conversationTemplates: createConversationTemplateService(db),
    rounds: createRoundService(db),
    statistics: createStatisticsService(db),
    wellbeing: createWellbeingServices(db, mail.live ?? null),
  };
}

export type Services = ReturnType<typeof createServices>;
