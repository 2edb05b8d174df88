/**
 * Reads IIS <configSchema> texts into one SchemaSet, in the order given. Declarations of the same
 * section in several texts are merged (merge.ts), as IIS merges its schema folder. Every fault in
 * a schema file is an AppcmdError SCHEMA_INVALID naming the file, line and column — malformed
 * XML included, which the XML reader reports as XML_MALFORMED.
 */
import { AppcmdError, isAppcmdError } from '../errors.js';
import { parseXml } from '../xml/reader.js';
import type { ParsedDocument } from '../xml/document.js';
import type { XmlElement } from '../xml/types.js';
import { emptyElement, type DraftSection } from './draft.js';
import { mergeElement } from './merge.js';
import { freezeSchema } from './model.js';
import { readOptionalBool, requireValue } from './read-attribute.js';
import { readChildren } from './read-element.js';
import { schemaError, type Locate } from './schema-error.js';
import type { SchemaSet } from './types.js';

export interface SchemaSource {
  /** A name for messages: the file's path, or any label. */
  readonly name: string;
  readonly text: string;
}

export interface LoadOptions {
  /**
   * Build each section's model on first use instead of up front. A command touches one or two
   * sections; building all of them costs more than the rest of a small command. Faults in a
   * section's declaration are then reported when the section is first used.
   */
  readonly lazy?: boolean;
}

export function loadSchema(sources: ReadonlyArray<SchemaSource>, options: LoadOptions = {}): SchemaSet {
  const declarations = new Map<string, { path: string; parts: SectionDeclaration[] }>();
  for (const source of sources) {
    for (const part of readFile(source)) {
      const key = part.path.toLowerCase();
      const entry = declarations.get(key);
      if (entry === undefined) declarations.set(key, { path: part.path, parts: [part] });
      else entry.parts.push(part);
    }
  }
  const build = (key: string): DraftSection | undefined => {
    const entry = declarations.get(key);
    if (entry === undefined) return undefined;
    let merged: DraftSection | undefined;
    for (const part of entry.parts) {
      const section = readSection(part);
      if (merged === undefined) merged = section;
      else mergeElement(merged.root, section.root);
    }
    return merged;
  };
  const set = freezeSchema(
    [...declarations.values()].map((d) => d.path),
    build,
    sources.map((s) => s.name),
  );
  if (options.lazy !== true) void set.sections;
  return set;
}

/** One <sectionSchema> of one file, not yet read. */
interface SectionDeclaration {
  readonly path: string;
  readonly node: XmlElement;
  readonly locate: Locate;
}

/** Every section of the sources, read and merged now: what the build caches (see schema-cache.ts). */
export function loadSchemaDrafts(sources: ReadonlyArray<SchemaSource>): DraftSection[] {
  const set = new Map<string, DraftSection>();
  for (const source of sources) {
    for (const part of readFile(source)) {
      const key = part.path.toLowerCase();
      const section = readSection(part);
      const existing = set.get(key);
      if (existing === undefined) set.set(key, section);
      else mergeElement(existing.root, section.root);
    }
  }
  return [...set.values()];
}

function readFile(source: SchemaSource): SectionDeclaration[] {
  const document = parse(source);
  const locate: Locate = (offset) => ({ file: source.name, ...document.position(offset) });
  const root = document.root;
  if (root.name !== 'configSchema') {
    throw schemaError(locate(root.start), `The root element is <${root.name}>; a schema file's root is <configSchema>`);
  }
  const parts: SectionDeclaration[] = [];
  for (const node of root.children) {
    const origin = locate(node.start);
    if (node.name !== 'sectionSchema') {
      throw schemaError(origin, `Unexpected <${node.name}> in <configSchema> (expected sectionSchema)`);
    }
    parts.push({ path: requireValue(node, 'name', origin), node, locate });
  }
  return parts;
}

function readSection(part: SectionDeclaration): DraftSection {
  const { path, node, locate } = part;
  const origin = locate(node.start);
  const element = emptyElement(path.slice(path.lastIndexOf('/') + 1), origin);
  element.allowUnrecognizedAttributes = readOptionalBool(node, 'allowUnrecognizedAttributes', origin);
  readChildren(node, element, locate);
  return { path, root: element };
}

function parse(source: SchemaSource): ParsedDocument {
  // A BOM is the file layer's business for configuration files; schema text may still carry one.
  const text = source.text.startsWith('\uFEFF') ? source.text.slice(1) : source.text;
  try {
    return parseXml(text, { fileName: source.name });
  } catch (e) {
    if (!isAppcmdError(e) || !e.code.startsWith('XML_')) throw e;
    throw new AppcmdError('SCHEMA_INVALID', e.message, {
      file: e.file ?? source.name,
      line: e.line,
      column: e.column,
      hints: e.hints,
      cause: e,
    });
  }
}
