import { AppcmdError } from '../errors.js';
import { isValidKey, isValidName } from './lexicon.js';
import type { IndexerPosition, PathSegment, PropertyPath } from './types.js';

/**
 * Writes a path back in appcmd's canonical spelling: single-quoted values with '' for a quote,
 * no whitespace. parsePropertyPath(formatPropertyPath(p)) has the same segments as p.
 * Throws BAD_ARGUMENT for a segment that has no spelling (a name containing '.', an empty indexer).
 */
export function formatPropertyPath(path: PropertyPath | readonly PathSegment[]): string {
  const segments = 'segments' in path ? path.segments : path;
  if (segments.length === 0) throw new AppcmdError('BAD_ARGUMENT', 'The property path is empty.');
  return segments.map(formatSegment).join('.');
}

export function formatSegment(segment: PathSegment): string {
  if (segment.kind === 'name') {
    if (!isValidName(segment.name)) throw unwritable(`the element name "${segment.name}"`);
    return segment.name;
  }
  const items: string[] = [];
  if (segment.position !== undefined) items.push(formatPosition(segment.position));
  for (const { name, value } of segment.keys) {
    if (!isValidKey(name)) throw unwritable(`the indexer key "${name}"`);
    items.push(`${name}='${value.replaceAll("'", "''")}'`);
  }
  if (items.length === 0) throw unwritable('an indexer without keys or position');
  return `[${items.join(',')}]`;
}

function formatPosition(position: IndexerPosition): string {
  if (position.kind !== 'index') return `@${position.kind}`;
  if (!Number.isSafeInteger(position.index) || position.index < 0) {
    throw unwritable(`the position @${String(position.index)}`);
  }
  return `@${String(position.index)}`;
}

function unwritable(what: string): AppcmdError {
  return new AppcmdError('BAD_ARGUMENT', `Cannot write ${what} in a property path.`);
}
