import type { SchemaSet } from '../schema/types.js';
import { bundledSchema, loadSchemaDir, loadSchemaDirs } from '../schema/loader.js';
import { readConfigFile } from '../store/config-file.js';
import { SHARING_VIOLATION_TEXT } from '../store/io-error.js';
import { acquireConfigLock, type ConfigLock, type LockOptions } from '../store/lock.js';
import { removeAbandonedTempFiles } from '../store/temp-files.js';
import { AppcmdError } from '../errors.js';
import { Configuration, type CommitOptions, type CommitResult, type ConfigurationSection } from './configuration.js';
import { commitLevel } from './commit-level.js';
import { ConfigHierarchy, relative } from './hierarchy.js';
import { locationPathOf } from './location.js';
import { searchFiles, type SearchHit, type SearchQuery } from './search.js';
import { NO_MAPPING, type PhysicalPathMapping } from './physical-root.js';
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
  /**
   * How the sites' physical paths map to folders here, to find their web.config files
   * (docs/web-config.md). Without it, only physical paths that are already local are read.
   */
  readonly physicalPaths?: PhysicalPathMapping;
}

/** One file a commit wrote (or would write), applicationHost.config first. */
export interface FileCommit {
  readonly configuration: Configuration;
  readonly result: CommitResult;
}

/** Where a change at a path goes: the file's Configuration, and the section at the path in it. */
export interface CommitTarget {
  readonly configuration: Configuration;
  readonly section: ConfigurationSection;
}

/**
 * The entry point of the library, shaped after Microsoft.Web.Administration's ServerManager:
 * open an applicationHost.config, get its Configuration, change it, commitChanges().
 */
export class ServerManager {
  private configuration: Configuration | undefined;
  private lock: ConfigLock | undefined;
  private hierarchyCache: ConfigHierarchy | undefined;
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

  /** applicationHost.config and the web.config files below it (docs/web-config.md). */
  get hierarchy(): ConfigHierarchy {
    this.hierarchyCache ??= new ConfigHierarchy(this.getApplicationHostConfiguration(), {
      mapping: this.options.physicalPaths ?? NO_MAPPING,
      validation: this.options.validation ?? 'section',
      lock: this.options.lock === undefined || this.options.lock === false || this.closed ? false : this.options.lock === true ? {} : this.options.lock,
      allowPlaintextSecrets: this.options.allowPlaintextSecrets === true,
    });
    return this.hierarchyCache;
  }

  /**
   * MWA's GetWebConfiguration(siteName, virtualPath): the web.config of a site's path (its root
   * for "/"), read, or IIS's minimal document when the file does not exist yet (written on commit).
   * A writer takes the file's lock before reading it.
   */
  getWebConfiguration(siteName: string, virtualPath = '/'): Configuration {
    const path = virtualPath.replace(/\\/g, '/').replace(/^\/+|\/+$/g, '');
    return this.hierarchy.fileAt(locationPathOf(path === '' ? siteName : `${siteName}/${path}`), true);
  }

  /** The section as IIS computes it at a configuration path, through every file on the way. */
  getEffectiveSection(sectionPath: string, configPath = ''): ConfigurationSection {
    return configPath === '' || locationPathOf(configPath) === '' ? this.getApplicationHostConfiguration().getSection(sectionPath) : this.hierarchy.effectiveSection(sectionPath, configPath);
  }

  /**
   * appcmd's `search config`: the configuration paths at or below `query.path` that set a section
   * (or an attribute, or a value) in applicationHost.config or in any web.config of the sites.
   */
  search(query: SearchQuery): SearchHit[] {
    const apphost = this.getApplicationHostConfiguration();
    return searchFiles([apphost, ...this.hierarchy.webConfigurationsBelow(query.path)], query);
  }

  /**
   * Where a change to a section at a configuration path is written, as appcmd's /commit: decides
   * it (see commitLevel): applicationHost.config at <location path>, or a web.config at its own
   * level or a <location path> in it. IIS's refusals (allowDefinition, a lock above) are errors.
   */
  commitTarget(sectionPath: string, configPath: string, commit: string | undefined): CommitTarget {
    const { configuration, location } = this.commitFile(configPath, commit);
    return { configuration, section: configuration.getSection(sectionPath, location) };
  }

