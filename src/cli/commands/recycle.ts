import { AppcmdError } from '../../errors.js';
import type { CommandContext } from './context.js';

/**
 * `appcmd recycle apppool`: recycling replaces the running worker processes of a pool, which
 * only the server can do; there is nothing in the file to change, so it is refused (50).
 */
export function recycleApppool(ctx: CommandContext): number {
  throw new AppcmdError('UNSUPPORTED', `Cannot recycle application pool${ctx.identifier === undefined ? '' : ` "${ctx.identifier}"`} offline: recycling restarts running worker processes, and this tool edits applicationHost.config only.`, {
    hints: ['On the server: appcmd.exe recycle apppool NAME (or Restart-WebAppPool).'],
  });
}
