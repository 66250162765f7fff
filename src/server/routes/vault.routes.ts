import { normaliseTopic } from '../../domain/one-on-one/reflection';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../plugins/auth';
import { presentPasskey, presentVault } from '../presenters/vault.presenter';
import {
  MyVaultSchema,
  NewPasskeySchema,
  NewVaultSchema,
  PasskeySchema,
  PasskeysSchema,
  PassphraseWrapSchema,
  SealedSchema,
} from '../../contracts/vault';
import { SealingStatusSchema, UnsealedNotesSchema } from '../../contracts/sealing';
import { SEAL_BATCH } from '../services/vault.service';
import { errors } from './schemas';
import { ErrorSchema } from '../../contracts/common';

/** The caller's own vault for sealed notes (decision 018). No route names another person. */
export async function vaultRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const vault = () => app.services.vault;
  const tags = ['vault'];
  const noStore = { 'cache-control': 'private, no-store' };

  r.get(
    '/api/vault',
    { schema: { tags, response: { 200: MyVaultSchema, ...errors } } },
    async (request, reply) => {
      reply.headers(noStore);
      return presentVault(await vault().mine(requireActor(request)));
    },
  );

  r.post(
    '/api/vault',
    {
      schema: {
        tags,
        body: NewVaultSchema,
        response: { 201: MyVaultSchema, ...errors, 409: ErrorSchema },
      },
    },
    async (request, reply) => {
      const created = await vault().create(requireActor(request), request.body);
      return reply.code(201).send(presentVault(created));
    },
  );

  r.put(
    '/api/vault/passphrase',
    {
      schema: {
        tags,
        body: z.object({ keyVersion: z.int().min(1), passphrase: PassphraseWrapSchema }),
        response: { 200: MyVaultSchema, ...errors, 409: ErrorSchema },
      },
    },
    async (request) =>
      presentVault(await vault().changePassphrase(requireActor(request), request.body)),
  );

  r.get(
    '/api/vault/passkeys',
    { schema: { tags, response: { 200: PasskeysSchema, ...errors } } },
    async (request, reply) => {
      reply.headers(noStore);
      return { items: (await vault().passkeys(requireActor(request))).map(presentPasskey) };
    },
  );

  r.post(
    '/api/vault/passkeys',
    {
      schema: {
        tags,
        body: NewPasskeySchema,
        response: { 201: PasskeySchema, ...errors, 409: ErrorSchema },
      },
    },
    async (request, reply) => {
      const created = await vault().addPasskey(requireActor(request), request.body);
      return reply.code(201).send(presentPasskey(created));
    },
  );

  r.delete(
    '/api/vault/passkeys/:id',
    {
      schema: {
        tags,
        params: z.object({ id: z.uuid() }),
        response: { 200: z.object({ ok: z.literal(true) }), ...errors },
      },
    },
    async (request) => {
      await vault().removePasskey(requireActor(request), request.params.id);
      return { ok: true as const };
    },
  );

  r.get(
    '/api/vault/unsealed',
    { schema: { tags, response: { 200: UnsealedNotesSchema, ...errors } } },
    async (request, reply) => {
      reply.headers(noStore);
      const { notes, reflections } = await vault().unsealed(requireActor(request));
      return {
        items: notes.map((n) => ({ ...n, body: n.body ?? '' })),
        reflections: reflections.map((x) => ({ ...x, topics: x.topics.map(normaliseTopic) })),
      };
    },
  );

  r.post(
    '/api/vault/seal',
    {
      schema: {
        tags,
        body: z.object({
          notes: z
            .array(z.object({ id: z.uuid(), version: z.int().min(1), sealed: SealedSchema }))
            .max(SEAL_BATCH)
            .default([]),
          reflections: z
            .array(z.object({ id: z.uuid(), sealed: SealedSchema }))
            .max(SEAL_BATCH)
            .default([]),
        }),
        response: { 200: z.object({ sealed: z.int() }), ...errors, 409: ErrorSchema },
      },
    },
    async (request) =>
      vault().seal(requireActor(request), request.body.notes, request.body.reflections),
  );

  r.get(
    '/api/admin/sealing',
    { schema: { tags, response: { 200: SealingStatusSchema, ...errors } } },
    async (request) => vault().status(requireActor(request)),
  );
}
