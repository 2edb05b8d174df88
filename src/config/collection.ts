import { AppcmdError } from '../errors.js';
import type { IndexerPosition } from '../path/types.js';
import type { AttributeSchema, CollectionSchema } from '../schema/types.js';
import { normalizeValue } from '../schema/value.js';
import type { ElementRef, XmlEditor } from '../xml/editor.js';
import type { XmlCursor } from '../xml/cursor.js';
import { checkSecretWrite, ConfigurationElement } from './element.js';
import { copyChildren, detachedItem, writtenAttributes } from './element-copy.js';
import { ifPresent } from './if-exists.js';
import { didYouMean } from './suggest.js';
import { duplicateText } from './validate.js';

/** Options of ConfigurationElementCollection.add. */
export interface AddOptions {
  /** Where the new item goes among the effective items (appcmd's @start, @end, @N); default end. */
  readonly position?: IndexerPosition;
  /** An item with the same key and the same given values already there is a success, not a duplicate. */
  readonly idempotent?: boolean;
}

/** Options of ConfigurationElementCollection.remove. */
export interface RemoveOptions {
  /** No item with the given keys is a removal that changes nothing (false), not 4312: appcmd's --if-exists. */
  readonly ifExists?: boolean;
}

export interface AddResult {
  readonly item: ConfigurationElement;
  /** False when `idempotent` found the same item already present. */
  readonly added: boolean;
  readonly notes: readonly string[];
}

/**
 * The items of a collection as IIS computes them: the parent level's items, then this level's —
 * `add` elements in order, `<clear/>` dropping everything before it, `<remove key=…/>` dropping one
 * item. Lookups by key use an index rebuilt only when the document changed, so a collection of
 * 50,000 sites is never scanned per lookup.
 */
export class ConfigurationElementCollection {
  private cache: CollectionState | undefined;
  /** One element object per item node, whichever lookup made it. */
  private readonly elements = new WeakMap<ElementRef, ConfigurationElement>();
  /** Lookups answered from the parsed rows (findWritten) at one version of the document. */
  private rows: RowLookups | undefined;

  constructor(
    readonly owner: ConfigurationElement,
    readonly schema: CollectionSchema,
  ) {}

  get count(): number {
    return this.items().length;
  }

  at(index: number): ConfigurationElement | undefined {
    const item = this.items()[index];
    this.check(item);
    return item;
  }

  items(): ConfigurationElement[] {
    const state = this.state();
    // Made on first need: a keyed lookup among 10,000 sites needs one element object, not 10,000.
    return (state.items ??= state.entries.map((_, i) => this.entryAt(state, i)));
  }

  /**
   * The first item whose attributes match every given key (names case-insensitive; values compared
   * in their canonical form, case-insensitively unless the schema says caseSensitive).
   */
  find(keys: Readonly<Record<string, string>>): ConfigurationElement | undefined {
    const names = Object.keys(keys);
    if (names.length === 0) return undefined;
    const attrs = names.map((n) => this.itemAttribute(n));
    const wantedParts = attrs.map((a, i) => comparable(a, keys[names[i] ?? ''] ?? ''));
    const written = this.findWritten(attrs, wantedParts);
    if (written !== undefined) {
      const item = written === null ? undefined : this.itemOf(written);
      this.check(item);
      return item;
    }
    const wanted = wantedParts.join('\u0000');
    const state = this.state();
    const single = attrs.length === 1 ? attrs[0] : undefined;
    const keyOf = (i: number): string =>
      single !== undefined ? comparable(single, this.entryText(state, i, single)) : attrs.map((a) => comparable(a, this.entryText(state, i, a))).join('\u0000');
    const indexKey = attrs.map((a) => a.name).join('\u0000');
    let at: number | undefined;
    const index = state.indexes?.get(indexKey);
    const scans = (state.scans ??= new Map());
    if (index !== undefined) at = index.get(wanted);
    else if ((scans.get(indexKey) ?? 0) < 2) {
      // The first lookups of a version scan instead of indexing: a command looks up once or twice
      // and then edits (a new version), and a scan keeps no 10,000-key map alive for the GC.
      scans.set(indexKey, (scans.get(indexKey) ?? 0) + 1);
      for (let i = 0; i < state.entries.length; i++) {
        if (keyOf(i) === wanted) {
          at = i;
          break;
        }
      }
    } else {
      const built = new Map<string, number>();
      for (let i = 0; i < state.entries.length; i++) {
        const k = keyOf(i);
        if (!built.has(k)) built.set(k, i);
      }
      (state.indexes ??= new Map()).set(indexKey, built);
      at = built.get(wanted);
    }
    const found = at === undefined ? undefined : this.entryAt(state, at);
    this.check(found);
    return found;
  }

