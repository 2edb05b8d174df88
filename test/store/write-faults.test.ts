import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, lstatSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire, syncBuiltinESMExports } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic } from '../../src/store/atomic-write.js';
import { isAppcmdError } from '../../src/errors.js';
import { appcmd, snapshot, tempCopy } from '../helpers/cli.js';
import { fixturesDir, repoRoot } from '../helpers/paths.js';
import { tempDir } from '../helpers/temp.js';

const FIXTURE = join(fixturesDir, 'applicationHost.config');
const HEADLINE = "/[name='ftp.example.com'].ftpServer.security.ssl.controlChannelPolicy:SslRequire";
const isRoot = process.getuid?.() === 0;
// The CommonJS face of node:fs is mutable; the ESM bindings follow it after syncBuiltinESMExports().
const fs = createRequire(import.meta.url)('node:fs') as Record<string, unknown>;

type FsName = 'openSync' | 'writevSync' | 'fsyncSync' | 'renameSync' | 'chmodSync';

/**
 * Makes one fs function fail with an errno while `body` runs. The store imports fs functions by
 * name; syncBuiltinESMExports() pushes the patched function into those live bindings.
 */
function withFault(name: FsName, code: string, when: (args: unknown[]) => boolean, body: () => void): void {
  withFs(name, (original) => (...args: unknown[]) => {
    if (when(args)) throw Object.assign(new Error(`${code}: simulated by the test`), { code });
    return original(...args);
  }, body);
}

/** Replaces one fs function while `body` runs. */
function withFs(name: FsName, replace: (original: (...args: unknown[]) => unknown) => (...args: unknown[]) => unknown, body: () => void): void {
  const mutable = fs as Record<FsName, (...args: unknown[]) => unknown>;
  const original = mutable[name];
  mutable[name] = replace(original);
  syncBuiltinESMExports();
  try {
    body();
  } finally {
    mutable[name] = original;
    syncBuiltinESMExports();
  }
}

const onTemp = (args: unknown[]) => typeof args[0] === 'string' && args[0].endsWith('.tmp');
const always = () => true;
// The temp file's bytes are written with writev, which the lock file does not use.
const onBytes = always;

const FAULTS: [FsName, string, (args: unknown[]) => boolean, RegExp][] = [
  ['openSync', 'EACCES', onTemp, /permission denied/],
  ['openSync', 'EROFS', onTemp, /read-only/],
  ['writevSync', 'ENOSPC', onBytes, /the disk is full/],
  ['writevSync', 'EDQUOT', onBytes, /the disk is full/],
  ['fsyncSync', 'EIO', always, /EIO/],
  ['chmodSync', 'EPERM', always, /permission denied/],
  ['renameSync', 'EACCES', always, /permission denied/],
  ['renameSync', 'EBUSY', always, /being used by another process/],
];

for (const [name, code, when, message] of FAULTS) {
  test(`${code} from ${name} during a write: a clear error, the original intact, no temp file`, () => {
    const file = tempCopy(FIXTURE);
    const before = snapshot(file);
    withFault(name, code, when, () => {
      const r = appcmd(['set', 'config', '-section:sites', HEADLINE, `/apphostconfig:${file}`]);
      assert.notEqual(r.code, 0);
      assert.match(r.stderr, message);
      assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
      if (code !== 'EBUSY') assert.match(r.stderr, /The original file is unchanged/);
    });
    assert.deepEqual(snapshot(file), before);
    assert.deepEqual(readdirSync(join(file, '..')), ['applicationHost.config']);
  });
}

test('a file marked read-only is refused (even for root, as appcmd.exe refuses it), untouched', () => {
  const file = tempCopy(FIXTURE);
  chmodSync(file, 0o444);
  const before = snapshot(file);
  const r = appcmd(['set', 'config', '-section:sites', HEADLINE, `/apphostconfig:${file}`]);
  assert.equal(r.code, 29);
  assert.match(r.stderr, /marked read-only/);
  assert.deepEqual(snapshot(file), before);
  assert.equal(statSync(file).mode & 0o777, 0o444);
});

test('a read-only folder: permission denied for an unprivileged user, original intact', (t) => {
  if (process.platform === 'win32') return t.skip('folder modes do not restrict writes on Windows');
  const dir = tempDir('appcmd-rofolder-');
  const file = join(dir, 'applicationHost.config');
  writeFileSync(file, readFileSync(FIXTURE));
  chmodSync(file, 0o666);
  chmodSync(dir, 0o555);
  const before = snapshot(file);
  let result: { status: number | null; stderr: string };
  if (!isRoot) {
    const r = appcmd(['set', 'config', '-section:sites', HEADLINE, `/apphostconfig:${file}`]);
    result = { status: r.code, stderr: r.stderr };
  } else {
    // root ignores folder permissions: run the CLI as the unprivileged user `nobody` instead.
    const r = spawnSync(process.execPath, [join(repoRoot, 'bin', 'appcmd.js'), 'set', 'config', '-section:sites', HEADLINE, `/apphostconfig:${file}`], {
      uid: 65534,
      gid: 65534,
      encoding: 'utf8',
      cwd: tmpdir(),
    });
    if (r.error !== undefined || (r.status !== 29 && /EACCES|Cannot find module/.test(r.stderr))) {
      t.skip(`cannot run as nobody here: ${r.error?.message ?? r.stderr.slice(0, 200)}`);
      chmodSync(dir, 0o755);
      return;
    }
    result = { status: r.status, stderr: r.stderr };
  }
  chmodSync(dir, 0o755);
  assert.equal(result.status, 29, result.stderr);
  assert.match(result.stderr, /permission denied/);
  assert.deepEqual(snapshot(file), before);
  assert.deepEqual(readdirSync(dir), ['applicationHost.config']);
});

