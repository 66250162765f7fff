import type { TFunction } from 'i18next';
import { Temporal } from 'temporal-polyfill';
import type { DbOrTx } from '../../db/client';
import type { MonthlyOrdinal } from '../../domain/one-on-one/cadence';
import type { MinutesContent } from '../../domain/one-on-one/minutes';
import { localise } from '../../domain/one-on-one/template';
import { toInstant } from '../../domain/one-on-one/occurrences';
import { settingsFor } from '../../domain/notification-settings';
import { isLocale, type Locale } from '../../i18n/index';
import { buildCalendar, type IcsEvent } from '../calendar/ics';
import { translator } from '../i18n';
import { calendarRepository, type CalendarPerson } from '../repositories/calendar.repository';
import {
  builtinTemplates,
  oneOnOneTemplateRepository,
} from '../repositories/one-on-one-template.repository';
import type { SeriesRow } from '../repositories/one-on-one-series.repository';
import { formatLocalDate, formatWhen } from './format';
import { renderMail, type MailContent } from './layout';
import type { Mailer, NotificationDraft } from './mailer';
import { renderMinutesMail } from './minutes.mail';
import { systemClock, type Clock } from '../clock';

type MeetingRow = NonNullable<Awaited<ReturnType<typeof calendarRepository.meeting>>>;

const localeOf = (p: CalendarPerson): Locale => (isLocale(p.locale) ? p.locale : 'sv');

/** Local date and time of an instant in a zone. */
function localParts(at: Date, timeZone: string): { date: string; time: string } {
  const z = Temporal.Instant.fromEpochMilliseconds(at.getTime()).toZonedDateTimeISO(timeZone);
  return {
    date: z.toPlainDate().toString(),
    time: z.toPlainTime().toString({ smallestUnit: 'minute' }),
  };
}

/**
 * Turns 1:1 events into mail: invitations and updates with iCalendar attachments for both of
 * the pair, moved and cancelled meetings, ended series, and the minutes. Everything is written
 * to the outbox inside the caller's transaction; nothing private ever goes into a mail.
 */
