/** The parts every Samtal mail is made of; kinds fill them with translated text. */
export type MailContent = {
  subject: string;
  /** Shown before the mail is opened in most clients. */
  preheader?: string;
  heading: string;
  paragraphs: string[];
  /** A titled list, e.g. the agenda or open actions. */
  lists?: { title: string; items: string[] }[];
  action?: { label: string; url: string };
  footer: string;
};

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML; every value from people passes through here. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** Renders a mail as HTML (inline styles, as mail clients need) and as plain text. */
export function renderMail(
  c: MailContent,
  lang: string,
): { subject: string; html: string; text: string } {
  const p = (s: string) =>
    `<p style="margin:0 0 14px;font-size:15px;line-height:1.5;color:#1f2933">${escapeHtml(s)}</p>`;
  const lists = (c.lists ?? [])
    .filter((l) => l.items.length > 0)
    .map(
      (l) =>
        `<h2 style="margin:20px 0 8px;font-size:15px;color:#1f2933">${escapeHtml(l.title)}</h2>` +
        `<ul style="margin:0 0 14px;padding-left:20px;font-size:15px;line-height:1.5;color:#1f2933">` +
        l.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('') +
        `</ul>`,
    )
    .join('');
  const action = c.action
    ? `<p style="margin:24px 0"><a href="${escapeHtml(c.action.url)}" style="background:#2f5d50;color:#ffffff;text-decoration:none;padding:10px 18px;border-radius:6px;font-size:15px;display:inline-block">${escapeHtml(c.action.label)}</a></p>`
    : '';
  const html = `<!doctype html>
<html lang="${escapeHtml(lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(c.subject)}</title></head>
<body style="margin:0;padding:0;background:#f4f5f2;font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif">
<span style="display:none;max-height:0;overflow:hidden">${escapeHtml(c.preheader ?? '')}</span>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td align="center" style="padding:24px 12px">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:560px;background:#ffffff;border-radius:8px"><tr><td style="padding:28px">
<h1 style="margin:0 0 16px;font-size:20px;color:#1f2933">${escapeHtml(c.heading)}</h1>
${c.paragraphs.map(p).join('\n')}
${lists}
${action}
<p style="margin:24px 0 0;font-size:12px;line-height:1.5;color:#616e7c">${escapeHtml(c.footer)}</p>
</td></tr></table></td></tr></table></body></html>`;
  const textParts = [c.heading, '', ...c.paragraphs.flatMap((x) => [x, ''])];
  for (const l of c.lists ?? []) {
    if (l.items.length === 0) continue;
    textParts.push(l.title, ...l.items.map((i) => `- ${i}`), '');
  }
  if (c.action) textParts.push(`${c.action.label}: ${c.action.url}`, '');
  textParts.push('--', c.footer);
  return { subject: c.subject, html, text: textParts.join('\n') };
}
