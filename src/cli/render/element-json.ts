import type { ConfigurationElement } from '../../config/element.js';
import { attributesOf, itemTag, type ElementRender } from './element-xml.js';

/** A configuration element as JSON: its attributes as stored text, then its non-empty children. */
export interface ElementJson {
  readonly element: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly ElementJson[];
}

/**
 * Unlike the text forms, JSON leaves out child elements that say nothing (no attribute shown, no
 * child): a machine reader gets the content, not the schema's outline.
 */
export function elementJson(el: ConfigurationElement, name: string, r: Pick<ElementRender, 'mode' | 'secrets'>): ElementJson {
  const attributes = Object.fromEntries(attributesOf(el, r).map((a) => [a.name, a.text]));
  const children: ElementJson[] = [];
  for (const c of el.childElements) {
    const j = elementJson(c, c.elementName, r);
    if (Object.keys(j.attributes).length > 0 || j.children.length > 0) children.push(j);
  }
  if (el.hasCollection) for (const item of el.getCollection().items()) children.push(elementJson(item, itemTag(item), r));
  return { element: name, attributes, children };
}
