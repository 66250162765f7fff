import { z } from 'zod';
import { CONVERSATION_STATUSES } from '../../domain/development/template';
import type { VersionRow } from '../repositories/conversation-version.repository';
import { SignOffSchema } from '../../contracts/conversation-versions';

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
