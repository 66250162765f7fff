import { describe, expect, it } from 'vitest';
import {
  answerValueSchema,
  ConversationTemplateContentSchema,
  questionsFor,
  sameContent,
  validateAnswers,
  type ConversationTemplateContent,
} from './template';

const label = (en: string) => ({ en });
const content: ConversationTemplateContent = {
  sections: [
    {
      key: 'now',
      title: label('Now'),
      questions: [
        { key: 'mood', text: label('Mood'), preparedBy: 'both', answer: { type: 'text' } },
        {
          key: 'energy',
          text: label('Energy'),
          preparedBy: 'employee',
          answer: {
            type: 'scale',
            labels: [label('1'), label('2'), label('3'), label('4'), label('5')],
          },
        },
        { key: 'ok', text: label('OK?'), preparedBy: 'manager', answer: { type: 'yes_no' } },
      ],
    },
    {
      key: 'next',
      title: label('Next'),
      questions: [
        {
          key: 'focus',
          text: label('Focus'),
          preparedBy: 'both',
          answer: {
            type: 'single',
            options: [
              { key: 'a', label: label('A') },
              { key: 'b', label: label('B') },
            ],
          },
        },
        {
          key: 'areas',
          text: label('Areas'),
          preparedBy: 'both',
          answer: {
            type: 'multiple',
            options: [
              { key: 'x', label: label('X') },
              { key: 'y', label: label('Y') },
            ],
          },
        },
      ],
    },
  ],
};

describe('conversation template content', () => {
  it('accepts every answer type', () => {
    expect(ConversationTemplateContentSchema.safeParse(content).success).toBe(true);
  });

  it('rejects a question key used twice, naming the path', () => {
    const bad = structuredClone(content);
    bad.sections[1]!.questions[0]!.key = 'mood';
    const r = ConversationTemplateContentSchema.safeParse(bad);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['sections', 1, 'questions', 0, 'key']);
  });

  it('rejects a scale without five labels and a choice with one option', () => {
    const bad = structuredClone(content) as unknown as {
      sections: { questions: { answer: unknown }[] }[];
    };
    bad.sections[0]!.questions[1]!.answer = { type: 'scale', labels: [label('1')] };
    expect(ConversationTemplateContentSchema.safeParse(bad).success).toBe(false);
    const bad2 = structuredClone(content) as unknown as typeof bad;
    bad2.sections[1]!.questions[0]!.answer = {
      type: 'single',
      options: [{ key: 'a', label: label('A') }],
    };
    expect(ConversationTemplateContentSchema.safeParse(bad2).success).toBe(false);
  });

  it('knows who prepares what', () => {
    expect(questionsFor(content, 'employee').map((q) => q.key)).toEqual([
      'mood',
      'energy',
      'focus',
      'areas',
    ]);
    expect(questionsFor(content, 'manager').map((q) => q.key)).toEqual([
      'mood',
      'ok',
      'focus',
      'areas',
    ]);
  });

  it('validates answer values per type', () => {
    const q = content.sections[0]!.questions[1]!;
    expect(answerValueSchema(q).safeParse(3).success).toBe(true);
    expect(answerValueSchema(q).safeParse(6).success).toBe(false);
    expect(
      validateAnswers(content, {
        mood: 'fine',
        energy: 4,
        ok: true,
        focus: 'a',
        areas: ['x', 'y'],
      }),
    ).toEqual([]);
    expect(
      validateAnswers(content, { energy: 9, ok: 'yes', focus: 'c', areas: ['x', 'x'], other: 1 }),
    ).toEqual([
      { path: 'other', code: 'unknown_question' },
      { path: 'energy', code: 'scale' },
      { path: 'ok', code: 'invalid_type' },
      { path: 'focus', code: 'option' },
      { path: 'areas', code: 'duplicate_key' },
    ]);
  });

  it('lets a draft be partial but can require every answer of an author', () => {
    expect(validateAnswers(content, { mood: '' }, { author: 'employee' })).toEqual([]);
    expect(validateAnswers(content, { ok: true }, { author: 'employee' })).toEqual([
      { path: 'ok', code: 'unknown_question' },
    ]);
    expect(
      validateAnswers(
        content,
        { mood: 'x', energy: 2, focus: 'a' },
        { author: 'employee', requireAll: true },
      ),
    ).toEqual([{ path: 'areas', code: 'required' }]);
  });
});

describe('template versions', () => {
  it('treat content with keys in another order as the same, a changed text as new', () => {
    const reordered = JSON.parse(
      JSON.stringify(content, (_k, v) =>
        v && typeof v === 'object' && !Array.isArray(v)
          ? Object.fromEntries(Object.entries(v).reverse())
          : v,
      ),
    );
    expect(sameContent(content, reordered)).toBe(true);
    const changed = structuredClone(content);
    changed.sections[0]!.questions[0]!.text = { en: 'Mood today' };
    expect(sameContent(content, changed)).toBe(false);
  });
});
