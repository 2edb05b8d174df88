import type { ConfigurationElement } from '../../config/element.js';
import type { XmlElement } from '../../xml/types.js';
import type { LineSink } from '../line-output.js';
import { rowRenderer } from './config-rows.js';
import { absentShape, escapeAttribute, indent, shown, type SecretDisplay } from './config-shape.js';

export type { SecretDisplay } from './config-shape.js';

/** Which attributes `list config` shows: those written in the file, or every effective value (/config:*). */
export type AttributeMode = 'explicit' | 'effective';

/**
 * appcmd's text view of a section: an XML-like dump wrapped in its section-group elements,
 * two spaces per level; child elements in schema order (present in the file or not), then the
 * effective collection items.
 */
export function renderSection(
  sectionPath: string,
  section: ConfigurationElement,
  mode: AttributeMode,
  secrets: SecretDisplay,
  emit: LineSink,
  from: 'rows-if-possible' | 'model' = 'rows-if-possible',
): void {
  const groups = sectionPath.split('/');
  const leaf = groups.pop() ?? sectionPath;
  groups.forEach((g, i) => emit(`${indent(i)}<${g}>`));
  // The element model is the reference; reading rows is the same output for what it covers, faster.
  const rows = mode === 'explicit' && from === 'rows-if-possible' ? rowRenderer(section, secrets) : undefined;
  if (rows !== undefined) rows(leaf, groups.length, emit);
  else renderElement(section, leaf, groups.length, mode, secrets, emit);
  for (let i = groups.length - 1; i >= 0; i--) emit(`${indent(i)}</${groups[i]}>`);
}

// Recursion is bounded by the schema's depth: elements no schema describes are not rendered here.
function renderElement(el: ConfigurationElement, name: string, depth: number, mode: AttributeMode, secrets: SecretDisplay, emit: LineSink): void {
  // Absent from the file with nothing inherited, an element shows its schema's empty shape: most
  // of a site's schema (its FTP settings...) is absent, and rendering that through elements made
  // dozens of objects per site for lines that are the same for every site.
  if (mode === 'explicit' && el.node === undefined && el.inherited === undefined) {
    for (const line of absentShape(el.schema, name, depth)) emit(line);
    return;
  }
  const attrs = (mode === 'effective' ? el.attributes : el.explicitAttributes)
    .map((a) => ` ${a.name}="${escapeAttribute(shown(a.text, a.schema?.encrypted === true, secrets))}"`)
    .join('');
  const children = el.schema.elements;
  const items = el.hasCollection ? el.getCollection().items() : [];
  if (children.length === 0 && !el.hasCollection) {
    emit(`${indent(depth)}<${name}${attrs} />`);
    return;
  }
  emit(`${indent(depth)}<${name}${attrs}>`);
  // A child absent from the file, with nothing inherited, is its empty shape: checked before an
  // element object is made for it.
  const shapeOnly = mode === 'explicit' && el.inherited === undefined;
  for (const c of children) {
    if (shapeOnly && !el.hasWrittenChild(c.name)) for (const line of absentShape(c, c.name, depth + 1)) emit(line);
    else renderElement(el.getChildElement(c.name), c.name, depth + 1, mode, secrets, emit);
  }
  for (const item of items) renderElement(item, item.node?.name ?? item.elementName, depth + 1, mode, secrets, emit);
  emit(`${indent(depth)}</${name}>`);
}

/**
 * A section no schema describes, shown as stored (attributes and elements in file order). The
 * walk keeps its own stack: a hostile file may nest elements far deeper than the call stack.
 */
export function renderRawSection(sectionPath: string, node: XmlElement, secrets: SecretDisplay, emit: LineSink): void {
  const groups = sectionPath.split('/');
  groups.pop();
  groups.forEach((g, i) => emit(`${indent(i)}<${g}>`));
  const stack: { el: XmlElement; depth: number; closing: boolean }[] = [{ el: node, depth: groups.length, closing: false }];
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const { el, depth, closing } = top;
    if (closing) {
      emit(`${indent(depth)}</${el.name}>`);
      continue;
    }
    const attrs = el.attributes.map((a) => ` ${a.name}="${escapeAttribute(shown(a.value, false, secrets))}"`).join('');
    if (el.children.length === 0) {
      emit(`${indent(depth)}<${el.name}${attrs} />`);
      continue;
    }
    emit(`${indent(depth)}<${el.name}${attrs}>`);
    stack.push({ el, depth, closing: true });
    for (let i = el.children.length - 1; i >= 0; i--) {
      const child = el.children[i];
      if (child !== undefined) stack.push({ el: child, depth: depth + 1, closing: false });
    }
  }
  for (let i = groups.length - 1; i >= 0; i--) emit(`${indent(i)}</${groups[i]}>`);
}

