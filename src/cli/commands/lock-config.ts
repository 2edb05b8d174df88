import { configPathOf, locationPathOf } from '../../config/location.js';
import type { CommandContext } from './context.js';
import { completeWrite } from './commit.js';
import { openConfiguration } from './open.js';
import { requireSection } from './set-config.js';

/** `appcmd lock config [path] -section:NAME` */
export function lockConfig(ctx: CommandContext): number {
  return setMode(ctx, 'Deny');
}

/** `appcmd unlock config [path] -section:NAME` */
export function unlockConfig(ctx: CommandContext): number {
  return setMode(ctx, 'Allow');
}

/**
 * The <location overrideMode> goes to applicationHost.config unless /commit: names a web.config
 * level (site, app, a configuration path): a lock there binds the files below that level only.
 */
function setMode(ctx: CommandContext, mode: 'Allow' | 'Deny'): number {
  const location = locationPathOf(ctx.identifier);
  const sectionName = requireSection(ctx, mode === 'Deny' ? 'lock' : 'unlock');
  const opened = openConfiguration(ctx, 'touched');
  const { configuration, location: at } = opened.manager.commitFile(location, ctx.options.commit ?? 'apphost');
  const sectionPath = configuration.resolveSectionPath(sectionName);
  configuration.setOverrideMode(sectionPath, at, mode);
  const message = `${mode === 'Deny' ? 'Locked' : 'Unlocked'} section "${sectionPath}" at configuration path "${configPathOf(location)}".`;
  return completeWrite(ctx, opened, { lines: [message], json: { object: 'CONFIG', section: sectionPath, path: configPathOf(location), overrideMode: mode, message }, file: configuration });
}
