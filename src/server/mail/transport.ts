import nodemailer, { type Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';

/** What a mail transport needs to send one message. */
export type OutgoingMessage = {
  messageId: string;
  from: string;
  to: { name: string; address: string };
  subject: string;
  text: string;
  html: string;
  calendar?: { method: string; content: string } | null;
};

export type MailTransport = { send(message: OutgoingMessage): Promise<void>; close(): void };

/** An SMTP transport from an smtp:// or smtps:// URL (nodemailer). */
export function smtpTransport(url: string): MailTransport {
  const options: SMTPTransport.Options = {
    url,
    // Fail fast so a dead server turns into a retry rather than a stuck worker.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  };
  const transporter: Transporter = nodemailer.createTransport(options);
  return {
    async send(m) {
      await transporter.sendMail({
        messageId: m.messageId,
        from: m.from,
        to: m.to,
        subject: m.subject,
        text: m.text,
        html: m.html,
        headers: { 'Auto-Submitted': 'auto-generated' },
        ...(m.calendar
          ? { icalEvent: { method: m.calendar.method, content: m.calendar.content } }
          : {}),
      });
    },
    close: () => transporter.close(),
  };
}
