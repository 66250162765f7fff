import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { textLine } from '../../domain/text';
import { homeFor, type Actor } from '../../domain/roles';
import { can } from '../policies/index';
import { grantableRoles } from '../presenters/person.presenter';
import { requireActor } from '../plugins/auth';
import { Ok, errors } from './schemas';
import { LocaleSchema } from '../../contracts/common';
import { MeSchema, SessionSchema } from '../../contracts/me';

/** What the person may do beyond their own conversations (decision 016). */
function canOf(actor: Actor): Me['can'] {
  return {
    grantRoles: grantableRoles(actor),
    readAudit: can(actor, { do: 'audit.read', orgId: actor.orgId }),
    manageRetention: can(actor, { do: 'org.manage', orgId: actor.orgId }),
    manageScimTokens: can(actor, { do: 'scim.tokens.manage', orgId: actor.orgId }),
    manageScimSettings: can(actor, { do: 'scim.settings.manage', orgId: actor.orgId }),
    managePeople: can(actor, { do: 'people.list', orgId: actor.orgId }),
    importPeople: can(actor, { do: 'people.import', orgId: actor.orgId }),
    manageDepartments: can(actor, { do: 'department.manage', orgId: actor.orgId }),
    manageRounds: can(actor, { do: 'round.manage', orgId: actor.orgId }),
    manageTemplates: can(actor, { do: 'conversationTemplate.manage', orgId: actor.orgId }),
    viewStatistics: can(actor, { do: 'statistics.read', orgId: actor.orgId }),
    manageOrganisationGoals: can(actor, { do: 'organisationGoals.manage', orgId: actor.orgId }),
    readSalaryOutcomes: can(actor, { do: 'salaryOutcome.list', orgId: actor.orgId }),
    readMailbox: can(actor, { do: 'mailbox.read', orgId: actor.orgId }),
    manageSso: can(actor, { do: 'sso.manage', orgId: actor.orgId }),
  };
}

/** "Who am I" from the session alone (its lookup brings the profile along). */
export function presentMe(actor: Actor, profile: NonNullable<Actor['profile']>): Me {
  const org = profile.organisation;
  return {
    id: actor.personId,
    name: actor.name,
    email: actor.email,
    roles: [...actor.roles],
    locale: profile.ownLocale ?? org.defaultLocale,
    ownLocale: profile.ownLocale,
    timeZone: actor.timeZone,
    home: homeFor(actor),
    directReports: actor.directReports,
    coachingTipsHidden: profile.coachingTipsHidden,
    can: canOf(actor),
    organisation: {
      id: org.id,
      name: org.name,
      defaultLocale: org.defaultLocale,
      defaultTimeZone: org.defaultTimeZone,
    },
  };
}

export type Me = z.infer<typeof MeSchema>;

/** The signed-in person: who am I, my language and time zone, my password and sessions. */
export async function meRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  async function me(actor: ReturnType<typeof requireActor>) {
    if (actor.profile) return presentMe(actor, actor.profile);
    const [org, person] = await Promise.all([
      app.services.organisation.get(actor),
      app.services.people.get(actor, actor.personId),
    ]);
    return {
      id: actor.personId,
      name: actor.name,
      email: actor.email,
      roles: [...actor.roles],
      locale: person.locale ?? org.defaultLocale,
      ownLocale: person.locale,
      timeZone: person.timeZone,
      home: homeFor(actor),
      directReports: actor.directReports,
      coachingTipsHidden: person.coachingTipsHidden,
      can: canOf(actor),
      organisation: {
        id: org.id,
        name: org.name,
        defaultLocale: org.defaultLocale,
        defaultTimeZone: org.defaultTimeZone,
      },
    };
  }

  r.get(
    '/api/me',
    { schema: { tags: ['me'], response: { 200: MeSchema, ...errors } } },
    async (request) => me(requireActor(request)),
  );

  r.patch(
    '/api/me',
    {
      schema: {
        tags: ['me'],
        body: z.object({
          locale: LocaleSchema.nullable().optional(),
          timeZone: textLine().optional(),
          /** Hide (or show again) the guidance on the traps of a 1:1. */
          coachingTipsHidden: z.boolean().optional(),
        }),
        response: { 200: MeSchema, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await app.services.people.updateOwnPreferences(actor, request.body);
      const fresh = await app.services.auth.actorForToken(request.cookies.samtal_session ?? '');
      return me(fresh ?? actor);
    },
  );

  r.post(
    '/api/me/password',
    {
      schema: {
        tags: ['me'],
        body: z.object({
          currentPassword: z.string().max(1000),
          newPassword: z.string().max(1000),
        }),
        response: { 200: Ok, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await app.services.auth.changePassword(
        actor,
        request.body.currentPassword,
        request.body.newPassword,
      );
      return { ok: true as const };
    },
  );

  r.get(
    '/api/me/sessions',
    {
      schema: {
        tags: ['me'],
        response: {
          200: z.object({ items: z.array(SessionSchema) }),
          ...errors,
        },
      },
    },
    async (request) => ({ items: await app.services.auth.listSessions(requireActor(request)) }),
  );

  r.delete(
    '/api/me/sessions/:id',
    {
      schema: {
        tags: ['me'],
        params: z.object({ id: textLine().min(8).max(64) }),
        response: { 200: Ok, ...errors },
      },
    },
    async (request) => {
      await app.services.auth.revokeSession(requireActor(request), request.params.id);
      return { ok: true as const };
    },
  );
}