  /**
   * A lookup straight over the parsed rows, for items that are all written at this level in an
   * unedited child list: no node per item and, for the first lookup, no decoded value per item
   * (a single `set` at 10,000 sites spent ~9 ms building the item list it then scanned once). The
   * next lookups of a version use an index of keys to rows. The first matching item node, null for
   * none, or undefined when the general path must answer: items inherited from a parent level, a
   * <clear/> or <remove/>, a key left to its default, an added or removed item.
   */
  private findWritten(attrs: readonly AttributeSchema[], wanted: readonly string[]): ElementRef | null | undefined {
    const items = this.writtenItems();
    if (items === undefined) return undefined;
    const rows = items.lookups;
    const indexKey = attrs.map((a) => a.name).join('\u0000');
    const wantedKey = wanted.join('\u0000');
    // A key part that a lookup of its own already missed at this version matches no item: add
    // site looks up the name, then the id, then both (the collection's key), and the third look
    // would have built an index of 10,000 keys to find nothing.
    for (let k = 0; k < attrs.length; k++) if (rows.misses.get(attrs[k]!.name)?.has(wanted[k]!) === true) return null;
    let index = rows.indexes.get(indexKey);
    if (index === undefined && rows.scans >= 1) {
      index = this.rowIndex(items, attrs);
      // Not answerable from the rows at this version: the general path answers from now on.
      if (index === undefined) rows.general = true;
      else rows.indexes.set(indexKey, index);
    }
    let row: number | undefined;
    if (index !== undefined) row = index.get(wantedKey) ?? -1;
    else {
      if (rows.general) return undefined;
      rows.scans++;
      row = this.scanRows(items, attrs, wanted);
      if (row === undefined) {
        rows.general = true;
        return undefined;
      }
    }
    if (row !== -1) return items.cursor.element(row);
    if (attrs.length === 1) {
      const name = attrs[0]!.name;
      const missed = rows.misses.get(name) ?? new Set<string>();
      rows.misses.set(name, missed.add(wanted[0]!));
    }
    return null;
  }

  /** The parsed rows of this level's items, when they can answer a lookup (see findWritten). */
  private writtenItems(): WrittenItems | undefined {
    const owner = this.owner;
    const node = owner.node;
    if (node === undefined) return undefined;
    const editor = owner.document.editor;
    const parsed = editor.parsedChildren(node);
    if (parsed === undefined) return undefined;
    const up = owner.inherited;
    if (up?.hasCollection === true && up.getCollection().count > 0) return undefined;
    const version = owner.document.version;
    const lookups = this.rows?.version === version ? this.rows : (this.rows = { version, scans: 0, general: false, indexes: new Map(), misses: new Map() });
    if (lookups.general) return undefined;
    const cursor = parsed.cursor;
    return {
      cursor,
      editor,
      row: parsed.row,
      lookups,
      adds: this.schema.addElementNames.map((n) => cursor.elementNameId(n)),
      stops: [this.schema.clearElementName, this.schema.removeElementName].map((n) => cursor.elementNameId(n)).filter((id) => id !== -1),
    };
  }

  /**
   * Key → row of the first item with it, for a run of lookups (a batch): straight over the tables
   * when the key is one string attribute no edit has touched, else item by item.
   */
  private rowIndex(items: WrittenItems, attrs: readonly AttributeSchema[]): Map<string, number> | undefined {
    const rows = itemRowsOf(items);
    if (rows === undefined) return undefined;
    const single = attrs.length === 1 && attrs[0]!.type === 'string' ? attrs[0]! : undefined;
    const changed = items.editor.rowsWithChanges;
    if (single !== undefined && !rows.some((r) => changed.has(r))) return items.cursor.keyIndex(rows, single.name, !single.caseSensitive);
    const index = new Map<string, number>();
    for (const r of rows) {
      let key = '';
      for (let k = 0; k < attrs.length; k++) {
        const attr = attrs[k]!;
        const text = keyTextOf(items, r, attr);
        if (text === undefined) return undefined;
        key += k === 0 ? comparable(attr, text) : `\u0000${comparable(attr, text)}`;
      }
      if (!index.has(key)) index.set(key, r);
    }
    return index;
  }

