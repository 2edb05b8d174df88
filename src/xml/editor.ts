/**
 * An edit overlay on a parsed document. Changes are recorded, never applied to a tree; edits()
 * compares the recorded state with the original text and returns the minimal TextEdits, so a
 * change back to the original value, or an insert that is removed again, costs nothing.
 */
import { AppcmdError } from '../errors.js';
import { attributeEdits } from './attribute-edits.js';
import { isXmlName } from './chars.js';
import { childEdits } from './child-edits.js';
import { assertRepresentable } from './escape.js';
import { KeyIndex, type ItemQuery } from './key-index.js';
import { inferLayout, preferredQuote, type DocumentLayout } from './layout.js';
import { isPending, PendingElement, partsOf, type ElementRef } from './pending.js';
import { applyEdits } from './text-edit.js';
import { XmlCursor } from './cursor.js';
import type { ParsedDocument } from './document.js';
import type { TextEdit, XmlElement } from './types.js';

export { isPending, PendingElement, type ElementRef } from './pending.js';
export type { ItemQuery, KeyPart } from './key-index.js';

export class XmlEditor {
  /** Existing element → attribute name → new value (null: removed). */
  private readonly attributeChanges = new Map<XmlElement, Map<string, string | null>>();
  /** Existing element → its current children, recorded once they differ from the document's. */
  private readonly childLists = new Map<XmlElement, ElementRef[]>();
  private readonly removed = new Set<ElementRef>();
  /** Rows (in the parsed tables) of the elements in attributeChanges. */
  private readonly changedRows = new Set<number>();
  private layoutCache: DocumentLayout | undefined;
  /**
   * The edits of the current state, until the next change: callers ask for them several times
   * per command (hasChanges, commit, the change summary), and with a new item in a large
   * collection each computation walks every sibling.
   */
  private editsCache: readonly TextEdit[] | undefined;
  private changeCount = 0;
  private readonly cursor: XmlCursor;
  private readonly keys: KeyIndex;

  constructor(readonly document: ParsedDocument) {
    this.cursor = XmlCursor.of(document);
    this.keys = new KeyIndex(this.cursor, {
      parsedRow: (el) => this.parsedRow(el),
      attributesEdited: (row) => this.changedRows.has(row),
      currentChildren: (el) => this.currentChildren(el),
      getAttribute: (el, name) => this.getAttribute(el, name),
    });
  }

  /** Changes with every edit: what is derived from the current state is valid while it stays the same. */
  get version(): number {
    return this.changeCount;
  }

  /**
   * The first child of `parent` named one of `query.items` whose key attributes hold `wanted`
   * (see KeyIndex.find): null for none, undefined when the children alone cannot tell.
   */
  findItem(parent: ElementRef, query: ItemQuery, wanted: readonly string[]): ElementRef | null | undefined {
    return this.keys.find(parent, query, wanted);
  }

  /**
   * `el`'s row in the parsed tables while its children are as parsed (none added, removed or
   * moved), so that its children can be read from the rows without a node per child.
   */
  private parsedRow(el: ElementRef): number | undefined {
    if (isPending(el) || this.childLists.has(el) || this.isRemoved(el)) return undefined;
    return this.cursor.row(el);
  }

  getAttribute(el: ElementRef, name: string): string | undefined {
    if (isPending(el)) return partsOf(el).attributes.get(name);
    const changed = this.attributeChanges.get(el)?.get(name);
    if (changed !== undefined) return changed ?? undefined;
    // Straight from the tables: reading a key on every item of a collection must not create objects.
    return this.cursor.find(this.cursor.row(el), name);
  }

  /** Current attribute names: the document's order, new ones appended in the order first set. */
  attributeNames(el: ElementRef): string[] {
    if (isPending(el)) return [...partsOf(el).attributes.keys()];
    const changes = this.attributeChanges.get(el);
    const names: string[] = [];
    const original = new Set<string>();
    for (const a of el.attributes) {
      original.add(a.name);
      if (changes?.get(a.name) !== null) names.push(a.name);
    }
    if (changes !== undefined) for (const [name, value] of changes) if (value !== null && !original.has(name)) names.push(name);
    return names;
  }

  children(el: ElementRef): ElementRef[] {
    return [...this.currentChildren(el)];
  }

  /**
   * The first current child named `name` (exact). Read from the parsed rows while they are current,
   * without an object per child: a batch looks up a path of children on 1,000 sites.
   */
  childNamed(el: ElementRef, name: string): ElementRef | undefined {
    const row = this.parsedRow(el);
    if (row === undefined) {
      for (const c of this.currentChildren(el)) if (c.name === name) return c;
      return undefined;
    }
    const cursor = this.cursor;
    const id = cursor.elementNameId(name);
    if (id === -1) return undefined;
    for (let c = cursor.firstChild(row); c !== -1; c = cursor.nextSibling(c)) if (cursor.nameId(c) === id) return cursor.element(c);
    return undefined;
  }

