import { Temporal } from 'temporal-polyfill';
import type { Db } from '../../db/client';
import { dueStage, type ReminderStage } from '../../domain/development/round';
import { settingsFor } from '../../domain/notification-settings';
import { outsideQuietHours } from '../../domain/reminders';
import { isLocale, type Locale } from '../../i18n/index';
import { translator } from '../i18n';
import { calendarRepository, type CalendarPerson } from '../repositories/calendar.repository';
import {
  roundRepository,
  type BehindManager,
  type RoundRow,
} from '../repositories/round.repository';
import { formatLocalDate } from './format';
import { renderMail } from './layout';
import type { Mailer } from './mailer';

const BATCH = 2000;
const localeOf = (p: CalendarPerson): Locale => (isLocale(p.locale) ? p.locale : 'sv');

/** Groups behind managers by organisation and loads who they are and their mail settings. */
async function managersOf(db: Db, rows: BehindManager[]) {
  const byOrg = new Map<string, Set<string>>();
  for (const r of rows) byOrg.set(r.org_id, (byOrg.get(r.org_id) ?? new Set()).add(r.manager_id));
  const people = new Map<string, CalendarPerson>();
  const settings = new Map<string, Awaited<ReturnType<typeof calendarRepository.settings>>>();
  for (const [orgId, ids] of byOrg) {
    for (const p of await calendarRepository.people(db, orgId, [...ids]))
      people.set(`${orgId}:${p.id}`, p);
    settings.set(orgId, await calendarRepository.settings(db, orgId, [...ids]));
  }
  return {
    person: (orgId: string, id: string) => people.get(`${orgId}:${id}`),
    settings: (orgId: string, id: string) => settingsFor(settings.get(orgId) ?? [], id),
  };
}

/** Writes one reminder to the outbox; the dedupe key makes a second attempt a no-op. */
async function enqueue(
  db: Db,
  mailer: Mailer,
  publicUrl: string,
  r: BehindManager,
  manager: CalendarPerson,
  stage: ReminderStage | 'now',
  dedupeKey: string,
): Promise<boolean> {
  const locale = localeOf(manager);
  const t = await translator(locale);
  const deadline = formatLocalDate(r.deadline, locale);
  const content = renderMail(
    {
      subject: t(`rounds:mail.${stage}.subject`, { round: r.round_name, deadline }),
      heading: t(`rounds:mail.${stage}.heading`, { round: r.round_name }),
      paragraphs: [
        t('rounds:mail.intro', { round: r.round_name, deadline }),
        t('rounds:mail.counts', { notBooked: r.notBooked, booked: r.booked }),
        ...(r.salary_first && r.salary_round_name && r.salaryPending > 0
          ? [
              t(`rounds:mail.salaryFirst.${r.salary_first}`, {
                salaryRound: r.salary_round_name,
                pending: r.salaryPending,
              }),
            ]
          : []),
      ],
      action: { label: t('rounds:mail.open'), url: `${publicUrl}/conversations` },
      footer: t('rounds:mail.footer'),
    },
    locale,
  );
  return db.transaction((tx) =>
    mailer.enqueue(tx, {
      orgId: r.org_id,
      recipientId: manager.id,
      kind: 'round.reminder',
      locale,
      dedupeKey,
      subject: content.subject,
      text: content.text,
      html: content.html,
      notification: {
        kind: 'round.reminder',
        roundId: r.round_id,
        params: { round: r.round_name, deadline: r.deadline, notBooked: r.notBooked },
      },
    }),
  );
}

/**
 * Reminds managers who are behind as a round's deadline approaches: two weeks ahead about
 * conversations not yet booked, three days ahead about those not yet held. Each stage goes
 * once per manager and round, in the manager's language, outside their quiet hours, never to
 * a deactivated manager.
 */
export async function sendRoundReminders(
  db: Db,
  mailer: Mailer,
  publicUrl: string,
  now: Date,
): Promise<number> {
  const today = Temporal.Instant.fromEpochMilliseconds(now.getTime())
    .toZonedDateTimeISO('UTC')
    .toPlainDate();
  // A day either side of UTC covers every time zone's "today".
  const rows = await roundRepository.behindManagers(
    db,
    today.subtract({ days: 1 }).toString(),
    today.add({ days: 15 }).toString(),
    BATCH,
  );
  const dir = await managersOf(db, rows);
  let sent = 0;
  for (const r of rows) {
    const manager = dir.person(r.org_id, r.manager_id);
    if (!manager?.active) continue;
    const localToday = Temporal.Instant.fromEpochMilliseconds(now.getTime())
      .toZonedDateTimeISO(manager.timeZone)
      .toPlainDate()
      .toString();
    const stage = dueStage(r.deadline, localToday);
    if (!stage) continue;
    if (stage === 'book' && r.notBooked === 0) continue;
    const s = dir.settings(r.org_id, manager.id);
    const quiet = { start: s.quietStart, end: s.quietEnd };
    if (outsideQuietHours(now, manager.timeZone, quiet).getTime() > now.getTime()) continue;
    const key = `round.reminder:${r.round_id}:${r.manager_id}:${stage}`;
    if (await enqueue(db, mailer, publicUrl, r, manager, stage, key)) sent++;
  }
  return sent;
}

/** HR's "remind those behind now" for one round: at most one such mail per manager a day. */
export async function sendRoundRemindersNow(
  db: Db,
  mailer: Mailer,
  publicUrl: string,
  round: RoundRow,
  now: Date,
): Promise<number> {
  const rows = (await roundRepository.behindManagers(db, '', '', BATCH, round.id)).filter(
    (r) => r.org_id === round.orgId,
  );
  const dir = await managersOf(db, rows);
  const day = now.toISOString().slice(0, 10);
  let sent = 0;
  for (const r of rows) {
    const manager = dir.person(r.org_id, r.manager_id);
    if (!manager?.active) continue;
    const key = `round.reminder:${r.round_id}:${r.manager_id}:now:${day}`;
    if (await enqueue(db, mailer, publicUrl, r, manager, 'now', key)) sent++;
  }
  return sent;
}
