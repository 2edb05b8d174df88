import { normalizeValue } from '../schema/value.js';
import type { ConfigurationElement } from '../config/element.js';

/**
 * Whether an attribute's effective value already equals `value` as the schema reads both
 * (`True` and `true`, `00:2:00` and `00:02:00`): what an idempotent add compares. Names, paths
 * and other strings compare exactly, as IIS stores them.
 */
export function hasEffectiveValue(element: ConfigurationElement, attribute: string, value: string): boolean {
  const schema = element.schema.findAttribute(attribute);
  if (schema === undefined) return element.explicitText(attribute) === value;
  const current = element.getAttribute(schema.name).text;
  if (schema.type === 'string') return current === value;
  try {
    return normalizeValue(schema, current) === normalizeValue(schema, value);
  } catch {
    return false;
  }
}
