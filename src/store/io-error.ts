import { AppcmdError } from '../errors.js';

/** Not an errno: a file whose mode has no write bit, refused before the OS is asked. */
export const READ_ONLY = 'EREADONLY';

/** appcmd's own text for a sharing violation (ERROR_SHARING_VIOLATION, 32). */
export const SHARING_VIOLATION_TEXT =
  'Failed to commit configuration changes.\nThe process cannot access the file because it is being used by another process.';

/**
 * A failed write, in words a user can act on. Every caller fails before the rename that would
 * replace the file, so the message can promise that the original is unchanged.
 */
export function writeError(path: string, e: unknown, hints: readonly string[] = []): AppcmdError {
  const err = e as NodeJS.ErrnoException;
  if (err.code === 'EBUSY' || err.code === 'ETXTBSY') return new AppcmdError('FILE_BUSY', SHARING_VIOLATION_TEXT, { file: path, cause: e, hints });
  return new AppcmdError('FILE_IO', `Cannot write configuration file "${path}": ${reason(err)}. The original file is unchanged.`, {
    file: path,
    cause: e,
    hints,
  });
}

function reason(err: NodeJS.ErrnoException): string {
  switch (err.code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return 'the disk is full';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case READ_ONLY:
      return 'the file is marked read-only (clear the flag, e.g. chmod u+w, to allow changes)';
    case 'EROFS':
      return 'the file system is read-only';
    default:
      return err.message ?? String(err);
  }
}

/** The error for a config file that does not exist (also when its folder does not). */
export function notFoundError(path: string, cause?: unknown): AppcmdError {
  return new AppcmdError('FILE_NOT_FOUND', `Cannot read configuration file: "${path}" does not exist`, { file: path, cause });
}
