/**
 * A parsed document over the scanner's tables. Element and attribute objects are created on first
 * access and cached, so a caller that walks one path through a 50,000-site file materialises only
 * that path, and the same element is always the same object (editors key maps by it).
 */
import type { XmlAttribute, XmlElement } from './types.js';
import type { LineIndex } from './line-index.js';
import { decodeAttributeValue } from './references.js';
import type { ScanResult } from './scanner.js';

export class ParsedDocument {
  readonly root: XmlElement;
  /**
   * The nodes made so far, by row. A map rather than an array with a slot per element: a command
   * makes nodes for a few of a large file's elements, and an array of empty slots for all of them
   * was old-generation memory that could bring a batch a full garbage collection.
   */
  private readonly nodes = new Map<number, ElementNode>();

  constructor(
    /** The decoded text the offsets refer to. */
    readonly text: string,
    /** @internal the scan tables; other modules of src/xml read them for whole-document passes. */
    readonly tables: ScanResult,
    private readonly lines: () => LineIndex,
  ) {
    this.root = this.element(0);
  }

  /** 1-based line and column of an offset (columns count UTF-16 units). */
  position(offset: number): { line: number; column: number } {
    return this.lines().position(offset);
  }

  /** Number of elements in the document. */
  get elementCount(): number {
    return this.tables.elements.count;
  }

  /** The element with the given start-tag-order index (0 is the root). */
  element(index: number): ElementNode {
    let node = this.nodes.get(index);
    if (node === undefined) this.nodes.set(index, (node = new ElementNode(this, index)));
    return node;
  }
}

export class ElementNode implements XmlElement {
  private attributeList: readonly AttributeNode[] | undefined;
  private childList: readonly ElementNode[] | undefined;

  // Only the row is stored: a lookup over a large collection may create a node per item, and
  // reading the spans from the tables on demand keeps that creation to two stores.
  constructor(
    private readonly document: ParsedDocument,
    /** Start-tag order of this element in its document. */
    readonly index: number,
  ) {}

  get name(): string {
    const t = this.document.tables;
    return t.elementNames.names[t.elements.name[this.index]!]!;
  }

  get start(): number {
    return this.document.tables.elements.start[this.index]!;
  }

  get startTagEnd(): number {
    return this.document.tables.elements.startTagEnd[this.index]!;
  }

  get endTagStart(): number {
    return this.document.tables.elements.endTagStart[this.index]!;
  }

  get end(): number {
    return this.document.tables.elements.end[this.index]!;
  }

  get selfClosing(): boolean {
    // `<a></a>` also has endTagStart === startTagEnd, so the '/' is what tells them apart.
    return this.document.text.charCodeAt(this.startTagEnd - 2) === 0x2f;
  }

  get parent(): ElementNode | null {
    const p = this.document.tables.elements.parent[this.index]!;
    return p < 0 ? null : this.document.element(p);
  }

  get attributes(): readonly AttributeNode[] {
    return (this.attributeList ??= this.makeAttributes());
  }

  get children(): readonly ElementNode[] {
    return (this.childList ??= this.makeChildren());
  }

  attribute(name: string): AttributeNode | undefined {
    for (const a of this.attributes) if (a.name === name) return a;
    return undefined;
  }

  private makeAttributes(): readonly AttributeNode[] {
    const { elements, attributes } = this.document.tables;
    const first = elements.firstAttribute[this.index]!;
    const last = this.index + 1 < elements.count ? elements.firstAttribute[this.index + 1]! : attributes.count;
    const list: AttributeNode[] = [];
    for (let i = first; i < last; i++) list.push(new AttributeNode(this.document, i));
    return list;
  }

  private makeChildren(): readonly ElementNode[] {
    const { firstChild, nextSibling } = this.document.tables.elements;
    const list: ElementNode[] = [];
    for (let c = firstChild[this.index]!; c !== -1; c = nextSibling[c]!) list.push(this.document.element(c));
    return list;
  }
}

export class AttributeNode implements XmlAttribute {
  readonly name: string;
  readonly start: number;
  readonly valueStart: number;
  readonly valueEnd: number;
  private decoded: string | undefined;

  constructor(
    private readonly document: ParsedDocument,
    index: number,
  ) {
    const t = document.tables.attributes;
    this.name = document.tables.attributeNames.names[t.name[index]!]!;
    this.start = t.start[index]!;
    this.valueStart = t.valueStart[index]!;
    this.valueEnd = t.valueEnd[index]!;
  }

  get quote(): '"' | "'" {
    return this.document.text.charCodeAt(this.valueEnd) === 0x27 ? "'" : '"';
  }

  /** Decoded on first read: most values hold no reference and are a plain slice. */
  get value(): string {
    return (this.decoded ??= decodeAttributeValue(this.document.text.slice(this.valueStart, this.valueEnd)));
  }
}
