import { AppcmdError } from '../errors.js';
import { APPHOST_PATH } from '../config/configuration.js';
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
 * Omitted means "the level being edited", which for server-level edits is apphost.
 */
export function checkCommitPath(commit: string | undefined): void {
  if (commit === undefined) return;
  const c = commit.trim().replace(/\/+$/, '');
  if (c.toLowerCase() === 'apphost' || c.toUpperCase() === APPHOST_PATH) return;
  throw new AppcmdError('UNSUPPORTED', `Cannot commit to "${commit}": that level is a web.config file, and this tool edits applicationHost.config only.`, {
    hints: ['Use /commit:apphost (or /commit:MACHINE/WEBROOT/APPHOST).'],
  });
}

/** The configuration path a config command works at; only the server level for now. */
export function checkConfigPath(identifier: string | undefined): string {
  if (identifier === undefined) return APPHOST_PATH;
  const p = identifier.trim().replace(/\/+$/, '');
  if (p === '' || p.toUpperCase() === APPHOST_PATH) return APPHOST_PATH;
  throw new AppcmdError('UNSUPPORTED', `Configuration paths below the server level ("${identifier}") are not supported yet: this version edits MACHINE/WEBROOT/APPHOST only.`, {
    hints: ['Leave out the path to work at server level.'],
  });
}
