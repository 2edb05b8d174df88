import type { SchemaSet } from '../schema/types.js';
import { bundledSchema, loadSchemaDir, loadSchemaDirs } from '../schema/loader.js';
import { readConfigFile } from '../store/config-file.js';
import { SHARING_VIOLATION_TEXT } from '../store/io-error.js';
import { acquireConfigLock, type ConfigLock, type LockOptions } from '../store/lock.js';
import { removeAbandonedTempFiles } from '../store/temp-files.js';
import { AppcmdError } from '../errors.js';
import { Configuration, type CommitOptions, type CommitResult } from './configuration.js';
import type { ValidationScope } from './validate.js';
import { getApplicationPools, getSiteDefaults, getSites, type ApplicationPoolCollection, type SiteCollection, type SiteSettings } from './views/index.js';

export interface OpenOptions {
  /** Folders of IIS schema files (*.xml) to use instead of the schema shipped with this package. */
  readonly schemaDirs?: readonly string[];
  /** A schema already loaded (wins over schemaDirs). */
  readonly schema?: SchemaSet;
  /** Refuse commitChanges (for callers that only read). */
  readonly readOnly?: boolean;
  /**
   * 'section' (default) checks a whole section when it is first read, as IIS does; 'touched'
   * checks only what a command reaches (see ValidationScope).
   */
  readonly validation?: ValidationScope;
  /**
   * Open for writing: take the config's lock file before reading (so this read-modify-write
   * cannot lose another writer's update) and hold it until commitChanges() or close(). `true`
   * uses the default wait; readers leave it out and never wait.
   */
  readonly lock?: boolean | LockOptions;
  /**
   * Let setAttributeValue write a plain value to an attribute the schema declares encrypted (a
   * password IIS would encrypt, which this tool cannot); each such write returns a warning note.
   */
  readonly allowPlaintextSecrets?: boolean;
}

/**
 * The entry point of the library, shaped after Microsoft.Web.Administration's ServerManager:
 * open an applicationHost.config, get its Configuration, change it, commitChanges().
 */
export class ServerManager {
  private configuration: Configuration | undefined;
  private lock: ConfigLock | undefined;
  private closed = false;

  private constructor(
    readonly path: string,
    private readonly schema: SchemaSet,
    private readonly options: OpenOptions,
  ) {}

  static open(path: string, options: OpenOptions = {}): ServerManager {
    return new ServerManager(path, options.schema ?? schemaFor(options.schemaDirs), options);
  }

  /** open() with the writer's lock taken (see OpenOptions.lock); call commitChanges() or close(). */
  static openForWriting(path: string, options: OpenOptions = {}): ServerManager {
    return ServerManager.open(path, { ...options, lock: options.lock ?? true });
  }

  /** MWA's ServerManager.Sites: the typed view of system.applicationHost/sites. */
  get sites(): SiteCollection {
    return getSites(this);
  }

  /** MWA's ServerManager.SiteDefaults. */
  get siteDefaults(): SiteSettings {
    return getSiteDefaults(this);
  }

  /** MWA's ServerManager.ApplicationPools. */
  get applicationPools(): ApplicationPoolCollection {
    return getApplicationPools(this);
  }

  /** Whether this manager holds the config's lock file right now. */
  get isLocked(): boolean {
    return this.lock !== undefined;
  }

  getApplicationHostConfiguration(): Configuration {
    if (this.configuration !== undefined) return this.configuration;
    const lockOption = this.options.lock ?? false;
    // A writer reads only once it holds the lock: what it read is then what it will replace.
    if (lockOption !== false && !this.closed) {
      this.lock = acquireConfigLock(this.path, lockOption === true ? {} : lockOption);
      removeAbandonedTempFiles(this.lock.lockPath.slice(0, -'.lock'.length));
    }
    try {
      const config = new Configuration(readConfigFile(this.path), this.schema, {
        validation: this.options.validation ?? 'section',
        allowPlaintextSecrets: this.options.allowPlaintextSecrets === true,
      });
      this.configuration = config;
    } catch (e) {
      this.close();
      throw e;
    }
    return this.configuration;
  }

  /** Writes every change in one atomic replace; a locked manager then releases its lock, whatever happened. */
  commitChanges(options: CommitOptions = {}): CommitResult {
    try {
      const config = this.getApplicationHostConfiguration();
      if (this.options.readOnly === true && options.dryRun !== true) throw new AppcmdError('UNSUPPORTED', 'ServerManager was opened read-only; open it without readOnly (or with openForWriting) to commit changes.');
      if (this.lock !== undefined && options.dryRun !== true && config.hasChanges && !this.lock.stillHeld()) {
        // Another writer judged our lock abandoned and took it: writing now could lose its update.
        throw new AppcmdError('FILE_BUSY', SHARING_VIOLATION_TEXT, {
          file: this.path,
          hints: [`The lock on the file was taken over by another writer while this command held it (${this.lock.lockPath}); nothing was written. Run the command again.`],
        });
      }
      return config.commitChanges(options);
    } finally {
      this.close();
    }
  }

  /** Releases the lock (if held); pending changes are discarded by not committing them. Idempotent. */
  close(): void {
    this.closed = true;
    this.lock?.release();
    this.lock = undefined;
  }
}

export function schemaFor(dirs: readonly string[] | undefined): SchemaSet {
  if (dirs === undefined || dirs.length === 0) return bundledSchema();
  if (dirs.length === 1 && dirs[0] !== undefined) return loadSchemaDir(dirs[0]);
  return loadSchemaDirs(dirs);
}

