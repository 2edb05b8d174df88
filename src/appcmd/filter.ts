import { AppcmdError } from '../errors.js';
import { objectValue, type AppObject } from './app-object.js';

/** One `/property:value` filter of a LIST verb. */
export interface PropertyFilter {
  readonly name: string;
  readonly value: string;
}

/**
 * Whether an object passes every filter. A value is compared case-insensitively (IIS names are);
 * `true`/`false` match however they are written; `$=pattern` is appcmd's wildcard operator
 * (`*` any run, `?` one character). A property the object does not have is an error, not a
 * silent empty list: a typo in a filter must not look like "no such object".
 */
export function matchesFilters(object: AppObject, filters: readonly PropertyFilter[]): boolean {
  return filters.every((f) => {
    const actual = objectValue(object, f.name);
    if (actual === undefined) {
      throw new AppcmdError('UNKNOWN_ATTRIBUTE', `Unknown attribute "${f.name}".  Replace with -? for help.`, {
        hints: [`${object.type} objects can be filtered on ${object.properties.map(([n]) => n).join(', ')} and their configuration attributes.`],
      });
    }
    return valueMatches(actual, f.value);
  });
}

function valueMatches(actual: string, wanted: string): boolean {
  if (wanted.startsWith('$=')) return wildcard(wanted.slice(2)).test(actual);
  return actual.toLowerCase() === wanted.toLowerCase();
}

function wildcard(pattern: string): RegExp {
  const source = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[\\s\\S]*').replace(/\?/g, '[\\s\\S]');
  return new RegExp(`^${source}$`, 'i');
}
