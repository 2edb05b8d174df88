import { readFileSync, unlinkSync } from 'node:fs';
import { parseOwner } from './lock-owner.js';

/**
 * The lock files this process holds (lock path → token). A lock file naming this process that is
 * not in here was left behind by an earlier command of this process and may be taken over; and
 * on exit every lock still held is removed, so that a command that failed between reading and
 * committing does not make the next writer wait for the stale-lock rules.
 */
const held = new Map<string, string>();
let exitHookInstalled = false;

export function rememberHeld(lockPath: string, token: string): void {
  held.set(lockPath, token);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.once('exit', releaseAllHeld);
  }
}

export function forgetHeld(lockPath: string, token: string): void {
  if (held.get(lockPath) === token) held.delete(lockPath);
}

export function isHeldHere(lockPath: string, token: string): boolean {
  return held.get(lockPath) === token;
}

/** Removes the lock file if it still carries our token (a lock broken as stale is someone else's now). */
export function removeIfOurs(lockPath: string, token: string): void {
  try {
    if (parseOwner(readFileSync(lockPath, 'utf8'))?.token === token) unlinkSync(lockPath);
  } catch {
    // Already gone, or unreadable: either way there is nothing of ours left to remove.
  }
}

function releaseAllHeld(): void {
  for (const [lockPath, token] of held) removeIfOurs(lockPath, token);
  held.clear();
}
