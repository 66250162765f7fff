import { z } from 'zod';
import type { Db, DbOrTx } from '../../db/client';
import { settingsFor } from '../../domain/notification-settings';
import { isLocale, type Locale } from '../../i18n/index';
import { translator } from '../i18n';
import { defineJob } from '../jobs/queue';
import { calendarRepository, type CalendarPerson } from '../repositories/calendar.repository';
import { roundRepository, type RoundRow } from '../repositories/round.repository';
import { formatLocalDate } from './format';
import { renderMail } from './layout';
import type { Mailer, OutgoingMail } from './mailer';

/**
 * "A round has opened" (issue #15): queued in the transaction that opens the round (so it
 * exists exactly when the round does) and run by a worker, batch by batch, each batch one
 * transaction. A retried or repeated run writes nothing twice: every mail has its dedupe key.
 */
export const ROUND_OPENED_JOB = defineJob({
  name: 'rounds.opened',
  payload: z.object({ orgId: z.uuid(), roundId: z.uuid() }),
  retryLimit: 5,
  retryDelaySeconds: 30,
  retryBackoff: true,
  expireInSeconds: 1800,
});

/** People per batch: one outbox insert, one notification insert, one job insert each. */
const BATCH = 500;
const FIRST_ID = '00000000-0000-0000-0000-000000000000';
const localeOf = (p: CalendarPerson): Locale => (isLocale(p.locale) ? p.locale : 'sv');

type Deps = { mailer: Mailer; publicUrl: string };

/** Who the people of a batch are and whether they want round mail. */
async function directory(db: DbOrTx, orgId: string, ids: string[]) {
  const unique = [...new Set(ids)];
  const [people, settings] = await Promise.all([
    calendarRepository.people(db, orgId, unique),
    calendarRepository.settings(db, orgId, unique),
  ]);
  const byId = new Map(people.map((p) => [p.id, p]));
  return {
    person: (id: string) => byId.get(id),
    wants: (id: string) => settingsFor(settings, id).rounds,
  };
}

function managerMail(
  t: Awaited<ReturnType<typeof translator>>,
  round: RoundRow,
  manager: CalendarPerson,
  count: number,
  publicUrl: string,
): OutgoingMail {
  const locale = localeOf(manager);
  const deadline = formatLocalDate(round.deadline, locale);
  const p = { round: round.name, deadline, count, kind: round.kind };
  const content = renderMail(
    {
      subject: t('rounds:opened.manager.subject', p),
      heading: t('rounds:opened.manager.heading', p),
      paragraphs: [t('rounds:opened.manager.intro', p), t('rounds:opened.manager.next', p)],
      action: { label: t('rounds:opened.manager.open'), url: `${publicUrl}/conversations` },
      footer: t('rounds:opened.manager.footer'),
    },
    locale,
  );
  return {
    orgId: round.orgId,
    recipientId: manager.id,
    kind: 'round.opened',
    locale,
    dedupeKey: `round.opened:${round.id}:${manager.id}`,
    ...content,
    // Whoever opened the round knows it has opened: the mail, but no notification.
    notification:
      manager.id === round.createdBy
        ? null
        : {
            kind: 'round.opened',
            roundId: round.id,
            params: { round: round.name, deadline: round.deadline, count, roundKind: round.kind },
          },
  };
}

function employeeMail(
  t: Awaited<ReturnType<typeof translator>>,
  round: RoundRow,
  employee: CalendarPerson,
  manager: CalendarPerson,
  conversationId: string,
  publicUrl: string,
): OutgoingMail {
  const locale = localeOf(employee);
  const deadline = formatLocalDate(round.deadline, locale);
  const p = { round: round.name, deadline, name: manager.name, kind: round.kind };
  const content = renderMail(
    {
      subject: t('rounds:opened.employee.subject', p),
      heading: t('rounds:opened.employee.heading', p),
      paragraphs: [t('rounds:opened.employee.intro', p), t('rounds:opened.employee.next', p)],
      action: {
        label: t('rounds:opened.employee.open'),
        url: `${publicUrl}/conversations/${conversationId}`,
      },
      footer: t('rounds:opened.employee.footer'),
    },
    locale,
  );
  return {
    orgId: round.orgId,
    recipientId: employee.id,
    kind: 'round.included',
    locale,
    dedupeKey: `round.included:${round.id}:${employee.id}`,
    ...content,
    notification:
      employee.id === round.createdBy
        ? null
        : {
            kind: 'round.included',
            actorId: manager.id,
            conversationId,
            roundId: round.id,
            params: { round: round.name, deadline: round.deadline, roundKind: round.kind },
          },
  };
}

/**
 * Writes "a round has opened" to each manager in the round (how many conversations, by when)
 * and "your conversation is part of it" to each employee, in their language, with the in-app
 * notification of each, for those who have not switched round mails off. Batched by keyset
 * (no query per person); each batch in one transaction. Returns how many mails were new.
 */
export async function announceRound(
  db: Db,
  deps: Deps,
  orgId: string,
  roundId: string,
): Promise<number> {
  const round = await roundRepository.find(db, orgId, roundId);
  if (!round || round.closedAt) return 0;
  const tOf = new Map<Locale, Awaited<ReturnType<typeof translator>>>();
  const tFor = async (l: Locale) => {
    if (!tOf.has(l)) tOf.set(l, await translator(l));
    return tOf.get(l)!;
  };
  let written = 0;

  for (let after = FIRST_ID; ;) {
    const page = await roundRepository.managersPage(db, orgId, roundId, after, BATCH);
    if (page.length === 0) break;
    after = page[page.length - 1]!.managerId;
    const dir = await directory(
      db,
      orgId,
      page.map((r) => r.managerId),
    );
    const mails: OutgoingMail[] = [];
    for (const r of page) {
      const m = dir.person(r.managerId);
      if (!m?.active || !dir.wants(m.id)) continue;
      mails.push(managerMail(await tFor(localeOf(m)), round, m, r.count, deps.publicUrl));
    }
    written += await db.transaction((tx) => deps.mailer.enqueueMany(tx, mails));
  }

  for (let after = FIRST_ID; ;) {
    const page = await roundRepository.employeesPage(db, orgId, roundId, after, BATCH);
    if (page.length === 0) break;
    after = page[page.length - 1]!.employeeId;
    const dir = await directory(
      db,
      orgId,
      page.flatMap((r) => [r.employeeId, r.managerId]),
    );
    const mails: OutgoingMail[] = [];
    for (const r of page) {
      const e = dir.person(r.employeeId);
      const m = dir.person(r.managerId);
      if (!e?.active || !m || !dir.wants(e.id)) continue;
      mails.push(
        employeeMail(await tFor(localeOf(e)), round, e, m, r.conversationId, deps.publicUrl),
      );
    }
    written += await db.transaction((tx) => deps.mailer.enqueueMany(tx, mails));
  }
  return written;
}
