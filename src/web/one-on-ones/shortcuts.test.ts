import { describe, expect, it } from 'vitest';
import { commandFor, isTypingTarget, stepTopic, type KeyLike } from './shortcuts';

const press = (key: string, over: Partial<KeyLike> = {}): KeyLike => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  target: { tagName: 'BODY' },
  ...over,
});

describe('the meeting page shortcuts', () => {
  it('maps the plain keys to their commands', () => {
    expect(commandFor(press('j'))).toBe('nextTopic');
    expect(commandFor(press('k'))).toBe('previousTopic');
    expect(commandFor(press('x'))).toBe('tickTopic');
    expect(commandFor(press('a'))).toBe('newAction');
    expect(commandFor(press('n'))).toBe('focusNotes');
    expect(commandFor(press('?'))).toBe('help');
    // Caps Lock or Shift on a letter is the same key.
    expect(commandFor(press('J'))).toBe('nextTopic');
    expect(commandFor(press('q'))).toBeNull();
    expect(commandFor(press('Enter'))).toBeNull();
  });

  it('are not active while typing in a field, a text area or an editor', () => {
    for (const target of [
      { tagName: 'INPUT', type: 'text' },
      { tagName: 'input', type: 'search' },
      { tagName: 'INPUT' },
      { tagName: 'TEXTAREA' },
      { tagName: 'SELECT' },
      { tagName: 'DIV', isContentEditable: true },
    ])
      expect(commandFor(press('x', { target })), JSON.stringify(target)).toBeNull();
    expect(isTypingTarget({ tagName: 'TEXTAREA' })).toBe(true);
    // On a checkbox or a button nothing is typed: the shortcut works there.
    expect(commandFor(press('j', { target: { tagName: 'INPUT', type: 'checkbox' } }))).toBe(
      'nextTopic',
    );
    expect(commandFor(press('j', { target: { tagName: 'BUTTON' } }))).toBe('nextTopic');
    expect(commandFor(press('j', { target: null }))).toBe('nextTopic');
  });

  it('leave Ctrl, Cmd and Alt combinations, held keys and handled events alone', () => {
    expect(commandFor(press('a', { ctrlKey: true }))).toBeNull();
    expect(commandFor(press('a', { metaKey: true }))).toBeNull();
    expect(commandFor(press('n', { altKey: true }))).toBeNull();
    expect(commandFor(press('j', { repeat: true }))).toBeNull();
    expect(commandFor(press('?', { defaultPrevented: true }))).toBeNull();
  });

  it('step through the topics, starting at the first and stopping at the ends', () => {
    const ids = ['a', 'b', 'c'];
    expect(stepTopic(ids, null, 1)).toBe('a');
    expect(stepTopic(ids, null, -1)).toBe('c');
    expect(stepTopic(ids, 'a', 1)).toBe('b');
    expect(stepTopic(ids, 'c', 1)).toBe('c');
    expect(stepTopic(ids, 'a', -1)).toBe('a');
    expect(stepTopic(ids, 'gone', 1)).toBe('a');
    expect(stepTopic([], null, 1)).toBeNull();
  });
});