  /**
   * The file a change at a configuration path is written to (see commitTarget), and the location
   * path in that file: relative to a web.config's folder, the whole path in applicationHost.config.
   */
  commitFile(configPath: string, commit: string | undefined): { configuration: Configuration; location: string } {
    const target = locationPathOf(configPath);
    // A path no site's application serves is IIS's "Unrecognized configuration path", whatever the level.
    if (target !== '') this.getApplicationHostConfiguration().checkPathExists(target);
    const level = commitLevel(this.hierarchy, commit, target);
    if (level === '') return { configuration: this.getApplicationHostConfiguration(), location: target };
    return { configuration: this.hierarchy.fileAt(level, true), location: relative(target, level) };
  }

  /**
   * For a verb that edits a section of applicationHost.config in place (`set ftpssl` edits a site
   * in system.applicationHost/sites): a /commit: that names a web.config level is IIS's refusal
   * when the section's allowDefinition forbids it there (exit 33), and is refused in any case,
   * since such a verb writes applicationHost.config only. Omitted and `url` are the server level.
   */
  checkApplicationHostCommit(sectionPath: string, configPath: string, commit: string | undefined): void {
    if (commit === undefined || commit.trim().toLowerCase() === 'url') return;
    const target = locationPathOf(configPath);
    const level = commitLevel(this.hierarchy, commit, target);
    if (level === '') return;
    this.hierarchy.checkCommitDefinition(sectionPath, level, target);
    throw new AppcmdError('UNSUPPORTED', `Cannot commit to "${commit}": this verb edits ${sectionPath} in applicationHost.config.`, {
      hints: ['Leave out /commit, or give /commit:apphost.'],
    });
  }

  /**
   * Writes every changed file, each in one atomic replace: applicationHost.config first, then the
   * web.config files, outermost first. A locked manager then releases its locks, whatever happened.
   */
  commitAll(options: CommitOptions = {}): FileCommit[] {
    try {
      const apphost = this.getApplicationHostConfiguration();
      const files = [apphost, ...(this.hierarchyCache?.webConfigurations ?? [])];
      if (this.options.readOnly === true && options.dryRun !== true) throw new AppcmdError('UNSUPPORTED', 'ServerManager was opened read-only; open it without readOnly (or with openForWriting) to commit changes.');
      if (options.dryRun !== true && files.some((f) => f.hasChanges)) {
        if (this.lock !== undefined && !this.lock.stillHeld()) throw takenOver(this.path, this.lock.lockPath);
        if (this.hierarchyCache?.locksHeld() === false) throw takenOver(this.path);
      }
      return files.map((configuration) => ({ configuration, result: configuration.commitChanges(options) }));
    } finally {
      this.close();
    }
  }

  /** MWA's CommitChanges: commitAll(), returning what happened to applicationHost.config. */
  commitChanges(options: CommitOptions = {}): CommitResult {
    const [apphost] = this.commitAll(options);
    if (apphost === undefined) throw new AppcmdError('INTERNAL', 'commitAll returned no result for applicationHost.config');
    return apphost.result;
  }

  /** Releases the lock (if held); pending changes are discarded by not committing them. Idempotent. */
  close(): void {
    this.closed = true;
    this.hierarchyCache?.close();
    this.lock?.release();
    this.lock = undefined;
  }
}

/** Another writer judged our lock abandoned and took it: writing now could lose its update. */
function takenOver(file: string, lockPath = `${file}.lock`): AppcmdError {
  return new AppcmdError('FILE_BUSY', SHARING_VIOLATION_TEXT, {
    file,
    hints: [`The lock on the file was taken over by another writer while this command held it (${lockPath}); nothing was written. Run the command again.`],
  });
}

export function schemaFor(dirs: readonly string[] | undefined): SchemaSet {
  if (dirs === undefined || dirs.length === 0) return bundledSchema();
  if (dirs.length === 1 && dirs[0] !== undefined) return loadSchemaDir(dirs[0]);
  return loadSchemaDirs(dirs);
}

