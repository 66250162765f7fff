import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ANSWER_TYPES, CONVERSATION_KINDS, templateQuestions } from './template';
import {
  ConversationTemplateFileSchema,
  missingTemplateLocales,
  toTemplateFile,
} from './template-file';

const dir = path.resolve(__dirname, '../../../templates/development');
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json'));
const load = (f: string) =>
  ConversationTemplateFileSchema.parse(JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')));

describe('built-in conversation templates', () => {
  it('cover development, salary and wellbeing conversations', () => {
    const kinds = new Set(files.map((f) => load(f).kind));
    for (const k of ['development', 'salary', 'wellbeing'] as const)
      expect(kinds.has(k)).toBe(true);
    expect([...kinds].every((k) => CONVERSATION_KINDS.includes(k))).toBe(true);
  });

  for (const f of files) {
    it(`${f} is valid, named after its key and speaks all four languages`, () => {
      const t = load(f);
      expect(`${t.key}.json`).toBe(f);
      expect(missingTemplateLocales(t)).toEqual([]);
    });
  }

  it('use every answer type and say who prepares each question', () => {
    const qs = files.flatMap((f) => templateQuestions({ sections: load(f).sections }));
    expect(new Set(qs.map((q) => q.answer.type))).toEqual(new Set(ANSWER_TYPES));
    expect(new Set(qs.map((q) => q.preparedBy))).toEqual(new Set(['both', 'employee', 'manager']));
  });

  it('round-trip through the export format', () => {
    const t = load('development.json');
    const file = toTemplateFile({
      kind: t.kind,
      name: t.name,
      description: t.description ?? null,
      content: { sections: t.sections },
    });
    expect(ConversationTemplateFileSchema.parse(JSON.parse(JSON.stringify(file))).sections).toEqual(
      t.sections,
    );
  });
});

describe('template file validation', () => {
  const base = () => JSON.parse(fs.readFileSync(path.join(dir, 'strategic.json'), 'utf8'));
  const paths = (v: unknown) =>
    ConversationTemplateFileSchema.safeParse(v).error?.issues.map((i) => i.path.join('.'));

  it('names the path of a bad answer type', () => {
    const f = base();
    f.sections[1].questions[0].answer = { type: 'stars' };
    expect(paths(f)).toEqual(['sections.1.questions.0.answer.type']);
  });

  it('names a duplicate question key and a wrong format marker', () => {
    const f = base();
    f.sections[2].questions[0].key = f.sections[0].questions[0].key;
    expect(paths(f)).toEqual(['sections.2.questions.0.key']);
    expect(paths({ ...base(), format: 'other' })).toEqual(['format']);
  });
});
