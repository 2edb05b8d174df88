/**
 * Elements that cross documents: a detached element (MWA's
 * ConfigurationElementCollection.CreateElement(), filled in before Add), and the copy of an
 * element's content into another element, which is how such a draft — or a site read from another
 * applicationHost.config — lands in a collection.
 */
import type { CollectionSchema } from '../schema/types.js';
import { parseXml } from '../xml/reader.js';
import { ConfigDocument } from './document.js';
import { ConfigurationElement } from './element.js';

/**
 * A collection item that belongs to no file: it lives in a one-element scratch document, so its
 * writes are validated against the item schema exactly as in a real file, and reads fall back to
 * the collection's default element (siteDefaults…) as they will once it is added.
 */
export function detachedItem(
  schema: CollectionSchema,
  tag: string,
  owner: ConfigurationElement,
  defaults: () => ConfigurationElement | undefined,
): ConfigurationElement {
  const document = new ConfigDocument('(new element)', parseXml(`<${tag} />`), owner.document.schema, owner.document.policy, 'section');
  const root = document.xml.root;
  return new ConfigurationElement(document, schema.itemSchema(tag), { find: () => root, ensure: () => root }, undefined, defaults);
}

/** The attributes written on the element itself (not inherited, not defaults), in file order. */
export function writtenAttributes(element: ConfigurationElement): Record<string, string> {
  const node = element.node;
  const out: Record<string, string> = {};
  if (node === undefined) return out;
  const editor = element.document.editor;
  for (const name of editor.attributeNames(node)) out[name] = editor.getAttribute(node, name) ?? '';
  return out;
}

/**
 * Copies what `from` writes — its attributes, then its children (see copyChildren) — into `to`,
 * which may be in another file: a section at a <location>, a site's ftpServer… An element written
 * empty (`<limits />`) is written in the copy too. Returns the notes of copyChildren.
 */
export function copyElement(from: ConfigurationElement, to: ConfigurationElement): string[] {
  if (from.node === undefined) return [];
  to.ensure();
  const notes: string[] = [];
  for (const [name, text] of Object.entries(writtenAttributes(from))) notes.push(...to.setAttributeValue(name, text).notes);
  notes.push(...copyChildren(from, to));
  return notes;
}

/**
 * Copies what `from` writes below itself — child elements and the items of its collection, with
 * their attributes, recursively — into `to` (possibly in another document). Values are written
 * through the target's schema, so they are validated again. Items the target already has with the
 * same values are left alone. Returns notes: write-policy notes and anything not copied.
 *
 * Only local collection items are copied, not `<clear/>` or `<remove/>`: those refer to a parent
 * level of the source file, which the target does not share.
 */
export function copyChildren(from: ConfigurationElement, to: ConfigurationElement): string[] {
  const node = from.node;
  if (node === undefined) return [];
  const notes: string[] = [];
  const collection = from.schema.collection;
  const bookkeeping = new Set([...(collection?.addElementNames ?? []), collection?.removeElementName, collection?.clearElementName]);
  for (const child of from.document.editor.children(node)) {
    if (bookkeeping.has(child.name)) continue;
    if (from.schema.getElement(child.name) === undefined) {
      notes.push(`<${child.name}> under <${from.elementName}> is not described by the schema and was not copied.`);
      continue;
    }
    notes.push(...copyElement(from.getChildElement(child.name), to.getChildElement(child.name)));
  }
  if (collection !== undefined) {
    const sourceItems = from.getCollection();
    const targetItems = to.getCollection();
    for (const item of sourceItems.items()) {
      if (!sourceItems.isLocal(item)) continue;
      const added = targetItems.add(writtenAttributes(item), { idempotent: true, tag: item.elementName });
      notes.push(...added.notes);
      if (added.added) notes.push(...copyChildren(item, added.item));
    }
  }
  return notes;
}
