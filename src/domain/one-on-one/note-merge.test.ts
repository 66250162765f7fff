import { describe, expect, it } from 'vitest';
import { mergeNote, mergeText } from './note-merge';

describe('mergeText', () => {
  it('takes the only side that changed', () => {
    expect(mergeText('a', 'a', 'b')).toBe('b');
    expect(mergeText('a', 'b', 'a')).toBe('b');
    expect(mergeText('a', 'c', 'c')).toBe('c');
  });
  it('keeps both additions when both only appended', () => {
    expect(mergeText('Plan:', 'Plan:\n- theirs', 'Plan:\n- mine')).toBe('Plan:\n- mine\n- theirs');
  });
  it("puts the other side's addition after a rewrite", () => {
    expect(mergeText('one two', 'ONE TWO', 'one two three')).toBe('ONE TWO\nthree');
    expect(mergeText('one two', 'one two\nfour', 'one 2')).toBe('one 2\nfour');
  });
  it('reports a conflict when both rewrote the text', () => {
    expect(mergeText('one two', 'one 2', 'uno two')).toBeNull();
  });
});

describe('mergeNote', () => {
  it('merges field by field and fails when any field conflicts', () => {
    const base = { body: 'x', decision: '' };
    expect(
      mergeNote(base, { body: 'x y', decision: '' }, { body: 'x', decision: 'Do it' }),
    ).toEqual({
      ok: true,
      merged: { body: 'x y', decision: 'Do it' },
    });
    expect(mergeNote(base, { body: 'a', decision: '' }, { body: 'b', decision: '' })).toEqual({
      ok: false,
    });
  });
});
