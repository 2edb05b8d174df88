import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { tempDir } from '../helpers/temp.js';

/** A fresh folder holding a small config file. */
export function configInTempDir(text = '<configuration />\n'): string {
  const dir = tempDir('appcmd-lock-');
  const file = join(dir, 'applicationHost.config');
  writeFileSync(file, text);
  return file;
}

/** Writes a lock file as another writer would have, `ageMs` old. */
export function plantLock(lockPath: string, owner: { pid: number; host?: string; token?: string } | string, ageMs = 0): void {
  const text = typeof owner === 'string' ? owner : JSON.stringify({ pid: owner.pid, host: owner.host ?? hostname(), since: new Date().toISOString(), token: owner.token ?? 'planted' }) + '\n';
  writeFileSync(lockPath, text);
  if (ageMs > 0) {
    const t = (Date.now() - ageMs) / 1000;
    utimesSync(lockPath, t, t);
  }
}

/** A process that stays alive until killed: a live lock owner. */
export function liveProcess(): ChildProcess & { pid: number } {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 120000)'], { stdio: 'ignore' });
  if (child.pid === undefined) throw new Error('could not start a child process');
  return child as ChildProcess & { pid: number };
}

/** The pid of a process that has already exited: a dead lock owner. */
export function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
}
