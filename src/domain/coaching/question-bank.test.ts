import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../i18n/index';
import { QUESTION_KEYS, QUESTION_THEMES, questionThemeFor } from './question-bank';

const ROOT = path.join(import.meta.dirname, '../../..');
const builtIn = fs
  .readdirSync(path.join(ROOT, 'templates'))
  .filter((f) => f.endsWith('.json'))
  .map(
    (f) =>
      JSON.parse(fs.readFileSync(path.join(ROOT, 'templates', f), 'utf8')) as {
        key: string;
        sections: { key: string; kind?: string }[];
      },
  );

describe('the question bank', () => {
  it('has questions for every standing item of every built-in 1:1 template', () => {
    const without = builtIn.flatMap((t) =>
      t.sections
        .filter((s) => questionThemeFor(s.key, s.kind ?? 'standard') === null)
        .map((s) => `${t.key}.${s.key}`),
    );
    expect(builtIn.length).toBeGreaterThanOrEqual(3);
    expect(without).toEqual([]);
  });

  it('falls back on the kind of an organisation section, and offers nothing it has no fit for', () => {
    expect(questionThemeFor('our_follow_up', 'follow_up')).toBe('sinceLast');
    expect(questionThemeFor('from_you', 'employee_topics')).toBe('ownTopics');
    expect(questionThemeFor('budget', 'standard')).toBeNull();
    expect(questionThemeFor(null, null)).toBeNull();
    // A key that is a property of every object is not a section key.
    expect(questionThemeFor('constructor', 'standard')).toBeNull();
  });

  it('speaks every language: each theme has all its questions, as open questions', () => {
    for (const locale of LOCALES) {
      const catalog = JSON.parse(
        fs.readFileSync(path.join(ROOT, `src/i18n/locales/${locale}/meetings.json`), 'utf8'),
      ) as { questionBank: Record<string, Record<string, string>> };
      for (const theme of QUESTION_THEMES)
        for (const q of QUESTION_KEYS) {
          const text = catalog.questionBank[theme]?.[q];
          expect(text, `${locale} ${theme}.${q}`).toMatch(/\?$/);
        }
    }
  });
});
