import type { SchemaSet } from '../schema/types.js';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { bundledSchema, loadSchemaDir, loadSchemaFiles } from '../schema/loader.js';
import { readConfigFile } from '../store/config-file.js';
import { Configuration, type CommitOptions, type CommitResult } from './configuration.js';
import type { ValidationScope } from './validate.js';

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
}

/**
 * The entry point of the library, shaped after Microsoft.Web.Administration's ServerManager:
 * open an applicationHost.config, get its Configuration, change it, commitChanges().
 */
export class ServerManager {
  private configuration: Configuration | undefined;

  private constructor(
    readonly path: string,
    private readonly schema: SchemaSet,
    private readonly readOnly: boolean,
    private readonly validation: ValidationScope,
  ) {}

  static open(path: string, options: OpenOptions = {}): ServerManager {
    return new ServerManager(path, options.schema ?? schemaFor(options.schemaDirs), options.readOnly === true, options.validation ?? 'section');
  }

  getApplicationHostConfiguration(): Configuration {
    this.configuration ??= new Configuration(readConfigFile(this.path), this.schema, this.validation);
    return this.configuration;
  }

  commitChanges(options: CommitOptions = {}): CommitResult {
    const config = this.getApplicationHostConfiguration();
    if (this.readOnly && options.dryRun !== true) throw new Error('ServerManager was opened read-only');
    return config.commitChanges(options);
  }
}

export function schemaFor(dirs: readonly string[] | undefined): SchemaSet {
  if (dirs === undefined || dirs.length === 0) return bundledSchema();
  if (dirs.length === 1 && dirs[0] !== undefined) return loadSchemaDir(dirs[0]);
  return loadSchemaDirs(dirs);
}

/** Several folders act as one, as IIS reads every *.xml file of its one schema folder. */
function loadSchemaDirs(dirs: readonly string[]): SchemaSet {
  const files = dirs.flatMap((d) =>
    readdirSync(d)
      .filter((f) => f.toLowerCase().endsWith('.xml'))
      .sort()
      .map((f) => join(d, f)),
  );
  return loadSchemaFiles(files);
}
