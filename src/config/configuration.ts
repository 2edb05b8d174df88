import { AppcmdError, isAppcmdError } from '../errors.js';
import type { SchemaSet, SectionSchema } from '../schema/types.js';
import { encodeConfigText, patchConfigBytes, type ConfigFileContent } from '../store/config-file.js';
import { createFileAtomic, writeFileAtomic } from '../store/atomic-write.js';
import type { TextEdit } from '../xml/types.js';
import { isPending } from '../xml/editor.js';
import type { ParsedDocument } from '../xml/document.js';
import { parseXml } from '../xml/reader.js';
import { ConfigDocument } from './document.js';
import { ConfigurationElement, type NodeSlot } from './element.js';
import {
  duplicateDeclarationText,
  isUndeclared,
  missingDeclarationText,
  readSectionDeclarations,
  type SectionDeclaration,
  type SectionRegistry,
} from './section-registry.js';
import { declaredElsewhere, freshDeclaration } from './default-declarations.js';
import { resolveSectionName } from './section-name.js';
import { validateSection, type ValidationScope } from './validate.js';
import { checkConfigurationPath } from './configuration-path.js';
import { locationPathOf, locationSlot, rootSlot } from './location.js';
import { setOverrideMode, type OverrideMode } from './override-mode.js';
import { searchConfig, type SearchHit, type SearchQuery } from './search.js';
import { loadBundledPolicy, WritePolicy } from './write-policy.js';

export { APPHOST_PATH } from './location.js';

const SITES = 'system.applicationHost/sites';

/** IIS's text for a section that may not be set at a path (0x80070021). */
export const LOCKED_TEXT =
  'This configuration section cannot be used at this path. This happens when the section is locked at a parent level. Locking is either by default (overrideModeDefault="Deny"), or set explicitly by a location tag with overrideMode="Deny" or the legacy allowOverride="false".';

/** How a Configuration treats its file (ServerManager's options of the same names). */
export interface DocumentOptions {
  readonly validation?: ValidationScope;
  readonly allowPlaintextSecrets?: boolean;
}

export interface CommitOptions {
  /** Compute the result but write nothing. */
  readonly dryRun?: boolean;
}

export interface CommitResult {
  readonly changed: boolean;
  readonly written: boolean;
  /** In offset order. */
  readonly edits: readonly TextEdit[];
  readonly before: string;
  readonly after: string;
}

/**
 * Where a web.config sits in the configuration hierarchy (Jexus Manager's file context with a
 * parent): the location path of its folder, and the files above it.
 */
export interface FileContext {
  /** The location path of the file's folder ("Site", "Site/app"). */
  readonly configPath: string;
  /** The section at `target` as the files above this one make it: what this file's root level inherits. */
  sectionAbove(schema: SectionSchema, target: string): ConfigurationSection | undefined;
  /** The server's declaration of a section (applicationHost.config's <configSections>). */
  declarationOf(sectionPath: string): SectionDeclaration | undefined;
  /**
   * Refuses a section at a location of this file as IIS does before using it: the section as the
   * file already writes it on the way to that location breaks a lock above (IIS's Configuration
   * error, with this file and line), or the location may not hold it (allowDefinition, locks above).
   */
  checkLevel(file: Configuration, sectionPath: string, location: string): void;
}

/**
 * The file's XML. A file that is not well-formed gets IIS's text, "Configuration file is not
 * well-formed XML", with the reader's finding (what, where) as the first hint.
 */
function readConfigXml(file: ConfigFileContent): ParsedDocument {
  try {
    return parseXml(file.text, file.parse);
  } catch (e) {
    if (!isAppcmdError(e) || e.code !== 'XML_MALFORMED') throw e;
    throw new AppcmdError('XML_MALFORMED', NOT_WELL_FORMED, {
      file: e.file ?? file.path,
      line: e.line,
      column: e.column,
      hints: [e.message, ...e.hints],
      cause: e,
    });
  }
}

/** IIS's description of a configuration file that is not well-formed. */
export const NOT_WELL_FORMED = 'Configuration file is not well-formed XML';

