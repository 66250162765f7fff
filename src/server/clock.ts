/**
 * The one source of "now" for services, repositories and presenters (issue #17): built once per
 * app and passed in, so a test can stand still or move days ahead without sleeping or faking
 * timers. Lint forbids `new Date()` and `Date.now()` in those layers; this file is the exception.
 */
export type Clock = { now(): Date };

/** The machine's clock: what the app uses outside tests. */
export const systemClock: Clock = { now: () => new Date() };

/**
 * A clock a test moves by hand: it runs with the machine's time until told otherwise, then
 * `advance` jumps ahead (or back) and `set` stops it at one instant (`advance` moves that one).
 */
export function testClock(start?: Date) {
  let offset = 0;
  let frozen = start ? start.getTime() : null;
  return {
    now: () => new Date(frozen ?? Date.now() + offset),
    set(to: Date) {
      frozen = to.getTime();
    },
    advance(ms: number) {
      if (frozen === null) offset += ms;
      else frozen += ms;
    },
  };
}
