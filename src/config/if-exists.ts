import { AppcmdError } from '../errors.js';

/**
 * `--if-exists` (the library's `ifExists`): a lookup that finds no such object or collection item
 * (1168, 4312) answers undefined instead of failing, so removing what is already gone is
 * "unchanged" and a script can run the removal twice. Any other failure is thrown as it is.
 */
export function ifPresent<T>(ifExists: boolean | undefined, lookup: () => T): T | undefined {
  if (ifExists !== true) return lookup();
  try {
    return lookup();
  } catch (e) {
    if (e instanceof AppcmdError && (e.code === 'OBJECT_NOT_FOUND' || e.code === 'ELEMENT_NOT_FOUND')) return undefined;
    throw e;
  }
}
