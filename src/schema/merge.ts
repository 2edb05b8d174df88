/**
 * Merging several declarations of one section, as IIS does when more than one schema file names
 * it (Ftp_schema.xml adds ftpServer under the site item and under siteDefaults of
 * system.applicationHost/sites). Elements and collections merge by name, recursively; attributes
 * by name. The same attribute declared twice is fine when both say the same thing; when they
 * differ there is no rule to pick one, so it is an error naming both places.
 */
import type { DraftAttribute, DraftCollection, DraftElement, DraftItem, Origin } from './draft.js';
import { schemaError } from './schema-error.js';
import type { AttributeSchema } from './types.js';

export function mergeElement(target: DraftElement, source: DraftElement): void {
  for (const attr of source.attributes) addAttribute(target, attr);
  for (const child of source.elements) addElement(target, child);
  if (source.collection !== undefined) addCollection(target, source.collection);
  target.isCollectionDefault = pick(target.isCollectionDefault, source.isCollectionDefault, 'isCollectionDefault', source.origin);
  target.allowUnrecognizedAttributes = pick(
    target.allowUnrecognizedAttributes,
    source.allowUnrecognizedAttributes,
    'allowUnrecognizedAttributes',
    source.origin,
  );
}

export function addAttribute(target: DraftElement, attr: DraftAttribute): void {
  const existing = target.attributes.find((a) => a.schema.name === attr.schema.name);
  if (existing === undefined) {
    target.attributes.push(attr);
    return;
  }
  if (!sameAttribute(existing.schema, attr.schema)) {
    throw schemaError(attr.origin, `Attribute "${attr.schema.name}" of <${target.name}> is declared differently at ${where(existing.origin)}`);
  }
}

export function addElement(target: DraftElement, element: DraftElement): void {
  const existing = target.elements.find((e) => e.name === element.name);
  if (existing === undefined) target.elements.push(element);
  else mergeElement(existing, element);
}

/** A collection declared again (in the same element or in another file) merges into the first. */
export function addCollection(target: DraftElement, collection: DraftCollection): void {
  if (target.collection === undefined) target.collection = collection;
  else mergeCollection(target.collection, collection);
}

function mergeCollection(target: DraftCollection, source: DraftCollection): void {
  target.removeElementName = pick(target.removeElementName, source.removeElementName, 'removeElement', source.origin);
  target.clearElementName = pick(target.clearElementName, source.clearElementName, 'clearElement', source.origin);
  target.defaultElementName = pick(target.defaultElementName, source.defaultElementName, 'defaultElement', source.origin);
  target.mergeAppend = pick(target.mergeAppend, source.mergeAppend, 'mergeAppend', source.origin);
  target.allowDuplicates = pick(target.allowDuplicates, source.allowDuplicates, 'allowDuplicates', source.origin);
  target.allowUnrecognizedAttributes = pick(
    target.allowUnrecognizedAttributes,
    source.allowUnrecognizedAttributes,
    'allowUnrecognizedAttributes',
    source.origin,
  );
  for (const item of source.items) addItem(target, item);
}

/** Items merge by their add tags; a tag given two different item schemas has no rule to pick one. */
function addItem(target: DraftCollection, item: DraftItem): void {
  const names = (i: DraftItem): string => i.addElementNames.join(',');
  const same = target.items.find((i) => names(i) === names(item));
  if (same !== undefined) {
    mergeElement(same.element, item.element);
    return;
  }
  const clash = target.items.find((i) => i.addElementNames.some((n) => item.addElementNames.includes(n)));
  if (clash !== undefined) {
    throw schemaError(item.origin, `Collection addElement "${names(item)}" differs from "${names(clash)}" at ${where(clash.origin)}`);
  }
  target.items.push(item);
}

/** A property declared on one side only is taken; declared on both, it must agree. */
function pick<T>(current: T | undefined, incoming: T | undefined, what: string, origin: Origin): T | undefined {
  if (incoming === undefined) return current;
  if (current === undefined || current === incoming) return incoming;
  throw schemaError(origin, `${what}="${String(incoming)}" contradicts an earlier declaration ("${String(current)}")`);
}

function sameAttribute(a: AttributeSchema, b: AttributeSchema): boolean {
  const fields: (keyof AttributeSchema)[] = [
    'name', 'type', 'defaultValue', 'required', 'isUniqueKey', 'isCombinedKey', 'caseSensitive',
    'encrypted', 'expanded', 'allowInfinite', 'timeSpanFormat', 'validationType', 'validationParameter',
  ];
  if (fields.some((f) => a[f] !== b[f])) return false;
  return a.values.length === b.values.length && a.values.every((v, i) => v.name === b.values[i]?.name && v.value === b.values[i]?.value);
}

function where(origin: Origin): string {
  return `${origin.file}:${origin.line}:${origin.column}`;
}
