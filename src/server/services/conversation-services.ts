import type { Db } from '../../db/client';
import type { Mailer } from '../mail/mailer';
import { createConversationCalendar } from './conversation-calendar';
import { createConversationMeetingService } from './conversation-meeting.service';
import { createConversationPreparationService } from './conversation-preparation.service';
import { createConversationService } from './conversation.service';

/** The conversation use cases (issue #5, the conversation itself), built once per app. */
export function createConversationServices(
  db: Db,
  mail: { mailer?: Mailer | null; publicUrl: string; uidDomain: string },
) {
  const calendar = createConversationCalendar({
    mailer: mail.mailer ?? null,
    publicUrl: mail.publicUrl,
    uidDomain: mail.uidDomain,
  });
  return {
    conversations: createConversationService(db, calendar),
    preparation: createConversationPreparationService(db),
    meeting: createConversationMeetingService(db),
  };
}

export type ConversationServices = ReturnType<typeof createConversationServices>;