  /** The row of the first item with these keys (-1: none), comparing raw text where it can; undefined as in findWritten. */
  private scanRows(items: WrittenItems, attrs: readonly AttributeSchema[], wanted: readonly string[]): number | undefined {
    const { cursor, editor } = items;
    const rows = itemRowsOf(items);
    if (rows === undefined) return undefined;
    for (const r of rows) {
      const changed = editor.rowsWithChanges.has(r);
      let same = true;
      for (let k = 0; k < attrs.length && same; k++) {
        const attr = attrs[k]!;
        const a = changed ? -1 : cursor.attributeRow(r, attr.name);
        const quick = a !== -1 && attr.type === 'string' ? cursor.attributeTextIs(a, wanted[k]!, !attr.caseSensitive) : undefined;
        if (quick !== undefined) {
          same = quick;
          continue;
        }
        const text = keyTextOf(items, r, attr);
        if (text === undefined) return undefined;
        same = comparable(attr, text) === wanted[k];
      }
      if (same) return r;
    }
    return -1;
  }

  /** The item attribute named case-insensitively, or appcmd's unknown-attribute error. */
  itemAttribute(name: string): AttributeSchema {
    const a = this.schema.item.findAttribute(name);
    if (a === undefined) {
      throw new AppcmdError('UNKNOWN_ATTRIBUTE', `Unknown attribute "${name}".  Replace with -? for help.`, {
        hints: [
          ...didYouMean(name, this.schema.item.attributes.map((x) => x.name)),
          `The items of this collection have: ${this.schema.item.attributes.map((x) => x.name).join(', ')}`,
        ],
      });
    }
    return a;
  }

  /** The collection's default element (e.g. siteDefaults), if the schema names one. */
  get defaultElement(): ConfigurationElement | undefined {
    const name = this.schema.defaultElementName;
    return name === undefined ? undefined : this.owner.getChildElement(name);
  }

  /** The items written at this level of the file (not inherited from a parent path). */
  isLocal(item: ConfigurationElement): boolean {
    return item.parent === this.owner;
  }

  /**
   * Adds an item with the given attributes (validated; only what is given is written). Required
   * attributes must be given and the key must be new (IIS's duplicate text, 183), unless
   * `idempotent` and the same item is already there.
   */
  add(attributes: Readonly<Record<string, string>> | ConfigurationElement, options: AddOptions = {}): AddResult {
    if (attributes instanceof ConfigurationElement) return this.addCopy(attributes, options);
    const tag = this.schema.addElementNames[0];
    if (tag === undefined) throw new AppcmdError('UNSUPPORTED', `The collection of <${this.owner.elementName}> has no add element.`);
    const values: Array<[string, string]> = [];
    const notes: string[] = [];
    for (const [name, raw] of Object.entries(attributes)) {
      const schema = this.schema.item.findAttribute(name);
      if (schema === undefined) {
        if (!this.schema.allowUnrecognizedAttributes) this.itemAttribute(name);
        values.push([name, raw]);
        continue;
      }
      const cleaned = this.owner.document.policy.apply(schema, raw);
      notes.push(...cleaned.notes);
      const text = normalizeValue(schema, cleaned.text);
      notes.push(...checkSecretWrite(this.owner.document, schema, text));
      values.push([schema.name, text]);
    }
    const given = new Map(values);
    const missing = this.schema.item.attributes.filter((a) => a.required && !given.has(a.name));
    if (missing.length > 0) {
      throw new AppcmdError('MISSING_REQUIRED', `Element is missing required attributes ${missing.map((a) => a.name).join(', ')}`);
    }
    const keys = this.schema.keyAttributes;
    if (keys.length > 0 && !this.schema.allowDuplicates) {
      const keyValues: Record<string, string> = {};
      for (const k of keys) keyValues[k.name] = given.get(k.name) ?? k.defaultValue ?? '';
      const existing = this.find(keyValues);
      if (existing !== undefined) {
        const same = values.every(([n, v]) => {
          const s = this.schema.item.getAttribute(n);
          return s !== undefined ? comparable(s, itemText(existing, s)) === comparable(s, v) : existing.explicitText(n) === v;
        });
        if (options.idempotent === true && same) return { item: existing, added: false, notes };
        throw new AppcmdError(
          'DUPLICATE',
          `New ${tag} object missing required attributes. ${duplicateText(tag, keys, this.schema.combinedKey, (k) => keyValues[k.name] ?? '')}`,
        );
      }
    }
    const ownerNode = this.owner.ensure();
    const index = this.insertionIndex(ownerNode, options.position);
    const node = this.owner.document.editor.insertElement(ownerNode, tag, values, index);
    this.owner.document.touched();
    return { item: this.itemOf(node), added: true, notes };
  }

