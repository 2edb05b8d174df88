import { AppcmdError } from '../errors.js';
import type { XmlElement } from '../xml/types.js';
import type { ConfigurationElementCollection } from '../config/collection.js';
import type { ConfigurationElement } from '../config/element.js';
import { hasEffectiveValue } from './same-value.js';

/**
 * Adds a collection item from its XML form (the `<site>` inside `list site /xml /config` output,
 * read back with /in): its attributes, child elements and nested items, each validated as if set
 * one by one. Empty child elements (appcmd's output shows every element, `<limits />` included)
 * write nothing, so the copy holds what the original held.
 */
export function importItem(
  collection: ConfigurationElementCollection,
  xml: XmlElement,
  extra: Readonly<Record<string, string>> = {},
): { item: ConfigurationElement; notes: string[] } {
  const attributes = { ...attributesOf(xml), ...extra };
  const keys = new Set(collection.schema.itemKey(xml.name).attributes.map((k) => k.name));
  // An empty value is written once the item exists, where it is not the rendering of "unset".
  const empties = Object.keys(attributes).filter((n) => attributes[n] === '' && !keys.has(n));
  const { item, notes } = collection.add(Object.fromEntries(Object.entries(attributes).filter(([n]) => !empties.includes(n))), { tag: xml.name });
  const all = [...notes];
  for (const n of empties) if (!isUnsetOnBothSides(item, n, '')) all.push(...item.setAttributeValue(n, '').notes);
  fill(item, xml, all);
  return { item, notes: all };
}

function fill(element: ConfigurationElement, xml: XmlElement, notes: string[]): void {
  for (const child of xml.children) {
    const collection = element.hasCollection ? element.getCollection() : undefined;
    if (collection?.schema.addElementNames.includes(child.name) === true) {
      notes.push(...importItem(collection, child).notes);
    } else if (collection !== undefined && child.name === collection.schema.clearElementName) {
      collection.clear();
    } else if (collection !== undefined && child.name === collection.schema.removeElementName) {
      const item = collection.find(attributesOf(child));
      if (item !== undefined) collection.remove(item);
    } else if (element.schema.getElement(child.name) !== undefined) {
      const target = element.getChildElement(child.name);
      for (const a of child.attributes) if (!isUnsetOnBothSides(target, a.name, a.value)) notes.push(...target.setAttributeValue(a.name, a.value).notes);
      fill(target, child, notes);
    } else {
      throw new AppcmdError('UNKNOWN_ELEMENT', `Unrecognized element '${child.name}'`, {
        hints: [`<${child.name}> is not a child of <${element.elementName}> in the schema; it cannot be imported.`],
      });
    }
  }
}

/**
 * Whether an existing item already holds everything its XML form says (the same effective
 * values, the same nested items): an idempotent import of it changes nothing.
 */
export function holdsImported(element: ConfigurationElement, xml: XmlElement): boolean {
  if (!xml.attributes.every((a) => hasEffectiveValue(element, a.name, a.value))) return false;
  return xml.children.every((child) => {
    const collection = element.hasCollection ? element.getCollection() : undefined;
    if (collection?.schema.addElementNames.includes(child.name) === true) {
      const item = collection.find(keyOfXml(collection, child), child.name);
      return item !== undefined && holdsImported(item, child);
    }
    if (element.schema.getElement(child.name) === undefined) return false;
    return holdsImported(element.getChildElement(child.name), child);
  });
}

/** The key of an item's XML form, by the key of its own tag's declaration. */
export function keyOfXml(collection: ConfigurationElementCollection, xml: XmlElement): Record<string, string> {
  return Object.fromEntries(collection.schema.itemKey(xml.name).attributes.map((k) => [k.name, xml.attribute(k.name)?.value ?? k.defaultValue ?? '']));
}

/**
 * `/config:*` shows an attribute set nowhere, whose schema has no default, as "" (the path of
 * `<applicationDefaults>`). Where the target sets it nowhere either, "" is already its effective
 * value there, and writing it could be refused: the schema validates what is written (an empty
 * application path is invalid), never an attribute left out.
 */
function isUnsetOnBothSides(element: ConfigurationElement, name: string, value: string): boolean {
  const schema = element.schema.findAttribute(name);
  return value === '' && schema !== undefined && element.effectiveText(schema).source === 'none';
}

function attributesOf(xml: XmlElement): Record<string, string> {
  return Object.fromEntries(xml.attributes.map((a) => [a.name, a.value]));
}
