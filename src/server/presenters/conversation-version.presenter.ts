import { z } from 'zod';
import { CONVERSATION_STATUSES } from '../../domain/development/template';
import { AgreementSchema } from '../../domain/development/versions';
import type { VersionRow } from '../repositories/conversation-version.repository';

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

export function presentVersionSummary(v: VersionRow, createdByName: string) {
  return {
    version: v.version,
    createdAt: v.createdAt.toISOString(),
    createdBy: { id: v.createdBy, name: createdByName },
    summary: v.summary,
    changes: v.changes,
    acknowledgedAt: v.acknowledgedAt?.toISOString() ?? null,
    acknowledgementComment: v.acknowledgementComment,
  };
}

export function presentSignOff(
  c: {
    id: string;
    status: (typeof CONVERSATION_STATUSES)[number];
    closedAt: Date | null;
    signedAt: Date | null;
  },
  versions: { version: VersionRow; createdByName: string }[],
): z.infer<typeof SignOffSchema> {
  return {
    conversationId: c.id,
    status: c.status,
    closedAt: c.closedAt?.toISOString() ?? null,
    signedAt: c.signedAt?.toISOString() ?? null,
    versions: versions.map((v) => presentVersionSummary(v.version, v.createdByName)),
  };
}
