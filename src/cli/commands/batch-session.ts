import { resolve } from 'node:path';
import { AppcmdError } from '../../errors.js';
import type { Configuration } from '../../config/configuration.js';
import { ServerManager } from '../../config/server-manager.js';
import { configFilePath } from '../config-path.js';
import { physicalMappingFor } from '../physical-roots.js';
import type { CliIO } from '../io.js';
import type { FileResult } from './commit.js';
import type { GeneralOptions } from '../options.js';
import type { CommandContext } from './context.js';
import { schemaDirsFor } from './open.js';
import type { OpenedConfiguration, SharedConfiguration } from './session.js';

/**
 * The one configuration of an `appcmd batch`: parsed on the first line that needs it, under the
 * writer's lock (so no other writer slips in between the lines), and written once by commit().
 * `parses` and `writes` count what the batch cost, and are reported.
 */
export class BatchSession implements SharedConfiguration {
  parses = 0;
  writes = 0;
  private opened: OpenedConfiguration | undefined;
  private notesShown = 0;
  readonly path: string;

  constructor(
    readonly options: GeneralOptions,
    private readonly io: CliIO,
  ) {
    this.path = configFilePath(options.apphostconfig, io);
  }

  open(ctx: CommandContext): OpenedConfiguration {
    const path = configFilePath(ctx.options.apphostconfig, ctx.io);
    // Lines almost always name the batch's own file the same way: only another spelling needs resolving.
    if (path !== this.path && resolve(ctx.io.cwd, path) !== resolve(this.io.cwd, this.path)) {
      throw new AppcmdError('BAD_ARGUMENT', `A batch works on one file, ${this.path}; this line names ${path}.`, {
        hints: ['Give /apphostconfig: once, on the batch command line, and leave it out of the lines.'],
      });
    }
    if (this.opened === undefined) {
      const manager = ServerManager.open(this.path, {
        schemaDirs: schemaDirsFor({ options: this.options, io: this.io }),
        validation: 'touched',
        lock: this.options.dryRun ? false : { timeoutMs: this.options.lockTimeoutMs },
        allowPlaintextSecrets: this.options.allowPlaintextSecrets,
        physicalPaths: physicalMappingFor({ options: this.options, io: this.io }),
      });
      this.opened = { manager, config: manager.getApplicationHostConfiguration() };
      this.parses++;
    }
    return this.opened;
  }

  takeNotes(config: Configuration): string[] {
    const notes = config.notes.slice(this.notesShown);
    this.notesShown = config.notes.length;
    return notes;
  }

  /**
   * Writes everything the lines changed: applicationHost.config and each web.config, each in one
   * atomic replace (nothing on a dry run); `writes` counts the files written.
   */
  commit(): FileResult[] | undefined {
    if (this.opened === undefined) return undefined;
    const commits = this.opened.manager.commitAll({ dryRun: this.options.dryRun });
    this.writes += commits.filter((c) => c.result.written).length;
    return commits.map((c) => ({ file: c.configuration.filePath, result: c.result }));
  }

  /** Releases the lock without writing (a line failed). */
  close(): void {
    this.opened?.manager.close();
  }
}
