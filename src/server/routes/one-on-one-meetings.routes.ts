import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { textBlock, textLine } from '../../domain/text';
import { PrivateNoteInputSchema } from '../../contracts/vault';
import type { Actor } from '../../domain/roles';
import { localise } from '../../domain/one-on-one/template';
import { requireActor } from '../plugins/auth';
import { presentMeetingPolicy } from '../presenters/policy.presenter';
import { presentAction } from '../presenters/one-on-one-action.presenter';
import {
  presentMeeting,
  presentPoint,
  presentPrivateNote,
  presentSeries,
} from '../presenters/one-on-one.presenter';
import {
  IsoDate,
  LocalTime,
  MeetingDetailSchema,
  MeetingSchema,
  PointSchema,
  PrivateNoteSchema,
} from '../../contracts/one-on-ones';
import type { OneOnOneMeetingService } from '../services/one-on-one-meeting.service';
import { IdParams, errors } from './schemas';
import { ErrorSchema } from '../../contracts/common';

type Detail = Awaited<ReturnType<OneOnOneMeetingService['get']>>;

/** Shapes a meeting for one of its pair, in the viewer's language. */
export function presentMeetingDetail(
  d: Detail,
  actor: Actor,
  now: Date,
): z.infer<typeof MeetingDetailSchema> {
  const series = presentSeries(d.series.series, d.series, actor);
  const ctx = { snapshot: d.snapshot, locale: actor.locale, managerId: d.series.series.managerId };
  return {
    meeting: presentMeeting(d.meeting, { hasMinutes: Boolean(d.minutes) }),
    series,
    myRole: series.myRole,
    can: presentMeetingPolicy(actor, d.series.series),
    template: { ref: d.snapshot.ref, name: localise(d.snapshot.name, actor.locale) },
    agenda: d.points.map((p) => presentPoint(p.point, p.note, ctx)),
    followUp: d.followUp.map((a) => presentAction(a.action, a.ownerTimeZone, now)),
    actions: d.actions.map((a) => presentAction(a.action, a.ownerTimeZone, now)),
    minutes: {
      available: Boolean(d.minutes),
      acknowledgedAt: d.minutes?.acknowledgedAt?.toISOString() ?? null,
    },
    nextMeeting: d.nextMeeting ? presentMeeting(d.nextMeeting) : null,
    serverTime: now.toISOString(),
  };
}

/** One meeting: its agenda, moving and cancelling it, topics, and the viewer's private note. */
export async function oneOnOneMeetingRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const meetings = () => app.services.oneOnOne.meetings;
  const notes = () => app.services.oneOnOne.notes;
  const series = () => app.services.oneOnOne.series;
  const tags = ['one-on-ones'];

  r.get(
    '/api/one-on-ones/meetings/:id',
    { schema: { tags, params: IdParams, response: { 200: MeetingDetailSchema, ...errors } } },
    async (request) => {
      const actor = requireActor(request);
      return presentMeetingDetail(
        await meetings().get(actor, request.params.id),
        actor,
        app.services.clock.now(),
      );
    },
  );

  r.post(
    '/api/one-on-ones/meetings/:id/move',
    {
      schema: {
        tags,
        params: IdParams,
        body: z.object({
          date: IsoDate,
          time: LocalTime,
          reason: textBlock().trim().max(1000).nullable().optional(),
        }),
        response: { 200: MeetingSchema, ...errors },
      },
    },
    async (request) =>
      presentMeeting(await series().move(requireActor(request), request.params.id, request.body)),
  );

  r.post(
    '/api/one-on-ones/meetings/:id/cancel',
    {
      schema: {
        tags,
        params: IdParams,
        body: z.object({ reason: textBlock().trim().min(1).max(1000) }),
        response: { 200: MeetingSchema, ...errors },
      },
    },
    async (request) =>
      presentMeeting(await series().cancel(requireActor(request), request.params.id, request.body)),
  );

  r.post(
    '/api/one-on-ones/meetings/:id/points',
    {
      schema: {
        tags,
        params: IdParams,
        body: z.object({
          title: textLine().trim().min(1).max(500),
          /** A template section to file it under; the employee's default is "your topics". */
          sectionKey: textLine().max(64).nullable().optional(),
        }),
        response: { 201: PointSchema, ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const added = await meetings().addPoint(actor, request.params.id, request.body);
      const ctx = { snapshot: added.snapshot, locale: actor.locale, managerId: added.managerId };
      return reply.status(201).send(presentPoint(added.point, null, ctx));
    },
  );

  r.put(
    '/api/one-on-ones/meetings/:id/points/order',
    {
      schema: {
        tags,
        params: IdParams,
        body: z.object({ pointIds: z.array(z.uuid()).max(200) }),
        response: { 200: MeetingDetailSchema, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await meetings().reorder(actor, request.params.id, request.body.pointIds);
      return presentMeetingDetail(
        await meetings().get(actor, request.params.id),
        actor,
        app.services.clock.now(),
      );
    },
  );

  r.get(
    '/api/one-on-ones/meetings/:id/private-note',
    { schema: { tags, params: IdParams, response: { 200: PrivateNoteSchema, ...errors } } },
    async (request) =>
      presentPrivateNote(
        request.params.id,
        await notes().privateNote(requireActor(request), request.params.id),
      ),
  );

  r.put(
    '/api/one-on-ones/meetings/:id/private-note',
    {
      schema: {
        tags,
        params: IdParams,
        body: PrivateNoteInputSchema,
        response: { 200: PrivateNoteSchema, ...errors, 409: ErrorSchema },
      },
    },
    async (request) =>
      presentPrivateNote(
        request.params.id,
        await notes().savePrivateNote(requireActor(request), request.params.id, request.body),
      ),
  );
}
