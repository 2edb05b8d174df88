import type { Configuration } from '../../config/configuration.js';
import type { ServerManager } from '../../config/server-manager.js';
import type { CommandContext } from './context.js';

/** A configuration opened for a command: the manager (lock, commit) and its Configuration. */
export interface OpenedConfiguration {
  readonly manager: ServerManager;
  readonly config: Configuration;
}

/**
 * A configuration shared by several commands (`appcmd batch`): every command opens it through
 * the session and gets the same parsed file, and none of them commits; the owner of the session
 * writes once, when all have succeeded.
 */
export interface SharedConfiguration {
  open(ctx: CommandContext): OpenedConfiguration;
  /** Notes the configuration gathered that have not been shown yet (each is shown once). */
  takeNotes(config: Configuration): string[];
}
