import { AppcmdError } from '../errors.js';
import type { XmlElement } from '../xml/types.js';
import type { ConfigurationElement } from '../config/element.js';
import { importItem, keyOfXml } from './import-element.js';

/**
 * Merges a configuration element's XML form into an element (`set config /in`, reading the
 * CONFIG objects of `list config /xml`): attributes are set; a collection item whose key is
 * there is merged the same way, a new one is added; `<clear/>` and `<remove/>` act as they do in
 * the file. Nothing absent from the XML is removed, so a partial document changes only what it says.
 */
export function mergeXml(element: ConfigurationElement, xml: XmlElement): string[] {
  const notes: string[] = [];
  for (const a of xml.attributes) notes.push(...element.setAttributeValue(a.name, a.value).notes);
  for (const child of xml.children) {
    const collection = element.hasCollection ? element.getCollection() : undefined;
    if (collection !== undefined && collection.schema.addElementNames.includes(child.name)) {
      const existing = collection.schema.itemKey(child.name).attributes.length > 0 ? collection.find(keyOfXml(collection, child), child.name) : undefined;
      notes.push(...(existing === undefined ? importItem(collection, child).notes : mergeXml(existing, child)));
    } else if (collection !== undefined && child.name === collection.schema.clearElementName) {
      collection.clear();
    } else if (collection !== undefined && child.name === collection.schema.removeElementName) {
      const item = collection.find(Object.fromEntries(child.attributes.map((a) => [a.name, a.value])));
      if (item !== undefined) collection.remove(item);
    } else if (element.schema.getElement(child.name) !== undefined) {
      notes.push(...mergeXml(element.getChildElement(child.name), child));
    } else {
      throw new AppcmdError('UNKNOWN_ELEMENT', `Unrecognized element '${child.name}'`, {
        hints: [`<${child.name}> is not a child of <${element.elementName}> in the schema.`],
      });
    }
  }
  return notes;
}
