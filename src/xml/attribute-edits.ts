/**
 * The edits that bring an existing start tag's attributes to a new state. Only the characters
 * between the quotes of a changed value are replaced; removed attributes take the whitespace
 * before them along; new ones are appended after the last attribute.
 */
import { escapeAttributeValue } from './escape.js';
import type { Quote } from './layout.js';
import { renderAttributes } from './render.js';
import type { TextEdit, XmlElement } from './types.js';

/**
 * `changes`: attribute name → new value, or null for removed. Names that the element does not
 * have are new attributes, appended in the map's order.
 */
export function attributeEdits(text: string, el: XmlElement, changes: ReadonlyMap<string, string | null>, quoteForNew: Quote): TextEdit[] {
  const edits: TextEdit[] = [];
  const existing = new Set<string>();
  for (const a of el.attributes) {
    existing.add(a.name);
    const value = changes.get(a.name);
    if (value === undefined || value === a.value) continue;
    if (value === null) {
      const from = whitespaceStart(text, a.start);
      edits.push({ offset: from, length: a.valueEnd + 1 - from, text: '' });
    } else {
      edits.push({ offset: a.valueStart, length: a.valueEnd - a.valueStart, text: escapeAttributeValue(value, a.quote) });
    }
  }
  const added: [string, string][] = [];
  for (const [name, value] of changes) if (value !== null && !existing.has(name)) added.push([name, value]);
  if (added.length > 0) edits.push({ offset: attributesEnd(el), length: 0, text: renderAttributes(added, quoteForNew) });
  return edits;
}

/** Just after the last attribute's closing quote, or after the name when there is none. */
export function attributesEnd(el: XmlElement): number {
  const last = el.attributes[el.attributes.length - 1];
  return last === undefined ? el.start + 1 + el.name.length : last.valueEnd + 1;
}

function whitespaceStart(text: string, offset: number): number {
  let p = offset;
  for (;;) {
    const c = text.charCodeAt(p - 1);
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) p--;
    else return p;
  }
}
