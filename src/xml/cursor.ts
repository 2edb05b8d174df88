import { ElementNode, type ParsedDocument } from './document.js';
import { decodeAttributeValue } from './references.js';
import type { XmlElement } from './types.js';

/**
 * Read-only, allocation-light access to the parsed tables, for passes over a whole subtree (schema
 * validation of a 10,000-site section) that would otherwise create an object per element and per
 * attribute. Elements and attributes are row numbers; -1 means none.
 */
const CURSORS = new WeakMap<ParsedDocument, XmlCursor>();

export class XmlCursor {
  private readonly ids = new Map<string, number>();

  private constructor(private readonly doc: ParsedDocument) {}

  /** The cursor of a parsed document (one per document, so what it memoizes is shared). */
  static of(doc: ParsedDocument): XmlCursor {
    let cursor = CURSORS.get(doc);
    if (cursor === undefined) CURSORS.set(doc, (cursor = new XmlCursor(doc)));
    return cursor;
  }

  /** The row of an element of this document. */
  row(el: XmlElement): number {
    if (!(el instanceof ElementNode)) throw new Error('not an element of a parsed document');
    return el.index;
  }

  element(row: number): XmlElement {
    return this.doc.element(row);
  }

  name(row: number): string {
    const t = this.doc.tables;
    return t.elementNames.names[t.elements.name[row]!]!;
  }

  /** The interned id of element `row`'s name; compare with elementNameId(). */
  nameId(row: number): number {
    return this.doc.tables.elements.name[row]!;
  }

  /** The id of an element name, or -1 when no element of the document is called that. */
  elementNameId(name: string | undefined): number {
    return name === undefined ? -1 : this.doc.tables.elementNames.find(name);
  }

  start(row: number): number {
    return this.doc.tables.elements.start[row]!;
  }

  firstChild(row: number): number {
    return this.doc.tables.elements.firstChild[row]!;
  }

  nextSibling(row: number): number {
    return this.doc.tables.elements.nextSibling[row]!;
  }

  /** The first child row of `row` with exactly this name, or -1. */
  childNamed(row: number, name: string): number {
    return this.childWithNameId(row, this.elementNameId(name));
  }

  /** childNamed by the name's id (elementNameId), for a lookup repeated on many rows. */
  childWithNameId(row: number, id: number): number {
    if (id === -1) return -1;
    const { name: names, firstChild, nextSibling } = this.doc.tables.elements;
    for (let c = firstChild[row]!; c !== -1; c = nextSibling[c]!) if (names[c] === id) return c;
    return -1;
  }

  /** The first attribute row of an element; its rows run up to attributesEnd(row). */
  attributesStart(row: number): number {
    return this.doc.tables.elements.firstAttribute[row]!;
  }

  attributesEnd(row: number): number {
    const { elements, attributes } = this.doc.tables;
    return row + 1 < elements.count ? elements.firstAttribute[row + 1]! : attributes.count;
  }

  attributeName(attr: number): string {
    const t = this.doc.tables;
    return t.attributeNames.names[t.attributes.name[attr]!]!;
  }

  attributeStart(attr: number): number {
    return this.doc.tables.attributes.start[attr]!;
  }

  /** The value exactly as written between the quotes (references not resolved). */
  attributeRaw(attr: number): string {
    const a = this.doc.tables.attributes;
    return this.doc.text.slice(a.valueStart[attr]!, a.valueEnd[attr]!);
  }

  /** The decoded value. */
  attributeValue(attr: number): string {
    const a = this.doc.tables.attributes;
    return decodeAttributeValue(this.doc.text.slice(a.valueStart[attr]!, a.valueEnd[attr]!));
  }

  has(row: number, name: string): boolean {
    return this.attributeRow(row, name) !== -1;
  }

  /**
   * Whether attribute row `attr` holds exactly `text`, read from the raw characters without
   * decoding or allocating: a key lookup compares one value on each of 10,000 sites. With
   * `ignoreCase`, ASCII letters compare case-insensitively and `text` must be lower case.
   * Undefined when the raw characters cannot tell (a reference, a tab or line break, which
   * decoding changes, or a non-ASCII character under ignoreCase, whose lower case may differ
   * in length): the caller decodes that value instead.
   */
  attributeTextIs(attr: number, text: string, ignoreCase: boolean): boolean | undefined {
    const a = this.doc.tables.attributes;
    const source = this.doc.text;
    const start = a.valueStart[attr]!;
    const n = a.valueEnd[attr]! - start;
    for (let i = 0; i < n; i++) {
      let c = source.charCodeAt(start + i);
      if (c === 0x26 || c === 0x09 || c === 0x0a || c === 0x0d) return undefined;
      if (ignoreCase) {
        if (c >= 0x80) return undefined;
        if (c >= 0x41 && c <= 0x5a) c += 0x20;
      }
      // Past the end of `text`, charCodeAt is NaN and never equal.
      if (c !== text.charCodeAt(i)) return false;
    }
    return n === text.length;
  }

  /**
   * The rows of the children of `row` named one of `items` (name ids), in order; undefined when a
   * child named one of `stops` is among them (a <clear/> or <remove/>, which a caller that reads
   * rows cannot apply).
   */
  itemRows(row: number, items: readonly number[], stops: readonly number[]): number[] | undefined {
    const { name, firstChild, nextSibling } = this.doc.tables.elements;
    const rows: number[] = [];
    for (let c = firstChild[row]!; c !== -1; c = nextSibling[c]!) {
      const n = name[c]!;
      if (items.includes(n)) rows.push(c);
      else if (stops.includes(n)) return undefined;
    }
    return rows;
  }

  /**
   * The rows keyed by the decoded value of their attribute `name`, lower-cased when `fold`: the
   * first row of each key, in one tight pass for a run of lookups among 10,000 items (a batch).
   * Undefined when a row lacks the attribute.
   */
  keyIndex(rows: readonly number[], name: string, fold: boolean): Map<string, number> | undefined {
    const index = new Map<string, number>();
    for (const r of rows) {
      const a = this.attributeRow(r, name);
      if (a === -1) return undefined;
      const value = this.attributeValue(a);
      const key = fold ? value.toLowerCase() : value;
      if (!index.has(key)) index.set(key, r);
    }
    return index;
  }

  /** The value of the attribute with this exact name, if the element has it. */
  find(row: number, name: string): string | undefined {
    const a = this.attributeRow(row, name);
    return a === -1 ? undefined : this.attributeValue(a);
  }

  /**
   * The attribute row of `name` on element `row`, or -1. Names are compared as interned ids: a
   * key lookup reads one attribute on each of 10,000 sites, and a name the file never uses is
   * answered without looking at any row.
   */
  attributeRow(row: number, name: string): number {
    const t = this.doc.tables;
    // The schema asks for a few dozen names, over and over: each is hashed once.
    let id = this.ids.get(name);
    if (id === undefined) this.ids.set(name, (id = t.attributeNames.find(name)));
    if (id === -1) return -1;
    const names = t.attributes.name;
    const end = row + 1 < t.elements.count ? t.elements.firstAttribute[row + 1]! : t.attributes.count;
    for (let a = t.elements.firstAttribute[row]!; a < end; a++) if (names[a] === id) return a;
    return -1;
  }
}
