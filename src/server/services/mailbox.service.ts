import type { Db } from '../../db/client';
import { AppError } from '../../domain/errors';
import type { Actor } from '../../domain/roles';
import { MAIL_KINDS_WITH_LINKS } from '../mail/account.mail';
import { authorize } from '../policies/index';
import { mailOutboxRepository } from '../repositories/mail-outbox.repository';

/** The admin's view of outgoing mail: what was sent, or kept when there is no SMTP server. */
export function createMailboxService(db: Db) {
  return {
    /** Newest first. Mails carry meeting dates, agendas and minutes, never private notes. */
    async list(actor: Actor, opts: { limit: number; before?: { createdAt: Date; id: string } }) {
      authorize(actor, { do: 'mailbox.read', orgId: actor.orgId });
      return mailOutboxRepository.list(db, actor.orgId, opts);
    },

    async get(actor: Actor, id: string) {
      authorize(actor, { do: 'mailbox.read', orgId: actor.orgId });
      const row = await mailOutboxRepository.findForDelivery(db, actor.orgId, id);
      // A sign-in link is for its recipient's eyes only, never an administrator's (016).
      if (!row || MAIL_KINDS_WITH_LINKS.includes(row.mail.kind)) throw new AppError('not_found');
      return row;
    },
  };
}
