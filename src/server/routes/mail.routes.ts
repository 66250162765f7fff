import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { textLine } from '../../domain/text';
import { requireActor } from '../plugins/auth';
import { IdParams, errors } from './schemas';

const MailSummarySchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  to: z.object({ name: z.string(), email: z.string() }),
  locale: z.string(),
  subject: z.string(),
  status: z.string(),
  attempts: z.int(),
  lastError: z.string().nullable(),
  hasCalendar: z.boolean(),
  createdAt: z.date(),
  sentAt: z.date().nullable(),
});

const MailSchema = MailSummarySchema.extend({
  text: z.string(),
  html: z.string(),
  calendarMethod: z.string().nullable(),
  calendar: z.string().nullable(),
});

type Row = Awaited<ReturnType<FastifyInstance['services']['mailbox']['get']>>;

const summary = (r: Pick<Row, 'mail' | 'email' | 'name'>) => ({
  id: r.mail.id,
  kind: r.mail.kind,
  to: { name: r.name, email: r.email },
  locale: r.mail.locale,
  subject: r.mail.subject,
  status: r.mail.status,
  attempts: r.mail.attempts,
  lastError: r.mail.lastError,
  hasCalendar: r.mail.calendar !== null,
  createdAt: r.mail.createdAt,
  sentAt: r.mail.sentAt,
});

const NotificationSettingsSchema = z.object({
  invitations: z.boolean(),
  addTopics: z.boolean(),
  addTopicsDays: z.int().min(1).max(7),
  prepare: z.boolean(),
  reflect: z.boolean(),
  minutes: z.boolean(),
  digest: z.boolean(),
  quietStart: textLine().max(5),
  quietEnd: textLine().max(5),
});

const Cursor = z
  .string()
  .max(200)
  .transform((s, ctx) => {
    const [at, id] = Buffer.from(s, 'base64url').toString('utf8').split('|');
    const parsed = z.object({ at: z.iso.datetime(), id: z.uuid() }).safeParse({ at, id });
    if (!parsed.success) {
      ctx.addIssue({ code: 'custom', message: 'invalid' });
      return z.NEVER;
    }
    return { createdAt: new Date(parsed.data.at), id: parsed.data.id };
  });

/** The admin's mailbox and each person's mail settings. */
export async function mailRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/admin/mailbox',
    {
      schema: {
        tags: ['mail'],
        querystring: z.object({
          cursor: Cursor.optional(),
          limit: z.coerce.number().int().min(1).max(100).default(30),
        }),
        response: {
          200: z.object({ items: z.array(MailSummarySchema), nextCursor: z.string().nullable() }),
          ...errors,
        },
      },
    },
    async (request) => {
      const { limit, cursor } = request.query;
      const rows = await app.services.mailbox.list(requireActor(request), {
        limit: limit + 1,
        ...(cursor ? { before: cursor } : {}),
      });
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      return {
        items: page.map(summary),
        nextCursor:
          rows.length > limit && last
            ? Buffer.from(`${last.mail.createdAt.toISOString()}|${last.mail.id}`).toString(
                'base64url',
              )
            : null,
      };
    },
  );

  r.get(
    '/api/admin/mailbox/:id',
    { schema: { tags: ['mail'], params: IdParams, response: { 200: MailSchema, ...errors } } },
    async (request) => {
      const row = await app.services.mailbox.get(requireActor(request), request.params.id);
      return {
        ...summary(row),
        text: row.mail.textBody,
        html: row.mail.htmlBody,
        calendarMethod: row.mail.calendarMethod,
        calendar: row.mail.calendar,
      };
    },
  );

  r.get(
    '/api/me/notification-settings',
    { schema: { tags: ['mail'], response: { 200: NotificationSettingsSchema, ...errors } } },
    async (request) => app.services.notificationSettings.get(requireActor(request)),
  );

  r.patch(
    '/api/me/notification-settings',
    {
      schema: {
        tags: ['mail'],
        body: NotificationSettingsSchema.partial(),
        response: { 200: NotificationSettingsSchema, ...errors },
      },
    },
    async (request) => app.services.notificationSettings.save(requireActor(request), request.body),
  );
}
