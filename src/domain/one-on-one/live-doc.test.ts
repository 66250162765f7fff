import { describe, expect, it } from 'vitest';
import { noteTextName, parseNoteTextName, textEdit } from './live-doc';

const apply = (s: string, e: ReturnType<typeof textEdit>) =>
  e ? s.slice(0, e.index) + e.insert + s.slice(e.index + e.remove) : s;

describe('textEdit', () => {
  it.each([
    ['', 'a'],
    ['abc', 'abXc'],
    ['abc', 'ac'],
    ['hello world', 'hello brave new world'],
    ['aaaa', 'aaa'],
    ['same', 'same'],
    ['x😀y', 'x😃y'],
    ['😀', ''],
  ])('turns %j into %j with one range', (from, to) => {
    expect(apply(from, textEdit(from, to))).toBe(to);
  });

  it('keeps a surrogate pair whole', () => {
    const e = textEdit('a😀b', 'a😃b')!;
    expect(e.remove).toBe(2);
    expect(e.insert).toBe('😃');
  });
});

describe('note text names', () => {
  it('round-trips and rejects anything else', () => {
    const id = '0b5e4a5e-3a53-4c7a-9a44-5e2f8c1f0a11';
    expect(parseNoteTextName(noteTextName(id, 'decision'))).toEqual({
      pointId: id,
      field: 'decision',
    });
    expect(parseNoteTextName('private:' + id)).toBeNull();
    expect(parseNoteTextName('body:nope')).toBeNull();
  });
});
