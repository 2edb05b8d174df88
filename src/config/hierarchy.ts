import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AppcmdError } from '../errors.js';
import type { SectionSchema } from '../schema/types.js';
import { newConfigFile, readConfigFile } from '../store/config-file.js';
import { acquireConfigLock, type ConfigLock, type LockOptions } from '../store/lock.js';
import { removeAbandonedTempFiles } from '../store/temp-files.js';
import { Configuration, LOCKED_TEXT, type ConfigurationSection, type FileContext } from './configuration.js';
import { ancestorPaths, configPathOf, locationPathOf, overrideModeAt, sectionUnderLevel } from './location.js';
import { LOCK_VIOLATION, writtenLockViolation } from './lock-violation.js';
import type { PhysicalPathMapping } from './physical-root.js';
import type { SectionDeclaration } from './section-registry.js';
import type { ValidationScope } from './validate.js';
import { webConfigLevels, type WebConfigLevel } from './web-config-levels.js';
import { webConfigLevelsBelow } from './web-config-tree.js';

export const WEB_CONFIG = 'web.config';

export interface HierarchyOptions {
  readonly mapping: PhysicalPathMapping;
  readonly validation: ValidationScope;
  /** A writer takes a web.config's lock before reading the file it will write. */
  readonly lock: LockOptions | false;
  readonly allowPlaintextSecrets: boolean;
}

/**
 * applicationHost.config and the web.config files below it, as IIS reads them for a path: the
 * server level and the <location>s of applicationHost.config, then the web.config of each level
 * on the way down (site root, application, virtual directory or folder), each with its own
 * <location>s. Each web.config is a Configuration with a file context whose parent is the file
 * above, edited, validated and written exactly as applicationHost.config is.
 */
export class ConfigHierarchy {
  private readonly files = new Map<string, Configuration>();
  private readonly locks = new Map<string, ConfigLock>();

  constructor(
    readonly apphost: Configuration,
    private readonly options: HierarchyOptions,
  ) {}

  /** Every web.config opened so far, outermost first. */
  get webConfigurations(): Configuration[] {
    return [...this.files.values()].sort((a, b) => a.configPath.length - b.configPath.length);
  }

  /** The levels below the server for a location path (see webConfigLevels). */
  levels(target: string): WebConfigLevel[] {
    return webConfigLevels(this.apphost, this.options.mapping, target);
  }

  /**
   * The web.config at a level, read (or, when the file does not exist, the minimal document IIS
   * starts one with). For writing its lock is taken first and its folder must exist.
   */
  fileAt(configPath: string, forWrite: boolean): Configuration {
    const level = this.levels(configPath).at(-1);
    if (level === undefined || level.configPath.toLowerCase() !== configPath.toLowerCase()) {
      throw new AppcmdError('OBJECT_NOT_FOUND', `Cannot find a site for the configuration path "${configPathOf(configPath)}", so it has no web.config.`, {
        hints: ['The first segment of the path must be a site name (appcmd list site); commit to applicationHost.config with /commit:apphost.'],
      });
    }
    if (level.folder === undefined) {
      const unmapped = level.unmapped?.() ?? new AppcmdError('UNSUPPORTED', `Cannot find the folder of ${configPathOf(configPath)}.`);
      throw forWrite ? unmapped.withContext({ hints: ['Or add /commit:apphost to write the change into <location path> in applicationHost.config.'] }) : unmapped;
    }
    const key = configPath.toLowerCase();
    const cached = this.files.get(key);
    if (cached !== undefined && (!forWrite || this.locks.has(key) || this.options.lock === false || cached.hasChanges)) return cached;
    const path = join(level.folder, WEB_CONFIG);
    if (forWrite) {
      if (!isFolder(level.folder)) {
        throw new AppcmdError('FILE_NOT_FOUND', `Cannot write ${path}: the folder "${level.folder}" of ${configPathOf(configPath)} does not exist.`, { file: path });
      }
      if (this.options.lock !== false && !this.locks.has(key)) {
        this.locks.set(key, acquireConfigLock(path, this.options.lock));
        removeAbandonedTempFiles(path);
      }
    }
    const file = existsSync(path) ? readConfigFile(path) : newConfigFile(path);
    const config = new Configuration(file, this.apphost.schema, { validation: this.options.validation, allowPlaintextSecrets: this.options.allowPlaintextSecrets }, this.contextFor(level.configPath));
    this.files.set(key, config);
    return config;
  }

