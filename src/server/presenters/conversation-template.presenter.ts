import { z } from 'zod';
import {
  CONVERSATION_KINDS,
  LocalisedTextSchema,
  TemplateSectionSchema,
} from '../../domain/development/template';
import type {
  ConversationTemplateRow,
  ConversationTemplateVersionRow,
  TemplateWithLatest,
} from '../repositories/conversation-template.repository';

const VersionRefSchema = z.object({
  id: z.uuid(),
  version: z.number().int(),
  createdAt: z.string(),
});

export const ConversationTemplateSummarySchema = z.object({
  id: z.uuid(),
  kind: z.enum(CONVERSATION_KINDS),
  name: LocalisedTextSchema,
  description: LocalisedTextSchema.nullable(),
  builtinKey: z.string().nullable(),
  archived: z.boolean(),
  latest: VersionRefSchema,
});

export const ConversationTemplateDetailSchema = ConversationTemplateSummarySchema.extend({
  sections: z.array(TemplateSectionSchema),
  versions: z.array(VersionRefSchema),
});

export function presentTemplateSummary(
  t: TemplateWithLatest,
): z.infer<typeof ConversationTemplateSummarySchema> {
  return {
    id: t.id,
    kind: t.kind,
    name: t.name,
    description: t.description ?? null,
    builtinKey: t.builtinKey,
    archived: t.archivedAt !== null,
    latest: {
      id: t.latest.id,
      version: t.latest.version,
      createdAt: t.latest.createdAt.toISOString(),
    },
  };
}

export function presentTemplateDetail(d: {
  template: ConversationTemplateRow;
  latest: ConversationTemplateVersionRow;
  versions: { id: string; version: number; createdAt: Date }[];
}): z.infer<typeof ConversationTemplateDetailSchema> {
  return {
    ...presentTemplateSummary({ ...d.template, latest: d.latest }),
    sections: d.latest.content.sections,
    versions: d.versions.map((v) => ({
      id: v.id,
      version: v.version,
      createdAt: v.createdAt.toISOString(),
    })),
  };
}