test('a full disk (a real small tmpfs, where this runner may mount one): clear error, original intact', (t) => {
  if (!isRoot || process.platform !== 'linux') return t.skip('needs root on Linux to mount a tmpfs');
  const mnt = tempDir('appcmd-full-');
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=512k', 'tmpfs', mnt]);
  if (mounted.status !== 0) return t.skip('mount is not permitted here');
  try {
    const file = join(mnt, 'applicationHost.config');
    // A file a little larger than half the disk: its temp copy cannot fit beside it.
    const text = readFileSync(FIXTURE, 'utf8').replace('</configuration>', `<!-- ${'x'.repeat(300_000)} -->\n</configuration>`);
    writeFileSync(file, text);
    const before = snapshot(file);
    const r = appcmd(['set', 'config', '-section:sites', HEADLINE, `/apphostconfig:${file}`]);
    assert.equal(r.code, 29, r.stderr);
    assert.match(r.stderr, /the disk is full\. The original file is unchanged/);
    assert.deepEqual(snapshot(file), before);
    assert.deepEqual(readdirSync(mnt), ['applicationHost.config']);
  } finally {
    spawnSync('umount', [mnt]);
  }
});

test('through the CLI: a symbolic link stays a link, the target gets the change, mode and owner are kept', () => {
  const file = tempCopy(FIXTURE);
  chmodSync(file, 0o640);
  if (isRoot) chownSync(file, 1234, 2345);
  const link = join(tempDir('appcmd-link-'), 'applicationHost.config');
  symlinkSync(file, link);
  const r = appcmd(['set', 'config', '-section:sites', HEADLINE, `/apphostconfig:${link}`]);
  assert.equal(r.code, 0, r.stderr);
  assert.ok(lstatSync(link).isSymbolicLink());
  assert.match(readFileSync(file, 'utf8'), /controlChannelPolicy="SslRequire"/);
  const s = statSync(file);
  assert.equal(s.mode & 0o777, 0o640);
  if (isRoot) assert.deepEqual([s.uid, s.gid], [1234, 2345]);
  assert.deepEqual(readdirSync(join(file, '..')), ['applicationHost.config']);
});

test('the library reports write failures as typed errors too', () => {
  const dir = tempDir('appcmd-lib-');
  const file = join(dir, 'a.config');
  writeFileSync(file, 'old');
  withFault('writevSync', 'ENOSPC', always, () => {
    assert.throws(() => writeFileAtomic(file, Buffer.from('new')), (e: unknown) => isAppcmdError(e) && e.code === 'FILE_IO' && e.win32 === 29);
  });
  assert.equal(readFileSync(file, 'utf8'), 'old');
});

test('short writes: a write that takes only a few bytes at a time still writes every chunk, in order', () => {
  const dir = tempDir('appcmd-short-');
  const file = join(dir, 'a.config');
  writeFileSync(file, 'old');
  // More chunks than one writev call takes, of assorted sizes, some empty.
  const chunks = Array.from({ length: 1500 }, (_, i) => Buffer.from('x'.repeat(i % 7) + String(i)));
  let calls = 0;
  withFs('writevSync', (original) => (fd: unknown, buffers: unknown) => {
    calls++;
    const first = (buffers as Uint8Array[])[0]!;
    // Three bytes of the first buffer, or the whole of a shorter one.
    return original(fd, [first.subarray(0, 3)]);
  }, () => writeFileAtomic(file, chunks));
  assert.equal(readFileSync(file, 'utf8'), Buffer.concat(chunks).toString('utf8'));
  assert.ok(calls > chunks.length, `written in ${calls} calls`);
});

test('a large file is written in calls of at most 256 KiB, whatever the chunks', () => {
  const dir = tempDir('appcmd-pieces-');
  const file = join(dir, 'a.config');
  writeFileSync(file, 'old');
  // One 3 MB stretch (an untouched part of a large file) between small edits.
  const chunks = [Buffer.from('<a>'), Buffer.alloc(3 << 20, 0x61), Buffer.from('<b/>'), Buffer.alloc(1000, 0x62), Buffer.from('</a>')];
  const sizes: number[] = [];
  withFs('writevSync', (original) => (fd: unknown, buffers: unknown) => {
    sizes.push((buffers as Uint8Array[]).reduce((n, b) => n + b.length, 0));
    return original(fd, buffers);
  }, () => writeFileAtomic(file, chunks));
  assert.deepEqual(readFileSync(file), Buffer.concat(chunks));
  assert.ok(Math.max(...sizes) <= 256 * 1024, `largest call ${Math.max(...sizes)} bytes`);
  // The 3 MB stretch in twelve full calls, the small chunks around it in two more.
  assert.deepEqual(sizes, [3, ...Array<number>(12).fill(256 * 1024), 1008]);
});
