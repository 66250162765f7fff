import { describe, expect, it } from 'vitest';
import { identityChanged, identityGeneration } from '../repositories/identity-changes';
import { SessionCache } from './session-cache';

const put = (cache: SessionCache<string>, id: string, nowMs: number, expiresAtMs = 1e12) =>
  cache.set(id, `value ${id}`, { nowMs, expiresAtMs, readAt: identityGeneration() });

describe('SessionCache', () => {
  it('keeps a value for its time to live, never past the session’s expiry', () => {
    const cache = new SessionCache<string>(10_000);
    put(cache, 'a', 0);
    put(cache, 'b', 0, 3_000);
    expect(cache.get('a', 9_999)).toBe('value a');
    expect(cache.get('a', 10_000)).toBeUndefined();
    expect(cache.get('b', 2_999)).toBe('value b');
    expect(cache.get('b', 3_000)).toBeUndefined();
  });

  it('forgets everything read before an identity changed, and what was read during one', () => {
    const cache = new SessionCache<string>(10_000);
    put(cache, 'a', 0);
    identityChanged();
    expect(cache.get('a', 1)).toBeUndefined();
    const readAt = identityGeneration();
    identityChanged(); // a change lands while the session is being read
    cache.set('b', 'value b', { nowMs: 1, expiresAtMs: 1e12, readAt });
    expect(cache.get('b', 2)).toBeUndefined();
  });

  it('holds at most its limit, dropping the oldest, and nothing when turned off', () => {
    const cache = new SessionCache<string>(10_000, 2);
    put(cache, 'a', 0);
    put(cache, 'b', 0);
    put(cache, 'c', 0);
    expect(['a', 'b', 'c'].map((id) => cache.get(id, 1))).toEqual([
      undefined,
      'value b',
      'value c',
    ]);
    const off = new SessionCache<string>(0);
    put(off, 'a', 0);
    expect(off.get('a', 0)).toBeUndefined();
  });
});