  /**
   * Adds a copy of an element: a detached one from createElement(), or an item of another
   * collection, even of another file (how sites migrate). Its written attributes go through add()
   * (required attributes, duplicate keys), then its child elements and items are copied.
   */
  private addCopy(source: ConfigurationElement, options: AddOptions): AddResult {
    const result = this.add(writtenAttributes(source), options);
    if (!result.added) return result;
    return { ...result, notes: [...result.notes, ...copyChildren(source, result.item)] };
  }

  /**
   * A new item that is not in the collection yet (MWA's CreateElement): set its attributes, child
   * elements and nested items, then add() it. Writes to it are validated as they happen.
   */
  createElement(tagName?: string): ConfigurationElement {
    const tag = tagName ?? this.schema.addElementNames[0];
    if (tag === undefined || !this.schema.addElementNames.includes(tag)) {
      throw new AppcmdError('UNKNOWN_ELEMENT', `The collection of <${this.owner.elementName}> has no add element named "${tagName ?? ''}".`, {
        hints: this.schema.addElementNames.length > 0 ? [`Its items are <${this.schema.addElementNames.join('>, <')}>.`] : [],
      });
    }
    return detachedItem(this.schema, tag, this.owner, () => this.defaultElement);
  }

  /** add() at a position among the effective items (0 = first; count = last), as MWA's AddAt. */
  addAt(index: number, attributes: Readonly<Record<string, string>> | ConfigurationElement, options: Omit<AddOptions, 'position'> = {}): AddResult {
    return this.add(attributes, { ...options, position: { kind: 'index', index } });
  }

  /** The position of an item among the effective items, -1 when it is not one of them. */
  indexOf(item: ConfigurationElement): number {
    const node = item.node;
    return node === undefined ? -1 : this.items().findIndex((i) => i.node === node);
  }

  /** remove() of the item at a position; appcmd's "Cannot find requested collection element." past the end. */
  removeAt(index: number): void {
    const item = this.at(index);
    if (item === undefined) {
      throw new AppcmdError('ELEMENT_NOT_FOUND', 'Cannot find requested collection element.', {
        hints: [`The collection has ${this.count} items; there is no item at index ${index}.`],
      });
    }
    this.remove(item);
  }

  [Symbol.iterator](): Iterator<ConfigurationElement> {
    return this.items()[Symbol.iterator]();
  }

  /**
   * Removes an item, or the item with these keys: an item written at this level loses its element;
   * an inherited one is removed with a `<remove key=…/>` at this level, as IIS writes it. No item
   * with the keys is "Cannot find requested collection element." (4312), or with `ifExists` a
   * removal that changes nothing (false), so it can run twice.
   */
  remove(itemOrKeys: ConfigurationElement | Readonly<Record<string, string>>, options: RemoveOptions = {}): boolean {
    const item = itemOrKeys instanceof ConfigurationElement ? itemOrKeys : ifPresent(options.ifExists, () => this.require(itemOrKeys));
    if (item === undefined) return false;
    if (this.isLocal(item)) {
      item.delete();
      return true;
    }
    const tag = this.schema.removeElementName;
    if (tag === undefined) {
      throw new AppcmdError('UNSUPPORTED', `This collection has no remove element, so an item inherited from a parent level cannot be removed here.`);
    }
    const keys = this.schema.keyAttributes.map((k): [string, string] => [k.name, itemText(item, k)]);
    const ownerNode = this.owner.ensure();
    this.owner.document.editor.insertElement(ownerNode, tag, keys, this.insertionIndex(ownerNode, undefined));
    this.owner.document.touched();
    return true;
  }

  private require(keys: Readonly<Record<string, string>>): ConfigurationElement {
    const item = this.find(keys);
    if (item === undefined) {
      const wanted = Object.entries(keys).map(([k, v]) => `${k}='${v}'`).join(',');
      throw new AppcmdError('ELEMENT_NOT_FOUND', 'Cannot find requested collection element.', { hints: [`No item of <${this.owner.elementName}> matches [${wanted}].`] });
    }
    return item;
  }

