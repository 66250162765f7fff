import { Temporal } from 'temporal-polyfill';
import type { Db } from '../../db/client';
import { daysBefore, isoWeekOf, outsideQuietHours, weeklyDigestTime } from '../../domain/reminders';
import { settingsFor, type NotificationSettings } from '../../domain/notification-settings';
import { isLocale, type Locale } from '../../i18n/index';
import { translator } from '../i18n';
import { calendarRepository, type CalendarPerson } from '../repositories/calendar.repository';
import { remindersRepository } from '../repositories/reminders.repository';
import { formatLocalDate, formatWhen } from './format';
import { renderMail, type MailContent } from './layout';
import type { Mailer, NotificationDraft } from './mailer';

const BATCH = 2000;
/** Days before a booked conversation that each of the pair is asked to prepare in writing. */
const CONVERSATION_PREPARE_DAYS = 3;
const localeOf = (p: CalendarPerson): Locale => (isLocale(p.locale) ? p.locale : 'sv');

type Directory = {
  person(orgId: string, id: string): CalendarPerson | undefined;
  settings(orgId: string, id: string): NotificationSettings;
};

/** Loads the people and mail settings behind a batch, one query pair per organisation. */
async function directoryFor(db: Db, refs: { orgId: string; ids: string[] }[]): Promise<Directory> {
  const people = new Map<string, CalendarPerson>();
  const settings = new Map<string, Awaited<ReturnType<typeof calendarRepository.settings>>>();
  const byOrg = new Map<string, Set<string>>();
  for (const r of refs) {
    const set = byOrg.get(r.orgId) ?? new Set<string>();
    r.ids.forEach((id) => set.add(id));
    byOrg.set(r.orgId, set);
  }
  for (const [orgId, ids] of byOrg) {
    for (const p of await calendarRepository.people(db, orgId, [...ids]))
      people.set(`${orgId}:${p.id}`, p);
    settings.set(orgId, await calendarRepository.settings(db, orgId, [...ids]));
  }
  return {
    person: (orgId, id) => people.get(`${orgId}:${id}`),
    settings: (orgId, id) => settingsFor(settings.get(orgId) ?? [], id),
  };
}

/**
 * Sends the reminders that are due now: "add your topics" to the employee N days before,
 * "prepare" to the manager the day before, "notes and reflection" to the manager after, "prepare
 * in writing" to each of the pair who has not submitted before a booked conversation, and a
 * weekly digest of overdue actions. Each goes once (dedupe keys), never to a deactivated person,
 * and never in the recipient's quiet hours.
 */
