/**
 * Key lookups among the item elements of one parent (a collection's `<add>`s): the first item whose
 * key attributes hold the wanted values. The first lookup after a change scans, a second one builds
 * an index of key → item; a command looks up once or twice and then edits, and a scan keeps no map
 * of every key alive, while a batch's run of lookups pays for its index once. Items are read
 * straight from the parsed rows while the parent's children are as parsed (no node and, for a
 * scan, no decoded value per item), else from the editor's current children.
 *
 * The lookups of a parent are kept until its children change or an attribute they read as a key
 * changes on one of its items, so a run of edits below the items (a batch of sets) keeps them.
 */
import type { XmlCursor } from './cursor.js';
import type { ElementRef } from './pending.js';

/** One attribute of an item's key. */
export interface KeyPart {
  /** The attribute's exact name. */
  readonly name: string;
  /** The comparable form is the value lower-cased (see ItemQuery.comparable). */
  readonly ignoreCase: boolean;
  /**
   * The comparable form is the value itself, lower-cased when ignoreCase (a string attribute):
   * rows can then be compared from their raw characters, without decoding.
   */
  readonly verbatim: boolean;
}

/** Which children are items, and how their keys compare. One parent is always asked in the same terms. */
export interface ItemQuery {
  /** Names of the item elements. */
  readonly items: readonly string[];
  /**
   * Names of elements that, among the children, mean the children alone do not tell the items
   * (a collection's <clear/> and <remove/>): the lookup is then left to the caller.
   */
  readonly stops: readonly string[];
  readonly parts: readonly KeyPart[];
  /** The form in which a written value of part `k` is compared; wanted values are given in it. */
  comparable(k: number, text: string): string;
}

/** What the index reads of the editor's state (XmlEditor hands it over without making it public). */
export interface EditorState {
  /** The row of `el` while its children are as parsed (none added, removed or moved), else undefined. */
  parsedRow(el: ElementRef): number | undefined;
  /** Whether the attributes of the element at `row` were edited. */
  attributesEdited(row: number): boolean;
  currentChildren(el: ElementRef): readonly ElementRef[];
  getAttribute(el: ElementRef, name: string): string | undefined;
}

export class KeyIndex {
  private readonly lookups = new WeakMap<ElementRef, ParentLookups>();

  constructor(
    private readonly cursor: XmlCursor,
    private readonly state: EditorState,
  ) {}

  /**
   * The first item of `parent` whose key parts equal `wanted` (in comparable form); null for none;
   * undefined when the children cannot answer: a stop element among them, or an item that does
   * not write one of the key attributes (its value comes from elsewhere, such as a default).
   */
  find(parent: ElementRef, query: ItemQuery, wanted: readonly string[]): ElementRef | null | undefined {
    const l = this.lookupsOf(parent, query);
    const items = l.items;
    if (items === undefined || l.unanswerable) return undefined;
    const parts = query.parts;
    // A key part that a lookup of its own already missed matches no item: add site looks up the
    // name, then the id, then both (the collection's key), and the third look would otherwise
    // index every item to find nothing.
    for (let k = 0; k < parts.length; k++) if (l.misses.get(parts[k]!.name)?.has(wanted[k]!) === true) return null;
    const indexKey = parts.map((p) => p.name).join('\u0000');
    let index = l.indexes.get(indexKey);
    if (index === undefined && l.scans >= 1) {
      index = items.index(query);
      if (index === undefined) {
        l.unanswerable = true;
        return undefined;
      }
      l.indexes.set(indexKey, index);
    }
    let at: number | undefined;
    if (index !== undefined) at = index.get(wanted.join('\u0000')) ?? -1;
    else {
      l.scans++;
      at = items.scan(query, wanted);
      if (at === undefined) {
        l.unanswerable = true;
        return undefined;
      }
    }
    if (at !== -1) return items.element(at);
    if (parts.length === 1) {
      const name = parts[0]!.name;
      const missed = l.misses.get(name) ?? new Set<string>();
      l.misses.set(name, missed.add(wanted[0]!));
    }
    return null;
  }

  /** The editor's report that `parent`'s child list changed. */
  childrenChanged(parent: ElementRef): void {
    this.lookups.delete(parent);
  }

  /** The editor's report that attribute `name` of `el` was set or removed. */
  attributeChanged(el: ElementRef, name: string): void {
    const parent = el.parent;
    if (parent !== null && this.lookups.get(parent)?.names.has(name) === true) this.lookups.delete(parent);
  }

  private lookupsOf(parent: ElementRef, query: ItemQuery): ParentLookups {
    let l = this.lookups.get(parent);
    if (l === undefined) {
      const row = this.state.parsedRow(parent);
      const items = row === undefined ? CurrentItems.of(this.state, parent, query) : ParsedItems.of(this.cursor, this.state, row, query);
      l = { names: new Set(), scans: 0, unanswerable: false, items, indexes: new Map(), misses: new Map() };
      this.lookups.set(parent, l);
    }
    for (const p of query.parts) l.names.add(p.name);
    return l;
  }
}

