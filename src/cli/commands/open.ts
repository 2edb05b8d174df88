import { ServerManager } from '../../config/server-manager.js';
import type { ValidationScope } from '../../config/validate.js';
import { existsSync } from 'node:fs';
import { configFilePath } from '../config-path.js';
import { physicalMappingFor } from '../physical-roots.js';
import type { CommandContext } from './context.js';
import type { OpenedConfiguration } from './session.js';

export type { OpenedConfiguration } from './session.js';

/**
 * Opens the file the command line names (/apphostconfig, APPCMD_APPHOSTCONFIG, the default); inside
 * `appcmd batch`, the batch's one opened configuration.
 */
export function openConfiguration(ctx: CommandContext, validation: ValidationScope = 'section'): OpenedConfiguration {
  if (ctx.session !== undefined) return ctx.session.open(ctx);
  const path = configFilePath(ctx.options.apphostconfig, ctx.io);
  // Readers (list, search, audit, dry runs) never take the lock and never wait.
  const write = ctx.writes && !ctx.options.dryRun;
  const manager = ctx.scope.add(
    ServerManager.open(path, {
      schemaDirs: schemaDirsFor(ctx),
      validation,
      lock: write ? { timeoutMs: ctx.options.lockTimeoutMs } : false,
      allowPlaintextSecrets: ctx.options.allowPlaintextSecrets,
      physicalPaths: physicalMappingFor(ctx),
    }),
  );
  return { manager, config: manager.getApplicationHostConfiguration() };
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
