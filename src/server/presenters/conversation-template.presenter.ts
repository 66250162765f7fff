import { z } from 'zod';
import type {
  ConversationTemplateRow,
  ConversationTemplateVersionRow,
  TemplateWithLatest,
} from '../repositories/conversation-template.repository';
import {
  ConversationTemplateDetailSchema,
  ConversationTemplateSummarySchema,
} from '../../contracts/conversation-templates';

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