/** A section of the configuration: an element whose schema is a sectionSchema. */
export class ConfigurationSection extends ConfigurationElement {
  constructor(
    document: ConfigDocument,
    override readonly schema: SectionSchema,
    slot: NodeSlot,
    readonly declaration: SectionDeclaration | undefined,
    inheritedOf: () => ConfigurationElement | undefined,
  ) {
    super(document, schema, slot, undefined, () => undefined, inheritedOf);
  }

  override get sectionPath(): string {
    return this.schema.path;
  }
}

/**
 * One configuration file (applicationHost.config) opened against a schema, as
 * Microsoft.Web.Administration's Configuration: sections are read (and validated) on demand, and
 * all changes are committed together as text edits over the original file.
 */
export class Configuration {
  readonly document: ConfigDocument;
  readonly declarations: ReadonlyMap<string, SectionDeclaration>;
  private readonly registry: SectionRegistry;
  private sectionPaths: readonly string[] | undefined;
  private readonly resolvedSections = new Map<string, string>();
  private readonly sections = new Map<string, ConfigurationSection>();
  /** Location paths found to exist, at a document version (a batch checks the same path on every line). */
  private readonly existingPaths = new Map<string, number>();

  constructor(
    readonly file: ConfigFileContent,
    readonly schema: SchemaSet,
    options: DocumentOptions = {},
    /** Set for a web.config; applicationHost.config has none. */
    readonly context?: FileContext,
  ) {
    const xml = readConfigXml(file);
    if (xml.root.name !== 'configuration') {
      throw new AppcmdError('CONFIG_INVALID', `The root element must be <configuration>, not <${xml.root.name}>`, {
        file: file.path,
        line: xml.position(xml.root.start).line,
      });
    }
    const policy = new WritePolicy(schema, loadBundledPolicy);
    this.document = new ConfigDocument(file.path, xml, schema, policy, options.validation ?? 'section', options.allowPlaintextSecrets === true);
    this.registry = readSectionDeclarations(xml);
    this.declarations = this.registry.declarations;
  }

  /** Notes gathered while reading (elements no schema describes...). */
  get notes(): readonly string[] {
    return this.document.notes;
  }

  get filePath(): string {
    return this.file.path;
  }

  /** The location path of this file's folder: "" for applicationHost.config. */
  get configPath(): string {
    return this.context?.configPath ?? '';
  }

  /**
   * Every section path known from the schema or declared in the file, except the sections IIS
   * keeps in its other files (administration.config's modules…) unless this file declares them.
   */
  knownSectionPaths(): string[] {
    return this.sectionPathList().filter((p) => this.offered(p));
  }

  /** Full section path for what the user typed (short names allowed when unique). */
  resolveSectionPath(input: string): string {
    // A batch names the same section on every line: each spelling is resolved once.
    let path = this.resolvedSections.get(input);
    if (path === undefined) this.resolvedSections.set(input, (path = resolveSectionName(input, this.sectionPathList(), (p) => this.offered(p))));
    return path;
  }

  /** The file's declaration of a section, else the server's (a web.config), else a fresh IIS 10.0 file's. */
  declarationOf(sectionPath: string): SectionDeclaration | undefined {
    const key = sectionPath.toLowerCase();
    return this.declarations.get(key) ?? (this.context !== undefined ? this.context.declarationOf(sectionPath) : freshDeclaration(key));
  }

  private offered(path: string): boolean {
    const key = path.toLowerCase();
    return this.declarations.has(key) || !declaredElsewhere(key);
  }

  /** Made once: the schema and the file's declarations do not change, and a batch resolves a section per command. */
  private sectionPathList(): readonly string[] {
    return (this.sectionPaths ??= [...new Set([...this.schema.sectionPaths, ...[...this.declarations.values()].map((d) => d.path)])]);
  }

