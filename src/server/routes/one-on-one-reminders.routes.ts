import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../plugins/auth';
import {
  NewReminderSchema,
  ReminderDoneSchema,
  ReminderListSchema,
  ReminderSchema,
} from '../../contracts/reminders';
import { presentReminder } from '../presenters/one-on-one-reminder.presenter';
import { IdParams, errors } from './schemas';

const ReminderParams = z.object({ id: z.uuid(), reminderId: z.uuid() });

/**
 * The manager's sealed "remember to ask" reminders on a meeting (issue #15). Only the
 * manager of the pair gets an answer; anyone else, the employee included, gets 404.
 */
export async function oneOnOneReminderRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const reminders = () => app.services.oneOnOne.reminders;
  const tags = ['one-on-ones'];

  r.get(
    '/api/one-on-ones/meetings/:id/reminders',
    {
      schema: {
        tags,
        description:
          'The caller’s own reminders this meeting shows: open ones from it and earlier meetings of the series, and those ticked off in it.',
        params: IdParams,
        response: { 200: ReminderListSchema, ...errors },
      },
    },
    async (request) => ({
      items: (await reminders().list(requireActor(request), request.params.id)).map(
        presentReminder,
      ),
    }),
  );

  r.post(
    '/api/one-on-ones/meetings/:id/reminders',
    {
      schema: {
        tags,
        description: 'Adds a reminder sealed in the author’s browser (a vault is needed).',
        params: IdParams,
        body: NewReminderSchema,
        response: { 201: ReminderSchema, ...errors },
      },
    },
    async (request, reply) => {
      const row = await reminders().add(
        requireActor(request),
        request.params.id,
        request.body.sealed,
      );
      return reply.status(201).send(presentReminder(row));
    },
  );

  r.patch(
    '/api/one-on-ones/meetings/:id/reminders/:reminderId',
    {
      schema: {
        tags,
        description: 'Ticks a reminder off in this meeting, or undoes that.',
        params: ReminderParams,
        body: ReminderDoneSchema,
        response: { 200: ReminderSchema, ...errors },
      },
    },
    async (request) =>
      presentReminder(
        await reminders().setDone(
          requireActor(request),
          request.params.id,
          request.params.reminderId,
          request.body.done,
        ),
      ),
  );
}
