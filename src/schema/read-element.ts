/**
 * The structural tags of a schema file — <sectionSchema>, <element>, <collection> — into drafts.
 * Schema attributes this project does not use are ignored, as in read-attribute.ts.
 * Runtime-only parts are skipped: anything carrying extension="…" (state, certificateHash,
 * workerProcesses… computed by the running server, never stored in the file) and <method>.
 */
import type { XmlElement } from '../xml/types.js';
import { emptyElement, type DraftCollection, type DraftElement } from './draft.js';
import { addAttribute, addCollection, addElement } from './merge.js';
import { readAttribute, readOptionalBool, requireValue } from './read-attribute.js';
import { schemaError, type Locate } from './schema-error.js';

/** Reads the children of a sectionSchema, element or collection into `target`. */
export function readChildren(node: XmlElement, target: DraftElement, locate: Locate): void {
  for (const child of node.children) {
    if (child.attribute('extension') !== undefined || child.name === 'method') continue;
    const origin = locate(child.start);
    switch (child.name) {
      case 'attribute':
        addAttribute(target, { schema: readAttribute(child, locate), origin });
        break;
      case 'element':
        addElement(target, readElement(child, locate));
        break;
      case 'collection':
        // A second <collection> adds its own item tags to the same list (IIS reads FX_schema's
        // system.web/profile/properties, which has <add> and <group>, this way).
        addCollection(target, readCollection(child, locate));
        break;
      default:
        throw schemaError(origin, `Unexpected <${child.name}> in <${node.name}> (expected attribute, element or collection)`);
    }
  }
}

function readElement(node: XmlElement, locate: Locate): DraftElement {
  const origin = locate(node.start);
  const element = emptyElement(requireValue(node, 'name', origin), origin);
  element.isCollectionDefault = readOptionalBool(node, 'isCollectionDefault', origin);
  element.allowUnrecognizedAttributes = readOptionalBool(node, 'allowUnrecognizedAttributes', origin);
  readChildren(node, element, locate);
  return element;
}

/** A collection's own children are its item's schema; several add tags are comma-separated. */
function readCollection(node: XmlElement, locate: Locate): DraftCollection {
  const origin = locate(node.start);
  const addElementNames = requireValue(node, 'addElement', origin)
    .split(',')
    .map((n) => n.trim())
    .filter((n) => n !== '');
  const element = emptyElement(addElementNames[0] ?? '', origin);
  readChildren(node, element, locate);
  return {
    origin,
    removeElementName: optional(node, 'removeElement'),
    clearElementName: optional(node, 'clearElement'),
    defaultElementName: optional(node, 'defaultElement'),
    mergeAppend: readOptionalBool(node, 'mergeAppend', origin),
    allowDuplicates: readOptionalBool(node, 'allowDuplicates', origin),
    allowUnrecognizedAttributes: readOptionalBool(node, 'allowUnrecognizedAttributes', origin),
    items: [{ origin, addElementNames, element }],
  };
}

function optional(node: XmlElement, attr: string): string | undefined {
  const value = node.attribute(attr)?.value;
  return value === undefined || value === '' ? undefined : value;
}
