import type { ConfigurationElement } from '../../config/element.js';
import type { XmlElement } from '../../xml/types.js';

/** Which attributes `list config` shows: those written in the file, or every effective value (/config:*). */
export type AttributeMode = 'explicit' | 'effective';

/**
 * appcmd's text view of a section: an XML-like dump wrapped in its section-group elements,
 * two spaces per level; child elements in schema order (present in the file or not), then the
 * effective collection items.
 */
export function renderSection(sectionPath: string, section: ConfigurationElement, mode: AttributeMode): string[] {
  const lines: string[] = [];
  const groups = sectionPath.split('/');
  const leaf = groups.pop() ?? sectionPath;
  groups.forEach((g, i) => lines.push(`${indent(i)}<${g}>`));
  renderElement(section, leaf, groups.length, mode, lines);
  for (let i = groups.length - 1; i >= 0; i--) lines.push(`${indent(i)}</${groups[i]}>`);
  return lines;
}

function renderElement(el: ConfigurationElement, name: string, depth: number, mode: AttributeMode, lines: string[]): void {
  const attrs = (mode === 'effective' ? el.attributes : el.explicitAttributes).map((a) => ` ${a.name}="${escapeAttribute(a.text)}"`).join('');
  const children = el.childElements;
  const items = el.hasCollection ? el.getCollection().items() : [];
  if (children.length === 0 && !el.hasCollection) {
    lines.push(`${indent(depth)}<${name}${attrs} />`);
    return;
  }
  lines.push(`${indent(depth)}<${name}${attrs}>`);
  for (const c of children) renderElement(c, c.elementName, depth + 1, mode, lines);
  for (const item of items) renderElement(item, item.node?.name ?? item.elementName, depth + 1, mode, lines);
  lines.push(`${indent(depth)}</${name}>`);
}

/** A section no schema describes, shown as stored (attributes and elements in file order). */
export function renderRawSection(sectionPath: string, node: XmlElement): string[] {
  const lines: string[] = [];
  const groups = sectionPath.split('/');
  groups.pop();
  groups.forEach((g, i) => lines.push(`${indent(i)}<${g}>`));
  const walk = (el: XmlElement, depth: number): void => {
    const attrs = el.attributes.map((a) => ` ${a.name}="${escapeAttribute(a.value)}"`).join('');
    if (el.children.length === 0) {
      lines.push(`${indent(depth)}<${el.name}${attrs} />`);
      return;
    }
    lines.push(`${indent(depth)}<${el.name}${attrs}>`);
    for (const c of el.children) walk(c, depth + 1);
    lines.push(`${indent(depth)}</${el.name}>`);
  };
  walk(node, groups.length);
  for (let i = groups.length - 1; i >= 0; i--) lines.push(`${indent(i)}</${groups[i]}>`);
  return lines;
}

function indent(depth: number): string {
  return '  '.repeat(depth);
}

export function escapeAttribute(value: string): string {
  return value.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}
