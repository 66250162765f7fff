import { z } from 'zod';
import { LOCALES } from '../../i18n/index';
import {
  CONVERSATION_KINDS,
  uniqueKeyIssues,
  LocalisedTextSchema,
  TemplateSectionSchema,
  type ConversationTemplateContent,
  type LocalisedText,
} from './template';

/** The marker every exported template file carries, so a wrong file is recognised at once. */
const TEMPLATE_FILE_FORMAT = 'samtal.conversation-template';
const TEMPLATE_FILE_VERSION = 1;

/** What HR sends to create or change a template (kind, names and the content). */
const inputShape = {
  kind: z.enum(CONVERSATION_KINDS),
  name: LocalisedTextSchema,
  description: LocalisedTextSchema.optional().nullable(),
  sections: z.array(TemplateSectionSchema).min(1).max(20),
};
export const ConversationTemplateInputSchema = z
  .object(inputShape)
  .superRefine((t, ctx) => uniqueKeyIssues(t.sections, ctx));

/** An edit names the version it started from, so a save in between is noticed. */
export const ConversationTemplateUpdateSchema = z
  .object({ ...inputShape, baseVersion: z.number().int().min(1) })
  .superRefine((t, ctx) => uniqueKeyIssues(t.sections, ctx));
export type ConversationTemplateInput = z.infer<typeof ConversationTemplateInputSchema>;

/**
 * The import/export file (docs/conversation-templates.md). Built-in templates in
 * templates/development/*.json use the same format plus their `key`.
 */
export const ConversationTemplateFileSchema = z
  .object({
    format: z.literal(TEMPLATE_FILE_FORMAT),
    formatVersion: z.literal(TEMPLATE_FILE_VERSION),
    key: z
      .string()
      .regex(/^[a-z0-9-]+$/)
      .optional(),
    kind: z.enum(CONVERSATION_KINDS),
    name: LocalisedTextSchema,
    description: LocalisedTextSchema.optional().nullable(),
    sections: z.array(TemplateSectionSchema).min(1).max(20),
  })
  .superRefine((file, ctx) => uniqueKeyIssues(file.sections, ctx));
export type ConversationTemplateFile = z.infer<typeof ConversationTemplateFileSchema>;

/** The file for a template's current version. */
export function toTemplateFile(t: {
  kind: ConversationTemplateFile['kind'];
  name: LocalisedText;
  description: LocalisedText | null;
  content: ConversationTemplateContent;
}): ConversationTemplateFile {
  return {
    format: TEMPLATE_FILE_FORMAT,
    formatVersion: TEMPLATE_FILE_VERSION,
    kind: t.kind,
    name: t.name,
    ...(t.description ? { description: t.description } : {}),
    sections: t.content.sections,
  };
}

/** Paths of texts lacking a language: built-in templates must speak all four. */
export function missingTemplateLocales(file: ConversationTemplateFile): string[] {
  const missing: string[] = [];
  const check = (text: LocalisedText | null | undefined, where: string) => {
    if (!text) return;
    for (const l of LOCALES) if (!text[l]) missing.push(`${where}.${l}`);
  };
  check(file.name, 'name');
  check(file.description, 'description');
  file.sections.forEach((s, si) => {
    check(s.title, `sections.${si}.title`);
    check(s.intro, `sections.${si}.intro`);
    s.questions.forEach((q, qi) => {
      const at = `sections.${si}.questions.${qi}`;
      check(q.text, `${at}.text`);
      check(q.help, `${at}.help`);
      if (q.answer.type === 'scale')
        q.answer.labels.forEach((l, i) => check(l, `${at}.labels.${i}`));
      if (q.answer.type === 'single' || q.answer.type === 'multiple')
        q.answer.options.forEach((o, i) => check(o.label, `${at}.options.${i}`));
    });
  });
  return missing;
}
