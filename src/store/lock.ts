import { closeSync, fstatSync, linkSync, openSync, readFileSync, realpathSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { AppcmdError } from '../errors.js';
import { forgetHeld, isHeldHere, rememberHeld, removeIfOurs } from './held-locks.js';
import { notFoundError, SHARING_VIOLATION_TEXT, writeError } from './io-error.js';
import { describeOwner, formatOwner, isThisHost, newOwner, parseOwner, processAlive, type LockOwner } from './lock-owner.js';
import { backoffMs, sleepSync } from './wait.js';

export interface LockOptions {
  /** How long to wait for another writer before failing with FILE_BUSY, in ms; 0 tries once. */
  readonly timeoutMs?: number;
  /** A lock older than this is taken to be abandoned whoever holds it, in ms. */
  readonly staleMs?: number;
}

/** Long enough for a queue of writers on a large file; short enough for a pipeline to fail visibly. */
const DEFAULT_LOCK_TIMEOUT_MS = 10_000;
/** A command holds the lock for one read-modify-write, which takes far less even on the largest files. */
const DEFAULT_STALE_MS = 30_000;
/** A lock file without readable content is being written by its creator for this long at most. */
const UNREADABLE_GRACE_MS = 2_000;

/** A lock held by this process on one config file. */
export interface ConfigLock {
  readonly lockPath: string;
  readonly owner: LockOwner;
  /** Whether the lock file still carries our token (it may have been broken as stale). */
  stillHeld(): boolean;
  /** Removes the lock file if it is still ours. Idempotent. */
  release(): void;
}

/** The lock file of a config: beside the file actually written, so a symlink and its target share it. */
function lockPathFor(configPath: string): string {
  let target = configPath;
  try {
    target = realpathSync(configPath);
  } catch {
    // The file does not exist (yet): the read that follows will say so.
  }
  return `${target}.lock`;
}

/**
 * Takes the config's lock file (created with O_EXCL, holding pid, host, time and a token),
 * waiting with jittered backoff while another writer holds it. A lock whose owner is gone (its
 * process no longer runs on this host, or it is older than `staleMs`) is broken. Fails with
 * FILE_BUSY (appcmd's 32, "being used by another process") after `timeoutMs`.
 */
export function acquireConfigLock(configPath: string, options: LockOptions = {}): ConfigLock {
  const timeoutMs = Math.max(0, options.timeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS);
  const staleMs = Math.max(0, options.staleMs ?? DEFAULT_STALE_MS);
  const lockPath = lockPathFor(configPath);
  const owner = newOwner();
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 0; ; attempt++) {
    if (tryCreate(configPath, lockPath, owner)) return heldLock(lockPath, owner);
    const seen = observe(lockPath);
    const stale = seen !== undefined && isStale(lockPath, seen, staleMs);
    if (stale) breakStale(lockPath, seen, owner.token);
    const left = deadline - Date.now();
    if (left <= 0) {
      // One more look: the lock may have been freed or broken just now.
      if (tryCreate(configPath, lockPath, owner)) return heldLock(lockPath, owner);
      throw busyError(configPath, lockPath, observe(lockPath) ?? seen, timeoutMs, staleMs);
    }
    // Right after breaking an abandoned lock, try at once; otherwise give the holder time.
    if (!stale) sleepSync(Math.min(left, backoffMs(attempt)));
  }
}

function heldLock(lockPath: string, owner: LockOwner): ConfigLock {
  rememberHeld(lockPath, owner.token);
  let released = false;
  return {
    lockPath,
    owner,
    stillHeld: () => !released && observe(lockPath)?.owner?.token === owner.token,
    release: () => {
      if (released) return;
      released = true;
      forgetHeld(lockPath, owner.token);
      removeIfOurs(lockPath, owner.token);
    },
  };
}

/** Creates the lock file if nobody holds it; false when it exists. */
function tryCreate(configPath: string, lockPath: string, owner: LockOwner): boolean {
  let fd: number;
  try {
    fd = openSync(lockPath, 'wx', 0o644);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code === 'ENOENT') throw notFoundError(configPath, e);
    throw writeError(configPath, e, [`The lock file "${lockPath}" could not be created beside it.`]);
  }
  try {
    writeSync(fd, formatOwner(owner));
  } catch (e) {
    closeSync(fd);
    unlinkSync(lockPath);
    throw writeError(configPath, e, [`The lock file "${lockPath}" could not be written.`]);
  }
  closeSync(fd);
  return true;
}

/** A lock file as seen at one moment: its owner (if readable), identity and age. */
interface Observed {
  readonly owner: LockOwner | undefined;
  /** The token, or for a file without one its inode and mtime: tells one lock file from its successor. */
  readonly identity: string;
  readonly ageMs: number;
}

function observe(lockPath: string): Observed | undefined {
  let fd: number;
  try {
    fd = openSync(lockPath, 'r');
  } catch {
    // Gone (released or broken) or unreadable: the next create attempt decides.
    return undefined;
  }
  try {
    const stats = fstatSync(fd, { bigint: true });
    const owner = parseOwner(readFileSync(fd, 'utf8'));
    return {
      owner,
      identity: owner?.token ?? `${stats.ino}:${stats.mtimeNs}:${stats.size}`,
      ageMs: Date.now() - Number(stats.mtimeMs),
    };
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/**
 * A lock is abandoned when its process is gone from this host, when it names this process but
 * this process does not hold it (left by an earlier command in this process), when it is older
 * than the bound (its owner hung, or runs on another host whose processes we cannot see), or
 * when it never got its content.
 */
function isStale(lockPath: string, seen: Observed, staleMs: number): boolean {
  const owner = seen.owner;
  if (owner === undefined) return seen.ageMs > Math.min(UNREADABLE_GRACE_MS, staleMs);
  if (isThisHost(owner)) {
    if (owner.pid === process.pid) return !isHeldHere(lockPath, owner.token);
    if (!processAlive(owner.pid)) return true;
  }
  return seen.ageMs > staleMs;
}

/**
 * Removes an abandoned lock without ever removing a live one: the file is renamed aside (only
 * one of several breakers can win the rename), and if what was moved is not the lock judged
 * stale (a writer took the lock between our look and our rename) it is linked back in place.
 * Should a third writer have taken the lock in that instant, the displaced holder finds out at
 * commit time (ConfigLock.stillHeld) and writes nothing.
 */
function breakStale(lockPath: string, seen: Observed, token: string): void {
  const aside = `${lockPath}.${token}.stale`;
  try {
    renameSync(lockPath, aside);
  } catch {
    return;
  }
  const moved = observe(aside);
  if (moved !== undefined && moved.identity !== seen.identity) {
    try {
      linkSync(aside, lockPath);
    } catch {
      // Taken again meanwhile: see above.
    }
  }
  try {
    unlinkSync(aside);
  } catch {
    // nothing left to clean
  }
}

function busyError(configPath: string, lockPath: string, seen: Observed | undefined, timeoutMs: number, staleMs: number): AppcmdError {
  const held = seen === undefined ? '' : ` has held it for ${seconds(seen.ageMs)}`;
  return new AppcmdError('FILE_BUSY', SHARING_VIOLATION_TEXT, {
    file: configPath,
    hints: [
      `Another writer (${describeOwner(seen?.owner)})${held}; waited ${seconds(timeoutMs)} for it (/locktimeout:SECONDS waits longer).`,
      `Lock file: ${lockPath} (delete it only if no appcmd is running; an abandoned one is taken over after ${seconds(staleMs)}).`,
    ],
  });
}

function seconds(ms: number): string {
  return `${(Math.max(0, ms) / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
}
