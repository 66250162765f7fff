import { z } from 'zod';
import { textLine } from '../text';
import { LOCALES, type Locale } from '../../i18n/index';

/**
 * What a section of the agenda is for. `follow_up` lists the pair's open actions by itself;
 * `employee_topics` is where the employee's own points go; `motivation` carries the employee's
 * 1–5 motivation score for the meeting and its trend across the series (issue #15).
 */
export const SECTION_KINDS = ['standard', 'follow_up', 'employee_topics', 'motivation'] as const;

/** A text in each language; at least one language, every value non-empty. */
export const LocalisedTextSchema = z
  .partialRecord(z.enum(LOCALES), textLine().trim().min(1).max(500))
  .refine((v) => Object.keys(v).length > 0, { message: 'required' });
export type LocalisedText = z.infer<typeof LocalisedTextSchema>;

export const TemplateSectionSchema = z.object({
  key: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[a-z0-9_]+$/),
  kind: z.enum(SECTION_KINDS).default('standard'),
  title: LocalisedTextSchema,
  prompt: LocalisedTextSchema.optional(),
});
export type TemplateSection = z.infer<typeof TemplateSectionSchema>;

const sectionsSchema = z
  .array(TemplateSectionSchema)
  .min(1)
  .max(20)
  .refine((s) => new Set(s.map((x) => x.key)).size === s.length, { message: 'duplicate_key' });

/** An agenda template as stored in `templates/*.json` and in the database. */
export const TemplateSchema = z.object({
  key: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[a-z0-9-]+$/),
  name: LocalisedTextSchema,
  description: LocalisedTextSchema.optional(),
  sections: sectionsSchema,
});
export type Template = z.infer<typeof TemplateSchema>;

/** The body HR sends to add or change an organisation template. */
export const TemplateInputSchema = TemplateSchema.omit({ key: true });
export type TemplateInput = z.infer<typeof TemplateInputSchema>;

/** What a meeting keeps of its template, so later edits never rewrite it. */
export type TemplateSnapshot = {
  ref: string;
  name: LocalisedText;
  sections: TemplateSection[];
};

/** Picks the text for `locale`, falling back to English, then to any language there is. */
export function localise(text: LocalisedText | undefined, locale: Locale | string): string {
  if (!text) return '';
  const t = text as Record<string, string | undefined>;
  return t[locale] ?? t.en ?? Object.values(t).find(Boolean) ?? '';
}

/** The built-in templates must speak every language; organisation ones may not. */
export function missingLocales(template: Template): string[] {
  const missing = new Set<string>();
  const check = (text: LocalisedText | undefined, where: string) => {
    if (!text) return;
    for (const l of LOCALES) if (!text[l]) missing.add(`${where}.${l}`);
  };
  check(template.name, 'name');
  for (const s of template.sections) {
    check(s.title, `${s.key}.title`);
    check(s.prompt, `${s.key}.prompt`);
  }
  return [...missing];
}
