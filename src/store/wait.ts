/**
 * Waiting between lock attempts. The whole command is synchronous (a CLI run is one read-modify-
 * write), so the wait blocks the thread instead of yielding to an event loop that has nothing to do.
 */
const cell = new Int32Array(new SharedArrayBuffer(4));

export function sleepSync(ms: number): void {
  if (ms > 0) Atomics.wait(cell, 0, 0, ms);
}

const FIRST_MS = 5;
const LONGEST_MS = 100;

/**
 * The pause before attempt `n` (0-based): doubling from 5 ms up to 100 ms, each drawn from the
 * upper half of its range so that writers who collided once do not collide again in lock step,
 * and short enough that a freed lock is picked up quickly.
 */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(LONGEST_MS, FIRST_MS * 2 ** Math.min(attempt, 10));
  return ceiling / 2 + random() * (ceiling / 2);
}
