import { ServerManager } from '../../config/server-manager.js';
import type { ValidationScope } from '../../config/validate.js';
import { existsSync } from 'node:fs';
import { configFilePath } from '../config-path.js';
import type { CommandContext } from './context.js';
import type { OpenedConfiguration } from './session.js';

export type { OpenedConfiguration } from './session.js';

/** Read: never waits for anyone. Write: takes the config's lock before reading (no lost update). */
export type Access = 'read' | 'write';

/**
 * appcmd's verbs that change the file. Deciding here, from the verb, makes every writing command
 * (set config, set ftpssl, add site, …) lock without each having to remember to ask; `list`,
 * `search` and our read-only verbs (audit) stay readers.
 */
export const WRITING_VERBS: ReadonlySet<string> = new Set(['set', 'add', 'delete', 'clear', 'lock', 'unlock', 'configure', 'migrate', 'install', 'uninstall', 'restore', 'start', 'stop']);

/**
 * The writer of the previous command run in this process. Commands run one at a time and
 * synchronously, so when a new one opens the file the previous one has ended: a lock it still
 * holds (it failed between reading and committing) is released here rather than left to the
 * stale-lock rules.
 */
let previousWriter: ServerManager | undefined;

/**
 * Opens the file the command line names (/apphostconfig, APPCMD_APPHOSTCONFIG, the default); inside
 * `appcmd batch`, the batch's one opened configuration.
 */
export function openConfiguration(ctx: CommandContext, validation: ValidationScope = 'section', access: Access = accessOf(ctx)): OpenedConfiguration {
  if (ctx.session !== undefined) return ctx.session.open(ctx);
  previousWriter?.close();
  previousWriter = undefined;
  const path = configFilePath(ctx.options.apphostconfig, ctx.io);
  const write = access === 'write' && !ctx.options.dryRun;
  const manager = ServerManager.open(path, {
    schemaDirs: schemaDirsFor(ctx),
    validation,
    lock: write ? { timeoutMs: ctx.options.lockTimeoutMs } : false,
    allowPlaintextSecrets: ctx.options.allowPlaintextSecrets,
  });
  if (write) {
    previousWriter = manager;
    // Also released once the command's synchronous run is over, should it have failed before commitChanges.
    setImmediate(() => manager.close()).unref();
  }
  return { manager, config: manager.getApplicationHostConfiguration() };
}

function accessOf(ctx: CommandContext): Access {
  return WRITING_VERBS.has(ctx.verb.toLowerCase()) ? 'write' : 'read';
}

/**
 * /schemadir: wins; on a Windows machine with IIS installed, the server's own schema folder is
 * the truth (it knows every module installed there); elsewhere the bundled schema.
 */
export function schemaDirsFor(ctx: Pick<CommandContext, 'options' | 'io'>): readonly string[] {
  if (ctx.options.schemaDirs.length > 0) return ctx.options.schemaDirs;
  if (ctx.io.platform !== 'win32') return [];
  const windir = ctx.io.env['windir'] ?? ctx.io.env['WINDIR'] ?? 'C:\\Windows';
  const iis = `${windir}\\system32\\inetsrv\\config\\schema`;
  return existsSync(iis) ? [iis] : [];
}
