import { AppcmdError } from '../errors.js';
import type { IndexerPosition } from '../path/types.js';
import type { AttributeSchema, CollectionSchema, ElementSchema } from '../schema/types.js';
import { normalizeValue, writtenText } from '../schema/value.js';
import type { ElementRef, ItemQuery } from '../xml/editor.js';
import { checkSecretWrite, ConfigurationElement } from './element.js';
import { copyChildren, detachedItem, writtenAttributes } from './element-copy.js';
import { ifPresent } from './if-exists.js';
import { LOCK_ATTRIBUTES, lockAttributeFault } from './lock-attributes.js';
import { childLock, elementLock, itemLock, lockViolation } from './lock-violation.js';
import { didYouMean } from './suggest.js';
import { duplicateText } from './validate.js';

/** Options of ConfigurationElementCollection.add. */
export interface AddOptions {
  /** Where the new item goes among the effective items (appcmd's @start, @end, @N); default end. */
  readonly position?: IndexerPosition;
  /** An item with the same key and the same given values already there is a success, not a duplicate. */
  readonly idempotent?: boolean;
  /** The item's tag, for a collection of several add tags (<add> and <group>); default the first. */
  readonly tag?: string;
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
 * item. Lookups by key among this level's elements are the XML layer's key index, which indexes
 * a run of lookups instead of scanning the items for each.
 */
export class ConfigurationElementCollection {
  private cache: CollectionState | undefined;
  /**
   * One element object per item node, whichever lookup made it. A Map, made on first need, not a
   * WeakMap: nodes live as long as their document, and `list site` makes a collection per site's
   * bindings, whose weak tables made the garbage collector's work grow (bench/NOTES.md).
   */
  private elements: Map<ElementRef, ConfigurationElement> | undefined;
  /** The elements that stop the key index: what <clear/> and <remove/> do only the item list knows. */
  private readonly stops: readonly string[];

  constructor(
    readonly owner: ConfigurationElement,
    readonly schema: CollectionSchema,
  ) {
    this.stops = [schema.clearElementName, schema.removeElementName].filter((n) => n !== undefined);
  }

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
   * in their canonical form, case-insensitively unless the schema says caseSensitive). Asked of
   * the XML layer's key index when this level's elements alone make the items, else of the list.
   * With `tag`, among the items of that tag's declaration, by its item schema.
   */
  find(keys: Readonly<Record<string, string>>, tag?: string): ConfigurationElement | undefined {
    if (tag === undefined) return this.findAmong(this.schema.item, this.schema.addElementNames, keys);
    // Only items of the same declaration share a key: an <add> and a <group> may have one name.
    const item = this.schema.itemSchema(tag);
    return this.findAmong(item, this.tagsOf(item), keys);
  }

  /** find() among the items written with one of `tags`, whose schema is `item`. */
  private findAmong(item: ElementSchema, tags: readonly string[], keys: Readonly<Record<string, string>>): ConfigurationElement | undefined {
    const names = Object.keys(keys);
    if (names.length === 0) return undefined;
    const attrs = names.map((n) => this.attributeOf(item, n));
    const wanted = attrs.map((a, i) => comparable(a, keys[names[i] ?? ''] ?? ''));
    // The key index asks a parent's children in one set of terms; a lookup among some of the tags
    // (a second <collection>'s items, rare outside ASP.NET's sections) reads the item list.
    const all = tags === this.schema.addElementNames;
    const written = all ? this.findWritten(attrs, wanted) : undefined;
    let found: ConfigurationElement | undefined;
    if (written === undefined) {
      const state = this.state();
      const at = state.entries.findIndex(
        (e, i) => (all || tags.includes(tagOf(e))) && attrs.every((a, k) => comparable(a, this.entryText(state, i, a)) === wanted[k]),
      );
      found = at === -1 ? undefined : this.entryAt(state, at);
    } else found = written === null ? undefined : this.itemOf(written);
    this.check(found);
    return found;
  }

  /** The key index's answer over this level's elements; undefined when items are inherited or it cannot tell. */
  private findWritten(attrs: readonly AttributeSchema[], wanted: readonly string[]): ElementRef | null | undefined {
    const owner = this.owner;
    const node = owner.node;
    if (node === undefined) return undefined;
    const up = owner.inherited;
    if (up?.hasCollection === true && up.getCollection().count > 0) return undefined;
    const query: ItemQuery = {
      items: this.schema.addElementNames,
      stops: this.stops,
      parts: attrs.map((a) => ({ name: a.name, ignoreCase: !a.caseSensitive, verbatim: a.type === 'string' })),
      comparable: (k, text) => comparable(attrs[k]!, text),
    };
    return owner.document.editor.findItem(node, query, wanted);
  }

  /** The item attribute named case-insensitively, or appcmd's unknown-attribute error. */
  itemAttribute(name: string): AttributeSchema {
    return this.attributeOf(this.schema.item, name);
  }