export async function sendDueReminders(
  db: Db,
  mailer: Mailer,
  publicUrl: string,
  now: Date,
): Promise<number> {
  let sent = 0;
  const enqueue = async (
    orgId: string,
    to: CalendarPerson,
    kind: string,
    dedupeKey: string,
    content: MailContent,
    notification: NotificationDraft,
  ) => {
    const r = renderMail(content, localeOf(to));
    const inserted = await db.transaction((tx) =>
      mailer.enqueue(tx, {
        orgId,
        recipientId: to.id,
        kind,
        locale: localeOf(to),
        dedupeKey,
        subject: r.subject,
        text: r.text,
        html: r.html,
        notification,
      }),
    );
    if (inserted) sent++;
  };
  // Due once its time has come and the recipient is not in quiet hours right now.
  const due = (at: Date, p: CalendarPerson, s: NotificationSettings) => {
    const earliest = at.getTime() > now.getTime() ? at : now;
    const quiet = { start: s.quietStart, end: s.quietEnd };
    return outsideQuietHours(earliest, p.timeZone, quiet).getTime() <= now.getTime();
  };

  // 1. Add your topics (employee), N days ahead (at most 7).
  const soon = await remindersRepository.upcoming(db, now, 8, 'reminder.add_topics', BATCH);
  const dir = await directoryFor(
    db,
    soon.map((m) => ({ orgId: m.org_id, ids: [m.employee_id, m.manager_id] })),
  );
  for (const m of soon) {
    const employee = dir.person(m.org_id, m.employee_id);
    const manager = dir.person(m.org_id, m.manager_id);
    if (!employee?.active || !manager) continue;
    const s = dir.settings(m.org_id, employee.id);
    if (!s.addTopics) continue;
    if (!due(daysBefore(m.starts_at, s.addTopicsDays, employee.timeZone), employee, s)) continue;
    const t = await translator(localeOf(employee));
    const when = formatWhen(m.starts_at, localeOf(employee), employee.timeZone);
    await enqueue(
      m.org_id,
      employee,
      'reminder.add_topics',
      `reminder.add_topics:${m.id}`,
      {
        subject: t('mail:addTopics.subject', { name: manager.name, date: when }),
        heading: t('mail:addTopics.heading'),
        paragraphs: [t('mail:addTopics.intro', { name: manager.name, when })],
        action: { label: t('mail:open'), url: `${publicUrl}/` },
        footer: t('mail:footer'),
      },
      {
        kind: 'reminder.add_topics',
        actorId: manager.id,
        meetingId: m.id,
        params: { at: m.starts_at.toISOString() },
      },
    );
  }

  // 2. Prepare (manager), the day before, with the employee's topics and the open actions.
  const tomorrow = await remindersRepository.upcoming(db, now, 2, 'reminder.prepare', BATCH);
  const dir2 = await directoryFor(
    db,
    tomorrow.map((m) => ({ orgId: m.org_id, ids: [m.employee_id, m.manager_id] })),
  );
  for (const m of tomorrow) {
    const employee = dir2.person(m.org_id, m.employee_id);
    const manager = dir2.person(m.org_id, m.manager_id);
    if (!manager?.active || !employee) continue;
    const s = dir2.settings(m.org_id, manager.id);
    if (!s.prepare || !due(daysBefore(m.starts_at, 1, manager.timeZone), manager, s)) continue;
    const locale = localeOf(manager);
    const t = await translator(locale);
    const topics = await remindersRepository.employeeTopics(db, m.org_id, m.id, employee.id);
    const actions = await remindersRepository.openActionsOfPair(
      db,
      m.org_id,
      manager.id,
      employee.id,
    );
    const when = formatWhen(m.starts_at, locale, manager.timeZone);
    await enqueue(
      m.org_id,
      manager,
      'reminder.prepare',
      `reminder.prepare:${m.id}`,
      {
        subject: t('mail:prepare.subject', { name: employee.name, date: when }),
        heading: t('mail:prepare.heading', { name: employee.name }),
        paragraphs: [
          t('mail:prepare.intro', { name: employee.name, when }),
          ...(topics.length ? [] : [t('mail:prepare.noTopics', { name: employee.name })]),
        ],
        lists: [
          { title: t('mail:yourTopics', { name: employee.name }), items: topics },
          {
            title: t('mail:openActions'),
            items: actions.map((a) =>
              a.due_date
                ? t('mail:digest.item', {
                    title: a.title,
                    due: formatLocalDate(a.due_date, locale),
                  })
                : a.title,
            ),
          },
        ],
        action: { label: t('mail:open'), url: `${publicUrl}/` },
        footer: t('mail:footer'),
      },
      {
        kind: 'reminder.prepare',
        actorId: employee.id,
        meetingId: m.id,
        params: { at: m.starts_at.toISOString(), topics: topics.length },
      },
    );
  }

  // 3. Notes and reflection (manager), once the meeting has ended.
  const ended = await remindersRepository.justEnded(db, now, BATCH);
  const dir3 = await directoryFor(
    db,
    ended.map((m) => ({ orgId: m.org_id, ids: [m.employee_id, m.manager_id] })),
  );
  for (const m of ended) {
    const manager = dir3.person(m.org_id, m.manager_id);
    const employee = dir3.person(m.org_id, m.employee_id);
    if (!manager?.active || !employee) continue;
    const s = dir3.settings(m.org_id, manager.id);
    if (!s.reflect || !due(m.ends_at, manager, s)) continue;
    const t = await translator(localeOf(manager));
    await enqueue(
      m.org_id,
      manager,
      'reminder.reflect',
      `reminder.reflect:${m.id}`,
      {
        subject: t('mail:reflect.subject', { name: employee.name }),
        heading: t('mail:reflect.heading'),
        paragraphs: [t('mail:reflect.intro')],
        action: { label: t('mail:open'), url: `${publicUrl}/` },
        footer: t('mail:footer'),
      },
      { kind: 'reminder.reflect', actorId: employee.id, meetingId: m.id },
    );
  }

  // 4. Prepare a booked conversation in writing (each of the pair who has not submitted yet).
  const toPrepare = await remindersRepository.conversationsToPrepare(
    db,
    now,
    CONVERSATION_PREPARE_DAYS + 1,
    BATCH,
  );
  const dir5 = await directoryFor(
    db,
    toPrepare.map((c) => ({ orgId: c.org_id, ids: [c.employee_id, c.manager_id] })),
  );
  for (const c of toPrepare) {
    const manager = dir5.person(c.org_id, c.manager_id);
    const employee = dir5.person(c.org_id, c.employee_id);
    if (!manager || !employee) continue;
    const recipients = [
      ...(c.remind_manager ? [{ to: manager, other: employee }] : []),
      ...(c.remind_employee ? [{ to: employee, other: manager }] : []),
    ];
    for (const { to, other } of recipients) {
      const s = dir5.settings(c.org_id, to.id);
      if (!to.active || !s.prepare) continue;
      if (!due(daysBefore(c.starts_at, CONVERSATION_PREPARE_DAYS, to.timeZone), to, s)) continue;
      const locale = localeOf(to);
      const t = await translator(locale);
      const kind = t(`conversations:kind.${c.kind}`);
      const when = formatWhen(c.starts_at, locale, to.timeZone);
      await enqueue(
        c.org_id,
        to,
        'reminder.conversation_prepare',
        `reminder.conversation_prepare:${c.conversation_id}:${to.id}`,
        {
          subject: t('mail:conversationPrepare.subject', { kind, name: other.name, date: when }),
          heading: t('mail:conversationPrepare.heading'),
          paragraphs: [t('mail:conversationPrepare.intro', { kind, name: other.name, when })],
          action: {
            label: t('mail:conversationPrepare.action'),
            url: `${publicUrl}/conversations/${c.conversation_id}`,
          },
          footer: t('mail:footer'),
        },
        {
          kind: 'reminder.conversation_prepare',
          actorId: other.id,
          conversationId: c.conversation_id,
          params: { at: c.starts_at.toISOString(), conversationKind: c.kind },
        },
      );
    }
  }

  // 5. Weekly digest of overdue actions, Monday 08:00 in the owner's zone.
  const todayUtc = Temporal.Now.plainDateISO('UTC').toString();
  const overdue = await remindersRepository.overdue(db, todayUtc, isoWeekOf(now, 'UTC'), BATCH);
  const owners = new Map<string, { orgId: string; ownerId: string; items: typeof overdue }>();
  for (const a of overdue) {
    const key = `${a.org_id}:${a.owner_id}`;
    const entry = owners.get(key) ?? { orgId: a.org_id, ownerId: a.owner_id, items: [] };
    entry.items.push(a);
    owners.set(key, entry);
  }
  const dir4 = await directoryFor(
    db,
    [...owners.values()].map((o) => ({ orgId: o.orgId, ids: [o.ownerId] })),
  );
  for (const o of owners.values()) {
    const owner = dir4.person(o.orgId, o.ownerId);
    if (!owner?.active) continue;
    const s = dir4.settings(o.orgId, owner.id);
    if (!s.digest) continue;
    if (!due(weeklyDigestTime(now, owner.timeZone), owner, s)) continue;
    const locale = localeOf(owner);
    const today = Temporal.Now.plainDateISO(owner.timeZone).toString();
    const items = o.items.filter((a) => a.due_date < today);
    if (items.length === 0) continue;
    const t = await translator(locale);
    await enqueue(
      o.orgId,
      owner,
      'reminder.digest',
      `reminder.digest:${owner.id}:${isoWeekOf(now, owner.timeZone)}`,
      {
        subject: t('mail:digest.subject', { count: items.length }),
        heading: t('mail:digest.heading'),
        paragraphs: [t('mail:digest.intro')],
        lists: [
          {
            title: t('mail:openActions'),
            items: items.map((a) =>
              t('mail:digest.item', { title: a.title, due: formatLocalDate(a.due_date, locale) }),
            ),
          },
        ],
        action: { label: t('mail:open'), url: `${publicUrl}/` },
        footer: t('mail:footer'),
      },
      { kind: 'reminder.digest', params: { count: items.length } },
    );
  }
  return sent;
}
