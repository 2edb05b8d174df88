import type { ConfigurationElement } from '../config/element.js';
import { duplicateObject } from './object-errors.js';

/**
 * Renaming an item (a site's name or id, a pool's name, an application's path) to a key another
 * item already has would make two objects answer to one identifier: refused as a duplicate (183).
 */
export function checkKeyChange(item: ConfigurationElement, attribute: string, value: string): void {
  const schema = item.schema.findAttribute(attribute);
  const owner = item.parent;
  if (schema === undefined || !schema.isUniqueKey || owner === undefined || !owner.hasCollection) return;
  const other = owner.getCollection().find({ [schema.name]: value });
  if (other !== undefined && other.node !== item.node) throw duplicateObject(value, `Another <${item.elementName}> already has ${schema.name}="${other.getAttribute(schema.name).text}".`);
}
