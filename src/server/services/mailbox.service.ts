import type { Db } from '../../db/client';
import { AppError } from '../../domain/errors';
import type { Actor } from '../../domain/roles';
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
      if (!row) throw new AppError('not_found');
      return row;
    },
  };
}
