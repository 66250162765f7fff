import { describe, expect, it } from 'vitest';
import { findTextProblem, storableText, textProblem } from './text';

describe('textProblem', () => {
  const single = { multiLine: false };
  const multi = { multiLine: true };
  it('accepts ordinary text in every language, emoji included', () => {
    expect(textProblem('Hur mår du? Æøå — 👋🏽', single)).toBeNull();
    expect(textProblem('line one\nline two\r\n\tindented', multi)).toBeNull();
  });
  it('refuses NUL and other control characters', () => {
    for (const c of ['\u0000', '\u0001', '\u001b', '\u007f', '\u0085', '\u009f']) {
      expect(textProblem(`a${c}b`, multi)).toBe('control_character');
      expect(textProblem(`a${c}b`, single)).toBe('control_character');
    }
  });
  it('allows line breaks and tabs only in multi-line text', () => {
    expect(textProblem('a\nb', single)).toBe('control_character');
    expect(textProblem('a\tb', single)).toBe('control_character');
  });
  it('refuses unpaired surrogates, high or low, anywhere', () => {
    for (const s of ['\ud800', 'a\ud800', '\ud800b', '\udc00', 'a\udc00b', '\udc00\ud800'])
      expect(textProblem(s, multi)).toBe('unpaired_surrogate');
    expect(textProblem('\ud83d\udc4b', multi)).toBeNull();
  });
});

describe('findTextProblem', () => {
  it('names the first bad field by its path, keys included', () => {
    expect(findTextProblem({ a: 'ok', items: [{ title: 'x' }, { title: 'y\u0000' }] })).toEqual({
      path: 'items.1.title',
      code: 'control_character',
    });
    expect(findTextProblem({ answers: { 'q\u0000': 'x' } })).toEqual({
      path: 'answers',
      code: 'control_character',
    });
    expect(findTextProblem({ a: 1, b: [true, null, 'fine\n'] })).toBeNull();
    expect(findTextProblem(Buffer.from([0, 0xff]))).toBeNull();
  });
  it('refuses nesting deeper than any body Samtal takes, rather than leave it unchecked', () => {
    let deep: unknown = 'x\u0000';
    for (let i = 0; i < 40; i++) deep = { a: deep };
    expect(findTextProblem(deep)?.code).toBe('invalid');
  });
});

describe('storableText', () => {
  it('drops what cannot be stored and keeps the rest, line breaks and emoji included', () => {
    expect(storableText('a\u0000b\u0007c\nd\te \ud83d\udc4b \ud800f\udc00')).toBe('abc\nd\te 👋 f');
  });
});
