/**
 * Reads IIS <configSchema> texts into one SchemaSet, in the order given. Declarations of the same
 * section in several texts are merged (merge.ts), as IIS merges its schema folder. Every fault in
 * a schema file is an AppcmdError SCHEMA_INVALID naming the file, line and column — malformed
 * XML included, which the XML reader reports as XML_MALFORMED.
 */
import { AppcmdError, isAppcmdError } from '../errors.js';
import { parseXml } from '../xml/reader.js';
import type { XmlDocument } from '../xml/types.js';
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

export function loadSchema(sources: ReadonlyArray<SchemaSource>): SchemaSet {
  const sections = new Map<string, DraftSection>();
  for (const source of sources) {
    for (const section of readFile(source)) {
      const key = section.path.toLowerCase();
      const existing = sections.get(key);
      if (existing === undefined) sections.set(key, section);
      else mergeElement(existing.root, section.root);
    }
  }
  return freezeSchema([...sections.values()], sources.map((s) => s.name));
}

function readFile(source: SchemaSource): DraftSection[] {
  const document = parse(source);
  const locate: Locate = (offset) => ({ file: source.name, ...document.position(offset) });
  const root = document.root;
  if (root.name !== 'configSchema') {
    throw schemaError(locate(root.start), `The root element is <${root.name}>; a schema file's root is <configSchema>`);
  }
  const sections: DraftSection[] = [];
  for (const node of root.children) {
    const origin = locate(node.start);
    if (node.name !== 'sectionSchema') {
      throw schemaError(origin, `Unexpected <${node.name}> in <configSchema> (expected sectionSchema)`);
    }
    const path = requireValue(node, 'name', origin);
    const element = emptyElement(path.slice(path.lastIndexOf('/') + 1), origin);
    element.allowUnrecognizedAttributes = readOptionalBool(node, 'allowUnrecognizedAttributes', origin);
    readChildren(node, element, locate);
    const twin = sections.find((s) => s.path.toLowerCase() === path.toLowerCase());
    if (twin === undefined) sections.push({ path, root: element });
    else mergeElement(twin.root, element);
  }
  return sections;
}

function parse(source: SchemaSource): XmlDocument {
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
