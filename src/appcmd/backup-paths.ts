import { AppcmdError } from '../errors.js';
import { basename, dirname, join, resolve } from 'node:path';

/** The name IIS gives the main file inside a backup folder, whatever the edited file is called. */
export const BACKUP_MAIN_FILE = 'applicationHost.config';

/** Server-wide files IIS keeps beside applicationHost.config and backs up with it. */
export const NEIGHBOUR_FILES = ['administration.config', 'redirection.config'] as const;

/**
 * Where backups of a config file go. IIS keeps them in `inetsrv\backup`, beside the
 * `inetsrv\config` folder that holds applicationHost.config; a file kept anywhere else (a
 * checkout, a CI workspace) gets a `backup` folder beside it, so that backups of unrelated files
 * never share the parent folder.
 */
export function defaultBackupRoot(configPath: string): string {
  const folder = dirname(resolve(configPath));
  return basename(folder).toLowerCase() === 'config' ? join(dirname(folder), 'backup') : join(folder, 'backup');
}

/** appcmd's default backup name: the local time as yyyyMMddTHHmmss (`20260814T183819`). */
export function timestampName(now: Date): string {
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}${two(now.getMonth() + 1)}${two(now.getDate())}T${two(now.getHours())}${two(now.getMinutes())}${two(now.getSeconds())}`;
}

/** A backup name is one folder name: no separators, nothing Windows refuses, no `.`/`..`, no hidden name. */
export function checkBackupName(name: string): string {
  if (name === '' || name.startsWith('.') || /[\\/:*?"<>|]/.test(name) || [...name].some((c) => c < ' ') || name.trim() !== name) {
    throw new AppcmdError('VALUE_INVALID', `Invalid backup name "${name}".`, {
      hints: ['A backup name is a folder name: letters, digits, spaces, - and _, not starting with a dot, without \\ / : * ? " < > |.'],
    });
  }
  return name;
}