  /**
   * The section as IIS computes it at `target` (a location path): through applicationHost.config
   * and every web.config on the way. A web.config that sets the section where IIS would refuse it
   * is IIS's error, naming that file and line.
   */
  effectiveSection(sectionPath: string, target: string): ConfigurationSection {
    const location = locationPathOf(target);
    const top = this.apphost.getSection(sectionPath, location);
    const files = this.filesOf(location);
    for (const file of files) this.checkPresent(file, top.schema, location);
    const last = files.at(-1);
    return last === undefined ? top : last.levelSection(top.schema, relative(location, last.configPath), location);
  }

  /** Whether all the web.config files opened are unchanged. */
  get hasChanges(): boolean {
    return this.webConfigurations.some((c) => c.hasChanges);
  }

  /** Whether every lock this hierarchy took is still ours (none was taken over as stale). */
  locksHeld(): boolean {
    return [...this.locks.values()].every((l) => l.stillHeld());
  }

  /** Releases every web.config lock. Idempotent. */
  close(): void {
    for (const l of this.locks.values()) l.release();
    this.locks.clear();
  }

  /**
   * Every web.config at or below a location path ("" for the whole server), and those above it on
   * the way, outermost first: what `search config` reads (see webConfigLevelsBelow).
   */
  webConfigurationsBelow(under: string): Configuration[] {
    // Walking every application and virtual directory costs what `list app` does (seconds at 10,000
    // sites); without any rule off Windows no Windows physical path maps, so applicationHost.config
    // alone is searched (docs/web-config.md).
    if (!this.mapsWindowsPaths) return [];
    return this.filesAt(webConfigLevelsBelow(this.apphost, this.options.mapping, under));
  }

  /** Whether any physicalPath other than a local POSIX one can be found here (a rule, or Windows). */
  private get mapsWindowsPaths(): boolean {
    return this.options.mapping.roots.length > 0 || this.options.mapping.windows;
  }

  /** The web.config files of a path's levels, outermost first: those that exist or were opened. */
  private filesOf(target: string): Configuration[] {
    return this.filesAt(this.levels(target));
  }

  /** The web.config files on the way to `target` above the one at `configPath`, outermost first. */
  private filesAbove(configPath: string, target: string): Configuration[] {
    return this.filesOf(target).filter((f) => f.configPath.length < configPath.length);
  }

  private filesAt(levels: readonly WebConfigLevel[]): Configuration[] {
    const out: Configuration[] = [];
    const strict = this.mapsWindowsPaths;
    for (const level of levels) {
      const opened = this.files.get(level.configPath.toLowerCase());
      if (opened !== undefined) out.push(opened);
      else if (level.folder !== undefined) {
        if (existsSync(join(level.folder, WEB_CONFIG))) out.push(this.fileAt(level.configPath, false));
      } else if (strict && level.unmapped !== undefined) throw level.unmapped();
      // Without any mapping rule off Windows, only applicationHost.config is read (docs/web-config.md).
    }
    return out;
  }

  private contextFor(configPath: string): FileContext {
    return {
      configPath,
      sectionAbove: (schema, target) => this.sectionAbove(configPath, schema, target),
      declarationOf: (sectionPath) => this.apphost.declarationOf(sectionPath),
      checkLevel: (file, sectionPath, location) => this.checkLevel(file, sectionPath, location),
    };
  }

  /** The last level before the web.config at `configPath` on the way to `target`. */
  private sectionAbove(configPath: string, schema: SectionSchema, target: string): ConfigurationSection {
    const file = this.filesAbove(configPath, target).at(-1);
    return file === undefined ? this.apphost.levelSection(schema, target, target) : file.levelSection(schema, relative(target, file.configPath), target);
  }

  /**
   * IIS reads the files on the way to a level before it writes one: a section that this file, or
   * a web.config above it, already writes against a lock of a file above is refused as on reading
   * (checkPresent: IIS's Configuration error with that file and line); then the level itself must
   * be allowed to hold it (checkDefinition). Only this section: a lock violation is an error of
   * the section that breaks it, so another section of the same file is still read and written.
   */
  private checkLevel(file: Configuration, sectionPath: string, location: string): void {
    const schema = this.apphost.schema.getSection(sectionPath);
    const target = file.targetOf(location);
    if (schema !== undefined) for (const f of [...this.filesAbove(file.configPath, target), file]) this.checkPresent(f, schema, target);
    this.checkDefinition(file, sectionPath, location);
  }

