import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AppcmdError } from '../errors.js';
import { writeFileAtomic } from '../store/atomic-write.js';
import { decodeConfigBytes } from '../store/config-file.js';
import { acquireConfigLock } from '../store/lock.js';
import { tempPathFor } from '../store/temp-files.js';
import { parseXml } from '../xml/reader.js';
import { BACKUP_MAIN_FILE, checkBackupName, NEIGHBOUR_FILES, timestampName } from './backup-paths.js';
import { duplicateObject, objectNotFound } from './object-errors.js';

/** One backup folder. */
export interface Backup {
  readonly name: string;
  readonly path: string;
  /** The files it holds (applicationHost.config first). */
  readonly files: readonly string[];
}

/** The backups of a backup folder, by name. A folder without applicationHost.config is not one. */
export function listBackups(root: string): Backup[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith('.') && existsSync(join(root, d.name, BACKUP_MAIN_FILE)))
    .map((d) => backupAt(root, d.name))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export function findBackup(root: string, name: string): Backup {
  const path = join(root, checkBackupName(name));
  if (!existsSync(join(path, BACKUP_MAIN_FILE))) throw objectNotFound('BACKUP', name, listBackups(root).map((b) => b.name));
  return backupAt(root, name);
}

function backupAt(root: string, name: string): Backup {
  const path = join(root, name);
  const files = [BACKUP_MAIN_FILE, ...NEIGHBOUR_FILES.filter((f) => existsSync(join(path, f)))];
  return { name, path, files };
}

/** The files a backup of `configPath` copies: the file itself and the neighbours that exist. */
export function filesToBackUp(configPath: string): { source: string; name: string }[] {
  const folder = dirname(configPath);
  return [{ source: configPath, name: BACKUP_MAIN_FILE }, ...NEIGHBOUR_FILES.filter((f) => existsSync(join(folder, f))).map((f) => ({ source: join(folder, f), name: f }))];
}

/**
 * Copies the config file (and its neighbours) into `root/name`. The copy is made in a hidden
 * folder and renamed into place, so a backup that exists under its name is always complete.
 */
export function addBackup(configPath: string, root: string, name: string | undefined, now: Date): Backup {
  const backupName = checkBackupName(name ?? timestampName(now));
  const target = join(root, backupName);
  if (existsSync(target)) throw duplicateObject(backupName, `A backup named "${backupName}" already exists in ${root}.`);
  if (!existsSync(configPath)) throw new AppcmdError('FILE_NOT_FOUND', `Cannot read configuration file: "${configPath}" does not exist`, { file: configPath });
  mkdirSync(root, { recursive: true });
  const staging = mkdtempSync(join(root, `.${backupName}.`));
  try {
    for (const f of filesToBackUp(configPath)) copyFileSync(f.source, join(staging, f.name));
    renameSync(staging, target);
  } catch (e) {
    rmSync(staging, { recursive: true, force: true });
    if (e instanceof AppcmdError) throw e;
    throw new AppcmdError('FILE_IO', `Cannot write backup "${backupName}" in ${root}: ${(e as Error).message}`, { cause: e });
  }
  return backupAt(root, backupName);
}

export interface RestoreResult {
  readonly backup: Backup;
  /** The backup of the configuration as it was before the restore (none when there was no file). */
  readonly saved: Backup | undefined;
}

/**
 * Puts a backup's files back, holding the config's writer lock: first the current files are
 * backed up (so a restore can be undone), then each file is replaced atomically, the config file
 * last. A backup whose applicationHost.config is not well-formed XML is refused before anything
 * is written. The current file may be broken or missing: repairing it is what a restore is for.
 */
export function restoreBackup(configPath: string, root: string, name: string, now: Date, lockTimeoutMs?: number): RestoreResult {
  const backup = findBackup(root, name);
  const main = readFileSync(join(backup.path, BACKUP_MAIN_FILE));
  parseXml(decodeConfigBytes(main, join(backup.path, BACKUP_MAIN_FILE)).text, { fileName: join(backup.path, BACKUP_MAIN_FILE) });
  const lock = acquireConfigLock(configPath, { timeoutMs: lockTimeoutMs });
  try {
    const saved = existsSync(configPath) ? addBackup(configPath, root, freeName(root, `beforeRestore-${timestampName(now)}`), now) : undefined;
    const folder = dirname(configPath);
    for (const f of backup.files.filter((x) => x !== BACKUP_MAIN_FILE)) replaceFile(join(folder, f), readFileSync(join(backup.path, f)));
    replaceFile(configPath, main);
    return { backup, saved };
  } finally {
    lock.release();
  }
}

export function deleteBackup(root: string, name: string): Backup {
  const backup = findBackup(root, name);
  rmSync(backup.path, { recursive: true });
  return backup;
}

function freeName(root: string, base: string): string {
  let name = base;
  for (let i = 2; existsSync(join(root, name)); i++) name = `${base}-${i}`;
  return name;
}

/** An atomic replace; a file that does not exist yet is written beside and renamed into place. */
function replaceFile(path: string, bytes: Buffer): void {
  if (existsSync(path) && statSync(path).isFile()) {
    writeFileAtomic(path, bytes);
    return;
  }
  const tmp = tempPathFor(path);
  writeFileSync(tmp, bytes, { flag: 'wx' });
  renameSync(tmp, path);
}
