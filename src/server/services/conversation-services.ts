import type { Db } from '../../db/client';
import type { Mailer } from '../mail/mailer';
import { systemClock, type Clock } from '../clock';
import { createConversationCalendar } from './conversation-calendar';
import { createConversationMeetingService } from './conversation-meeting.service';
import { createConversationPreparationService } from './conversation-preparation.service';
import { createConversationService } from './conversation.service';

/** The conversation use cases (issue #5, the conversation itself), built once per app. */
export function createConversationServices(
  db: Db,
  mail: { mailer?: Mailer | null; publicUrl: string; uidDomain: string },
  clock: Clock = systemClock,
) {
  const calendar = createConversationCalendar({
    mailer: mail.mailer ?? null,
    publicUrl: mail.publicUrl,
    uidDomain: mail.uidDomain,
    clock,
  });
  return {
    conversations: createConversationService(db, calendar, clock),
    preparation: createConversationPreparationService(db, clock),
    meeting: createConversationMeetingService(db, clock),
  };
}
