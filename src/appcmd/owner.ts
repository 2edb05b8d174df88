import type { ConfigurationElement } from '../config/element.js';

/** Removes a collection item (a site, an application, a pool...) from the collection that holds it. */
export function removeItem(item: ConfigurationElement): void {
  const owner = item.parent;
  if (owner === undefined || !owner.hasCollection) throw new Error(`<${item.elementName}> is not a collection item`);
  owner.getCollection().remove(item);
}