interface ParentLookups {
  /** The key attributes these lookups read: a change to one of them on an item drops them. */
  readonly names: Set<string>;
  /** Lookups answered by a scan; the next one builds an index. */
  scans: number;
  /** The children cannot answer (see KeyIndex.find). */
  unanswerable: boolean;
  /** Undefined when a stop element is among the children. */
  readonly items: Items | undefined;
  /** Key attribute names → (key → the first item with it). */
  readonly indexes: Map<string, Map<string, number>>;
  /** Single-part lookups that found no item: key attribute name → the values looked for. */
  readonly misses: Map<string, Set<string>>;
}

/** A parent's items, each known by a number (a row, or a position in the current children). */
interface Items {
  /** The item with these key parts (-1: none), undefined when an item lacks a key attribute. */
  scan(query: ItemQuery, wanted: readonly string[]): number | undefined;
  /** Key → the first item with it, undefined when an item lacks a key attribute. */
  index(query: ItemQuery): Map<string, number> | undefined;
  element(item: number): ElementRef;
}

/** The items as rows of the parsed tables: the parent's children are as parsed. */
class ParsedItems implements Items {
  private constructor(
    private readonly cursor: XmlCursor,
    private readonly state: EditorState,
    private readonly rows: readonly number[],
  ) {}

  static of(cursor: XmlCursor, state: EditorState, row: number, query: ItemQuery): ParsedItems | undefined {
    const ids = (names: readonly string[]): number[] => names.map((n) => cursor.elementNameId(n)).filter((id) => id !== -1);
    const rows = cursor.itemRows(row, ids(query.items), ids(query.stops));
    return rows === undefined ? undefined : new ParsedItems(cursor, state, rows);
  }

  element(row: number): ElementRef {
    return this.cursor.element(row);
  }

  scan(query: ItemQuery, wanted: readonly string[]): number | undefined {
    const { cursor, state } = this;
    const parts = query.parts;
    for (const r of this.rows) {
      const edited = state.attributesEdited(r);
      let same = true;
      for (let k = 0; k < parts.length && same; k++) {
        const part = parts[k]!;
        const a = edited ? -1 : cursor.attributeRow(r, part.name);
        const quick = a !== -1 && part.verbatim ? cursor.attributeTextIs(a, wanted[k]!, part.ignoreCase) : undefined;
        if (quick !== undefined) {
          same = quick;
          continue;
        }
        const text = this.keyText(r, part.name);
        if (text === undefined) return undefined;
        same = query.comparable(k, text) === wanted[k];
      }
      if (same) return r;
    }
    return -1;
  }

  index(query: ItemQuery): Map<string, number> | undefined {
    const rows = this.rows;
    const parts = query.parts;
    const single = parts.length === 1 && parts[0]!.verbatim ? parts[0]! : undefined;
    if (single !== undefined && !rows.some((r) => this.state.attributesEdited(r))) return this.cursor.keyIndex(rows, single.name, single.ignoreCase);
    return indexOf(rows, query, (r, name) => this.keyText(r, name));
  }

  /** An item's key attribute as it is now, undefined when not written. */
  private keyText(row: number, name: string): string | undefined {
    if (this.state.attributesEdited(row)) return this.state.getAttribute(this.cursor.element(row), name);
    const a = this.cursor.attributeRow(row, name);
    return a === -1 ? undefined : this.cursor.attributeValue(a);
  }
}

/** The items among the editor's current children: the child list was edited, or the parent is new. */
class CurrentItems implements Items {
  private readonly positions: readonly number[];

  private constructor(
    private readonly state: EditorState,
    private readonly items: readonly ElementRef[],
  ) {
    this.positions = items.map((_, i) => i);
  }

  static of(state: EditorState, parent: ElementRef, query: ItemQuery): CurrentItems | undefined {
    const items: ElementRef[] = [];
    for (const child of state.currentChildren(parent)) {
      if (query.items.includes(child.name)) items.push(child);
      else if (query.stops.includes(child.name)) return undefined;
    }
    return new CurrentItems(state, items);
  }

  element(at: number): ElementRef {
    return this.items[at]!;
  }

  scan(query: ItemQuery, wanted: readonly string[]): number | undefined {
    const parts = query.parts;
    for (let i = 0; i < this.items.length; i++) {
      let same = true;
      for (let k = 0; k < parts.length && same; k++) {
        const text = this.state.getAttribute(this.items[i]!, parts[k]!.name);
        if (text === undefined) return undefined;
        same = query.comparable(k, text) === wanted[k];
      }
      if (same) return i;
    }
    return -1;
  }

  index(query: ItemQuery): Map<string, number> | undefined {
    return indexOf(this.positions, query, (i, name) => this.state.getAttribute(this.items[i]!, name));
  }
}

/** Key → the first of `items` with it, reading each key part with `text`. */
function indexOf(items: readonly number[], query: ItemQuery, text: (item: number, name: string) => string | undefined): Map<string, number> | undefined {
  const parts = query.parts;
  const index = new Map<string, number>();
  for (const item of items) {
    let key = '';
    for (let k = 0; k < parts.length; k++) {
      const t = text(item, parts[k]!.name);
      if (t === undefined) return undefined;
      key += k === 0 ? query.comparable(k, t) : `\u0000${query.comparable(k, t)}`;
    }
    if (!index.has(key)) index.set(key, item);
  }
  return index;
}