  /**
   * A section at a configuration level: the server (MACHINE/WEBROOT/APPHOST, location path "")
   * or a <location path="…"> of this file. Values are read through the levels above (the server,
   * then each parent path), as IIS merges them; writes go to this level. Each level is validated
   * against the schema the first time it is read, as IIS does.
   */
  getSection(sectionPath: string, locationPath = ''): ConfigurationSection {
    const path = this.resolveSectionPath(sectionPath);
    const schema = this.schema.getSection(path);
    if (schema === undefined) {
      throw new AppcmdError('UNKNOWN_SECTION', `The section "${path}" is declared in the file but no schema describes it, so it cannot be read or changed safely.`, {
        hints: ['Give a schema folder that describes it with /schemadir:DIR (for example the inetsrv\\config\\schema folder of the server).'],
      });
    }
    this.checkDeclared(schema.path);
    const location = locationPathOf(locationPath);
    if (this.context !== undefined) this.context.checkLevel(this, schema.path, location);
    else if (location !== '') {
      this.checkPathExists(location);
      this.checkLocationAllowed(schema.path, location);
    }
    return this.sectionAt(schema, location, this.targetOf(location));
  }

  /** The location path of the whole hierarchy that a location of this file names. */
  targetOf(location: string): string {
    const base = this.configPath;
    return base === '' ? location : location === '' ? base : `${base}/${location}`;
  }

  /**
   * The section at one level of this file (a location path relative to it) on the way to `target`
   * (a location path of the whole hierarchy), unchecked: what the levels below inherit from.
   */
  levelSection(schema: SectionSchema, location: string, target: string): ConfigurationSection {
    return this.sectionAt(schema, location, this.context === undefined ? location : target);
  }

  /**
   * The section at exactly one level, with the level above as its inherited parent. In a
   * web.config the level above the root depends on the path being read (`target`): the files
   * above contribute their levels down to that path, so a section is made per target.
   */
  private sectionAt(schema: SectionSchema, location: string, target: string): ConfigurationSection {
    const key = `${schema.path.toLowerCase()}|${location.toLowerCase()}|${target.toLowerCase()}`;
    const cached = this.sections.get(key);
    if (cached !== undefined) return cached;
    const declaration = this.declarationOf(schema.path);
    const context = this.context;
    let section: ConfigurationSection;
    if (location === '') {
      // The file's own level is the section at the root, overlaid by <location path=""> when present.
      const above = context === undefined ? () => undefined : () => context.sectionAbove(schema, target);
      const root = new ConfigurationSection(this.document, schema, rootSlot(this.document, schema.path), declaration, above);
      this.validate(root, schema);
      const overlay = locationSlot(this.document, schema.path, '');
      if (overlay.find() === undefined) section = root;
      else {
        section = new ConfigurationSection(this.document, schema, overlay, declaration, () => root);
        this.validate(section, schema);
      }
    } else {
      const parent = location.includes('/') ? location.slice(0, location.lastIndexOf('/')) : '';
      section = new ConfigurationSection(this.document, schema, locationSlot(this.document, schema.path, location), declaration, () =>
        this.sectionAt(schema, parent, target),
      );
      this.validate(section, schema);
    }
    this.sections.set(key, section);
    return section;
  }

  private validate(section: ConfigurationSection, schema: SectionSchema): void {
    const node = section.node;
    // A section this process created is not in the file yet: nothing to validate.
    if (node !== undefined && !isPending(node)) this.document.notes.push(...validateSection(this.document, node, schema, this.document.validation));
  }

  /**
   * IIS reads no section of a file that declares one twice, nor a section its group does not
   * declare; so nothing is read or written then (a write would add a section IIS cannot read).
   */
  checkDeclared(sectionPath: string): void {
    // A web.config's sections are declared by the server; the hierarchy asks applicationHost.config.
    if (this.context !== undefined) return;
    const twice = this.registry.duplicates[0];
    if (twice !== undefined) {
      throw new AppcmdError('CONFIG_INVALID', duplicateDeclarationText(twice.path), {
        file: this.file.path,
        line: this.document.xml.position(twice.start).line,
        hints: ['Remove one of the two <section> declarations in <configSections>.'],
      });
    }
    if (!isUndeclared(this.registry, sectionPath)) return;
    const present = rootSlot(this.document, sectionPath).find();
    throw new AppcmdError('CONFIG_INVALID', missingDeclarationText(sectionPath), {
      file: this.file.path,
      line: present !== undefined && !isPending(present) ? this.document.xml.position(present.start).line : 0,
      hints: [`Declare it in <configSections> (<section name="${sectionPath.slice(sectionPath.lastIndexOf('/') + 1)}" …/> in its <sectionGroup>) as IIS's own applicationHost.config does.`],
    });
  }

