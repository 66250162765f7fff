import { z } from 'zod';
import { textBlock } from '../text';
import type { FieldIssue } from '../errors';
import { LocalisedTextSchema, type LocalisedText } from '../one-on-one/template';

export { LocalisedTextSchema, type LocalisedText };

/** The kinds of conversation a round (or a manager) can open. */
export const CONVERSATION_KINDS = [
  'development',
  'salary',
  'wellbeing',
  'check_in',
  'follow_up',
] as const;
export type ConversationKind = (typeof CONVERSATION_KINDS)[number];

/** not_booked -> booked -> held -> closed -> signed (see docs/dev-contract / decision 010). */
export const CONVERSATION_STATUSES = ['not_booked', 'booked', 'held', 'closed', 'signed'] as const;
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];

/** Who fills a question in before the meeting. */
export const PREPARERS = ['both', 'employee', 'manager'] as const;

export const ANSWER_TYPES = ['text', 'scale', 'yes_no', 'single', 'multiple'] as const;

const keySchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9_]+$/, { message: 'key' });

const ChoiceOptionSchema = z.object({ key: keySchema, label: LocalisedTextSchema });

const optionsSchema = z
  .array(ChoiceOptionSchema)
  .min(2)
  .max(20)
  .refine((o) => new Set(o.map((x) => x.key)).size === o.length, { message: 'duplicate_key' });

const AnswerSpecSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text') }),
  z.object({
    type: z.literal('scale'),
    labels: z.tuple([
      LocalisedTextSchema,
      LocalisedTextSchema,
      LocalisedTextSchema,
      LocalisedTextSchema,
      LocalisedTextSchema,
    ]),
  }),
  z.object({ type: z.literal('yes_no') }),
  z.object({ type: z.literal('single'), options: optionsSchema }),
  z.object({ type: z.literal('multiple'), options: optionsSchema }),
]);
export type AnswerSpec = z.infer<typeof AnswerSpecSchema>;

const TemplateQuestionSchema = z.object({
  key: keySchema,
  text: LocalisedTextSchema,
  help: LocalisedTextSchema.optional(),
  answer: AnswerSpecSchema,
  preparedBy: z.enum(PREPARERS),
});
export type TemplateQuestion = z.infer<typeof TemplateQuestionSchema>;

export const TemplateSectionSchema = z.object({
  key: keySchema,
  title: LocalisedTextSchema,
  intro: LocalisedTextSchema.optional(),
  questions: z.array(TemplateQuestionSchema).max(30),
});
export type TemplateSection = z.infer<typeof TemplateSectionSchema>;

/**
 * Reports a section key used twice, or a question key used twice anywhere in the template, at
 * the path of the second use. Every schema holding sections (stored content, HR's input, the
 * import file) runs it.
 */
export function uniqueKeyIssues(sections: TemplateSection[], ctx: z.RefinementCtx): void {
  const seenSections = new Set<string>();
  const seenQuestions = new Set<string>();
  sections.forEach((s, si) => {
    if (seenSections.has(s.key))
      ctx.addIssue({ code: 'custom', message: 'duplicate_key', path: ['sections', si, 'key'] });
    seenSections.add(s.key);
    s.questions.forEach((q, qi) => {
      if (seenQuestions.has(q.key))
        ctx.addIssue({
          code: 'custom',
          message: 'duplicate_key',
          path: ['sections', si, 'questions', qi, 'key'],
        });
      seenQuestions.add(q.key);
    });
  });
}

/**
 * The content of one template version. Question keys are unique across the whole template
 * (answers are stored by question key), section keys unique among sections (a section is an
 * agenda point of the conversation's meeting).
 */
export const ConversationTemplateContentSchema = z
  .object({ sections: z.array(TemplateSectionSchema).min(1).max(20) })
  .superRefine((c, ctx) => uniqueKeyIssues(c.sections, ctx));
export type ConversationTemplateContent = z.infer<typeof ConversationTemplateContentSchema>;

const TEXT_ANSWER_MAX = 10_000;

/** The value schema for one question: text, 1..5, boolean, option key or option keys. */
export function answerValueSchema(question: Pick<TemplateQuestion, 'answer'>): z.ZodType {
  const spec = question.answer;
  switch (spec.type) {
    case 'text':
      return textBlock().max(TEXT_ANSWER_MAX);
    case 'scale':
      return z.number().int().min(1).max(5);
    case 'yes_no':
      return z.boolean();
    case 'single':
      return z.enum(spec.options.map((o) => o.key) as [string, ...string[]]);
    case 'multiple':
      return z
        .array(z.enum(spec.options.map((o) => o.key) as [string, ...string[]]))
        .refine((v) => new Set(v).size === v.length, { message: 'duplicate_key' });
  }
}

type AnswerValue = string | number | boolean | string[];
export type Answers = Record<string, AnswerValue | null | undefined>;

/** Every question of a template in order, with the section it belongs to. */
export function templateQuestions(
  content: ConversationTemplateContent,
): (TemplateQuestion & { sectionKey: string })[] {
  return content.sections.flatMap((s) => s.questions.map((q) => ({ ...q, sectionKey: s.key })));
}

/** The questions `author` prepares: their own plus the ones both prepare. */
export function questionsFor(
  content: ConversationTemplateContent,
  author: 'employee' | 'manager',
): (TemplateQuestion & { sectionKey: string })[] {
  return templateQuestions(content).filter(
    (q) => q.preparedBy === 'both' || q.preparedBy === author,
  );
}

/**
 * Checks answers against a template. Missing or null answers are fine (a draft may be partial)
 * unless `requireAll`; unknown keys and questions the author does not prepare are issues.
 * Each issue's path is the question key, its code one of the `errors:field.*` keys.
 */
export function validateAnswers(
  content: ConversationTemplateContent,
  answers: Record<string, unknown>,
  opts: { author?: 'employee' | 'manager'; requireAll?: boolean } = {},
): FieldIssue[] {
  const questions = opts.author ? questionsFor(content, opts.author) : templateQuestions(content);
  const byKey = new Map(questions.map((q) => [q.key, q]));
  const issues: FieldIssue[] = [];
  for (const key of Object.keys(answers)) {
    if (!byKey.has(key)) issues.push({ path: key, code: 'unknown_question' });
  }
  for (const q of questions) {
    const value = answers[q.key];
    const empty =
      value === undefined ||
      value === null ||
      (typeof value === 'string' && value.trim() === '') ||
      (Array.isArray(value) && value.length === 0);
    if (empty) {
      if (opts.requireAll) issues.push({ path: q.key, code: 'required' });
      continue;
    }
    const r = answerValueSchema(q).safeParse(value);
    if (!r.success) {
      const first = r.error.issues[0];
      const code =
        first?.code === 'custom'
          ? (first.message ?? 'invalid')
          : first?.code === 'too_big' && q.answer.type === 'text'
            ? 'too_long'
            : first?.code === 'too_big' || first?.code === 'too_small'
              ? 'scale'
              : first?.code === 'invalid_value'
                ? 'option'
                : 'invalid_type';
      issues.push({
        path: q.key,
        code,
        ...(code === 'too_long' ? { params: { max: TEXT_ANSWER_MAX } } : {}),
      });
    }
  }
  return issues;
}

/** Key order does not matter (jsonb stores keys in its own order); arrays keep theirs. */
function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.entries(v as Record<string, unknown>)
        .filter(([, x]) => x !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, x]) => [k, canonical(x)]),
    );
  return v;
}

/** True when two template contents are the same: saving it again adds no version. */
export function sameContent(
  a: ConversationTemplateContent,
  b: ConversationTemplateContent,
): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}
