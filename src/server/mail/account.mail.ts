import { randomUUID } from 'node:crypto';
import type { DbOrTx } from '../../db/client';
import { isLocale, type Locale } from '../../i18n/index';
import type { Role } from '../../domain/roles';
import { translator } from '../i18n';
import { organisationRepository } from '../repositories/organisation.repository';
import type { PersonRow } from '../repositories/people.repository';
import { formatWhen } from './format';
import { renderMail } from './layout';
import type { Mailer } from './mailer';

/**
 * Mails that carry a sign-in or download link: nobody may ever read them in Samtal, their
 * recipient included (the link is for the mailbox it went to).
 */
export const MAIL_KINDS_WITH_LINKS: readonly string[] = [
  'account.invitation',
  'account.reset',
  'privacy.export_link',
];

type Who = Pick<PersonRow, 'orgId' | 'id' | 'name' | 'email' | 'locale' | 'timeZone'>;

/**
 * The mails about a person's own account (decision 016), in their language, through the mail
 * layout and the outbox: invitation and reset links, a changed password, a changed address
 * (to the old one), a granted right. Written in the caller's transaction.
 */
export function createAccountMail(deps: { mailer: Mailer; publicUrl: string }) {
  const { mailer, publicUrl } = deps;

  async function localeOf(tx: DbOrTx, person: Who): Promise<Locale> {
    if (isLocale(person.locale)) return person.locale;
    const org = await organisationRepository.findById(tx, person.orgId);
    return isLocale(org?.defaultLocale) ? org.defaultLocale : 'sv';
  }

  async function send(
    tx: DbOrTx,
    person: Who,
    kind: string,
    build: (
      t: Awaited<ReturnType<typeof translator>>,
      locale: Locale,
    ) => Parameters<typeof renderMail>[0],
    opts: { toAddress?: string | null; dedupeKey?: string } = {},
  ): Promise<void> {
    const locale = await localeOf(tx, person);
    const t = await translator(locale);
    const content = renderMail(build(t, locale), locale);
    await mailer.enqueue(tx, {
      orgId: person.orgId,
      recipientId: person.id,
      // Named explicitly, so an address changed before delivery does not redirect the mail.
      toAddress: opts.toAddress ?? null,
      kind,
      locale,
      dedupeKey: opts.dedupeKey ?? `${kind}:${randomUUID()}`,
      subject: content.subject,
      text: content.text,
      html: content.html,
    });
  }

  const linkUrl = (token: string) => `${publicUrl}/set-password#${token}`;

  return {
    /** A first-time invitation, with the link (HR may also hand the same link over). */
    invitation(
      tx: DbOrTx,
      person: Who,
      link: { token: string; hours: number; by: string },
    ): Promise<void> {
      return send(tx, person, 'account.invitation', (t) => ({
        subject: t('account:invitation.subject'),
        heading: t('account:invitation.heading', { name: person.name }),
        paragraphs: [
          t('account:invitation.intro', { by: link.by }),
          t('account:invitation.expires', { hours: link.hours }),
        ],
        action: { label: t('account:invitation.action'), url: linkUrl(link.token) },
        footer: t('account:footer'),
      }));
    },

    /** A reset link, to the address the person signed in with; `by` is HR, or null for them. */
    reset(
      tx: DbOrTx,
      person: Who,
      link: { token: string; minutes: number; by: string | null; toAddress: string },
    ): Promise<void> {
      return send(
        tx,
        person,
        'account.reset',
        (t) => ({
          subject: t('account:reset.subject'),
          heading: t('account:reset.heading'),
          paragraphs: [
            link.by ? t('account:reset.introByHr', { by: link.by }) : t('account:reset.introSelf'),
            t('account:reset.expires', { minutes: link.minutes }),
            t('account:reset.notYou'),
          ],
          action: { label: t('account:reset.action'), url: linkUrl(link.token) },
          footer: t('account:footer'),
        }),
        { toAddress: link.toAddress },
      );
    },

    /** The password has changed (in settings or through a link). */
    passwordChanged(
      tx: DbOrTx,
      person: Who,
      change: { at: Date; toAddress: string | null },
    ): Promise<void> {
      return send(
        tx,
        person,
        'account.password_changed',
        (t, locale) => ({
          subject: t('account:passwordChanged.subject'),
          heading: t('account:passwordChanged.heading'),
          paragraphs: [
            t('account:passwordChanged.intro', {
              when: formatWhen(change.at, locale, person.timeZone),
            }),
            t('account:passwordChanged.notYou'),
          ],
          action: { label: t('account:signIn'), url: `${publicUrl}/sign-in` },
          footer: t('account:footer'),
        }),
        { toAddress: change.toAddress },
      );
    },

    /** Told to the old address when someone else changed the person's address. */
    emailChanged(
      tx: DbOrTx,
      person: Who,
      change: { oldAddress: string; newAddress: string; by: string | null },
    ): Promise<void> {
      return send(
        tx,
        person,
        'account.email_changed',
        (t) => ({
          subject: t('account:emailChanged.subject'),
          heading: t('account:emailChanged.heading'),
          paragraphs: [
            change.by
              ? t('account:emailChanged.introBy', { by: change.by, address: change.newAddress })
              : t('account:emailChanged.introImport', { address: change.newAddress }),
            t('account:emailChanged.resets'),
            t('account:emailChanged.notExpected'),
          ],
          footer: t('account:footer'),
        }),
        { toAddress: change.oldAddress },
      );
    },

    /** A right that opens more than one's own conversations (salary, admin) was granted. */
    roleGranted(tx: DbOrTx, person: Who, grant: { role: Role; by: string | null }): Promise<void> {
      return send(tx, person, 'account.role_granted', (t) => ({
        subject: t('account:roleGranted.subject', { role: t(`account:role.${grant.role}`) }),
        heading: t('account:roleGranted.heading', { role: t(`account:role.${grant.role}`) }),
        paragraphs: [
          grant.by
            ? t('account:roleGranted.introBy', {
                by: grant.by,
                role: t(`account:role.${grant.role}`),
              })
            : t('account:roleGranted.introImport', { role: t(`account:role.${grant.role}`) }),
          t(`account:roleGranted.means.${grant.role}`),
          t('account:roleGranted.notExpected'),
        ],
        action: { label: t('account:open'), url: publicUrl },
        footer: t('account:footer'),
      }));
    },
  };
}

export type AccountMail = ReturnType<typeof createAccountMail>;
