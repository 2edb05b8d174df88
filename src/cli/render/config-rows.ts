import type { ConfigurationElement } from '../../config/element.js';
import type { ElementSchema } from '../../schema/types.js';
import { parsedSectionRow } from '../../config/section-rows.js';
import type { XmlCursor } from '../../xml/cursor.js';
import type { LineSink } from '../line-output.js';
import { absentShape, escapeAttribute, indent, shown, type SecretDisplay } from './config-shape.js';

/**
 * `list config` without /config:* of a section that inherits nothing (applicationHost.config's
 * server level), read straight from the parsed tables: what renderElement shows, without an
 * element object, node or attribute object per element. At 10,000 sites that walk made ~540,000
 * lines out of ~1.5 million objects, and collecting them was most of the command.
 *
 * Undefined when the section needs the element model (parsedSectionRow), or one of its
 * collections has a <clear/> or <remove/> (whose key comparison only the model has).
 */
export function rowRenderer(section: ConfigurationElement, secrets: SecretDisplay): ((name: string, depth: number, emit: LineSink) => void) | undefined {
  const parsed = parsedSectionRow(section);
  if (parsed === undefined) return undefined;
  const { cur, row } = parsed;
  const rows = new SectionRows(cur, secrets);
  if (rows.hasStops(row, section.schema)) return undefined;
  return (name, depth, emit) => rows.render(row, section.schema, name, depth, emit);
}

class SectionRows {
  constructor(
    private readonly cur: XmlCursor,
    private readonly secrets: SecretDisplay,
  ) {}

  /** Whether any collection in the subtree has a <clear/> or <remove/> child. */
  hasStops(row: number, s: ElementSchema): boolean {
    const cur = this.cur;
    const collection = s.collection;
    for (let c = cur.firstChild(row); c !== -1; c = cur.nextSibling(c)) {
      const name = cur.name(c);
      if (collection !== undefined) {
        if (name === collection.clearElementName || name === collection.removeElementName) return true;
        if (collection.addElementNames.includes(name)) {
          if (this.hasStops(c, collection.itemSchema(name))) return true;
          continue;
        }
      }
      const child = s.getElement(name);
      if (child !== undefined && this.hasStops(c, child)) return true;
    }
    return false;
  }

  render(row: number, s: ElementSchema, name: string, depth: number, emit: LineSink): void {
    const cur = this.cur;
    let attrs = '';
    const end = cur.attributesEnd(row);
    for (let a = cur.attributesStart(row); a < end; a++) {
      const attrName = cur.attributeName(a);
      const encrypted = s.getAttribute(attrName)?.encrypted === true;
      attrs += ` ${attrName}="${escapeAttribute(shown(cur.attributeValue(a), encrypted, this.secrets))}"`;
    }
    const collection = s.collection;
    if (s.elements.length === 0 && collection === undefined) {
      emit(`${indent(depth)}<${name}${attrs} />`);
      return;
    }
    emit(`${indent(depth)}<${name}${attrs}>`);
    for (const c of s.elements) {
      // The first child of that exact name, as ConfigurationElement.hasWrittenChild finds it.
      const child = cur.childNamed(row, c.name);
      if (child === -1) for (const line of absentShape(c, c.name, depth + 1)) emit(line);
      else this.render(child, c, c.name, depth + 1, emit);
    }
    if (collection !== undefined) {
      for (let c = cur.firstChild(row); c !== -1; c = cur.nextSibling(c)) {
        const itemName = cur.name(c);
        if (collection.addElementNames.includes(itemName)) this.render(c, collection.itemSchema(itemName), itemName, depth + 1, emit);
      }
    }
    emit(`${indent(depth)}</${name}>`);
  }
}
