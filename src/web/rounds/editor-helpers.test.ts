import { describe, expect, it } from 'vitest';
import { errorAt, withText } from './localised-input';
import { freshKey, moved } from './section-editor';

describe('template editor helpers', () => {
  it('set one language of a text and drop an emptied one, so it falls back', () => {
    expect(withText({ en: 'Goals' }, 'sv', 'Mål')).toEqual({ en: 'Goals', sv: 'Mål' });
    expect(withText({ en: 'Goals', sv: 'Mål' }, 'sv', '')).toEqual({ en: 'Goals' });
  });

  it('find an error at the path or at the path of the language', () => {
    const errors = { 'sections.0.title': 'required', 'name.sv': 'too long' };
    expect(errorAt(errors, 'sections.0.title', 'sv')).toBe('required');
    expect(errorAt(errors, 'name', 'sv')).toBe('too long');
    expect(errorAt(errors, 'name', 'en')).toBeUndefined();
  });

  it('move items within bounds and propose unused keys', () => {
    expect(moved(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moved(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
    expect(freshKey('question', new Set(['question_2', 'x']))).toBe('question_3');
  });
});
