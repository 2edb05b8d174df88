import { hostname } from 'node:os';
import { nonce } from './nonce.js';

/**
 * Who holds a config lock, as written in the lock file: one JSON line, so that a human who finds
 * a lock file can tell which process on which machine left it, and since when.
 */
export interface LockOwner {
  readonly pid: number;
  readonly host: string;
  /** ISO time the lock was taken (informative; ages are taken from the file's mtime). */
  readonly since: string;
  /** Random per acquisition: tells one holder's lock from another's after a pid is reused. */
  readonly token: string;
}

export function newOwner(): LockOwner {
  return { pid: process.pid, host: hostname(), since: new Date().toISOString(), token: nonce(16) };
}

export function formatOwner(owner: LockOwner): string {
  return `${JSON.stringify({ pid: owner.pid, host: owner.host, since: owner.since, token: owner.token, tool: 'appcmd-xplat' })}\n`;
}

/** The owner written in a lock file, or undefined when the text is not ours (empty, cut short, foreign). */
export function parseOwner(text: string): LockOwner | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  const { pid, host, since, token } = v;
  if (typeof pid !== 'number' || !Number.isSafeInteger(pid) || pid <= 0) return undefined;
  if (typeof host !== 'string' || typeof token !== 'string' || token === '') return undefined;
  return { pid, host, since: typeof since === 'string' ? since : '', token };
}

/**
 * Whether a process with this pid exists on this machine. Signal 0 checks without signalling;
 * EPERM means it exists but belongs to another user, which still counts as alive.
 */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function isThisHost(owner: LockOwner): boolean {
  return owner.host === hostname();
}

export function describeOwner(owner: LockOwner | undefined): string {
  return owner === undefined ? 'an unknown process' : `process ${owner.pid} on ${owner.host}`;
}
