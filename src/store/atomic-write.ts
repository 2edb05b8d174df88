import { accessSync, chmodSync, chownSync, closeSync, constants, fsyncSync, linkSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writevSync, type Stats } from 'node:fs';
import { dirname } from 'node:path';
import { AppcmdError } from '../errors.js';
import { sameStamp, stampOf, type FileStamp } from './config-file.js';
import { READ_ONLY, writeError } from './io-error.js';
import { tempPathFor } from './temp-files.js';

/**
 * Replaces `path` with `bytes` so that a reader (or a crash) sees either the old or the new file,
 * never a mix: temp file in the same folder, fsync, rename over the original, fsync the folder.
 * A symbolic link is written through to its target and stays a link. The original's mode (and,
 * where permitted, owner) is kept. If the file no longer matches `expected`, nothing is written.
 */
export function writeFileAtomic(path: string, content: Uint8Array | readonly Uint8Array[], expected?: FileStamp): void {
  const chunks = content instanceof Uint8Array ? [content] : content;
  let target: string;
  let original: Stats;
  try {
    target = realpathSync(path);
    if (expected !== undefined && !sameStamp(stampOf(target), expected)) {
      throw new AppcmdError(
        'FILE_CHANGED',
        `Failed to commit configuration changes: "${path}" was changed by another process since it was read. Nothing was written; run the command again.`,
        { file: path },
      );
    }
    original = statSync(target);
    checkWritable(target, original);
  } catch (e) {
    throw e instanceof AppcmdError ? e : writeError(path, e);
  }
  const tmp = tempPathFor(target);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'wx', original.mode & 0o7777);
    writeChunks(fd, chunks);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    chmodSync(tmp, original.mode & 0o7777);
    try {
      chownSync(tmp, original.uid, original.gid);
    } catch {
      // Only root may give a file away; keeping our own ownership is the best we can do.
    }
    renameSync(tmp, target);
  } catch (e) {
    if (fd !== undefined) closeQuietly(fd);
    unlinkQuietly(tmp);
    throw writeError(path, e);
  }
  syncDirectory(dirname(target));
}

/**
 * Creates `path` with `bytes`, atomically: a reader (or a crash) sees no file or the whole file.
 * The temp file is hard-linked into place, which fails when another process created the file
 * since we found it missing; nothing is replaced then.
 */
export function createFileAtomic(path: string, content: Uint8Array | readonly Uint8Array[]): void {
  const chunks = content instanceof Uint8Array ? [content] : content;
  const tmp = tempPathFor(path);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'wx', 0o666);
    writeChunks(fd, chunks);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    linkSync(tmp, path);
  } catch (e) {
    if (fd !== undefined) closeQuietly(fd);
    unlinkQuietly(tmp);
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new AppcmdError('FILE_CHANGED', `Failed to commit configuration changes: "${path}" was created by another process since it was read. Nothing was written; run the command again.`, { file: path });
    }
    throw writeError(path, e);
  }
  unlinkQuietly(tmp);
  syncDirectory(dirname(path));
}

function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // already failing; the original error is the one to report
  }
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // the temp file may not exist
  }
}

/**
 * Writes every chunk in order, each system call taking at most WRITE_BYTES: a batch of N edits
 * makes 2N + 1 chunks (untouched stretches and new text), too many for a system call each, and
 * a single write of a large file stalls now and then (below). A short write resumes where it
 * stopped.
 */
function writeChunks(fd: number, chunks: readonly Uint8Array[]): void {
  const pieces: Uint8Array[] = [];
  for (const c of chunks) for (let p = 0; p < c.length; p += WRITE_BYTES) pieces.push(c.subarray(p, p + WRITE_BYTES));
  let i = 0;
  while (i < pieces.length) {
    let end = i + 1;
    let bytes = pieces[i]!.length;
    while (end < pieces.length && end - i < PER_CALL && bytes + pieces[end]!.length <= WRITE_BYTES) bytes += pieces[end++]!.length;
    let written = writevSync(fd, pieces.slice(i, end));
    while (i < end && written >= pieces[i]!.length) written -= pieces[i++]!.length;
    if (written > 0) pieces[i] = pieces[i]!.subarray(written);
  }
}

/**
 * The most one write call takes. Linux fills a large write with large page-cache blocks, and
 * now and then stalls getting them; writes of this size did not stall, for a cost the timing
 * cannot tell apart (figures in the README's performance section, "Writing").
 */
const WRITE_BYTES = 256 * 1024;
/** Below every platform's IOV_MAX (1024 on Linux and macOS). */
const PER_CALL = 512;

/**
 * A rename needs only the folder to be writable, so it would replace a read-only file without a
 * word. A file marked read-only (no write bit at all, which is also how Windows' read-only
 * attribute shows) is refused even for an administrator, as appcmd.exe refuses it; otherwise the
 * operating system's own check decides.
 */
function checkWritable(target: string, stats: Stats): void {
  if ((stats.mode & 0o222) === 0) {
    throw Object.assign(new Error(`"${target}" is read-only`), { code: READ_ONLY });
  }
  accessSync(target, constants.W_OK);
}

function syncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Not every platform can fsync a directory (Windows); the rename itself is still atomic.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
