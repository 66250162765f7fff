import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { textBlock } from '../../domain/text';
import { requireActor } from '../plugins/auth';
import { presentSharedNote } from '../presenters/one-on-one.presenter';
import {
  MeetingDetailSchema,
  PointUpdateSchema,
  SharedNoteSchema,
} from '../../contracts/one-on-ones';
import { presentMeetingDetail } from './one-on-one-meetings.routes';
import { IdParams, Ok, errors } from './schemas';
import { ErrorSchema } from '../../contracts/common';

/** A point on the agenda: tick it off, rename it, move it on, and its shared note. */
export async function oneOnOnePointRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const meetings = () => app.services.oneOnOne.meetings;
  const notes = () => app.services.oneOnOne.notes;
  const tags = ['one-on-ones'];

  r.patch(
    '/api/one-on-ones/points/:id',
    {
      schema: {
        tags,
        params: IdParams,
        body: PointUpdateSchema,
        response: { 200: MeetingDetailSchema, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const point = await meetings().updatePoint(actor, request.params.id, request.body);
      return presentMeetingDetail(
        await meetings().get(actor, point.meetingId),
        actor,
        app.services.clock.now(),
      );
    },
  );

  r.delete(
    '/api/one-on-ones/points/:id',
    { schema: { tags, params: IdParams, response: { 200: Ok, ...errors } } },
    async (request) => {
      await meetings().deletePoint(requireActor(request), request.params.id);
      return { ok: true as const };
    },
  );

  r.post(
    '/api/one-on-ones/points/:id/carry-over',
    {
      schema: {
        tags,
        params: IdParams,
        response: {
          200: z.object({ pointId: z.uuid(), meetingId: z.uuid() }),
          ...errors,
        },
      },
    },
    async (request) => meetings().carryOver(requireActor(request), request.params.id),
  );

  r.put(
    '/api/one-on-ones/points/:id/note',
    {
      schema: {
        tags,
        params: IdParams,
        body: z.object({
          body: textBlock().max(50_000),
          decision: textBlock().max(5_000).default(''),
          /** The version this text started from (0 for a new note). */
          baseVersion: z.int().min(0),
        }),
        response: {
          200: z.object({
            note: SharedNoteSchema,
            /** True when someone else's save was merged in: show the text again. */
            merged: z.boolean(),
          }),
          ...errors,
          409: ErrorSchema,
        },
      },
    },
    async (request) => {
      const res = await notes().saveNote(requireActor(request), request.params.id, request.body);
      return { note: presentSharedNote(res.note), merged: res.merged };
    },
  );
}
