/** Helpers for the statistics tests (unit and API level). */

/** A seeded random source for the statistics tests (mulberry32): same seed, same cases. */
export function rng(seed: number) {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { random, int: (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1)) };
}

/** Rank of a 0/1 matrix (rows), by Gaussian elimination in floating point. */
function rank(rows: number[][]): number {
  const m = rows.map((r) => [...r]);
  let r = 0;
  const cols = m[0]?.length ?? 0;
  for (let c = 0; c < cols && r < m.length; c++) {
    let pivot = -1;
    for (let i = r; i < m.length; i++) if (Math.abs(m[i]![c]!) > 1e-9) pivot = i;
    if (pivot < 0) continue;
    [m[r], m[pivot]] = [m[pivot]!, m[r]!];
    for (let i = 0; i < m.length; i++) {
      if (i === r) continue;
      const f = m[i]![c]! / m[r]![c]!;
      if (f !== 0) for (let k = c; k < cols; k++) m[i]![k]! -= f * m[r]![k]!;
    }
    r++;
  }
  return r;
}

/**
 * Whether a reader of the published sums can compute the combination `target` (a vector over
 * people): it lies in the span of the published groups' membership vectors.
 */
export function derivable(published: number[][], people: number, target: number[]): boolean {
  const rows = published.map((g) => {
    const v = new Array<number>(people).fill(0);
    for (const p of g) v[p] = 1;
    return v;
  });
  if (rows.length === 0) return false;
  return rank([...rows, target]) === rank(rows);
}
