import type { Configuration } from '../../config/configuration.js';
import { ServerManager } from '../../config/server-manager.js';
import { configFilePath } from '../config-path.js';
import type { CommandContext } from './context.js';

/** Opens the file the command line names (/apphostconfig, APPCMD_APPHOSTCONFIG, the default). */
export function openConfiguration(ctx: CommandContext): { manager: ServerManager; config: Configuration } {
  const path = configFilePath(ctx.options.apphostconfig, ctx.io);
  const manager = ServerManager.open(path, { schemaDirs: ctx.options.schemaDirs });
  return { manager, config: manager.getApplicationHostConfiguration() };
}
