import { identityGeneration } from '../repositories/identity-changes';

type Entry<T> = { value: T; until: number; generation: number };

/**
 * Resolved sessions by token hash for a few seconds, so that a page's burst of requests costs
 * one session lookup instead of one each (decision 015). An entry is dropped when it is older
 * than `ttlMs`, when its session expires, or when this process changed any identity
 * (`identityChanged`) after it was read; another process's change (a sign-out, a deactivation
 * on another instance) therefore takes effect here within `ttlMs`.
 */
export class SessionCache<T> {
  private readonly entries = new Map<string, Entry<T>>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 20_000,
  ) {}

  get enabled(): boolean {
    return this.ttlMs > 0;
  }

  get(id: string, nowMs: number): T | undefined {
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    if (entry.until <= nowMs || entry.generation !== identityGeneration()) {
      this.entries.delete(id);
      return undefined;
    }
    return entry.value;
  }

  /**
   * Keeps `value`, read when the identity generation was `readAt`; a value read while an
   * identity changed is not kept (it may predate the change).
   */
  set(id: string, value: T, opts: { nowMs: number; expiresAtMs: number; readAt: number }): void {
    if (!this.enabled || opts.readAt !== identityGeneration()) return;
    if (this.entries.size >= this.maxEntries) {
      // Maps iterate in insertion order: the first key is the oldest entry.
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.delete(id);
    this.entries.set(id, {
      value,
      until: Math.min(opts.nowMs + this.ttlMs, opts.expiresAtMs),
      generation: opts.readAt,
    });
  }

  delete(id: string): void {
    this.entries.delete(id);
  }
}
