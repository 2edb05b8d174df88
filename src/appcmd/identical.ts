import { parsePropertyPath } from '../path/parse.js';
import type { ConfigurationElement } from '../config/element.js';
import { findMatching, resolveAttributeTarget, resolveCollectionTarget } from '../config/property-path.js';
import type { PropertyChange } from './apply-switch.js';
import { hasEffectiveValue } from './same-value.js';

/**
 * Whether applying `changes` to an existing element would leave its meaning as it is: every set
 * value is already the effective one, every added item is already there with those values, no
 * removed item is there. An idempotent add uses it to tell "already present" from "different".
 */
export function isIdenticalAfter(element: ConfigurationElement, changes: readonly PropertyChange[]): boolean {
  try {
    return changes.every((c) => unchangedBy(element, c));
  } catch {
    // A path that does not resolve on the existing element (an item it lacks) is a difference.
    return false;
  }
}

function unchangedBy(element: ConfigurationElement, change: PropertyChange): boolean {
  const path = parsePropertyPath(change.name);
  if (change.operator === 'set') {
    const target = resolveAttributeTarget(element, path);
    return hasEffectiveValue(target.element, target.attribute, change.value ?? '');
  }
  const target = resolveCollectionTarget(element, path);
  const item = findMatching(target);
  if (change.operator === 'remove') return item === undefined;
  return item !== undefined && Object.entries(target.keys).every(([k, v]) => hasEffectiveValue(item, k, v));
}
