/**
 * The generic lock attributes every element may carry (lockAttributes, lockElements,
 * lockAllAttributesExcept, lockAllElementsExcept, lockItem), checked as IIS reads them: each name
 * in a list must be one the element's schema has, and lockItem is a boolean.
 */
import type { ElementSchema } from '../schema/types.js';

/** The attributes every element may carry besides its schema's: IIS's generic lock attributes. */
export const LOCK_ATTRIBUTES: ReadonlySet<string> = new Set(['lockAttributes', 'lockAllAttributesExcept', 'lockElements', 'lockAllElementsExcept', 'lockItem']);

const ATTRIBUTE_LISTS = new Set(['lockAttributes', 'lockAllAttributesExcept']);
const ELEMENT_LISTS = new Set(['lockElements', 'lockAllElementsExcept']);

/** IIS's text when a lock attribute's value names what the element does not have, else undefined. */
export function lockAttributeFault(element: ElementSchema, attribute: string, value: string): string | undefined {
  if (attribute === 'lockItem') {
    const v = value.trim().toLowerCase();
    return v === 'true' || v === 'false' ? undefined : `The 'lockItem' attribute is invalid.  Not a valid boolean value`;
  }
  const isAttributes = ATTRIBUTE_LISTS.has(attribute);
  if (!isAttributes && !ELEMENT_LISTS.has(attribute)) return undefined;
  for (const raw of value.split(',')) {
    const name = raw.trim();
    // "*" locks them all; an empty entry (a trailing comma) names nothing.
    if (name === '' || name === '*') continue;
    if (isAttributes ? element.getAttribute(name) === undefined : !hasElement(element, name)) {
      return `${attribute} contains unknown ${isAttributes ? 'attribute' : 'element'} '${name}'`;
    }
  }
  return undefined;
}

/** A child element, or one of the element's collection tags (add, remove, clear). */
function hasElement(element: ElementSchema, name: string): boolean {
  if (element.getElement(name) !== undefined) return true;
  const c = element.collection;
  return c !== undefined && (c.addElementNames.includes(name) || c.removeElementName === name || c.clearElementName === name);
}

/** The locks of one level's element, as written: what they forbid to the levels below. */
export interface LockTexts {
  readonly lockAttributes: string | undefined;
  readonly lockAllAttributesExcept: string | undefined;
}

function names(list: string): string[] {
  return list.split(',').map((n) => n.trim()).filter((n) => n !== '');
}

/** Whether a parent level's locks forbid lower levels to set `attribute`. */
export function locksAttribute(locks: LockTexts, attribute: string): boolean {
  if (locks.lockAttributes !== undefined) {
    const locked = names(locks.lockAttributes);
    if (locked.includes('*') || locked.includes(attribute)) return true;
  }
  return locks.lockAllAttributesExcept !== undefined && !names(locks.lockAllAttributesExcept).includes(attribute);
}

/** Whether a parent level's lockElements / lockAllElementsExcept forbid lower levels to write the child `element`. */
export function locksElement(lockElements: string | undefined, lockAllElementsExcept: string | undefined, element: string): boolean {
  if (lockElements !== undefined) {
    const locked = names(lockElements);
    if (locked.includes('*') || locked.includes(element)) return true;
  }
  return lockAllElementsExcept !== undefined && !names(lockAllElementsExcept).includes(element);
}
