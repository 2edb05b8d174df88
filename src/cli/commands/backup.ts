import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppcmdError } from '../../errors.js';
import { BACKUP_MAIN_FILE, defaultBackupRoot, timestampName } from '../../appcmd/backup-paths.js';
import { addBackup, deleteBackup, filesToBackUp, findBackup, listBackups, restoreBackup, type Backup } from '../../appcmd/backups.js';
import { decodeConfigBytes } from '../../store/config-file.js';
import { configFilePath } from '../config-path.js';
import { renderAppcmdXml } from '../render/appcmd-xml.js';
import { changesBetween, formatUnifiedDiff, statsOf } from '../../config/commit-diff.js';
import { ifPresent } from '../../config/if-exists.js';
import { CommandSwitches } from './command-switches.js';
import { summaryLine } from './commit.js';
import type { CommandContext } from './context.js';
import { idempotentRemove } from './extra-options.js';

/*
 * appcmd's BACKUP object: `add backup [NAME]`, `list backup [NAME]`, `restore backup NAME`,
 * `delete backup NAME`, each with /backupdir:DIR to keep backups somewhere else than IIS does.
 * `now` names a backup made without a name (yyyyMMddTHHmmss, local time).
 */

interface BackupPlace {
  readonly config: string;
  readonly root: string;
  readonly name: string | undefined;
}

function place(ctx: CommandContext, verb: string): BackupPlace {
  if (ctx.session !== undefined) throw new AppcmdError('UNSUPPORTED', `${verb} backup works on files, not inside appcmd batch; run it on its own.`);
  const switches = new CommandSwitches(`${verb} backup`, ctx.properties, { backupdir: 'value', name: 'value' });
  const config = configFilePath(ctx.options.apphostconfig, ctx.io);
  const root = switches.value('backupdir') ?? defaultBackupRoot(config);
  return { config, root, name: ctx.identifier ?? switches.value('name') };
}

function requireName(p: BackupPlace, verb: string): string {
  if (p.name === undefined || p.name === '') throw new AppcmdError('BAD_ARGUMENT', `${verb} backup needs the backup's name.`, { hints: [`Example: appcmd ${verb} backup "MyBackup"; appcmd list backup shows the names.`] });
  return p.name;
}

export function addBackupCommand(ctx: CommandContext, now: Date = new Date()): number {
  const p = place(ctx, 'add');
  if (ctx.options.dryRun) {
    const name = p.name ?? timestampName(now);
    const files = filesToBackUp(p.config).map((f) => f.source);
    ctx.io.stderr(`Dry run: would copy ${files.join(', ')} to ${join(p.root, name)}; nothing was written.\n`);
    if (ctx.options.json) ctx.io.stdout(JSON.stringify({ object: 'BACKUP', name, action: 'added', written: false, files }, null, 2) + '\n');
    return 0;
  }
  const backup = addBackup(p.config, p.root, p.name, now);
  print(ctx, `BACKUP object "${backup.name}" added`, { object: 'BACKUP', ...backupJson(backup), action: 'added' });
  return 0;
}

export function listBackupCommand(ctx: CommandContext): number {
  const p = place(ctx, 'list');
  const backups = p.name === undefined ? listBackups(p.root) : [findBackup(p.root, p.name)];
  if (ctx.options.json) ctx.io.stdout(JSON.stringify(backups.map((b) => ({ object: 'BACKUP', ...backupJson(b) })), null, 2) + '\n');
  else if (ctx.options.xml) ctx.io.stdout(renderAppcmdXml(backups.map((b) => ({ tag: 'BACKUP', attributes: [['BACKUP.NAME', b.name]] }))));
  else if (ctx.options.text === '*') ctx.io.stdout(backups.map((b) => ['BACKUP', `  BACKUP.NAME: ${b.name}`, `  path: ${b.path}`, `  files: ${b.files.join(', ')}`].join('\n') + '\n').join(''));
  else if (ctx.options.text !== undefined && ctx.options.text !== '') ctx.io.stdout(backups.map((b) => `${textValue(b, ctx.options.text ?? '')}\n`).join(''));
  else ctx.io.stdout(backups.map((b) => `BACKUP "${b.name}"\n`).join(''));
  return 0;
}

