import type { Db } from '../../db/client';
import { AppError } from '../../domain/errors';
import type { Actor } from '../../domain/roles';
import { MAIL_KINDS_WITH_LINKS } from '../mail/account.mail';
import type { Mailer } from '../mail/mailer';
import { authorize } from '../policies/index';
import {
  mailOutboxRepository,
  type EnvelopeFilter,
  type Keyset,
} from '../repositories/mail-outbox.repository';
import { recordAudit } from './audit.service';
import { systemClock, type Clock } from '../clock';

/**
 * Outgoing mail, seen two ways (decision 025). Administrators see envelopes: who, what kind,
 * which state, attempts, the last error and the times, never a subject or a body, and may send
 * a mail again. Each person reads their own mails, as they were sent.
 */
export function createMailboxService(db: Db, mailer: Mailer, clock: Clock = systemClock) {
  return {
    /** The admin's mailbox: envelopes, newest first. */
    async envelopes(actor: Actor, filter: EnvelopeFilter) {
      authorize(actor, { do: 'mailbox.read', orgId: actor.orgId });
      return mailOutboxRepository.envelopes(db, actor.orgId, filter);
    },

    /**
     * Sends a mail again now, as an administrator: pending at once, delivery queued, and the
     * retry written to the audit log (its kind, never its content), all in one transaction.
     */
    async sendAgain(actor: Actor, id: string, now: Date = clock.now()) {
      authorize(actor, { do: 'mailbox.resend', orgId: actor.orgId });
      return db.transaction(async (tx) => {
        const mail = await mailOutboxRepository.envelopeState(tx, actor.orgId, id);
        if (!mail) throw new AppError('not_found');
        if (!(await mailer.sendAgain(tx, actor.orgId, id, now)))
          throw new AppError('mail.already_pending');
        await recordAudit(tx, actor, {
          action: 'mail.retried',
          // The recipient, so the log filtered by person shows it; the mail by its id.
          subjectType: 'person',
          subjectId: mail.recipientId,
          details: { kind: mail.kind, mail: id },
        });
        const [envelope] = await mailOutboxRepository.envelopes(tx, actor.orgId, {
          limit: 1,
          id,
        });
        return envelope!;
      });
    },

    /**
     * The caller's own mails, newest first. Mails with a sign-in link are left out: they reach
     * the person's inbox only, so a session someone borrowed cannot become a password.
     */
    async ownMails(actor: Actor, opts: { limit: number; before?: Keyset }) {
      return mailOutboxRepository.ownMails(db, actor.orgId, actor.personId, {
        ...opts,
        hiddenKinds: MAIL_KINDS_WITH_LINKS,
      });
    },

    /** One of the caller's own mails; anyone else's (or a link mail) is "not found". */
    async ownMail(actor: Actor, id: string) {
      const row = await mailOutboxRepository.ownMail(db, actor.orgId, actor.personId, id);
      if (!row || MAIL_KINDS_WITH_LINKS.includes(row.mail.kind)) throw new AppError('not_found');
      return row;
    },
  };
}
