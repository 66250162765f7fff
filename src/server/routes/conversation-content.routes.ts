import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { textBlock, textLine } from '../../domain/text';
import { PrivateNoteInputSchema } from '../../contracts/vault';
import { requireActor } from '../plugins/auth';
import { presentAction } from '../presenters/one-on-one-action.presenter';
import {
  ActionSchema,
  IsoDate,
  PrivateNoteSchema,
  SharedNoteSchema,
} from '../../contracts/one-on-ones';
import { presentPreparation } from '../presenters/conversation.presenter';
import { AnswersSchema, PreparationSchema } from '../../contracts/conversations';
import { presentPrivateNote, presentSharedNote } from '../presenters/one-on-one.presenter';
import { IdParams, errors } from './schemas';
import { ErrorSchema } from '../../contracts/common';

const NOTE_MAX = 20_000;
const PreparationBody = z.object({ answers: AnswersSchema });
const ActionBody = z.object({
  title: textLine().trim().min(1).max(500),
  ownerId: z.uuid(),
  dueDate: IsoDate.nullable().optional(),
});

/** What the pair writes: preparation, agreed notes per section, private notes, closing plan. */
export async function conversationContentRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const prep = () => app.services.conversations.preparation;
  const meeting = () => app.services.conversations.meeting;
  const actionOf = async (actor: ReturnType<typeof requireActor>, id: string) => {
    const { action, ownerTimeZone } = await app.services.oneOnOne.actions.get(actor, id);
    return presentAction(action, ownerTimeZone, app.services.clock.now());
  };
  const tags = ['conversations'];

  r.put(
    '/api/conversations/:id/preparation',
    {
      schema: {
        tags,
        params: IdParams,
        body: PreparationBody,
        response: { 200: PreparationSchema, ...errors },
      },
    },
    async (request) =>
      presentPreparation(
        await prep().saveDraft(requireActor(request), request.params.id, request.body.answers),
      ),
  );

  r.post(
    '/api/conversations/:id/preparation/submit',
    {
      schema: {
        tags,
        params: IdParams,
        body: PreparationBody,
        response: { 200: PreparationSchema, ...errors },
      },
    },
    async (request) =>
      presentPreparation(
        await prep().submit(requireActor(request), request.params.id, request.body.answers),
      ),
  );

  r.put(
    '/api/conversations/:id/sections/:pointId/note',
    {
      schema: {
        tags,
        params: IdParams.extend({ pointId: z.uuid() }),
        body: z.object({
          body: textBlock().max(NOTE_MAX),
          decision: textBlock().max(NOTE_MAX).default(''),
          baseVersion: z.int().min(0),
        }),
        response: {
          200: z.object({ note: SharedNoteSchema, merged: z.boolean() }),
          ...errors,
        },
      },
    },
    async (request) => {
      const { note, merged } = await meeting().saveNote(
        requireActor(request),
        request.params.id,
        request.params.pointId,
        request.body,
      );
      return { note: presentSharedNote(note), merged };
    },
  );

  r.put(
    '/api/conversations/:id/private-note',
    {
      schema: {
        tags,
        params: IdParams,
        body: PrivateNoteInputSchema,
        response: { 200: PrivateNoteSchema, ...errors, 409: ErrorSchema },
      },
    },
    async (request) => {
      const note = await meeting().savePrivateNote(
        requireActor(request),
        request.params.id,
        request.body,
      );
      return presentPrivateNote(note.meetingId, note);
    },
  );

  r.post(
    '/api/conversations/:id/actions',
    {
      schema: {
        tags,
        params: IdParams,
        body: ActionBody,
        response: { 201: ActionSchema, ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const row = await meeting().addAction(actor, request.params.id, request.body);
      return reply.status(201).send(await actionOf(actor, row.id));
    },
  );

  r.patch(
    '/api/conversations/:id/actions/:actionId',
    {
      schema: {
        tags,
        params: IdParams.extend({ actionId: z.uuid() }),
        body: ActionBody.partial().extend({ done: z.boolean().optional() }),
        response: { 200: ActionSchema, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await meeting().updateAction(actor, request.params.id, request.params.actionId, request.body);
      return actionOf(actor, request.params.actionId);
    },
  );
}
