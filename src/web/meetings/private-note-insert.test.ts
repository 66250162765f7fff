import { describe, expect, it } from 'vitest';
import { insertIntoPrivateNote, registerPrivateNoteInsert, withLine } from './private-note-insert';

describe('adding a line to the open private note', () => {
  it('reaches the note of that meeting only while its editor is open', () => {
    const got: string[] = [];
    expect(insertIntoPrivateNote('m1', 'Hvordan går det?')).toBe(false);
    const unregister = registerPrivateNoteInsert('m1', (t) => got.push(t));
    expect(insertIntoPrivateNote('m2', 'Hvordan går det?')).toBe(false);
    expect(insertIntoPrivateNote('m1', 'Hvordan går det?')).toBe(true);
    unregister();
    expect(insertIntoPrivateNote('m1', 'Igjen?')).toBe(false);
    expect(got).toEqual(['Hvordan går det?']);
  });

  it('keeps an editor registered later when an earlier one unregisters', () => {
    const got: string[] = [];
    const first = registerPrivateNoteInsert('m1', () => got.push('first'));
    registerPrivateNoteInsert('m1', () => got.push('second'));
    first();
    expect(insertIntoPrivateNote('m1', 'x')).toBe(true);
    expect(got).toEqual(['second']);
  });

  it('puts the line on its own line at the end', () => {
    expect(withLine('', 'Q?')).toBe('Q?\n');
    expect(withLine('Notes\n\n  ', 'Q?')).toBe('Notes\nQ?\n');
    expect(withLine('Notes', 'Q?')).toBe('Notes\nQ?\n');
  });
});