  /** A path below the server level must map to a site's application (without a sites schema there is nothing to map). */
  checkPathExists(location: string): void {
    const key = location.toLowerCase();
    const version = this.document.editor.version;
    if (this.existingPaths.get(key) === version || this.schema.getSection(SITES) === undefined) return;
    checkConfigurationPath(this.getSection(SITES), location);
    this.existingPaths.set(key, version);
  }

  /**
   * IIS refuses a section below the server level of applicationHost.config when it is AppHostOnly
   * (or may not be in a <location>). A lock is no refusal here: overrideMode="Deny" on a
   * <location> above, like overrideModeDefault="Deny", binds the files below (web.config), not the
   * lower <location path>s of this file (docs/web-config.md, "Locks across files").
   */
  private checkLocationAllowed(sectionPath: string, location: string): void {
    const declaration = this.declarationOf(sectionPath);
    const appHostOnly =
      declaration?.allowDefinition === 'AppHostOnly' ||
      declaration?.allowDefinition === 'MachineOnly' ||
      declaration?.allowLocation === false ||
      (declaration === undefined && sectionPath.toLowerCase().startsWith('system.applicationhost/'));
    if (!appHostOnly) return;
    throw new AppcmdError('LOCKED', LOCKED_TEXT, {
      hints: [`${sectionPath} can only be set at MACHINE/WEBROOT/APPHOST (allowDefinition="${declaration?.allowDefinition ?? 'AppHostOnly'}"); leave out the path "${location}".`],
    });
  }

  /** Locks (Deny) or unlocks (Allow) a section for the levels below a path; false if already so. */
  setOverrideMode(sectionPath: string, locationPath: string, mode: OverrideMode): boolean {
    const path = this.resolveSectionPath(sectionPath);
    this.checkDeclared(path);
    const location = locationPathOf(locationPath);
    if (this.context !== undefined) this.context.checkLevel(this, path, location);
    else if (location !== '') {
      this.checkPathExists(location);
      this.checkLocationAllowed(path, location);
    }
    return setOverrideMode(this.document, path, location, mode);
  }

  /** The levels (server, <location>s) that set a section, an attribute, or an attribute to a value. */
  search(query: SearchQuery): SearchHit[] {
    return searchConfig(this.document, this.knownSectionPaths(), query);
  }

  get hasChanges(): boolean {
    return this.document.editor.hasChanges();
  }

  edits(): TextEdit[] {
    return this.document.editor.edits();
  }

  /**
   * Writes all changes in one atomic replace of the file. Nothing is written when nothing changed
   * (the file stays byte-identical), on a dry run, or when the file changed on disk since it was read.
   */
  commitChanges(options: CommitOptions = {}): CommitResult {
    const edits = this.edits();
    const before = this.file.text;
    if (edits.length === 0) return { changed: false, written: false, edits, before, after: before };
    const editor = this.document.editor;
    // The new text is built only when asked for: a write copies bytes and needs no copy of the text.
    const result = (written: boolean): CommitResult => ({
      changed: true,
      written,
      edits,
      before,
      get after() {
        return editor.apply();
      },
    });
    if (options.dryRun === true) return result(false);
    const content = this.file.encoding === 'utf8' ? patchConfigBytes(this.file, edits) : encodeConfigText(editor.apply(), this.file.encoding, this.file.bom);
    if (this.file.stamp === undefined) createFileAtomic(this.file.path, content);
    else writeFileAtomic(this.file.path, content, this.file.stamp);
    return result(true);
  }
}
