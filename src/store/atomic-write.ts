import { closeSync, fsyncSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync, chmodSync, chownSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { AppcmdError } from '../errors.js';
import { sameStamp, stampOf, type FileStamp } from './config-file.js';

/**
 * Replaces `path` with `bytes` so that a reader (or a crash) sees either the old or the new file,
 * never a mix: temp file in the same folder, fsync, rename over the original, fsync the folder.
 * A symbolic link is written through to its target and stays a link. The original's mode (and,
 * where permitted, owner) is kept. If the file no longer matches `expected`, nothing is written.
 */
export function writeFileAtomic(path: string, content: Uint8Array | readonly Uint8Array[], expected?: FileStamp): void {
  const chunks = content instanceof Uint8Array ? [content] : content;
  let target: string;
  try {
    target = realpathSync(path);
  } catch (e) {
    throw ioError(path, e);
  }
  if (expected !== undefined) {
    let now: FileStamp;
    try {
      now = stampOf(target);
    } catch (e) {
      throw ioError(path, e);
    }
    if (!sameStamp(now, expected)) {
      throw new AppcmdError(
        'FILE_CHANGED',
        `Failed to commit configuration changes: "${path}" was changed by another process since it was read. Nothing was written; run the command again.`,
        { file: path },
      );
    }
  }
  const original = statSync(target);
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'wx', original.mode & 0o7777);
    for (const bytes of chunks) {
      let offset = 0;
      while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
    }
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
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        // already failing; the original error is the one to report
      }
    }
    try {
      unlinkSync(tmp);
    } catch {
      // the temp file may not exist
    }
    throw ioError(path, e);
  }
  syncDirectory(dirname(target));
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

function ioError(path: string, e: unknown): AppcmdError {
  const err = e as NodeJS.ErrnoException;
  if (err.code === 'EBUSY' || err.code === 'ETXTBSY') {
    return new AppcmdError(
      'FILE_BUSY',
      'Failed to commit configuration changes.\nThe process cannot access the file because it is being used by another process.',
      { file: path, cause: e },
    );
  }
  const why =
    err.code === 'ENOSPC'
      ? 'the disk is full'
      : err.code === 'EACCES' || err.code === 'EPERM'
        ? 'permission denied'
        : err.code === 'EROFS'
          ? 'the file system is read-only'
          : (err.message ?? String(e));
  return new AppcmdError('FILE_IO', `Cannot write configuration file "${path}": ${why}. The original file is unchanged.`, {
    file: path,
    cause: e,
  });
}
