import type { DbOrTx } from '../../db/client';
import { settingsFor } from '../../domain/notification-settings';
import { localParts } from '../../domain/one-on-one/occurrences';
import { localise } from '../../domain/one-on-one/template';
import type { ConversationTemplateContent } from '../../domain/development/template';
import { isLocale, type Locale } from '../../i18n/index';
import { buildCalendar, type IcsEvent } from '../calendar/ics';
import { translator } from '../i18n';
import { formatWhen } from '../mail/format';
import { renderMail, type MailContent } from '../mail/layout';
import type { Mailer } from '../mail/mailer';
import { calendarRepository, type CalendarPerson } from '../repositories/calendar.repository';
import type {
  ConversationMeetingRow,
  ConversationRow,
} from '../repositories/conversation.repository';
import type { Clock } from '../clock';

const localeOf = (p: CalendarPerson): Locale => (isLocale(p.locale) ? p.locale : 'sv');

export type ConversationMailKind = 'booked' | 'moved' | 'cancelled';

/**
 * The calendar invitation of a conversation: one single event (no RRULE) to both of the pair,
 * its UID the meeting's, so a move is a REQUEST with a higher SEQUENCE and a cancellation a
 * CANCEL of the same event. Written to the outbox in the caller's transaction; section titles
 * go in, answers and notes never do.
 */
export function createConversationCalendar(deps: {
  mailer: Mailer | null;
  publicUrl: string;
  uidDomain: string;
  clock: Clock;
}) {
  const { mailer, publicUrl, uidDomain, clock } = deps;

  async function send(
    tx: DbOrTx,
    what: ConversationMailKind,
    c: ConversationRow,
    m: ConversationMeetingRow,
    content: ConversationTemplateContent,
    /** Who made the change: their own mail goes, but no notification of their own doing. */
    actorId: string | null = null,
  ) {
    if (!mailer) return;
    const pair = await calendarRepository.people(tx, c.orgId, [c.managerId, c.employeeId]);
    const manager = pair.find((p) => p.id === c.managerId);
    const employee = pair.find((p) => p.id === c.employeeId);
    if (!manager || !employee) return;
    const settings = await calendarRepository.settings(tx, c.orgId, [manager.id, employee.id]);
    const local = localParts(m.startsAt, m.timeZone);
    const url = `${publicUrl}/conversations/${c.id}`;
    for (const [me, other] of [
      [employee, manager],
      [manager, employee],
    ] as const) {
      if (!me.active || !settingsFor(settings, me.id).invitations) continue;
      const locale = localeOf(me);
      const t = await translator(locale);
      const kindName = t(`conversations:kind.${c.kind}`);
      const sections = content.sections.map((s) => localise(s.title, locale));
      const place =
        t(`oneOnOne:place.${m.placeKind}`, { defaultValue: m.placeKind }) +
        (m.placeDetail ? `: ${m.placeDetail}` : '');
      const event: IcsEvent = {
        uid: `conversation-${m.id}@${uidDomain}`,
        sequence: m.calendarSequence,
        summary: t('conversations:mail.summary', {
          kind: kindName,
          manager: manager.name,
          employee: employee.name,
        }),
        description: [`${t('mail:agenda')}:`, ...sections.map((x) => `- ${x}`), '', url].join('\n'),
        location: place,
        url,
        organizer: { name: manager.name, email: manager.email },
        attendees: [{ name: employee.name, email: employee.email }],
        timeZone: m.timeZone,
        durationMinutes: m.durationMinutes,
        localDate: local.date,
        localTime: local.time,
        startsAt: m.startsAt,
        cancelled: what === 'cancelled',
      };
      const when = formatWhen(m.startsAt, locale, me.timeZone);
      const mail: MailContent = {
        subject: t(`conversations:mail.${what}.subject`, { kind: kindName, name: other.name }),
        heading: t(`conversations:mail.${what}.heading`, { kind: kindName }),
        paragraphs: [
          t(`conversations:mail.${what}.intro`, { kind: kindName, name: other.name, when }),
          ...(what === 'cancelled' ? [] : [t('mail:place', { place })]),
          ...(what === 'booked' ? [t('conversations:mail.prepare')] : []),
        ],
        lists: what === 'cancelled' ? [] : [{ title: t('mail:agenda'), items: sections }],
        action: { label: t('mail:open'), url },
        footer: t('mail:footer'),
      };
      const rendered = renderMail(mail, locale);
      const method = what === 'cancelled' ? 'CANCEL' : 'REQUEST';
      await mailer.enqueue(tx, {
        orgId: c.orgId,
        recipientId: me.id,
        kind: `conversation.${what}`,
        locale,
        dedupeKey: `conversation.${what}:${m.id}:${m.calendarSequence}:${me.id}`,
        subject: rendered.subject,
        text: rendered.text,
        html: rendered.html,
        calendar: { method, content: buildCalendar(method, [event], { now: clock.now() }) },
        notification:
          me.id === actorId
            ? null
            : {
                kind: `conversation.${what}`,
                actorId: other.id,
                conversationId: c.id,
                params: { at: m.startsAt.toISOString(), conversationKind: c.kind },
              },
      });
    }
  }

  return { send };
}

export type ConversationCalendar = ReturnType<typeof createConversationCalendar>;