  /** The current children without a copy, for a look that does not keep them or edit meanwhile. */
  currentChildren(el: ElementRef): readonly ElementRef[] {
    if (isPending(el)) return partsOf(el).children;
    return this.childLists.get(el) ?? el.children;
  }

  parent(el: ElementRef): ElementRef | null {
    return el.parent;
  }

  /** Whether the element, or one of its ancestors, was removed. */
  isRemoved(el: ElementRef): boolean {
    if (this.removed.size === 0) return false;
    for (let e: ElementRef | null = el; e !== null; e = e.parent) if (this.removed.has(e)) return true;
    return false;
  }

  setAttribute(el: ElementRef, name: string, value: string): void {
    this.assertLive(el);
    assertName(name, 'attribute');
    assertRepresentable(value);
    this.changed();
    this.keys.attributeChanged(el, name);
    if (isPending(el)) {
      partsOf(el).attributes.set(name, value);
      return;
    }
    this.changesOf(el).set(name, value);
  }

  removeAttribute(el: ElementRef, name: string): void {
    this.assertLive(el);
    this.changed();
    this.keys.attributeChanged(el, name);
    if (isPending(el)) {
      partsOf(el).attributes.delete(name);
      return;
    }
    const changes = this.changesOf(el);
    // A new attribute simply disappears, so setting it again appends it anew.
    if (el.attribute(name) === undefined) changes.delete(name);
    else changes.set(name, null);
  }

  /** Inserts a new element at `index` of children(parent) (default: last) and returns it. */
  insertElement(parent: ElementRef, name: string, attributes: ReadonlyArray<readonly [string, string]> = [], index?: number): PendingElement {
    this.assertLive(parent);
    assertName(name, 'element');
    const list = this.liveChildren(parent);
    const at = index ?? list.length;
    if (!Number.isInteger(at) || at < 0 || at > list.length) {
      throw new RangeError(`insert index ${at} is outside 0..${list.length} for <${parent.name}>`);
    }
    this.changed();
    this.keys.childrenChanged(parent);
    const element = new PendingElement(name, parent);
    for (const [n, v] of attributes) this.setAttribute(element, n, v);
    list.splice(at, 0, element);
    return element;
  }

  removeElement(el: ElementRef): void {
    if (this.isRemoved(el)) return;
    const parent = el.parent;
    if (parent === null) throw new Error('the root element cannot be removed');
    this.changed();
    this.keys.childrenChanged(parent);
    const list = this.liveChildren(parent);
    const i = list.indexOf(el);
    if (i !== -1) list.splice(i, 1);
    this.removed.add(el);
  }

  /** The edits of the current state, in offset order (the only place they are sorted). */
  edits(): TextEdit[] {
    this.editsCache ??= this.computeEdits();
    return [...this.editsCache];
  }

  private computeEdits(): TextEdit[] {
    const text = this.document.text;
    const edits: TextEdit[] = [];
    for (const [el, changes] of this.attributeChanges) {
      if (!this.isRemoved(el)) edits.push(...attributeEdits(text, el, changes, preferredQuote(this.document, el)));
    }
    for (const [el, list] of this.childLists) {
      if (!this.isRemoved(el)) edits.push(...childEdits(text, this.layout(), el, list));
    }
    // By offset; at one offset an insertion goes before a replacement that starts there (a new
    // attribute before the `/>` a self-closing expansion replaces). sort() is stable otherwise.
    return edits.sort((a, b) => a.offset - b.offset || (a.length === 0 ? 0 : 1) - (b.length === 0 ? 0 : 1));
  }

  hasChanges(): boolean {
    return this.edits().length > 0;
  }

  apply(): string {
    return applyEdits(this.document.text, this.edits());
  }

  private layout(): DocumentLayout {
    return (this.layoutCache ??= inferLayout(this.document));
  }

  /** Every change: the edits are computed anew, and version moves on. */
  private changed(): void {
    this.editsCache = undefined;
    this.changeCount++;
  }

  private changesOf(el: XmlElement): Map<string, string | null> {
    let changes = this.attributeChanges.get(el);
    if (changes === undefined) {
      changes = new Map();
      this.attributeChanges.set(el, changes);
      this.changedRows.add(this.cursor.row(el));
    }
    return changes;
  }

  /** The mutable current child list of a parent, copied from the document on first change. */
  private liveChildren(parent: ElementRef): ElementRef[] {
    if (isPending(parent)) return partsOf(parent).children;
    let list = this.childLists.get(parent);
    if (list === undefined) {
      list = [...parent.children];
      this.childLists.set(parent, list);
    }
    return list;
  }

  private assertLive(el: ElementRef): void {
    if (this.isRemoved(el)) throw new Error(`<${el.name}> has been removed and cannot be changed`);
  }
}

function assertName(name: string, what: 'attribute' | 'element'): void {
  if (!isXmlName(name)) throw new AppcmdError('BAD_ARGUMENT', `"${name}" is not a valid XML ${what} name`);
}
