import { AppcmdError } from '../errors.js';
import type { AttributeSchema, ElementSchema } from '../schema/types.js';
import { checkStoredValue } from '../schema/value.js';
import type { ElementRef } from '../xml/editor.js';
import type { ConfigDocument } from './document.js';

/**
 * Attributes the configuration system accepts on any element of a section: locking and
 * configSource are IIS's own, not part of any section schema.
 */
const GENERIC_ATTRIBUTES = new Set(['lockAttributes', 'lockAllAttributesExcept', 'lockElements', 'lockAllElementsExcept', 'lockItem', 'configSource']);

/**
 * Checks a section's XML against its schema as IIS does when the section is read: unknown
 * attributes, invalid values, missing required attributes, duplicate keys. The first problem is
 * thrown as CONFIG_INVALID with the file and line.
 *
 * An element the schema does not know is the one exception: IIS modules extend sections with
 * their own schema files (Advanced Logging adds <advancedLogging> to <site>), and a file from a
 * server that had the module is valid there. Such an element is kept untouched and unvalidated,
 * and a note says so; everything the schema does describe is still checked.
 */
export function validateSection(doc: ConfigDocument, node: ElementRef, schema: ElementSchema): string[] {
  const notes: string[] = [];
  const validated = new Map<AttributeSchema, Set<string>>();
  const fail = (at: ElementRef, message: string, attribute?: string): never => {
    throw new AppcmdError('CONFIG_INVALID', message, {
      file: doc.filePath,
      line: attribute === undefined ? doc.lineOf(at) : doc.attributeLine(at, attribute),
    });
  };

  const checkAttributes = (el: ElementRef, s: ElementSchema, allowUnknown: boolean): void => {
    for (const name of doc.editor.attributeNames(el)) {
      const attr = s.getAttribute(name);
      if (attr === undefined) {
        if (allowUnknown || s.allowUnrecognizedAttributes || GENERIC_ATTRIBUTES.has(name) || name.startsWith('xmlns')) continue;
        fail(el, `Unrecognized attribute '${name}'`, name);
        continue;
      }
      const text = doc.editor.getAttribute(el, name) ?? '';
      // Real files repeat the same few values thousands of times; check each distinct one once.
      let seen = validated.get(attr);
      if (seen === undefined) validated.set(attr, (seen = new Set()));
      if (seen.has(text)) continue;
      try {
        checkStoredValue(attr, text);
      } catch (e) {
        if (e instanceof AppcmdError) fail(el, e.message, name);
        throw e;
      }
      seen.add(text);
    }
    for (const attr of s.attributes) {
      if (attr.required && doc.editor.getAttribute(el, attr.name) === undefined) fail(el, `Missing required attribute '${attr.name}'`);
    }
  };

  const walk = (el: ElementRef, s: ElementSchema, allowUnknown: boolean): void => {
    checkAttributes(el, s, allowUnknown);
    const collection = s.collection;
    const adds = new Set(collection?.addElementNames ?? []);
    const keysSeen = new Map<string, ElementRef>();
    for (const child of doc.editor.children(el)) {
      if (collection !== undefined && adds.has(child.name)) {
        walk(child, collection.item, collection.allowUnrecognizedAttributes);
        if (!collection.allowDuplicates && collection.keyAttributes.length > 0) {
          const key = collection.keyAttributes.map((k) => keyText(k, doc.editor.getAttribute(child, k.name) ?? k.defaultValue ?? '')).join('\u0000');
          if (keysSeen.has(key)) fail(child, duplicateText(child.name, collection.keyAttributes, collection.combinedKey, (k) => doc.editor.getAttribute(child, k.name) ?? ''));
          keysSeen.set(key, child);
        }
        continue;
      }
      if (collection !== undefined && child.name === collection.clearElementName) {
        keysSeen.clear();
        continue;
      }
      if (collection !== undefined && child.name === collection.removeElementName) {
        const key = collection.keyAttributes.map((k) => keyText(k, doc.editor.getAttribute(child, k.name) ?? k.defaultValue ?? '')).join('\u0000');
        keysSeen.delete(key);
        continue;
      }
      const childSchema = s.getElement(child.name);
      if (childSchema === undefined) {
        notes.push(
          `Note: element <${child.name}> (${doc.filePath}, line ${doc.lineOf(child) ?? '?'}) is not described by the schema; it is kept as is, unvalidated. Give the schema of the IIS module that adds it with /schemadir:DIR to validate it.`,
        );
      } else walk(child, childSchema, false);
    }
  };

  walk(node, schema, false);
  return notes;
}

function keyText(attr: AttributeSchema, text: string): string {
  return attr.caseSensitive ? text : text.toLowerCase();
}

/** IIS's duplicate-entry text, single key or combined keys. */
export function duplicateText(
  itemName: string,
  keys: readonly AttributeSchema[],
  combined: boolean,
  valueOf: (k: AttributeSchema) => string,
): string {
  if (keys.length === 1 && !combined) {
    const k = keys[0] as AttributeSchema;
    return `Cannot add duplicate collection entry of type '${itemName}' with unique key attribute '${k.name}' set to '${valueOf(k)}'`;
  }
  const kind = combined ? 'combined key attributes' : 'unique key attributes';
  return `Cannot add duplicate collection entry of type '${itemName}' with ${kind} '${keys.map((k) => k.name).join(', ')}' respectively set to '${keys.map(valueOf).join(', ')}'`;
}
