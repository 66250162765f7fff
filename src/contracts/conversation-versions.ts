/** Agreement versions and sign-off (decision 012). */
import { z } from 'zod';
import { CONVERSATION_STATUSES } from '../domain/development/template';
import { AgreementSchema } from '../domain/development/versions';

const iso = z.iso.datetime();

export const VersionSummarySchema = z.object({
  version: z.number().int(),
  createdAt: iso,
  createdBy: z.object({ id: z.uuid(), name: z.string() }),
  /** Empty for version 1 (made by closing); what the corrector wrote for later ones. */
  summary: z.string().nullable(),
  changes: z.array(z.string()),
  acknowledgedAt: iso.nullable(),
  acknowledgementComment: z.string().nullable(),
});

export const SignOffSchema = z.object({
  conversationId: z.uuid(),
  status: z.enum(CONVERSATION_STATUSES),
  closedAt: iso.nullable(),
  signedAt: iso.nullable(),
  versions: z.array(VersionSummarySchema),
});

export const VersionSchema = VersionSummarySchema.extend({ content: AgreementSchema });