export function restoreBackupCommand(ctx: CommandContext, now: Date = new Date()): number {
  const p = place(ctx, 'restore');
  const name = requireName(p, 'restore');
  const backup = findBackup(p.root, name);
  const before = currentText(p.config);
  const after = decodeConfigBytes(readFileSync(join(backup.path, BACKUP_MAIN_FILE)), backup.path).text;
  const changes = changesBetween(before, after);
  if (ctx.options.dryRun) {
    if (ctx.options.json) ctx.io.stdout(JSON.stringify({ object: 'BACKUP', name, action: 'restored', file: p.config, changed: changes.length > 0, written: false, diff: formatUnifiedDiff(p.config, before, changes) }, null, 2) + '\n');
    else {
      ctx.io.stdout(formatUnifiedDiff(p.config, before, changes));
      ctx.io.stderr(summaryLine(p.config, changes.length > 0, true, statsOf(changes)));
    }
    return 0;
  }
  const result = restoreBackup(p.config, p.root, name, now, ctx.options.lockTimeoutMs);
  if (result.saved !== undefined) ctx.io.stderr(`Note: the configuration as it was before the restore is saved as backup "${result.saved.name}".\n`);
  print(ctx, `Restored configuration from backup "${result.backup.name}"`, { object: 'BACKUP', ...backupJson(result.backup), action: 'restored', savedAs: result.saved?.name ?? null, changed: changes.length > 0 });
  if (!ctx.options.json) ctx.io.stderr(summaryLine(p.config, changes.length > 0, false, statsOf(changes)));
  return 0;
}

export function deleteBackupCommand(ctx: CommandContext): number {
  const p = place(ctx, 'delete');
  const name = requireName(p, 'delete');
  const found = ifPresent(idempotentRemove(ctx), () => findBackup(p.root, name));
  if (found === undefined) {
    ctx.io.stderr(`Unchanged: there is no backup "${name}" in ${p.root}; nothing to delete.\n`);
    print(ctx, `BACKUP object "${name}" unchanged`, { object: 'BACKUP', name, action: 'unchanged', changed: false });
    return 0;
  }
  if (ctx.options.dryRun) {
    ctx.io.stderr(`Dry run: would delete ${found.path}; nothing was written.\n`);
    return 0;
  }
  const backup = deleteBackup(p.root, name);
  print(ctx, `BACKUP object "${backup.name}" deleted`, { object: 'BACKUP', ...backupJson(backup), action: 'deleted', changed: true });
  return 0;
}

/**
 * The configuration a restore replaces, for the diff and the summary. A restore is how a broken
 * or missing file is repaired, so neither may stop it: a missing file is empty, an undecodable
 * one is shown byte for byte.
 */
function currentText(path: string): string {
  if (!existsSync(path)) return '';
  const bytes = readFileSync(path);
  try {
    return decodeConfigBytes(bytes, path).text;
  } catch {
    return bytes.toString('latin1');
  }
}

function print(ctx: CommandContext, line: string, json: Record<string, unknown>): void {
  ctx.io.stdout(ctx.options.json ? JSON.stringify(json, null, 2) + '\n' : `${line}\n`);
}

function backupJson(b: Backup): Record<string, unknown> {
  return { name: b.name, path: b.path, files: b.files };
}

function textValue(b: Backup, attribute: string): string {
  const a = attribute.toLowerCase();
  if (a === 'backup.name' || a === 'name') return b.name;
  if (a === 'path') return b.path;
  if (a === 'files') return b.files.join(',');
  throw new AppcmdError('UNKNOWN_ATTRIBUTE', `Unknown attribute "${attribute}".  Replace with -? for help.`, { hints: ['BACKUP objects have BACKUP.NAME, path and files.'] });
}
