import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../plugins/auth';
import { MailCursor, MailKindSchema, MailLimit, mailPage, presentEnvelope } from './mail-schemas';
import {
  MailEnvelopeSchema,
  MailStatusSchema,
  NotificationSettingsSchema,
  OwnMailSchema,
  OwnMailSummarySchema,
} from '../../contracts/mail';
import { IdParams, errors } from './schemas';

/**
 * The admin's mailbox (envelopes only, and "send again"), each person's own mail, and their
 * mail settings (decision 025). No route here gives anyone but a mail's recipient its content.
 */
export async function mailRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/admin/mailbox',
    {
      schema: {
        tags: ['mail'],
        querystring: z.object({
          cursor: MailCursor.optional(),
          limit: MailLimit,
          status: MailStatusSchema.optional(),
          kind: MailKindSchema.optional(),
        }),
        response: {
          200: z.object({ items: z.array(MailEnvelopeSchema), nextCursor: z.string().nullable() }),
          ...errors,
        },
      },
    },
    async (request) => {
      const { limit, cursor, status, kind } = request.query;
      const rows = await app.services.mailbox.envelopes(requireActor(request), {
        limit: limit + 1,
        ...(cursor ? { before: cursor } : {}),
        ...(status ? { status } : {}),
        ...(kind ? { kind } : {}),
      });
      const { items, nextCursor } = mailPage(rows, limit);
      return { items: items.map(presentEnvelope), nextCursor };
    },
  );

  r.post(
    '/api/admin/mailbox/:id/send-again',
    {
      schema: {
        tags: ['mail'],
        params: IdParams,
        response: { 200: MailEnvelopeSchema, ...errors },
      },
    },
    async (request) =>
      presentEnvelope(
        await app.services.mailbox.sendAgain(requireActor(request), request.params.id),
      ),
  );

  r.get(
    '/api/me/mail',
    {
      schema: {
        tags: ['mail'],
        querystring: z.object({ cursor: MailCursor.optional(), limit: MailLimit }),
        response: {
          200: z.object({
            items: z.array(OwnMailSummarySchema),
            nextCursor: z.string().nullable(),
          }),
          ...errors,
        },
      },
    },
    async (request) => {
      const { limit, cursor } = request.query;
      const rows = await app.services.mailbox.ownMails(requireActor(request), {
        limit: limit + 1,
        ...(cursor ? { before: cursor } : {}),
      });
      const { items, nextCursor } = mailPage(rows, limit);
      return {
        items: items.map((m) => ({
          id: m.id,
          kind: m.kind,
          locale: m.locale,
          subject: m.subject,
          status: m.status,
          hasCalendar: !!m.hasCalendar,
          createdAt: m.createdAt,
          sentAt: m.sentAt,
        })),
        nextCursor,
      };
    },
  );

  r.get(
    '/api/me/mail/:id',
    { schema: { tags: ['mail'], params: IdParams, response: { 200: OwnMailSchema, ...errors } } },
    async (request) => {
      const { mail, name, email } = await app.services.mailbox.ownMail(
        requireActor(request),
        request.params.id,
      );
      return {
        id: mail.id,
        kind: mail.kind,
        locale: mail.locale,
        subject: mail.subject,
        status: mail.status,
        hasCalendar: mail.calendar !== null,
        createdAt: mail.createdAt,
        sentAt: mail.sentAt,
        to: { name, email },
        text: mail.textBody,
        html: mail.htmlBody,
        calendarMethod: mail.calendarMethod,
        calendar: mail.calendar,
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
