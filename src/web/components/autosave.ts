/**
 * Autosave of a versioned text (a shared note, a private note). A save names the version the
 * text started from; the server merges or answers 409 with the other version. This controller
 * never drops text: it merges what it safely can, and otherwise holds both versions until the
 * person chooses. It is plain TypeScript (tested without React); useAutosave binds it.
 */
import { useEffect, useState, useSyncExternalStore } from 'react';

export type Saved<T> = { text: T; version: number };
type AutosaveStatus = 'idle' | 'pending' | 'saving' | 'saved' | 'error' | 'conflict';
export type AutosaveSnapshot<T> = {
  text: T;
  status: AutosaveStatus;
  /** The other version, while a conflict waits for the person's choice. */
  theirs: Saved<T> | null;
  error: unknown;
};

export type AutosaveAdapter<T> = {
  save(text: T, baseVersion: number): Promise<{ saved: Saved<T>; merged: boolean }>;
  /** The stored version when `err` is a version conflict, else null. */
  conflictOf(err: unknown): Saved<T> | null;
  equal(a: T, b: T): boolean;
  /** Three-way merge, or null when both sides rewrote the same text. */
  merge(base: T, theirs: T, mine: T): T | null;
};

export class Autosave<T> {
  private base: Saved<T>;
  private snap: AutosaveSnapshot<T>;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private flight: Promise<void> | null = null;
  private readonly listeners = new Set<() => void>();
  private draftKey: string | null = null;

