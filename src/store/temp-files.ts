import { readdirSync, unlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { processAlive } from './lock-owner.js';
import { nonce } from './nonce.js';

/**
 * The temporary file an atomic write fills before renaming it over the target: hidden, in the
 * same folder (a rename is atomic only within one file system), named after the target and the
 * writing process so that a writer killed half-way can be recognised and cleaned up later.
 */
export function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now().toString(36)}${nonce(8)}.tmp`);
}

/**
 * Removes temp files of `target` left by writers that were killed before their rename (their
 * process no longer exists). Call it only while holding the config lock: then no other writer of
 * this tool is between its temp file and its rename. Best effort; returns how many were removed.
 */
export function removeAbandonedTempFiles(target: string): number {
  const dir = dirname(target);
  const prefix = `.${basename(target)}.`;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
    const m = /^(\d+)\.[0-9a-z]+\.tmp$/.exec(name.slice(prefix.length));
    const pid = m === null ? NaN : Number(m[1]);
    if (!Number.isSafeInteger(pid) || pid === process.pid || processAlive(pid)) continue;
    try {
      unlinkSync(join(dir, name));
      removed++;
    } catch {
      // Someone else cleaned it, or we may not: it is only litter, never the config itself.
    }
  }
  return removed;
}
