import type { Db } from '../../db/client';
import { AppError } from '../../domain/errors';
import type { Actor } from '../../domain/roles';
import { buildCalendar, type IcsEvent } from '../calendar/ics';
import { translator } from '../i18n';
import { calendarRepository } from '../repositories/calendar.repository';
import { newSecret, sha256 } from './auth.service';
import { isLocale } from '../../i18n/index';
import { Temporal } from 'temporal-polyfill';
import { systemClock, type Clock } from '../clock';

const HISTORY_DAYS = 90;
const MAX_EVENTS = 1000;

/** Secret subscription feeds (.ics) of a person's 1:1s, for any calendar to subscribe to. */
export function createCalendarFeedService(
  db: Db,
  opts: { publicUrl: string; uidDomain: string },
  clock: Clock = systemClock,
) {
  const urlOf = (token: string) => `${opts.publicUrl}/calendar/${token}.ics`;
  return {
    /** Whether the actor has a feed (its URL is shown once, when made). */
    async status(actor: Actor) {
      const feed = await calendarRepository.feedOf(db, actor.orgId, actor.personId);
      return { active: Boolean(feed), createdAt: feed?.createdAt ?? null };
    },

    /** Makes a new secret URL; any earlier one stops working at once. */
    async rotate(actor: Actor) {
      const { token, hash } = newSecret();
      await calendarRepository.setFeed(db, actor.orgId, actor.personId, hash);
      const url = urlOf(token);
      return { url, webcal: url.replace(/^https?:/, 'webcal:') };
    },

    /**
     * The feed for a secret token: every 1:1 and conversation meeting of the person from 90
     * days back, as PUBLISH.
     */
    async render(token: string): Promise<string> {
      const feed = await calendarRepository.feedByTokenHash(db, sha256(token));
      if (!feed || !feed.active) throw new AppError('not_found');
      const [me] = await calendarRepository.people(db, feed.orgId, [feed.personId]);
      if (!me) throw new AppError('not_found');
      const locale = isLocale(me.locale) ? me.locale : 'sv';
      const t = await translator(locale);
      const from = new Date(clock.now().getTime() - HISTORY_DAYS * 86_400_000);
      const meetings = await calendarRepository.meetingsOf(db, feed.orgId, me.id, from, MAX_EVENTS);
      const others = await calendarRepository.people(db, feed.orgId, [
        ...new Set(meetings.flatMap((m) => [m.managerId, m.employeeId])),
      ]);
      const byId = new Map(others.map((p) => [p.id, p]));
      const events: IcsEvent[] = meetings.map((m) => {
        const manager = byId.get(m.managerId)!;
        const employee = byId.get(m.employeeId)!;
        const local = Temporal.Instant.fromEpochMilliseconds(
          m.startsAt.getTime(),
        ).toZonedDateTimeISO(m.timeZone);
        return {
          uid: `meeting-${m.id}@${opts.uidDomain}`,
          sequence: 0,
          // A conversation's meeting (no series) is named by its kind.
          summary:
            m.kind === 'one_on_one'
              ? t('mail:eventSummary', { manager: manager.name, employee: employee.name })
              : t('conversations:mail.summary', {
                  kind: t(`conversations:kind.${m.kind}`),
                  manager: manager.name,
                  employee: employee.name,
                }),
          description: `${opts.publicUrl}/`,
          location:
            t(`oneOnOne:place.${m.placeKind}`, { defaultValue: m.placeKind }) +
            (m.placeDetail ? `: ${m.placeDetail}` : ''),
          url: `${opts.publicUrl}/`,
          organizer: { name: manager.name, email: manager.email },
          attendees: [{ name: employee.name, email: employee.email }],
          timeZone: m.timeZone,
          durationMinutes: m.durationMinutes,
          localDate: local.toPlainDate().toString(),
          localTime: local.toPlainTime().toString({ smallestUnit: 'minute' }),
          startsAt: m.startsAt,
        };
      });
      return buildCalendar('PUBLISH', events, {
        name: t('mail:feedName', { name: me.name }),
        now: clock.now(),
      });
    },
  };
}
