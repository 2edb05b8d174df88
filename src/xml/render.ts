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
 * as in a document without line breaks. The walk keeps its own stack: a subtree copied from a
 * hostile file may nest deeper than the call stack.
 */
export function renderPending(root: PendingElement, indent: string | undefined, layout: DocumentLayout): string {
  const parts: string[] = [];
  // Work items: an element to open (with its indent), or a closing text to emit.
  const work: Array<{ el: PendingElement; indent: string | undefined } | string> = [{ el: root, indent }];
  for (let item = work.pop(); item !== undefined; item = work.pop()) {
    if (typeof item === 'string') {
      parts.push(item);
      continue;
    }
    const { el, indent: at } = item;
    const open = `<${el.name}${renderAttributes(el.attributes, layout.quote)}`;
    const children = el.children;
    if (children.length === 0) {
      parts.push(open + layout.selfClosing);
      continue;
    }
    parts.push(`${open}>`);
    const inner = at === undefined ? undefined : at + layout.indentUnit;
    work.push(at === undefined ? `</${el.name}>` : `${layout.eol}${at}</${el.name}>`);
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i] as PendingElement;
      work.push({ el: child, indent: inner });
      if (inner !== undefined) work.push(layout.eol + inner);
    }
  }
  return parts.join('');
}
