import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mergeText } from '../../domain/one-on-one/note-merge';
import { ApiError } from '../api';
import { Autosave, type AutosaveAdapter, type Saved } from './autosave';

/** A fake server holding one text with a version, merging appends like the real one. */
function fakeServer(start: Saved<string>) {
  const history = new Map<number, string>([[start.version, start.text]]);
  let current = start;
  const calls: { text: string; baseVersion: number }[] = [];
  const adapter: AutosaveAdapter<string> = {
    async save(text, baseVersion) {
      calls.push({ text, baseVersion });
      await Promise.resolve();
      let merged = false;
      let next = text;
      if (baseVersion !== current.version) {
        const m = mergeText(history.get(baseVersion) ?? '', current.text, text);
        if (m === null)
          throw new ApiError(409, 'oneOnOne.note_conflict', 'conflict', [], {
            current: { body: current.text, version: current.version },
          });
        next = m;
        merged = true;
      }
      current = { text: next, version: current.version + 1 };
      history.set(current.version, next);
      return { saved: current, merged };
    },
    conflictOf(err) {
      if (!(err instanceof ApiError) || err.status !== 409) return null;
      const d = err.details as { current: { body: string; version: number } };
      return { text: d.current.body, version: d.current.version };
    },
    equal: (a, b) => a === b,
    merge: mergeText,
  };
  return {
    adapter,
    calls,
    get current() {
      return current;
    },
    /** Someone else saves. */
    otherSaves(text: string) {
      current = { text, version: current.version + 1 };
      history.set(current.version, text);
      return current;
    },
  };
}

describe('autosave of a versioned text', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('saves once after the person stops typing', async () => {
    const server = fakeServer({ text: '', version: 0 });
    const a = new Autosave({ text: '', version: 0 }, server.adapter, 800);
    a.edit('H');
    a.edit('He');
    a.edit('Hej');
    expect(a.getSnapshot().status).toBe('pending');
    await vi.advanceTimersByTimeAsync(800);
    expect(server.calls).toEqual([{ text: 'Hej', baseVersion: 0 }]);
    expect(a.getSnapshot().status).toBe('saved');
    expect(a.unsaved).toBe(false);
  });

  it('keeps what was typed while a save was on its way and saves it next', async () => {
    const server = fakeServer({ text: '', version: 0 });
    const a = new Autosave({ text: '', version: 0 }, server.adapter, 800);
    a.edit('one');
    const flushing = a.flush();
    a.edit('one two');
    await flushing;
    expect(server.current).toEqual({ text: 'one two', version: 2 });
    expect(server.calls.map((c) => c.baseVersion)).toEqual([0, 1]);
    expect(a.getSnapshot().text).toBe('one two');
  });

  it('shows the merged text when both only added to it', async () => {
    const server = fakeServer({ text: 'base', version: 1 });
    const a = new Autosave({ text: 'base', version: 1 }, server.adapter, 800);
    server.otherSaves('base\ntheirs');
    a.edit('base\nmine');
    expect(await a.flush()).toBe(true);
    expect(a.getSnapshot()).toMatchObject({ text: 'base\nmine\ntheirs', status: 'saved' });
    expect(server.current.text).toBe('base\nmine\ntheirs');
  });

  it('merges an append from the other side into what is typed here', async () => {
    const server = fakeServer({ text: 'base', version: 1 });
    const a = new Autosave({ text: 'base', version: 1 }, server.adapter, 800);
    server.otherSaves('base and more');
    a.edit('rewritten');
    await a.flush();
    expect(a.getSnapshot().status).toBe('saved');
    expect(server.current.text).toBe('rewritten\nand more');
    expect(a.getSnapshot().text).toBe('rewritten\nand more');
  });

  it('never loses either text in a conflict, and saves the choice over the other version', async () => {
    const server = fakeServer({ text: 'start', version: 1 });
    const a = new Autosave({ text: 'start', version: 1 }, server.adapter, 800);
    server.otherSaves('theirs entirely');
    a.edit('mine entirely');
    await a.flush();
    expect(a.getSnapshot().status).toBe('conflict');
    // Typing goes on during a conflict; nothing is sent until the choice.
    a.edit('mine entirely, still');
    await vi.advanceTimersByTimeAsync(5000);
    expect(server.calls).toHaveLength(1);
    a.resolve('mine entirely, still\ntheirs entirely');
    await a.flush();
    expect(server.current).toEqual({ text: 'mine entirely, still\ntheirs entirely', version: 3 });
    expect(a.getSnapshot().status).toBe('saved');
  });

  it('taking the other version sends nothing', async () => {
    const server = fakeServer({ text: 'a', version: 1 });
    const a = new Autosave({ text: 'a', version: 1 }, server.adapter, 800);
    server.otherSaves('b');
    a.edit('c');
    await a.flush();
    a.resolve('b');
    await a.flush();
    expect(server.calls).toHaveLength(1);
    expect(a.getSnapshot()).toMatchObject({ text: 'b', status: 'saved', theirs: null });
  });

  it('takes over a newer server version when nothing is pending here', () => {
    const server = fakeServer({ text: 'a', version: 1 });
    const a = new Autosave({ text: 'a', version: 1 }, server.adapter, 800);
    a.serverChanged({ text: 'a and b', version: 2 });
    expect(a.getSnapshot().text).toBe('a and b');
    expect(a.unsaved).toBe(false);
  });

  it('keeps the text and reports the error when the server cannot be reached', async () => {
    const server = fakeServer({ text: '', version: 0 });
    const a = new Autosave(
      { text: '', version: 0 },
      { ...server.adapter, save: () => Promise.reject(new ApiError(0, 'network', '')) },
      800,
    );
    a.edit('important');
    expect(await a.flush()).toBe(false);
    expect(a.getSnapshot()).toMatchObject({ text: 'important', status: 'error' });
    expect(a.unsaved).toBe(true);
  });

  describe('drafts kept in the tab', () => {
    const store = new Map<string, string>();
    beforeEach(() => {
      store.clear();
      vi.stubGlobal('sessionStorage', {
        getItem: (k: string) => store.get(k) ?? null,
        setItem: (k: string, v: string) => store.set(k, v),
        removeItem: (k: string) => store.delete(k),
      });
    });
    afterEach(() => vi.unstubAllGlobals());

    it('keeps unsaved text when the editor goes away, and saves it on return', async () => {
      const server = fakeServer({ text: 'a', version: 1 });
      const gone = new Autosave({ text: 'a', version: 1 }, server.adapter, 800);
      gone.restore('note.p1');
      gone.edit('a and more');
      gone.keepDraft();
      gone.dispose();
      const back = new Autosave({ text: 'a', version: 1 }, server.adapter, 800);
      back.restore('note.p1');
      expect(back.getSnapshot()).toMatchObject({ text: 'a and more', status: 'pending' });
      back.resume();
      await vi.advanceTimersByTimeAsync(800);
      expect(server.current.text).toBe('a and more');
      expect(store.size).toBe(0);
    });

    it('shows both versions when the note changed meanwhile', () => {
      const server = fakeServer({ text: 'a', version: 1 });
      const gone = new Autosave({ text: 'a', version: 1 }, server.adapter, 800);
      gone.restore('note.p1');
      gone.edit('mine');
      gone.keepDraft();
      const back = new Autosave({ text: 'theirs', version: 2 }, server.adapter, 800);
      back.restore('note.p1');
      expect(back.getSnapshot()).toMatchObject({
        text: 'mine',
        status: 'conflict',
        theirs: { text: 'theirs', version: 2 },
      });
    });
  });
});
