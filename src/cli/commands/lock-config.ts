import { configPathOf, locationPathOf } from '../../config/location.js';
import { checkCommitPath } from '../config-path.js';
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

function setMode(ctx: CommandContext, mode: 'Allow' | 'Deny'): number {
  const location = locationPathOf(ctx.identifier);
  // Locking always writes applicationHost.config; a /commit other than apphost is refused.
  checkCommitPath(ctx.options.commit, '');
  const sectionName = requireSection(ctx, mode === 'Deny' ? 'lock' : 'unlock');
  const opened = openConfiguration(ctx, 'touched');
  const sectionPath = opened.config.resolveSectionPath(sectionName);
  opened.config.setOverrideMode(sectionPath, location, mode);
  const message = `${mode === 'Deny' ? 'Locked' : 'Unlocked'} section "${sectionPath}" at configuration path "${configPathOf(location)}".`;
  return completeWrite(ctx, opened, { lines: [message], json: { object: 'CONFIG', section: sectionPath, path: configPathOf(location), overrideMode: mode, message } });
}
