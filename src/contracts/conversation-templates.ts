/** Conversation templates (decision 010): summaries and one template's sections. */
import { z } from 'zod';
import { CONVERSATION_KINDS, TemplateSectionSchema } from '../domain/development/template';
import { LocalisedTextSchema } from '../domain/one-on-one/template';

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
