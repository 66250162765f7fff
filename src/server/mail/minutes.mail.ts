import type { TFunction } from 'i18next';
import type { MinutesContent } from '../../domain/one-on-one/minutes';
import { formatLocalDate, formatLocalTime } from './format';
import { renderMail } from './layout';

/** The decision minutes as an e-mail in the employee's language: subject, text and HTML. */
export function renderMinutesMail(
  m: MinutesContent,
  t: TFunction,
  link?: string,
): { subject: string; text: string; html: string } {
  const k = (key: string, params?: Record<string, unknown>) =>
    t(`oneOnOne:minutesMail.${key}`, params);
  const date = formatLocalDate(m.date, m.locale);
  const owner = (a: { ownerName: string; dueDate: string | null }) =>
    a.dueDate
      ? k('ownerDue', { owner: a.ownerName, date: formatLocalDate(a.dueDate, m.locale) })
      : k('owner', { owner: a.ownerName });
  const subject = k('subject', { manager: m.manager.name, date });
  return renderMail(
    {
      subject,
      heading: subject,
      paragraphs: [
        k('intro', { employee: m.employee.name, manager: m.manager.name, date }),
        m.nextMeeting
          ? k('next', {
              date: formatLocalDate(m.nextMeeting.date, m.locale),
              time: formatLocalTime(m.nextMeeting.time, m.locale),
            })
          : k('noNext'),
        k('acknowledge'),
      ],
      lists: [
        // One list per topic: its shared notes line by line, then the decision.
        ...m.topics.map((topic) => ({
          title: topic.title,
          items: [
            ...topic.notes.split('\n').filter((line) => line.trim() !== ''),
            ...(topic.decision ? [`${k('decision')}: ${topic.decision}`] : []),
          ],
        })),
        { title: k('actions'), items: m.actions.map((a) => `${a.title} (${owner(a)})`) },
      ],
      ...(link ? { action: { label: t('mail:open'), url: link } } : {}),
      footer: t('mail:footer'),
    },
    m.locale,
  );
}
