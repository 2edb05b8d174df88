import type { Configuration } from '../../config/configuration.js';
import { ServerManager } from '../../config/server-manager.js';
import type { ValidationScope } from '../../config/validate.js';
import { existsSync } from 'node:fs';
import { configFilePath } from '../config-path.js';
import type { CommandContext } from './context.js';

/** Opens the file the command line names (/apphostconfig, APPCMD_APPHOSTCONFIG, the default). */
export function openConfiguration(ctx: CommandContext, validation: ValidationScope = 'section'): { manager: ServerManager; config: Configuration } {
  const path = configFilePath(ctx.options.apphostconfig, ctx.io);
  const manager = ServerManager.open(path, { schemaDirs: schemaDirsFor(ctx), validation });
  return { manager, config: manager.getApplicationHostConfiguration() };
}

/**
 * /schemadir: wins; on a Windows machine with IIS installed, the server's own schema folder is
 * the truth (it knows every module installed there); elsewhere the bundled schema.
 */
function schemaDirsFor(ctx: CommandContext): readonly string[] {
  if (ctx.options.schemaDirs.length > 0) return ctx.options.schemaDirs;
  if (ctx.io.platform !== 'win32') return [];
  const windir = ctx.io.env['windir'] ?? ctx.io.env['WINDIR'] ?? 'C:\\Windows';
  const iis = `${windir}\\system32\\inetsrv\\config\\schema`;
  return existsSync(iis) ? [iis] : [];
}
