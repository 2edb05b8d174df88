/**
 * Text for elements that do not exist yet, in the document's own style: its quote character,
 * self-closing form, line ending and indent unit.
 */
import { escapeAttributeValue } from './escape.js';
import type { DocumentLayout, Quote } from './layout.js';
import type { PendingElement } from './pending.js';

/** ` a="1" b="2"`: each attribute with the space that separates it from what precedes it. */
export function renderAttributes(attributes: Iterable<readonly [string, string]>, quote: Quote): string {
  let out = '';
  for (const [name, value] of attributes) out += ` ${name}=${quote}${escapeAttributeValue(value, quote)}${quote}`;
  return out;
}

/**
 * A pending element placed at `indent` (the whitespace its line starts with). Children go on
 * their own lines one unit deeper; with `indent` undefined the element is written on one line,
 * as in a document without line breaks.
 */
export function renderPending(p: PendingElement, indent: string | undefined, layout: DocumentLayout): string {
  const open = `<${p.name}${renderAttributes(p.attributes, layout.quote)}`;
  const children = p.children;
  if (children.length === 0) return open + layout.selfClosing;
  let out = `${open}>`;
  if (indent === undefined) {
    for (const c of children) out += renderPending(c, undefined, layout);
    return `${out}</${p.name}>`;
  }
  const inner = indent + layout.indentUnit;
  for (const c of children) out += layout.eol + inner + renderPending(c, inner, layout);
  return `${out}${layout.eol}${indent}</${p.name}>`;
}