  /**
   * Empties the collection at this level: the items written here go, and if items are still
   * inherited from a parent level, a `<clear/>` drops them (when the schema allows one).
   */
  clear(): boolean {
    const ownerNode = this.owner.node;
    let changed = false;
    if (ownerNode !== undefined) {
      const tags = new Set([...this.schema.addElementNames, this.schema.removeElementName, this.schema.clearElementName]);
      for (const child of this.owner.document.editor.children(ownerNode)) {
        if (tags.has(child.name)) {
          this.owner.document.editor.removeElement(child);
          changed = true;
        }
      }
      if (changed) this.owner.document.touched();
    }
    if (this.count > 0) {
      const tag = this.schema.clearElementName;
      if (tag === undefined) throw new AppcmdError('UNSUPPORTED', 'This collection has no clear element, so inherited items cannot be cleared here.');
      this.owner.document.editor.insertElement(this.owner.ensure(), tag, [], 0);
      this.owner.document.touched();
      changed = true;
    }
    return changed;
  }

  private check(item: ConfigurationElement | undefined): void {
    const node = item?.node;
    if (item !== undefined && node !== undefined) item.document.checkItem(node, this.schema.item, this.schema.allowUnrecognizedAttributes);
  }

  /** Where a new add/remove element goes among the owner's XML children. */
  private insertionIndex(ownerNode: ElementRef, position: IndexerPosition | undefined): number {
    const children = this.owner.document.editor.children(ownerNode);
    const tags = new Set([...this.schema.addElementNames, this.schema.removeElementName, this.schema.clearElementName]);
    let lastClear = -1;
    let last = -1;
    children.forEach((c, i) => {
      if (c.name === this.schema.clearElementName) lastClear = i;
      if (tags.has(c.name)) last = i;
    });
    // IIS writes a collection's items before the element's other children (siteDefaults…).
    const end = last + 1;
    if (position === undefined || position.kind === 'end') return end;
    const firstAfterClear = children.findIndex((c, i) => i > lastClear && this.schema.addElementNames.includes(c.name));
    if (position.kind === 'start') return firstAfterClear >= 0 ? firstAfterClear : end;
    const items = this.items();
    if (position.index > items.length) {
      throw new AppcmdError('BAD_INDEXER', `Position @${position.index} is past the end of the collection (${items.length} items).`);
    }
    const target = items[position.index];
    if (target === undefined || !this.isLocal(target)) return position.index === items.length ? end : firstAfterClear >= 0 ? firstAfterClear : end;
    const node = target.node;
    const at = node === undefined ? -1 : children.indexOf(node);
    return at >= 0 ? at : end;
  }

  private state(): CollectionState {
    const version = this.owner.document.version;
    if (this.cache?.version === version) return this.cache;
    const up = this.owner.inherited;
    let inherited: Entry[] = up?.hasCollection === true ? [...up.getCollection().items()] : [];
    const local: Entry[] = [];
    const node = this.owner.node;
    if (node !== undefined) {
      const adds = this.schema.addElementNames;
      // Items stay XML nodes until someone needs them as elements (entryAt). `list config` makes
      // this state for every collection of every site, so it allocates no more than it keeps.
      for (const child of this.owner.document.editor.currentChildren(node)) {
        if (adds.includes(child.name)) local.push(child);
        else if (child.name === this.schema.clearElementName) {
          inherited = [];
          local.length = 0;
        } else if (child.name === this.schema.removeElementName) {
          inherited = inherited.filter((i) => !this.removes(child, i));
          const at = local.findIndex((i) => this.removes(child, i));
          if (at >= 0) local.splice(at, 1);
        }
      }
    }
    const entries = inherited.length === 0 ? local : this.schema.mergeAppend ? [...inherited, ...local] : [...local, ...inherited];
    this.cache = { version, entries, items: undefined, indexes: undefined, scans: undefined };
    return this.cache;
  }

  /** Item `i` of the state as a ConfigurationElement. */
  private entryAt(state: CollectionState, i: number): ConfigurationElement {
    const e = state.entries[i]!;
    return e instanceof ConfigurationElement ? e : this.itemOf(e);
  }