  /**
   * checkDefinition for every level of a file where the section is written, then the locks of the
   * files above over what that level writes, each with this file and line.
   */
  private checkPresent(file: Configuration, schema: SectionSchema, target: string): void {
    const rel = relative(target, file.configPath);
    for (const location of ['', ...ancestorPaths(rel)]) {
      const node = sectionUnderLevel(file.document, schema.path, location);
      if (node === undefined) continue;
      try {
        this.checkDefinition(file, schema.path, location);
      } catch (e) {
        if (!(e instanceof AppcmdError)) throw e;
        throw new AppcmdError(e.code, e.message, { file: file.filePath, line: file.document.lineOf(node), hints: e.hints });
      }
      const violation = writtenLockViolation(file.levelSection(schema, location, target));
      if (violation !== undefined) throw new AppcmdError('LOCKED', LOCK_VIOLATION, { file: file.filePath, line: violation.line, hints: [violation.hint] });
    }
  }

  /**
   * IIS's rules for a section in a web.config: allowDefinition (AppHostOnly and MachineOnly never,
   * MachineToApplication only at a site or application root), allowLocation, and the override
   * mode in force above the level: the declaration's overrideModeDefault, then every
   * `<location overrideMode|allowOverride>` holding the section on the way down.
   */
  private checkDefinition(file: Configuration, sectionPath: string, location: string): void {
    this.apphost.checkDeclared(sectionPath);
    const declaration = file.declarationOf(sectionPath);
    const target = file.targetOf(location);
    this.checkAllowDefinition(declaration, sectionPath, target, location, file.filePath);
    let mode: 'Allow' | 'Deny' = declaration?.overrideModeDefault ?? 'Allow';
    let lockedAt = 'the section declaration (overrideModeDefault="Deny")';
    for (const [config, at] of this.levelsAbove(file, target)) {
      const m = overrideModeAt(config.document, sectionPath, at);
      if (m === undefined) continue;
      mode = m;
      lockedAt = `<location path="${at}"> in ${config.filePath}`;
    }
    if (mode === 'Deny') {
      throw new AppcmdError('LOCKED', LOCKED_TEXT, {
        hints: [`${sectionPath} is locked above ${configPathOf(target)} by ${lockedAt}; unlock it there (appcmd unlock config) or commit to that level.`],
      });
    }
  }

  /**
   * IIS's allowDefinition and allowLocation refusals for a change at `target` written to the
   * web.config at `commitPath`, decided from the declaration alone, before that file is opened
   * (or even found): for a verb that edits applicationHost.config's own sections (`set ftpssl`).
   */
  checkCommitDefinition(sectionPath: string, commitPath: string, target: string): void {
    this.apphost.checkDeclared(sectionPath);
    const folder = this.levels(commitPath).at(-1)?.folder;
    const file = folder === undefined ? `the web.config of ${configPathOf(commitPath)}` : join(folder, WEB_CONFIG);
    this.checkAllowDefinition(this.apphost.declarationOf(sectionPath), sectionPath, target, relative(target, commitPath), file);
  }

  private checkAllowDefinition(declaration: SectionDeclaration | undefined, sectionPath: string, target: string, location: string, file: string): void {
    const definition = declaration?.allowDefinition ?? (sectionPath.toLowerCase().startsWith('system.applicationhost/') ? 'AppHostOnly' : 'Everywhere');
    const kind = this.levels(target).at(-1)?.kind;
    const refused =
      ['apphostonly', 'machineonly', 'machinetowebroot'].includes(definition.toLowerCase()) ||
      (definition.toLowerCase() === 'machinetoapplication' && kind !== 'site' && kind !== 'application') ||
      (declaration?.allowLocation === false && location !== '');
    if (refused) {
      throw new AppcmdError('LOCKED', LOCKED_TEXT, {
        hints: [`${sectionPath} cannot be set for ${configPathOf(target)}${kind === undefined ? '' : ` (a ${kind})`} in ${file} (allowDefinition="${definition}"); set it in applicationHost.config with /commit:apphost.`],
      });
    }
  }

  /**
   * Every (file, location) level of the files above `file` on the way to `target`: a lock binds
   * the files below it, not the lower <location>s of its own file.
   */
  private levelsAbove(file: Configuration, target: string): Array<[Configuration, string]> {
    return [this.apphost, ...this.filesAbove(file.configPath, target)].flatMap(
      (c): Array<[Configuration, string]> => ['', ...ancestorPaths(relative(target, c.configPath))].map((l): [Configuration, string] => [c, l]),
    );
  }
}

/** `target` relative to a file at `configPath` ("Site/app/x" from "Site" → "app/x"). */
export function relative(target: string, configPath: string): string {
  if (configPath === '') return target;
  return target.length <= configPath.length ? '' : target.slice(configPath.length + 1);
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
