import type { ConfigurationElement } from '../../config/element.js';
import type { ElementSchema } from '../../schema/types.js';
import { maskSecret } from '../../store/encrypted-value.js';
import type { XmlElement } from '../../xml/types.js';

/** Which attributes `list config` shows: those written in the file, or every effective value (/config:*). */
export type AttributeMode = 'explicit' | 'effective';

/**
 * Whether list output shows secrets: by default `[enc:…:enc]` payloads and the values of
 * attributes the schema declares encrypted are masked (output ends up in CI logs and tickets);
 * --show-secrets shows them as stored.
 */
export type SecretDisplay = 'masked' | 'shown';

/**
 * appcmd's text view of a section: an XML-like dump wrapped in its section-group elements,
 * two spaces per level; child elements in schema order (present in the file or not), then the
 * effective collection items.
 */
export function renderSection(sectionPath: string, section: ConfigurationElement, mode: AttributeMode, secrets: SecretDisplay = 'masked'): string[] {
  const lines: string[] = [];
  const groups = sectionPath.split('/');
  const leaf = groups.pop() ?? sectionPath;
  groups.forEach((g, i) => lines.push(`${indent(i)}<${g}>`));
  renderElement(section, leaf, groups.length, mode, secrets, lines);
  for (let i = groups.length - 1; i >= 0; i--) lines.push(`${indent(i)}</${groups[i]}>`);
  return lines;
}

// Recursion is bounded by the schema's depth: elements no schema describes are not rendered here.
function renderElement(el: ConfigurationElement, name: string, depth: number, mode: AttributeMode, secrets: SecretDisplay, lines: string[]): void {
  // Absent from the file with nothing inherited, an element shows its schema's empty shape: most
  // of a site's schema (its FTP settings...) is absent, and rendering that through elements made
  // dozens of objects per site for lines that are the same for every site.
  if (mode === 'explicit' && el.node === undefined && el.inherited === undefined) {
    for (const line of absentShape(el.schema, name, depth)) lines.push(line);
    return;
  }
  const attrs = (mode === 'effective' ? el.attributes : el.explicitAttributes)
    .map((a) => ` ${a.name}="${escapeAttribute(shown(a.text, a.schema?.encrypted === true, secrets))}"`)
    .join('');
  const children = el.schema.elements;
  const items = el.hasCollection ? el.getCollection().items() : [];
  if (children.length === 0 && !el.hasCollection) {
    lines.push(`${indent(depth)}<${name}${attrs} />`);
    return;
  }
  lines.push(`${indent(depth)}<${name}${attrs}>`);
  // A child absent from the file, with nothing inherited, is its empty shape: checked before an
  // element object is made for it.
  const shapeOnly = mode === 'explicit' && el.inherited === undefined;
  for (const c of children) {
    if (shapeOnly && !el.hasWrittenChild(c.name)) for (const line of absentShape(c, c.name, depth + 1)) lines.push(line);
    else renderElement(el.getChildElement(c.name), c.name, depth + 1, mode, secrets, lines);
  }
  for (const item of items) renderElement(item, item.node?.name ?? item.elementName, depth + 1, mode, secrets, lines);
  lines.push(`${indent(depth)}</${name}>`);
}

const ABSENT_SHAPES = new WeakMap<ElementSchema, Map<string, readonly string[]>>();

/** What renderElement shows for an element, and its descendants, none of which are written. */
function absentShape(schema: ElementSchema, name: string, depth: number): readonly string[] {
  let byPlace = ABSENT_SHAPES.get(schema);
  if (byPlace === undefined) ABSENT_SHAPES.set(schema, (byPlace = new Map()));
  const key = `${depth} ${name}`;
  let lines = byPlace.get(key);
  if (lines === undefined) {
    const shape: string[] = [];
    if (schema.elements.length === 0 && schema.collection === undefined) shape.push(`${indent(depth)}<${name} />`);
    else {
      shape.push(`${indent(depth)}<${name}>`);
      for (const c of schema.elements) shape.push(...absentShape(c, c.name, depth + 1));
      shape.push(`${indent(depth)}</${name}>`);
    }
    byPlace.set(key, (lines = shape));
  }
  return lines;
}

/**
 * A section no schema describes, shown as stored (attributes and elements in file order). The
 * walk keeps its own stack: a hostile file may nest elements far deeper than the call stack.
 */
export function renderRawSection(sectionPath: string, node: XmlElement, secrets: SecretDisplay = 'masked'): string[] {
  const lines: string[] = [];
  const groups = sectionPath.split('/');
  groups.pop();
  groups.forEach((g, i) => lines.push(`${indent(i)}<${g}>`));
  const stack: { el: XmlElement; depth: number; closing: boolean }[] = [{ el: node, depth: groups.length, closing: false }];
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const { el, depth, closing } = top;
    if (closing) {
      lines.push(`${indent(depth)}</${el.name}>`);
      continue;
    }
    const attrs = el.attributes.map((a) => ` ${a.name}="${escapeAttribute(shown(a.value, false, secrets))}"`).join('');
    if (el.children.length === 0) {
      lines.push(`${indent(depth)}<${el.name}${attrs} />`);
      continue;
    }
    lines.push(`${indent(depth)}<${el.name}${attrs}>`);
    stack.push({ el, depth, closing: true });
    for (let i = el.children.length - 1; i >= 0; i--) {
      const child = el.children[i];
      if (child !== undefined) stack.push({ el: child, depth: depth + 1, closing: false });
    }
  }
  for (let i = groups.length - 1; i >= 0; i--) lines.push(`${indent(i)}</${groups[i]}>`);
  return lines;
}

function shown(text: string, declaredEncrypted: boolean, secrets: SecretDisplay): string {
  return secrets === 'shown' ? text : maskSecret(text, declaredEncrypted);
}

/**
 * Indentation stops growing past this depth: deeper than any schema goes, and it keeps the output
 * of a hostile file with thousands of nested elements linear in its size instead of quadratic.
 */
const MAX_INDENT_DEPTH = 64;

function indent(depth: number): string {
  return '  '.repeat(Math.min(depth, MAX_INDENT_DEPTH));
}

function escapeAttribute(value: string): string {
  return value.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}
