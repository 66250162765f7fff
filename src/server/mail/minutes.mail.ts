import type { TFunction } from 'i18next';
import type { MinutesContent } from '../../domain/one-on-one/minutes';

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/** The decision minutes as an e-mail in the employee's language: subject, text and HTML. */
export function renderMinutesMail(
  m: MinutesContent,
  t: TFunction,
): { subject: string; text: string; html: string } {
  const k = (key: string, params?: Record<string, unknown>) =>
    t(`oneOnOne:minutesMail.${key}`, params);
  const subject = k('subject', { manager: m.manager.name, date: m.date });
  const owner = (a: { ownerName: string; dueDate: string | null }) =>
    a.dueDate
      ? k('ownerDue', { owner: a.ownerName, date: a.dueDate })
      : k('owner', { owner: a.ownerName });

  const lines: string[] = [
    k('intro', { employee: m.employee.name, manager: m.manager.name, date: m.date }),
    '',
  ];
  const html: string[] = [`<p>${escapeHtml(lines[0]!)}</p>`];
  if (m.topics.length) {
    lines.push(k('topics'));
    html.push(`<h2>${escapeHtml(k('topics'))}</h2>`);
    for (const topic of m.topics) {
      lines.push(`• ${topic.title}`);
      html.push(`<h3>${escapeHtml(topic.title)}</h3>`);
      if (topic.notes) {
        lines.push(...topic.notes.split('\n').map((l) => `  ${l}`));
        html.push(`<p>${escapeHtml(topic.notes).replace(/\n/g, '<br>')}</p>`);
      }
      if (topic.decision) {
        lines.push(`  ${k('decision')}: ${topic.decision}`);
        html.push(
          `<p><strong>${escapeHtml(k('decision'))}:</strong> ${escapeHtml(topic.decision)}</p>`,
        );
      }
    }
    lines.push('');
  }
  if (m.actions.length) {
    lines.push(k('actions'));
    html.push(`<h2>${escapeHtml(k('actions'))}</h2><ul>`);
    for (const a of m.actions) {
      lines.push(`• ${a.title} (${owner(a)})`);
      html.push(`<li>${escapeHtml(a.title)} (${escapeHtml(owner(a))})</li>`);
    }
    html.push('</ul>');
    lines.push('');
  }
  const next = m.nextMeeting
    ? k('next', { date: m.nextMeeting.date, time: m.nextMeeting.time })
    : k('noNext');
  lines.push(next, '', k('acknowledge'));
  html.push(`<p>${escapeHtml(next)}</p>`, `<p>${escapeHtml(k('acknowledge'))}</p>`);
  return { subject, text: lines.join('\n'), html: html.join('\n') };
}
