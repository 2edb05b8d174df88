import { AppcmdError } from '../errors.js';
import { APPHOST_PATH } from '../config/location.js';
import type { CliIO } from './io.js';

/**
 * The file to edit: /apphostconfig:PATH, else APPCMD_APPHOSTCONFIG, else IIS's own location on
 * Windows and ./applicationHost.config elsewhere.
 */
export function configFilePath(explicit: string | undefined, io: CliIO): string {
  if (explicit !== undefined && explicit !== '') return explicit;
  const env = io.env['APPCMD_APPHOSTCONFIG'];
  if (env !== undefined && env !== '') return env;
  if (io.platform === 'win32') {
    const windir = io.env['windir'] ?? io.env['WINDIR'] ?? 'C:\\Windows';
    return `${windir}\\system32\\inetsrv\\config\\applicationHost.config`;
  }
  return 'applicationHost.config';
}

/**
 * /commit: only applicationHost.config can be written; every other level needs a web.config.
 * Omitted means "the level being edited": fine at server level, a web.config below it.
 */
export function checkCommitPath(commit: string | undefined, locationPath = ''): void {
  if (commit === undefined) {
    if (locationPath === '') return;
    throw new AppcmdError('UNSUPPORTED', `Without /commit, a change at "${locationPath}" goes to the web.config of that path, and this tool edits applicationHost.config only.`, {
      hints: ['Add /commit:apphost to write it into <location path="…"> in applicationHost.config.'],
    });
  }
  const c = commit.trim().replace(/\/+$/, '');
  if (c.toLowerCase() === 'apphost' || c.toUpperCase() === APPHOST_PATH) return;
  throw new AppcmdError('UNSUPPORTED', `Cannot commit to "${commit}": that level is a web.config file, and this tool edits applicationHost.config only.`, {
    hints: ['Use /commit:apphost (or /commit:MACHINE/WEBROOT/APPHOST).'],
  });
}
