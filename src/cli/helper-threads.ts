import { readdirSync } from 'node:fs';
import { setPriority } from 'node:os';

/** The nice value given to the helper threads: the lowest priority, as Chrome gives V8's. */
const HELPER_NICE = 19;

/**
 * On Linux, lowers the scheduling priority of every thread of this process but the main one:
 * V8's optimizing compiler and garbage collector helpers. Node starts four of them; on a machine
 * with two cores (a common CI runner) their work on a batch's hot code took a core's share from
 * the main thread, which is the one the user waits for (the README's performance section has the
 * figures). They still run whenever a core is free. Elsewhere, or
 * where /proc cannot be read, nothing changes.
 */
export function yieldToMainThread(): void {
  if (process.platform !== 'linux') return;
  let threads: string[];
  try {
    threads = readdirSync('/proc/self/task');
  } catch {
    return;
  }
  for (const name of threads) {
    const tid = Number(name);
    if (tid === process.pid || !Number.isInteger(tid)) continue;
    try {
      setPriority(tid, HELPER_NICE);
    } catch {
      // Gone meanwhile, or not permitted: the thread keeps its priority.
    }
  }
}