export function createOneOnOneNotifier(deps: {
  mailer: Mailer;
  publicUrl: string;
  uidDomain: string;
  /** The source of "now" for the invitations' DTSTAMP and expansion (issue #17). */
  clock?: Clock;
}) {
  const { mailer, publicUrl, uidDomain } = deps;
  const clock = deps.clock ?? systemClock;
  const seriesUid = (id: string) => `series-${id}@${uidDomain}`;
  const reflectionUid = (id: string) => `reflection-${id}@${uidDomain}`;

  async function load(tx: DbOrTx, orgId: string, series: SeriesRow) {
    const pair = await calendarRepository.people(tx, orgId, [series.managerId, series.employeeId]);
    const manager = pair.find((p) => p.id === series.managerId)!;
    const employee = pair.find((p) => p.id === series.employeeId)!;
    const settings = await calendarRepository.settings(tx, orgId, [manager.id, employee.id]);
    return { manager, employee, settings };
  }

  async function agendaTitles(tx: DbOrTx, orgId: string, s: SeriesRow, locale: Locale) {
    const sections = s.builtinTemplateKey
      ? builtinTemplates().get(s.builtinTemplateKey)?.sections
      : s.templateId
        ? (await oneOnOneTemplateRepository.findOrg(tx, orgId, s.templateId))?.sections
        : undefined;
    return (sections ?? []).map((x) => localise(x.title, locale));
  }

  function place(s: SeriesRow, t: TFunction): string {
    const kind = t(`oneOnOne:place.${s.placeKind}`, { defaultValue: s.placeKind });
    return s.placeDetail ? `${kind}: ${s.placeDetail}` : kind;
  }

  /** The series as VEVENTs: the rule, cancelled dates left out, moved ones as overrides. */
  async function seriesEvents(
    tx: DbOrTx,
    orgId: string,
    s: SeriesRow,
    who: { manager: CalendarPerson; employee: CalendarPerson },
    t: TFunction,
    description: string,
  ): Promise<IcsEvent[]> {
    const exceptions = await calendarRepository.exceptions(tx, orgId, s.id, s.startDate);
    const base = {
      uid: seriesUid(s.id),
      sequence: s.calendarSequence,
      summary: t('mail:eventSummary', { manager: who.manager.name, employee: who.employee.name }),
      description,
      location: place(s, t),
      url: `${publicUrl}/`,
      organizer: { name: who.manager.name, email: who.manager.email },
      attendees: [{ name: who.employee.name, email: who.employee.email }],
      timeZone: s.timeZone,
      durationMinutes: s.durationMinutes,
    };
    const original = (m: MeetingRow) => localParts(m.originalStartsAt ?? m.startsAt, s.timeZone);
    const master: IcsEvent = {
      ...base,
      localDate: s.startDate,
      localTime: s.localTime,
      recurrence: {
        rule: {
          cadence: s.cadence,
          startDate: s.startDate,
          monthlyOrdinal: s.monthlyOrdinal as MonthlyOrdinal | null,
        },
        until: s.endedAt ? localParts(s.endedAt, s.timeZone).date : null,
        exdates: exceptions.filter((m) => m.status === 'cancelled').map((m) => original(m).date),
      },
    };
    const overrides = exceptions
      .filter((m) => m.status === 'moved')
      .map((m): IcsEvent => {
        const now = localParts(m.startsAt, s.timeZone);
        return {
          ...base,
          localDate: now.date,
          localTime: now.time,
          startsAt: m.startsAt,
          durationMinutes: m.durationMinutes,
          recurrenceId: { localDate: original(m).date, localTime: s.localTime },
        };
      });
    return [master, ...overrides];
  }

  async function send(
    tx: DbOrTx,
    orgId: string,
    to: CalendarPerson,
    kind: string,
    dedupeKey: string,
    content: MailContent,
    calendar: { method: 'REQUEST' | 'CANCEL'; content: string } | null,
    notification: NotificationDraft | null = null,
  ) {
    const rendered = renderMail(content, localeOf(to));
    await mailer.enqueue(tx, {
      orgId,
      recipientId: to.id,
      kind,
      locale: localeOf(to),
      dedupeKey,
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      calendar,
      notification,
    });
  }

  /** Invitation, update or end of a whole series, to both of the pair. */
  async function seriesMail(
    tx: DbOrTx,
    orgId: string,
    seriesId: string,
    what: 'invitation' | 'updated' | 'seriesEnded',
    actorId: string | null,
  ) {
    const seq =
      what === 'invitation' ? 0 : await calendarRepository.bumpSequence(tx, orgId, seriesId);
    const s = await calendarRepository.series(tx, orgId, seriesId);
    if (!s) return;
    const { manager, employee, settings } = await load(tx, orgId, s);
    for (const [me, other] of [
      [employee, manager],
      [manager, employee],
    ] as const) {
      if (!settingsFor(settings, me.id).invitations) continue;
      const locale = localeOf(me);
      const t = await translator(locale);
      const titles = await agendaTitles(tx, orgId, s, locale);
      const first = formatWhen(
        toInstant(s.startDate, s.localTime, s.timeZone),
        locale,
        me.timeZone,
      );
      const description = [
        `${t('mail:agenda')}:`,
        ...titles.map((x) => `- ${x}`),
        '',
        `${publicUrl}/`,
      ].join('\n');
      const events = await seriesEvents(tx, orgId, s, { manager, employee }, t, description);
      const content: MailContent = {
        subject: t(`mail:${what}.subject`, {
          name: other.name,
          cadence: t(`mail:cadence.${s.cadence}`),
        }),
        heading: t(`mail:${what}.heading`, { name: other.name }),
        paragraphs: [
          what === 'invitation'
            ? t('mail:invitation.intro', { organiser: manager.name, first })
            : what === 'updated'
              ? t('mail:updated.intro', { first })
              : t('mail:seriesEnded.intro'),
          t('mail:place', { place: place(s, t) }),
          ...(what === 'invitation' && me.id === employee.id ? [t('mail:invitation.topics')] : []),
        ],
        lists: what === 'seriesEnded' ? [] : [{ title: t('mail:agenda'), items: titles }],
        action: { label: t('mail:open'), url: `${publicUrl}/` },
        footer: t('mail:footer'),
      };
      await send(
        tx,
        orgId,
        me,
        `one_on_one.${what}`,
        `series.${what}:${s.id}:${seq}:${me.id}`,
        content,
        {
          method: 'REQUEST',
          content: buildCalendar('REQUEST', events, { now: clock.now() }),
        },
        // Who made the change gets the mail (their calendar), but no notification of it.
        me.id === actorId
          ? null
          : {
              kind: `one_on_one.${what}`,
              actorId: other.id,
              seriesId: s.id,
              params: { at: toInstant(s.startDate, s.localTime, s.timeZone).toISOString() },
            },
      );
      if (me.id === manager.id && s.reflectionBlockMinutes > 0 && what !== 'seriesEnded') {
        await reflectionBlock(tx, orgId, s, manager, employee, t, seq);
      }
    }
  }

  /** The manager's own "notes and reflection" block right after each meeting. */
  async function reflectionBlock(
    tx: DbOrTx,
    orgId: string,
    s: SeriesRow,
    manager: CalendarPerson,
    employee: CalendarPerson,
    t: TFunction,
    seq: number,
  ) {
    const start = Temporal.PlainTime.from(s.localTime).add({ minutes: s.durationMinutes });
    const summary = t('mail:reflectionBlock', { name: employee.name });
    const ics = buildCalendar(
      'REQUEST',
      [
        {
          uid: reflectionUid(s.id),
          sequence: s.calendarSequence,
          summary,
          description: t('mail:reflect.intro'),
          organizer: { name: manager.name, email: manager.email },
          attendees: [],
          timeZone: s.timeZone,
          durationMinutes: s.reflectionBlockMinutes,
          localDate: s.startDate,
          localTime: start.toString({ smallestUnit: 'minute' }),
          recurrence: {
            rule: {
              cadence: s.cadence,
              startDate: s.startDate,
              monthlyOrdinal: s.monthlyOrdinal as MonthlyOrdinal | null,
            },
          },
        },
      ],
      { now: clock.now() },
    );
    await send(
      tx,
      orgId,
      manager,
      'one_on_one.reflection_block',
      `series.reflection:${s.id}:${seq}`,
      {
        subject: summary,
        heading: summary,
        paragraphs: [t('mail:reflect.intro')],
        footer: t('mail:footer'),
      },
      { method: 'REQUEST', content: ics },
    );
  }

  /** One meeting moved or cancelled: an update of just that occurrence to both. */
  async function meetingMail(
    tx: DbOrTx,
    orgId: string,
    meetingId: string,
    what: 'moved' | 'cancelled',
    actorId: string | null,
  ) {
    const m = await calendarRepository.meeting(tx, orgId, meetingId);
    // A conversation's meeting has no series; its invitations are the conversation notifier's.
    if (!m || !m.seriesId) return;
    const seq = await calendarRepository.bumpSequence(tx, orgId, m.seriesId);
    const s = await calendarRepository.series(tx, orgId, m.seriesId);
    if (!s) return;
    const { manager, employee, settings } = await load(tx, orgId, s);
    const original = localParts(m.originalStartsAt ?? m.startsAt, s.timeZone);
    const now = localParts(m.startsAt, s.timeZone);
    for (const [me, other] of [
      [employee, manager],
      [manager, employee],
    ] as const) {
      if (!settingsFor(settings, me.id).invitations) continue;
      const locale = localeOf(me);
      const t = await translator(locale);
      const event: IcsEvent = {
        uid: seriesUid(s.id),
        sequence: seq,
        summary: t('mail:eventSummary', { manager: manager.name, employee: employee.name }),
        description: `${publicUrl}/`,
        location: place(s, t),
        organizer: { name: manager.name, email: manager.email },
        attendees: [{ name: employee.name, email: employee.email }],
        timeZone: s.timeZone,
        durationMinutes: m.durationMinutes,
        localDate: what === 'moved' ? now.date : original.date,
        localTime: what === 'moved' ? now.time : s.localTime,
        startsAt: what === 'moved' ? m.startsAt : (m.originalStartsAt ?? m.startsAt),
        recurrenceId: { localDate: original.date, localTime: s.localTime },
        cancelled: what === 'cancelled',
      };
      const fromText = formatWhen(m.originalStartsAt ?? m.startsAt, locale, me.timeZone);
      const date = formatLocalDate(original.date, locale);
      const content: MailContent =
        what === 'moved'
          ? {
              subject: t('mail:moved.subject', { name: other.name, date }),
              heading: t('mail:moved.heading'),
              paragraphs: [
                t('mail:moved.intro', {
                  from: fromText,
                  to: formatWhen(m.startsAt, locale, me.timeZone),
                }),
                ...(m.statusReason ? [t('mail:moved.reason', { reason: m.statusReason })] : []),
              ],
              action: { label: t('mail:open'), url: `${publicUrl}/` },
              footer: t('mail:footer'),
            }
          : {
              subject: t('mail:cancelled.subject', { name: other.name, date }),
              heading: t('mail:cancelled.heading'),
              paragraphs: [
                t('mail:cancelled.introNoNext', { date: fromText }),
                ...(m.statusReason ? [t('mail:moved.reason', { reason: m.statusReason })] : []),
              ],
              action: { label: t('mail:open'), url: `${publicUrl}/` },
              footer: t('mail:footer'),
            };
      const method = what === 'moved' ? 'REQUEST' : 'CANCEL';
      await send(
        tx,
        orgId,
        me,
        `one_on_one.${what}`,
        `meeting.${what}:${m.id}:${seq}:${me.id}`,
        content,
        {
          method,
          content: buildCalendar(method, [event], { now: clock.now() }),
        },
        me.id === actorId
          ? null
          : {
              kind: `one_on_one.${what}`,
              actorId: other.id,
              meetingId: m.id,
              seriesId: s.id,
              params: {
                from: (m.originalStartsAt ?? m.startsAt).toISOString(),
                ...(what === 'moved' ? { to: m.startsAt.toISOString() } : {}),
              },
            },
      );
    }
  }

  return {
    seriesBooked: (tx: DbOrTx, orgId: string, seriesId: string, actorId: string | null = null) =>
      seriesMail(tx, orgId, seriesId, 'invitation', actorId),
    seriesUpdated: (tx: DbOrTx, orgId: string, seriesId: string, actorId: string | null = null) =>
      seriesMail(tx, orgId, seriesId, 'updated', actorId),
    seriesEnded: (tx: DbOrTx, orgId: string, seriesId: string, actorId: string | null = null) =>
      seriesMail(tx, orgId, seriesId, 'seriesEnded', actorId),
    meetingMoved: (tx: DbOrTx, orgId: string, meetingId: string, actorId: string | null = null) =>
      meetingMail(tx, orgId, meetingId, 'moved', actorId),
    meetingCancelled: (
      tx: DbOrTx,
      orgId: string,
      meetingId: string,
      actorId: string | null = null,
    ) => meetingMail(tx, orgId, meetingId, 'cancelled', actorId),

    /** The decision minutes to the employee, in their language, with a link to acknowledge. */
    async minutesReady(
      tx: DbOrTx,
      orgId: string,
      employeeId: string,
      minutes: MinutesContent,
      actorId: string | null = null,
    ) {
      const [employee] = await calendarRepository.people(tx, orgId, [employeeId]);
      if (!employee) return;
      const settings = await calendarRepository.settings(tx, orgId, [employeeId]);
      if (!settingsFor(settings, employeeId).minutes) return;
      const mail = renderMinutesMail(minutes, await translator(minutes.locale), `${publicUrl}/`);
      await mailer.enqueue(tx, {
        orgId,
        recipientId: employeeId,
        kind: 'one_on_one.minutes',
        locale: minutes.locale,
        dedupeKey: `one_on_one.minutes:${minutes.meetingId}`,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        notification:
          employeeId === actorId
            ? null
            : { kind: 'one_on_one.minutes', meetingId: minutes.meetingId },
      });
    },
  };
}

export type OneOnOneNotifier = ReturnType<typeof createOneOnOneNotifier>;
