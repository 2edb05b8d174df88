import { AppcmdError } from '../errors.js';
import type { IndexerPosition, PathSegment, PropertyPath } from '../path/types.js';
import type { AttributeSchema } from '../schema/types.js';
import { normalizeValue } from '../schema/value.js';
import type { ConfigurationElementCollection } from './collection.js';
import type { ConfigurationElement } from './element.js';
import { closest, didYouMean } from './suggest.js';

/** Where a `set` switch lands: an element and the attribute (as typed) to set on it. */
export interface AttributeTarget {
  readonly element: ConfigurationElement;
  readonly attribute: string;
}

/**
 * Walks an appcmd property path from a section: names are child elements (case-insensitive),
 * `[key='v']` selects an item of the current element's collection. The last segment of a `set`
 * path is the attribute.
 */
export function resolveAttributeTarget(section: ConfigurationElement, path: PropertyPath): AttributeTarget {
  const segments = path.segments;
  const last = segments[segments.length - 1];
  if (last === undefined || last.kind !== 'name') throw unknownAttribute(path.text, []);
  const element = resolveElement(section, path, segments.slice(0, -1));
  if (element.schema.findAttribute(last.name) === undefined && !element.schema.allowUnrecognizedAttributes) {
    throw unknownAttribute(path.text, didYouMean(last.name, [...element.schema.attributes.map((a) => a.name), ...element.schema.elements.map((e) => e.name)]));
  }
  return { element, attribute: last.name };
}

/** Walks every segment of `segments` as element steps. */
export function resolveElement(section: ConfigurationElement, path: PropertyPath, segments: readonly PathSegment[]): ConfigurationElement {
  let cur = section;
  for (const seg of segments) {
    if (seg.kind === 'name') {
      if (cur.schema.findElement(seg.name) === undefined) {
        throw unknownAttribute(path.text, didYouMean(seg.name, [...cur.schema.elements.map((e) => e.name), ...cur.schema.attributes.map((a) => a.name)]));
      }
      cur = cur.getChildElement(seg.name);
      continue;
    }
    if (!cur.hasCollection) {
      throw new AppcmdError('BAD_INDEXER', `Element "${cur.elementName}" is not a collection, so it cannot be indexed with [${formatKeys(seg.keys)}].`, {
        hints: [`in ${path.text}`],
      });
    }
    const collection = cur.getCollection();
    const keys: Record<string, string> = {};
    for (const k of seg.keys) keys[k.name] = k.value;
    const item = collection.find(keys);
    if (item === undefined) throw notFound(cur, collection.schema.addElementNames[0] ?? 'add', seg.keys, collection.items().map((i) => keyLabel(i, seg.keys)));
    cur = item;
  }
  return cur;
}

function unknownAttribute(text: string, hints: string[]): AppcmdError {
  return new AppcmdError('UNKNOWN_ATTRIBUTE', `Unknown attribute "${text}".  Replace with -? for help.`, { hints });
}

function notFound(owner: ConfigurationElement, itemName: string, keys: readonly { name: string; value: string }[], existing: string[]): AppcmdError {
  const first = keys[0];
  const near = first === undefined ? [] : closest(first.value, existing);
  const hints = [`No <${itemName}> in <${owner.elementName}> matches [${formatKeys(keys)}].`];
  if (near.length > 0) hints.push(`Did you mean ${near.map((n) => `'${n}'`).join(' or ')}?`);
  return new AppcmdError('OBJECT_NOT_FOUND', 'Cannot find requested collection element.', { hints });
}

function keyLabel(item: ConfigurationElement, keys: readonly { name: string }[]): string {
  const first = keys[0];
  if (first === undefined) return '';
  const attr = item.schema.findAttribute(first.name);
  return attr === undefined ? '' : (item.effectiveText(attr).text ?? '');
}

function formatKeys(keys: readonly { name: string; value: string }[]): string {
  return keys.map((k) => `${k.name}='${k.value.replace(/'/g, "''")}'`).join(',');
}

/** Where a `/+[...]` or `/-[...]` switch lands: a collection and the indexer's keys. */
export interface CollectionTarget {
  readonly collection: ConfigurationElementCollection;
  readonly keys: Readonly<Record<string, string>>;
  readonly position: IndexerPosition | undefined;
}

/** Resolves a path whose last segment is the indexer of the collection to add to or remove from. */
export function resolveCollectionTarget(section: ConfigurationElement, path: PropertyPath): CollectionTarget {
  const segments = path.segments;
  const last = segments[segments.length - 1];
  if (last === undefined || last.kind !== 'indexer') {
    throw new AppcmdError('BAD_INDEXER', `"${path.text}" does not end with a collection indexer [key='value',...].`, {
      hints: ["To add or remove a collection item, end the path with its keys, e.g. /+[name='x'] or /-bindings.[protocol='http',bindingInformation='*:80:']."],
    });
  }
  const owner = resolveElement(section, path, segments.slice(0, -1));
  if (!owner.hasCollection) {
    throw new AppcmdError('BAD_INDEXER', `Element "${owner.elementName}" is not a collection, so [${formatKeys(last.keys)}] cannot be added to or removed from it.`);
  }
  const keys: Record<string, string> = {};
  for (const k of last.keys) keys[k.name] = k.value;
  return { collection: owner.getCollection(), keys, position: last.position };
}

/** The first item whose attributes match every given key (a partial key is allowed, as in appcmd). */
export function findMatching(target: CollectionTarget): ConfigurationElement | undefined {
  const attrs = Object.keys(target.keys).map((n) => target.collection.itemAttribute(n));
  const exact = target.collection.find(target.keys);
  if (exact !== undefined) return exact;
  return target.collection.items().find((item) =>
    attrs.every((a) => sameValue(a, item.effectiveText(a).text ?? '', target.keys[Object.keys(target.keys).find((k) => k.toLowerCase() === a.name.toLowerCase()) ?? ''] ?? '')),
  );
}

function sameValue(attr: AttributeSchema, a: string, b: string): boolean {
  const norm = (t: string): string => {
    try {
      return normalizeValue(attr, t);
    } catch {
      return t;
    }
  };
  const x = norm(a);
  const y = norm(b);
  return attr.caseSensitive ? x === y : x.toLowerCase() === y.toLowerCase();
}

/** `Cannot find requested collection element.` (4312): a `/-` or clear of an item that is not there. */
export function elementNotFound(path: string): AppcmdError {
  return new AppcmdError('ELEMENT_NOT_FOUND', 'Cannot find requested collection element.', { hints: [`in ${path}`] });
}