  private attributeOf(item: ElementSchema, name: string): AttributeSchema {
    const a = item.findAttribute(name);
    if (a === undefined) {
      throw new AppcmdError('UNKNOWN_ATTRIBUTE', `Unknown attribute "${name}".  Replace with -? for help.`, {
        hints: [
          ...didYouMean(name, item.attributes.map((x) => x.name)),
          `The items of this collection have: ${item.attributes.map((x) => x.name).join(', ')}`,
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
    const tag = this.addTag(options.tag);
    const item = this.schema.itemSchema(tag);
    const values: Array<[string, string]> = [];
    const notes: string[] = [];
    for (const [name, raw] of Object.entries(attributes)) {
      const schema = item.findAttribute(name);
      if (schema === undefined && LOCK_ATTRIBUTES.has(name)) {
        const fault = lockAttributeFault(item, name, raw);
        if (fault !== undefined) throw new AppcmdError('VALUE_INVALID', fault);
        values.push([name, raw]);
        continue;
      }
      if (schema === undefined) {
        if (!this.schema.allowUnrecognizedAttributes) this.attributeOf(item, name);
        values.push([name, raw]);
        continue;
      }
      const cleaned = this.owner.document.policy.apply(this.owner.sectionPath, schema, raw);
      notes.push(...cleaned.notes);
      const text = writtenText(schema, cleaned.text);
      notes.push(...checkSecretWrite(this.owner.document, schema, text));
      values.push([schema.name, text]);
    }
    const given = new Map(values);
    const missing = item.attributes.filter((a) => a.required && !given.has(a.name));
    if (missing.length > 0) {
      throw new AppcmdError('MISSING_REQUIRED', `Element is missing required attributes ${missing.map((a) => a.name).join(', ')}`);
    }
    const { attributes: keys, combined } = this.schema.itemKey(tag);
    if (keys.length > 0 && !this.schema.allowDuplicates) {
      const keyValues: Record<string, string> = {};
      for (const k of keys) keyValues[k.name] = given.get(k.name) ?? k.defaultValue ?? '';
      const existing = this.find(keyValues, tag);
      if (existing !== undefined) {
        const same = values.every(([n, v]) => {
          const s = item.getAttribute(n);
          return s !== undefined ? comparable(s, itemText(existing, s)) === comparable(s, v) : existing.explicitText(n) === v;
        });
        if (options.idempotent === true && same) return { item: existing, added: false, notes };
        throw new AppcmdError(
          'DUPLICATE',
          `New ${tag} object missing required attributes. ${duplicateText(tag, keys, combined, (k) => keyValues[k.name] ?? '')}`,
        );
      }
    }
    for (const k of item === this.schema.item ? keys : []) {
      const value = given.get(k.name);
      if (value !== undefined) notes.push(...this.reusedKeyWarnings(k, value));
    }
    this.checkNotLocked(tag);
    const ownerNode = this.owner.ensure();
    const index = this.insertionIndex(ownerNode, options.position);
    const node = this.owner.document.editor.insertElement(ownerNode, tag, values, index);
    return { item: this.itemOf(node), added: true, notes };
  }

  /**
   * IIS checks a combined key as a whole, so a site may take another site's id, by an add or by a
   * set of its id; the write policy names the key attributes the server needs unique by themselves
   * (W3SVC does not start two sites with one id). The value is kept, as IIS keeps it, with a warning
   * naming the item already holding it; [] for any other attribute, or a value nobody else has.
   */
  reusedKeyWarnings(attr: AttributeSchema, value: string, self?: ConfigurationElement): string[] {
    const keys = this.schema.keyAttributes;
    if (keys.length < 2 || !keys.includes(attr) || !this.owner.document.policy.uniqueOnItsOwn(this.owner.sectionPath, attr)) return [];
    const holder = this.find({ [attr.name]: value });
    if (holder === undefined || holder === self) return [];
    const tag = holder.elementName;
    const named = keys.filter((o) => o !== attr).map((o) => `${o.name}="${itemText(holder, o)}"`).join(' ');
    return [
      `Warning: <${tag} ${named}> already has ${attr.name}="${value}". IIS accepts this, since ${keys.map((o) => o.name).join(' and ')} together are the key of a ${tag}, but the server will not run two with one ${attr.name}.`,
    ];
  }

  /**
   * Adds a copy of an element: a detached one from createElement(), or an item of another
   * collection, even of another file (how sites migrate). Its written attributes go through add()
   * (required attributes, duplicate keys), then its child elements and items are copied.
   */
  private addCopy(source: ConfigurationElement, options: AddOptions): AddResult {
    const result = this.add(writtenAttributes(source), { ...options, tag: options.tag ?? source.elementName });
    if (!result.added) return result;
    return { ...result, notes: [...result.notes, ...copyChildren(source, result.item)] };
  }

  /**
   * A new item that is not in the collection yet (MWA's CreateElement): set its attributes, child
   * elements and nested items, then add() it. Writes to it are validated as they happen.
   */
  createElement(tagName?: string): ConfigurationElement {
    return detachedItem(this.schema, this.addTag(tagName), this.owner, () => this.defaultElement);
  }

  /** The add tag asked for (default the first one), or the error naming the tags there are. */
  private addTag(tagName: string | undefined): string {
    const tag = tagName ?? this.schema.addElementNames[0];
    if (tag === undefined && tagName === undefined) throw new AppcmdError('UNSUPPORTED', `The collection of <${this.owner.elementName}> has no add element.`);
    if (tag === undefined || !this.schema.addElementNames.includes(tag)) {
      throw new AppcmdError('UNKNOWN_ELEMENT', `The collection of <${this.owner.elementName}> has no add element named "${tagName ?? ''}".`, {
        hints: this.schema.addElementNames.length > 0 ? [`Its items are <${this.schema.addElementNames.join('>, <')}>.`] : [],
      });
    }
    return tag;
  }

  /** The add tags whose items have the schema `item` (allow and deny share one; add and group do not). */
  private tagsOf(item: ElementSchema): readonly string[] {
    const tags = this.schema.addElementNames;
    return tags.every((t) => this.schema.itemSchema(t) === item) ? tags : tags.filter((t) => this.schema.itemSchema(t) === item);
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
    const locked = itemLock(item, this.owner);
    if (locked !== undefined) throw lockViolation(locked);
    if (this.isLocal(item)) {
      item.delete();
      return true;
    }
    const tag = this.schema.removeElementName;
    if (tag === undefined) {
      throw new AppcmdError('UNSUPPORTED', `This collection has no remove element, so an item inherited from a parent level cannot be removed here.`);
    }
    this.checkNotLocked(tag);
    const keys = this.schema.keyAttributes.map((k): [string, string] => [k.name, itemText(item, k)]);
    const ownerNode = this.owner.ensure();
    this.owner.document.editor.insertElement(ownerNode, tag, keys, this.insertionIndex(ownerNode, undefined));
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
    // Checked before any edit: a refused clear leaves the document as it was.
    const inherited = this.items().filter((i) => !this.isLocal(i));
    const locked = inherited.map((i) => itemLock(i, this.owner)).find((h) => h !== undefined);
    if (locked !== undefined) throw lockViolation(locked);
    if (inherited.length > 0 && this.schema.clearElementName !== undefined) this.checkNotLocked(this.schema.clearElementName);
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
    }
    if (this.count > 0) {
      const tag = this.schema.clearElementName;
      if (tag === undefined) throw new AppcmdError('UNSUPPORTED', 'This collection has no clear element, so inherited items cannot be cleared here.');
      this.owner.document.editor.insertElement(this.owner.ensure(), tag, [], 0);
      changed = true;
    }
    return changed;
  }

  /** A file above locks this collection's element, or its `tag` (add, remove, clear) by lockElements. */
  private checkNotLocked(tag: string): void {
    const hint = elementLock(this.owner) ?? childLock(this.owner, tag);
    if (hint !== undefined) throw lockViolation(hint);
  }

  private check(item: ConfigurationElement | undefined): void {
    const node = item?.node;
    if (item !== undefined && node !== undefined) item.document.checkItem(node, item.schema, this.schema.allowUnrecognizedAttributes);
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
    const version = this.owner.document.editor.version;
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
    this.cache = { version, entries, items: undefined };
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

  /** Whether the <remove> element `remove` names `entry` (its key, compared as item lookups compare keys). */
  removes(remove: ElementRef, entry: ConfigurationElement | ElementRef): boolean {
    const editor = this.owner.document.editor;
    const textOf = (k: AttributeSchema): string =>
      entry instanceof ConfigurationElement ? itemText(entry, k) : (editor.getAttribute(entry, k.name) ?? itemText(this.itemOf(entry), k));
    return this.schema.keyAttributes.every((k) => comparable(k, textOf(k)) === comparable(k, editor.getAttribute(remove, k.name) ?? k.defaultValue ?? ''));
  }

  itemOf(node: ElementRef): ConfigurationElement {
    const owner = this.owner;
    this.elements ??= new Map();
    let item = this.elements.get(node);
    if (item === undefined) {
      item = new ConfigurationElement(
        owner.document,
        this.schema.itemSchema(node.name),
        { find: () => (owner.document.editor.isRemoved(node) ? undefined : node), ensure: () => node },
        owner,
        () => this.defaultElement,
      );
      this.elements.set(node, item);
    }
    return item;
  }
}

/** A collection item: inherited items are elements already, this level's stay XML nodes until needed. */
type Entry = ConfigurationElement | ElementRef;

function tagOf(entry: Entry): string {
  return entry instanceof ConfigurationElement ? entry.elementName : entry.name;
}

interface CollectionState {
  readonly version: number;
  readonly entries: readonly Entry[];
  items: ConfigurationElement[] | undefined;
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