  /**
   * The effective text of a key attribute of item `i`: read straight from the XML when written
   * there (no element object per item), else through the item's inheritance and defaults.
   */
  private entryText(state: CollectionState, i: number, attr: AttributeSchema): string {
    const e = state.entries[i]!;
    if (!(e instanceof ConfigurationElement)) {
      const raw = this.owner.document.editor.getAttribute(e, attr.name);
      if (raw !== undefined) return raw;
    }
    return itemText(this.entryAt(state, i), attr);
  }

  private removes(remove: ElementRef, entry: Entry): boolean {
    const editor = this.owner.document.editor;
    const textOf = (k: AttributeSchema): string =>
      entry instanceof ConfigurationElement ? itemText(entry, k) : (editor.getAttribute(entry, k.name) ?? itemText(this.itemOf(entry), k));
    return this.schema.keyAttributes.every((k) => comparable(k, textOf(k)) === comparable(k, editor.getAttribute(remove, k.name) ?? k.defaultValue ?? ''));
  }

  itemOf(node: ElementRef): ConfigurationElement {
    const owner = this.owner;
    let item = this.elements.get(node);
    if (item === undefined) {
      item = new ConfigurationElement(
        owner.document,
        this.schema.item,
        { find: () => (owner.document.editor.isRemoved(node) ? undefined : node), ensure: () => node },
        owner,
        () => this.defaultElement,
      );
      this.elements.set(node, item);
    }
    return item;
  }
}

interface RowLookups {
  readonly version: number;
  /** Lookups answered by a scan; the next one builds an index. */
  scans: number;
  /** The rows cannot answer at this version (a <clear/>, a key left to its default...). */
  general: boolean;
  /** Key attribute names → (key → row of the first item with it). */
  readonly indexes: Map<string, Map<string, number>>;
  /** Single-key lookups that found no item: key attribute name → the values looked for. */
  readonly misses: Map<string, Set<string>>;
  /** The items' rows at this version (null: a <clear/> or <remove/> among them), once read. */
  itemRows?: readonly number[] | null;
}

/** This level's items as parsed rows, for findWritten. */
interface WrittenItems {
  readonly cursor: XmlCursor;
  readonly editor: XmlEditor;
  /** The row of the collection's element. */
  readonly row: number;
  readonly lookups: RowLookups;
  /** Name ids of the add elements, and of the clear and remove elements the file has. */
  readonly adds: readonly number[];
  readonly stops: readonly number[];
}

/** The rows of the items, read once per version: a batch scans them, then indexes them. */
function itemRowsOf(items: WrittenItems): readonly number[] | undefined {
  const lookups = items.lookups;
  if (lookups.itemRows === undefined) lookups.itemRows = items.cursor.itemRows(items.row, items.adds, items.stops) ?? null;
  return lookups.itemRows ?? undefined;
}

/** An item's key attribute as it is now, undefined when not written. */
function keyTextOf(items: WrittenItems, row: number, attr: AttributeSchema): string | undefined {
  if (items.editor.rowsWithChanges.has(row)) return items.editor.getAttribute(items.cursor.element(row), attr.name);
  const a = items.cursor.attributeRow(row, attr.name);
  return a === -1 ? undefined : items.cursor.attributeValue(a);
}

/** A collection item: inherited items are elements already, this level's stay XML nodes until needed. */
type Entry = ConfigurationElement | ElementRef;

interface CollectionState {
  readonly version: number;
  readonly entries: readonly Entry[];
  items: ConfigurationElement[] | undefined;
  /** Key attribute names → (key → first item with it), built on the third lookup of a version. */
  indexes: Map<string, Map<string, number>> | undefined;
  /** Key attribute names → lookups answered by a scan at this version. */
  scans: Map<string, number> | undefined;
}

function itemText(item: ConfigurationElement, attr: AttributeSchema): string {
  return item.effectiveText(attr).text ?? '';
}

/** An integer as IIS writes it: normalizing returns it unchanged (or fails and falls back to it). */
const CANONICAL_INTEGER = /^(?:0|-?[1-9][0-9]*)$/;

/** The form in which two values of one attribute are compared for key equality. */
function comparable(attr: AttributeSchema, text: string): string {
  // Adding a site checks its id against 10,000 others: this skips a BigInt round trip for each.
  if ((attr.type === 'uint' || attr.type === 'int' || attr.type === 'int64') && CANONICAL_INTEGER.test(text)) return text;
  let canonical = text;
  if (attr.type !== 'string') {
    try {
      canonical = normalizeValue(attr, text);
    } catch {
      canonical = text;
    }
  }
  return attr.caseSensitive ? canonical : canonical.toLowerCase();
}
