import { AppcmdError } from '../errors.js';
import type { SchemaSet, SectionSchema } from '../schema/types.js';
import { encodeConfigText, patchConfigBytes, type ConfigFileContent } from '../store/config-file.js';
import { sortEdits } from '../xml/text-edit.js';
import { writeFileAtomic } from '../store/atomic-write.js';
import type { TextEdit } from '../xml/types.js';
import type { ElementRef } from '../xml/editor.js';
import { parseXml } from '../xml/reader.js';
import { ConfigDocument } from './document.js';
import { ConfigurationElement, type NodeSlot } from './element.js';
import { readSectionDeclarations, type SectionDeclaration } from './section-registry.js';
import { resolveSectionName } from './section-name.js';
import { validateSection, type ValidationScope } from './validate.js';
import { loadBundledPolicy, WritePolicy } from './write-policy.js';

/** The configuration path of applicationHost.config itself. */
export const APPHOST_PATH = 'MACHINE/WEBROOT/APPHOST';

export interface CommitOptions {
  /** Compute the result but write nothing. */
  readonly dryRun?: boolean;
}

export interface CommitResult {
  readonly changed: boolean;
  readonly written: boolean;
  readonly edits: readonly TextEdit[];
  readonly before: string;
  readonly after: string;
}

/** A section of the configuration: an element whose schema is a sectionSchema. */
export class ConfigurationSection extends ConfigurationElement {
  constructor(
    document: ConfigDocument,
    override readonly schema: SectionSchema,
    slot: NodeSlot,
    readonly declaration: SectionDeclaration | undefined,
  ) {
    super(document, schema, slot, undefined, () => undefined);
  }

  get sectionPath(): string {
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
  private readonly sections = new Map<string, ConfigurationSection>();

  constructor(
    readonly file: ConfigFileContent,
    readonly schema: SchemaSet,
    validation: ValidationScope = 'section',
  ) {
    const xml = parseXml(file.text, { fileName: file.path });
    if (xml.root.name !== 'configuration') {
      throw new AppcmdError('CONFIG_INVALID', `The root element must be <configuration>, not <${xml.root.name}>`, {
        file: file.path,
        line: xml.position(xml.root.start).line,
      });
    }
    this.document = new ConfigDocument(file.path, xml, schema, new WritePolicy(schema, loadBundledPolicy()), validation);
    this.declarations = readSectionDeclarations(xml.root);
  }

  /** Notes gathered while reading (elements no schema describes...). */
  get notes(): readonly string[] {
    return this.document.notes;
  }

  get filePath(): string {
    return this.file.path;
  }

  /** Every section path known from the schema or declared in the file. */
  knownSectionPaths(): string[] {
    return [...new Set([...this.schema.sectionPaths, ...[...this.declarations.values()].map((d) => d.path)])];
  }

  /** Full section path for what the user typed (short names allowed when unique). */
  resolveSectionPath(input: string): string {
    return resolveSectionName(input, this.knownSectionPaths());
  }

  /**
   * The section at server level (MACHINE/WEBROOT/APPHOST), validated against the schema the
   * first time it is read, as IIS does.
   */
  getSection(sectionPath: string): ConfigurationSection {
    const path = this.resolveSectionPath(sectionPath);
    const key = path.toLowerCase();
    const cached = this.sections.get(key);
    if (cached !== undefined) return cached;
    const schema = this.schema.getSection(path);
    if (schema === undefined) {
      throw new AppcmdError('UNKNOWN_SECTION', `The section "${path}" is declared in the file but no schema describes it, so it cannot be read or changed safely.`, {
        hints: ['Give a schema folder that describes it with /schemadir:DIR (for example the inetsrv\\config\\schema folder of the server).'],
      });
    }
    const section = new ConfigurationSection(this.document, schema, this.sectionSlot(schema.path), this.declarations.get(key));
    const node = section.node;
    // A section this process created is not in the file yet: nothing to validate.
    if (node !== undefined && 'start' in node) this.document.notes.push(...validateSection(this.document, node, schema, this.document.validation));
    this.sections.set(key, section);
    return section;
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
    // The new text is built only when asked for: a write copies bytes and needs no 66 MB string.
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
    const content = this.file.encoding === 'utf8' ? patchConfigBytes(this.file, sortEdits(edits)) : encodeConfigText(editor.apply(), this.file.encoding, this.file.bom);
    writeFileAtomic(this.file.path, content, this.file.stamp);
    return result(true);
  }

  /** Finds the section's element at server level (outside <location>), creating groups on write. */
  private sectionSlot(path: string): NodeSlot {
    const names = path.split('/');
    const doc = this.document;
    const root = doc.xml.root;
    const find = (): ElementRef | undefined => {
      let cur: ElementRef | undefined = root;
      for (const n of names) {
        if (cur === undefined) return undefined;
        cur = doc.childNamed(cur, n);
      }
      return cur;
    };
    const ensure = (): ElementRef => {
      let cur: ElementRef = root;
      for (const n of names) {
        const next = doc.childNamed(cur, n);
        if (next !== undefined) {
          cur = next;
          continue;
        }
        // IIS keeps <location> blocks after the server-level sections; new groups go before them.
        const children = doc.editor.children(cur);
        const loc = cur === root ? children.findIndex((c) => c.name === 'location') : -1;
        cur = doc.editor.insertElement(cur, n, [], loc >= 0 ? loc : undefined);
      }
      return cur;
    };
    return { find, ensure };
  }
}