  constructor(
    initial: Saved<T>,
    private adapter: AutosaveAdapter<T>,
    private readonly delay = 800,
  ) {
    this.base = initial;
    this.snap = { text: initial.text, status: 'idle', theirs: null, error: null };
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = () => this.snap;

  setAdapter(adapter: AutosaveAdapter<T>) {
    this.adapter = adapter;
  }

  /** True while something typed has not reached the server. */
  get unsaved(): boolean {
    return this.flight !== null || !this.adapter.equal(this.snap.text, this.base.text);
  }

  /** The person typed: keep it and save after a pause. */
  edit(text: T) {
    const conflict = this.snap.status === 'conflict';
    this.set({ text, status: conflict ? 'conflict' : 'pending' });
    if (!conflict) this.schedule();
  }

  /**
   * A newer version arrived from the server (someone else saved). Taken over when nothing is
   * pending here; merged into what is pending when the merge is safe; otherwise left for the
   * next save, which meets the conflict and shows both.
   */
  serverChanged(server: Saved<T>) {
    if (server.version <= this.base.version) return;
    if (this.flight || this.snap.status === 'conflict') return;
    const local = this.snap.text;
    if (this.adapter.equal(local, this.base.text)) {
      this.base = server;
      this.set({ text: server.text });
      return;
    }
    const merged = this.adapter.merge(this.base.text, server.text, local);
    if (merged === null) return;
    this.base = server;
    const clean = this.adapter.equal(merged, server.text);
    this.set({ text: merged, status: clean ? 'saved' : 'pending' });
    if (!clean) this.schedule();
  }

  /**
   * Saves now and waits until the server has everything. False when a conflict or an error
   * stands in the way (the text is still here).
   */
  async flush(): Promise<boolean> {
    this.clearTimer();
    for (let round = 0; round < 5; round++) {
      if (this.flight) {
        await this.flight;
        continue;
      }
      if (this.snap.status === 'conflict') return false;
      if (this.adapter.equal(this.snap.text, this.base.text)) {
        if (this.snap.status !== 'idle') this.set({ status: 'saved', error: null });
        if (this.draftKey) drafts.remove(this.draftKey);
        return true;
      }
      this.flight = this.run();
      await this.flight;
      if (this.snap.status === 'error') return false;
    }
    return !this.unsaved;
  }

  /** The person chose how to settle a conflict: `text` is saved over the other version. */
  resolve(text: T) {
    const theirs = this.snap.theirs;
    if (!theirs) return;
    this.base = theirs;
    this.set({ text, theirs: null, status: 'pending', error: null });
    void this.flush();
  }

  dispose() {
    this.clearTimer();
  }

  /**
   * Keeps what was typed here under `key` in this tab, for when the editor goes away before
   * the server has it (leaving the page, a reload): `restore` brings it back next time.
   */
  useDraftKey(key: string) {
    this.draftKey = key;
  }

  /** Writes the unsaved text to the tab's draft store (nothing when all is saved). */
  keepDraft() {
    if (!this.draftKey) return;
    if (this.unsaved || this.snap.status === 'conflict')
      drafts.write(this.draftKey, { text: this.snap.text, version: this.base.version });
    else drafts.remove(this.draftKey);
  }

  /**
   * Picks up a draft left in this tab. Written on the version still stored: it simply goes on
   * to be saved. Written on an older one: both versions are shown, as in any conflict.
   */
  restore(key: string) {
    this.draftKey = key;
    const draft = drafts.read<T>(key);
    if (!draft) return;
    if (this.adapter.equal(draft.text, this.base.text)) return drafts.remove(key);
    if (draft.version === this.base.version)
      this.snap = { ...this.snap, text: draft.text, status: 'pending' };
    else this.snap = { ...this.snap, text: draft.text, status: 'conflict', theirs: this.base };
  }

  /** Starts saving a restored draft (kept out of `restore`, which runs during render). */
  resume() {
    if (this.snap.status === 'pending') this.schedule();
  }

  private async run(): Promise<void> {
    const sent = this.snap.text;
    this.set({ status: 'saving' });
    try {
      const { saved, merged } = await this.adapter.save(sent, this.base.version);
      const local = this.snap.text;
      let next: T | null = local;
      // The server merged someone else's text in; carry anything typed meanwhile over it.
      if (merged)
        next = this.adapter.equal(local, sent)
          ? saved.text
          : this.adapter.merge(sent, saved.text, local);
      this.base = saved;
      if (next === null) {
        this.set({ status: 'conflict', theirs: saved });
        return;
      }
      const clean = this.adapter.equal(next, saved.text);
      this.set({ text: next, status: clean ? 'saved' : 'pending', error: null });
      if (!clean) this.schedule();
    } catch (err) {
      const theirs = this.adapter.conflictOf(err);
      if (theirs && this.adapter.equal(this.snap.text, theirs.text)) {
        this.base = theirs;
        this.set({ status: 'saved', error: null });
      } else if (theirs) {
        this.set({ status: 'conflict', theirs });
      } else {
        this.set({ status: 'error', error: err });
      }
    } finally {
      this.flight = null;
    }
  }

  private schedule() {
    this.clearTimer();
    this.timer = setTimeout(() => void this.flush(), this.delay);
  }

  private clearTimer() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private set(patch: Partial<AutosaveSnapshot<T>>) {
    this.snap = { ...this.snap, ...patch };
    for (const l of this.listeners) l();
  }
}

/** Drafts in the tab's session storage (gone when the tab closes; never sent anywhere). */
const drafts = {
  read<T>(key: string): Saved<T> | null {
    try {
      const raw = sessionStorage.getItem(`samtal.draft.${key}`);
      return raw ? (JSON.parse(raw) as Saved<T>) : null;
    } catch {
      return null;
    }
  },
  write(key: string, draft: Saved<unknown>) {
    try {
      sessionStorage.setItem(`samtal.draft.${key}`, JSON.stringify(draft));
    } catch {
      // storage full or blocked: the page still warned before closing
    }
  },
  remove(key: string) {
    try {
      sessionStorage.removeItem(`samtal.draft.${key}`);
    } catch {
      // nothing kept
    }
  },
};

// Every editor on the page, so finishing a meeting can wait for all of them and leaving the
// page can warn about text not yet saved.
const live = new Set<Autosave<unknown>>();

/** Saves every open editor now; false when any of them could not save (conflict or error). */
export async function flushAll(): Promise<boolean> {
  const results = await Promise.all([...live].map((a) => a.flush()));
  return results.every(Boolean);
}

/** True when some editor still holds text the server does not have. */
function hasUnsaved(): boolean {
  return [...live].some((a) => a.unsaved);
}

/**
 * An autosaving text bound to a component: its snapshot and the controller to act on. With a
 * `draftKey`, text that could not reach the server survives leaving the page in this tab.
 */
export function useAutosave<T>(
  initial: Saved<T>,
  adapter: AutosaveAdapter<T>,
  opts: { delay?: number; draftKey?: string } = {},
) {
  const [controller] = useState(() => {
    const c = new Autosave(initial, adapter, opts.delay);
    if (opts.draftKey) c.restore(opts.draftKey);
    return c;
  });
  useEffect(() => {
    controller.setAdapter(adapter);
  });
  useEffect(() => {
    live.add(controller);
    controller.resume();
    return () => {
      live.delete(controller);
      // Leaving the page within the app: what was typed still goes to the server, and stays
      // here as a draft until it has.
      controller.keepDraft();
      void controller.flush();
      controller.dispose();
    };
  }, [controller]);
  const snapshot = useSyncExternalStore(controller.subscribe, controller.getSnapshot);
  return { ...snapshot, controller };
}

/** Asks the browser to warn before the tab closes while some text is not saved yet. */
export function useUnsavedWarning() {
  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (!hasUnsaved()) return;
      // Kept for a reload; the browser asks before closing.
      for (const a of live) a.keepDraft();
      e.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, []);
}
