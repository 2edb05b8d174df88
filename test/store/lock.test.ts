import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { acquireConfigLock } from '../../src/store/lock.js';
import { removeAbandonedTempFiles } from '../../src/store/temp-files.js';
import { backoffMs } from '../../src/store/wait.js';
import { isAppcmdError, type AppcmdError } from '../../src/errors.js';
import { configInTempDir, deadPid, liveProcess, plantLock } from './lock-fixture.js';
import { tempDir } from '../helpers/temp.js';

function busy(e: unknown): boolean {
  assert.ok(isAppcmdError(e), String(e));
  const err = e as AppcmdError;
  assert.equal(err.code, 'FILE_BUSY');
  assert.equal(err.win32, 32);
  assert.match(err.message, /being used by another process/);
  return true;
}

test('the lock file is created beside the config, names its owner, and is removed on release', () => {
  const file = configInTempDir();
  const lock = acquireConfigLock(file);
  assert.equal(lock.lockPath, `${file}.lock`);
  const owner = JSON.parse(readFileSync(lock.lockPath, 'utf8')) as Record<string, unknown>;
  assert.equal(owner['pid'], process.pid);
  assert.equal(owner['host'], hostname());
  assert.equal(owner['token'], lock.owner.token);
  assert.ok(lock.stillHeld());
  lock.release();
  assert.equal(existsSync(lock.lockPath), false);
  lock.release();
  assert.equal(lock.stillHeld(), false);
});

test('a held lock makes a second writer wait for the timeout, then fail with FILE_BUSY (32)', () => {
  const file = configInTempDir();
  const first = acquireConfigLock(file);
  const started = Date.now();
  assert.throws(() => acquireConfigLock(file, { timeoutMs: 300 }), busy);
  const waited = Date.now() - started;
  assert.ok(waited >= 290 && waited < 3000, `waited ${waited} ms`);
  assert.throws(() => acquireConfigLock(file, { timeoutMs: 0 }), busy);
  first.release();
  acquireConfigLock(file, { timeoutMs: 0 }).release();
});

test('a writer waiting for a live owner gets the lock as soon as the owner is gone', async () => {
  const file = configInTempDir();
  const child = liveProcess();
  try {
    plantLock(`${file}.lock`, { pid: child.pid });
    assert.throws(() => acquireConfigLock(file, { timeoutMs: 100 }), (e: unknown) => {
      busy(e);
      assert.match((e as AppcmdError).hints.join('\n'), new RegExp(`process ${child.pid} on `));
      return true;
    });
  } finally {
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
  }
  const lock = acquireConfigLock(file, { timeoutMs: 0 });
  assert.notEqual(JSON.parse(readFileSync(lock.lockPath, 'utf8')).token, 'planted');
  lock.release();
});

test('stale locks are taken over: dead owner, too old, unreadable and old, or left by this very process', () => {
  const file = configInTempDir();
  const lockPath = `${file}.lock`;
  const cases: [string, Parameters<typeof plantLock>[1], number][] = [
    ['owner died', { pid: deadPid() }, 0],
    ['other host, older than the bound', { pid: 1, host: 'another-host.example' }, 60_000],
    ['garbage, older than the grace period', 'not json', 5_000],
    ['empty, older than the grace period', '', 5_000],
    ['this process, not held', { pid: process.pid, token: 'leaked' }, 0],
  ];
  for (const [label, owner, age] of cases) {
    plantLock(lockPath, owner, age);
    const lock = acquireConfigLock(file, { timeoutMs: 0 });
    assert.ok(lock.stillHeld(), label);
    lock.release();
    assert.deepEqual(readdirSync(join(file, '..')).sort(), ['applicationHost.config'], `${label}: nothing left behind`);
  }
});

test('locks that may be live are respected: other host and fresh, garbage and fresh', () => {
  const file = configInTempDir();
  const lockPath = `${file}.lock`;
  for (const owner of [{ pid: 1, host: 'another-host.example' }, 'half-written']) {
    plantLock(lockPath, owner);
    assert.throws(() => acquireConfigLock(file, { timeoutMs: 50 }), busy);
    assert.ok(existsSync(lockPath));
  }
  // With a shorter bound, the same other-host lock counts as abandoned.
  plantLock(lockPath, { pid: 1, host: 'another-host.example' }, 2_000);
  acquireConfigLock(file, { timeoutMs: 0, staleMs: 1_000 }).release();
});

test('release never removes a lock that another writer has taken over', () => {
  const file = configInTempDir();
  const lock = acquireConfigLock(file);
  plantLock(lock.lockPath, { pid: process.pid, token: 'someone-else' });
  assert.equal(lock.stillHeld(), false);
  lock.release();
  assert.match(readFileSync(lock.lockPath, 'utf8'), /someone-else/);
});

test('a symbolic link and its target share one lock, beside the target', () => {
  const file = configInTempDir();
  const linkDir = tempDir('appcmd-link-');
  const link = join(linkDir, 'applicationHost.config');
  symlinkSync(file, link);
  const lock = acquireConfigLock(link);
  assert.equal(lock.lockPath, `${file}.lock`);
  assert.throws(() => acquireConfigLock(file, { timeoutMs: 0 }), busy);
  lock.release();
});

test('a config in a folder that does not exist is reported as not found', () => {
  const missing = join(tmpdir(), 'appcmd-no-such-folder', String(process.pid), 'applicationHost.config');
  assert.throws(() => acquireConfigLock(missing), (e: unknown) => isAppcmdError(e) && e.code === 'FILE_NOT_FOUND');
});

test('temp files of killed writers are removed; those of live processes and other files are kept', () => {
  const file = configInTempDir();
  const dir = join(file, '..');
  const child = liveProcess();
  try {
    const dead = `.applicationHost.config.${deadPid()}.abc123.tmp`;
    const live = `.applicationHost.config.${child.pid}.abc123.tmp`;
    const mine = `.applicationHost.config.${process.pid}.abc123.tmp`;
    const other = `.other.config.${deadPid()}.abc123.tmp`;
    for (const n of [dead, live, mine, other]) writeFileSync(join(dir, n), 'partial');
    assert.equal(removeAbandonedTempFiles(file), 1);
    assert.deepEqual(readdirSync(dir).sort(), [live, mine, other, 'applicationHost.config'].sort());
  } finally {
    child.kill('SIGKILL');
  }
});

test('backoff grows from a few milliseconds to 100 ms, with jitter in the upper half', () => {
  assert.equal(backoffMs(0, () => 0), 2.5);
  assert.equal(backoffMs(0, () => 1), 5);
  assert.equal(backoffMs(3, () => 0), 20);
  assert.equal(backoffMs(50, () => 1), 100);
  assert.equal(backoffMs(50, () => 0), 50);
});
