/**
 * The formatting conventions of an existing document, so that new elements and attributes look
 * like their neighbours: line ending, indent unit, quote character, self-closing style.
 */
import type { ParsedDocument } from './document.js';
import type { XmlElement } from './types.js';

export type Quote = '"' | "'";
export type SelfClosingStyle = ' />' | '/>';

export interface DocumentLayout {
  /** "\r\n" or "\n" from the first line break; "" when the document has none. */
  readonly eol: string;
  readonly indentUnit: string;
  /** The quote of the first attribute in the document, else '"'. */
  readonly quote: Quote;
  readonly selfClosing: SelfClosingStyle;
}

// Conventions are read from the first elements in document order: a file is formatted by one
// tool, and looking at a bounded sample keeps the cost independent of the file's size.
const SAMPLE = 5000;

export function inferLayout(doc: ParsedDocument): DocumentLayout {
  return {
    eol: detectEol(doc.text),
    indentUnit: detectIndentUnit(doc),
    quote: documentQuote(doc),
    selfClosing: detectSelfClosingStyle(doc),
  };
}

function detectEol(text: string): string {
  const lf = text.indexOf('\n');
  const cr = text.indexOf('\r');
  if (cr !== -1 && (lf === -1 || cr < lf)) return text.charCodeAt(cr + 1) === 0x0a ? '\r\n' : '\r';
  return lf === -1 ? '' : '\n';
}

/**
 * The indentation of whatever starts at `offset` (an element's '<'): the spaces and tabs between
 * the preceding line break (or the start of the text) and it, or undefined when anything else
 * precedes it on its line.
 */
export function indentationBefore(text: string, offset: number): string | undefined {
  let p = offset;
  for (;;) {
    const c = text.charCodeAt(p - 1);
    if (c === 0x20 || c === 0x09) p--;
    else if (p === 0 || c === 0x0a || c === 0x0d) return text.slice(p, offset);
    else return undefined;
  }
}

/** The most common step from an element's indentation to its first child's; 4 spaces if none. */
function detectIndentUnit(doc: ParsedDocument): string {
  const counts = new Map<string, number>();
  const tally = (outerStart: number, innerStart: number): void => {
    const outer = indentationBefore(doc.text, outerStart);
    const inner = indentationBefore(doc.text, innerStart);
    if (outer === undefined || inner === undefined) return;
    if (inner.length <= outer.length || !inner.startsWith(outer)) return;
    const step = inner.slice(outer.length);
    counts.set(step, (counts.get(step) ?? 0) + 1);
  };
  // Straight from the tables: asking each sampled element for its children would build a child
  // list for every item of a large collection (<sites>) only to read its first entry.
  const { start, firstChild } = doc.tables.elements;
  const n = Math.min(doc.elementCount, SAMPLE);
  for (let i = 0; i < n; i++) {
    const child = firstChild[i]!;
    if (child !== -1) tally(start[i]!, start[child]!);
  }
  return mostCommon(counts) ?? '    ';
}

/** The quote an element's attributes use, else the document's (see DocumentLayout.quote). */
export function preferredQuote(doc: ParsedDocument, el?: XmlElement): Quote {
  const own = el?.attributes[0];
  return own !== undefined ? own.quote : documentQuote(doc);
}

function documentQuote(doc: ParsedDocument): Quote {
  // Attribute rows are in document order: row 0 is the first attribute, if its element is among
  // the sampled ones (an element's rows end where the next element's begin).
  const { elements, attributes } = doc.tables;
  const n = Math.min(doc.elementCount, SAMPLE);
  for (let i = 0; i < n; i++) {
    const end = i + 1 < elements.count ? elements.firstAttribute[i + 1]! : attributes.count;
    if (end > 0) return doc.text.charCodeAt(attributes.valueEnd[0]!) === 0x27 ? "'" : '"';
  }
  return '"';
}

/** `<a />` or `<a/>`, whichever the document uses more; " />" (IIS's own style) on a tie. */
function detectSelfClosingStyle(doc: ParsedDocument): SelfClosingStyle {
  let spaced = 0;
  let tight = 0;
  const tally = (startTagEnd: number): void => {
    const c = doc.text.charCodeAt(startTagEnd - 3);
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) spaced++;
    else tight++;
  };
  // From the tables, without an element object per sampled row (see detectIndentUnit).
  const { startTagEnd } = doc.tables.elements;
  const n = Math.min(doc.elementCount, SAMPLE);
  for (let i = 0; i < n; i++) {
    const e = startTagEnd[i]!;
    if (doc.text.charCodeAt(e - 2) === 0x2f) tally(e);
  }
  return tight > spaced ? '/>' : ' />';
}

function mostCommon(counts: ReadonlyMap<string, number>): string | undefined {
  let best: string | undefined;
  let bestCount = 0;
  for (const [key, count] of counts) {
    if (count > bestCount) {
      best = key;
      bestCount = count;
    }
  }
  return best;
}
