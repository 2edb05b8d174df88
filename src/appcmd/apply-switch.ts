import { AppcmdError } from '../errors.js';
import { parsePropertyPath } from '../path/parse.js';
import { MASK } from '../store/encrypted-value.js';
import type { ConfigurationElement } from '../config/element.js';
import { elementNotFound, findMatching, resolveAttributeTarget, resolveCollectionTarget } from '../config/property-path.js';
import { ifPresent } from '../config/if-exists.js';
import { itemLock, lockViolation } from '../config/lock-violation.js';

/** A property parameter as the command line gives it: `/path:value`, `/+path.[keys]`, `/-path.[keys]`. */
export interface PropertyChange {
  readonly operator: 'set' | 'add' | 'remove';
  readonly name: string;
  readonly value: string | undefined;
  /** The parameter as typed, for messages. */
  readonly raw: string;
}

export interface ApplyOptions {
  /** `/+[…]` of an item already present with the same values is a success, not a duplicate (183). */
  readonly idempotent?: boolean;
  /** `/-[…]` of an item that is not there (nor the item holding it) is a success that changes nothing, not 4312. */
  readonly ifExists?: boolean;
  /** Told of every attribute set, so a caller can run checks that need the final state (certificates). */
  readonly onSet?: (element: ConfigurationElement, attribute: string) => void;
}

/**
 * Applies one appcmd property parameter below `root` (a section for `set config`, a site or a pool
 * for `set site` / `set apppool`): sets an attribute, adds or removes a collection item. Returns
 * the write policy's notes. The error of a failing parameter names the parameter.
 */
export function applyPropertyChange(root: ConfigurationElement, change: PropertyChange, options: ApplyOptions = {}): readonly string[] {
  const shown = { raw: change.raw };
  try {
    return apply(root, change, options, shown);
  } catch (e) {
    // A hint that already names the parameter (`in /-bindings.[…]`) is not repeated.
    if (e instanceof AppcmdError) throw e.hints.some((h) => h.endsWith(change.raw)) ? e : e.withContext({ hints: [`in parameter: ${shown.raw}`] });
    throw e;
  }
}

/** `shown.raw` is how an error may echo the parameter: a password's value is masked, as errors end up in CI logs. */
function apply(root: ConfigurationElement, change: PropertyChange, options: ApplyOptions, shown: { raw: string }): readonly string[] {
  const path = parsePropertyPath(change.name);
  if (change.operator === 'add' || change.operator === 'remove') {
    if (change.value !== undefined) {
      throw new AppcmdError('BAD_ARGUMENT', `"${change.raw}" has a value; /+[...] and /-[...] take the item's attributes inside the brackets.`);
    }
    if (change.operator === 'add') {
      const target = resolveCollectionTarget(root, path);
      return target.collection.add(target.keys, { position: target.position, idempotent: options.idempotent === true }).notes;
    }
    const found = ifPresent(options.ifExists, () => {
      const target = resolveCollectionTarget(root, path);
      const item = findMatching(target);
      if (item === undefined) throw elementNotFound(change.raw);
      return { collection: target.collection, item };
    });
    found?.collection.remove(found.item);
    return [];
  }
  if (change.value === undefined) {
    throw new AppcmdError('BAD_ARGUMENT', `The parameter "${change.raw}" has no value: write /${change.name}:VALUE.`);
  }
  const target = resolveAttributeTarget(root, path);
  checkSameFile(root, target.element, change.raw);
  if (target.element.schema.findAttribute(target.attribute)?.encrypted === true) shown.raw = change.raw.slice(0, change.raw.length - change.value.length) + MASK;
  const notes = target.element.setAttributeValue(target.attribute, change.value).notes;
  options.onSet?.(target.element, target.attribute);
  return notes;
}

/**
 * An item inherited from a file above (a web.config level reading applicationHost.config's items)
 * is changed in that file only: a write here would edit the file above. lockItem="true" there is
 * IIS's lock violation; otherwise the change is refused with the way to make it at this level.
 */
function checkSameFile(root: ConfigurationElement, element: ConfigurationElement, raw: string): void {
  if (element.document === root.document) return;
  let item: ConfigurationElement | undefined = element;
  while (item !== undefined && item.parent?.hasCollection !== true) item = item.parent;
  const locked = item === undefined ? undefined : itemLock(item, root);
  if (locked !== undefined) throw lockViolation(locked);
  throw new AppcmdError('UNSUPPORTED', `The item changed by "${raw}" is inherited from ${element.document.filePath}; changing it here would change that file, not this level.`, {
    hints: ['Remove it at this level and add it again with the new values (/-…[key] then /+…[key,attribute=value]), or change it where it is written (/commit:apphost or the level of that file).'],
  });
}
