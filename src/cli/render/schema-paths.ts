import type { CollectionSchema, ElementSchema } from '../../schema/types.js';
import { describeAttribute } from '../../schema/describe.js';

/**
 * Every attribute that can be set below an element, as the appcmd parameter that sets it, with
 * its type, allowed values and default: what `appcmd set config -section:… /?` lists. One line
 * per path, so the list can be filtered (`| grep -i ftp`, `| find /i "ftp"`).
 */
export function settablePaths(element: ElementSchema, prefix = ''): string[] {
  const lines: string[] = [];
  walk(element, prefix, lines);
  return lines;
}

// Bounded by the schema's depth: schema trees are finite and acyclic.
function walk(element: ElementSchema, prefix: string, lines: string[]): void {
  for (const a of element.attributes) lines.push(`  /${prefix}${a.name}:VALUE    ${describeAttribute(a)}`);
  for (const e of element.elements) walk(e, `${prefix}${e.name}.`, lines);
  const collection = element.collection;
  if (collection === undefined) return;
  const indexer = indexerOf(collection);
  const tag = collection.addElementNames[0] ?? 'add';
  lines.push(`  /+${prefix}${indexer}    add an item, <${tag}> (give at least ${requiredNames(collection)})`);
  lines.push(`  /-${prefix}${indexer}    remove an item, <${tag}>`);
  walk(collection.item, `${prefix}${indexer}.`, lines);
}

/** `[name='…']` (the first unique key) or, for a combined key, every part of it. */
function indexerOf(collection: CollectionSchema): string {
  const keys = collection.combinedKey ? collection.keyAttributes : collection.keyAttributes.slice(0, 1);
  return `[${keys.map((k) => `${k.name}='…'`).join(',')}]`;
}

function requiredNames(collection: CollectionSchema): string {
  const required = collection.item.attributes.filter((a) => a.required).map((a) => a.name);
  return required.length === 0 ? 'its attributes' : required.join(', ');
}
