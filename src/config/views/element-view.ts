/**
 * The base of the typed views (Site, ApplicationPool, FtpSsl…): typed getters and setters over a
 * ConfigurationElement. A view holds no state and no rules of its own: every read is the element's
 * effective value, every write goes through setAttributeValue and so through the schema.
 */
import { AppcmdError } from '../../errors.js';
import { ConfigurationElement } from '../element.js';
import { writtenAttributes } from '../element-copy.js';
import { duplicateText } from '../validate.js';
import type { ConfigurationElementCollection } from '../collection.js';
import type { ConfigValue } from '../value-types.js';
import { millisecondsToTimeSpan, timeSpanToMilliseconds } from './values.js';

export abstract class ElementView {
  constructor(
    /** The generic element, for everything the view does not name (MWA: the view *is* one). */
    readonly element: ConfigurationElement,
  ) {}

  /** Whether the element is written in the file (else every value comes from defaults). */
  get isPresent(): boolean {
    return this.element.isPresent;
  }

  protected getString(name: string): string {
    return this.element.getAttribute(name).text;
  }

  protected getBoolean(name: string): boolean {
    return this.typed(name, 'boolean');
  }

  protected getNumber(name: string): number {
    return this.typed(name, 'number');
  }

  protected getBigInt(name: string): bigint {
    return this.typed(name, 'bigint');
  }

  /** An enum's name. T lists the names of the bundled schema; the schema in use decides. */
  protected getEnum<T extends string>(name: string): T {
    return this.typed(name, 'string') as T;
  }

  protected getTimeSpanMs(name: string): number {
    return timeSpanToMilliseconds(this.getString(name));
  }

  protected set(name: string, value: ConfigValue): void {
    this.element.setAttributeValue(name, value);
  }

  protected setTimeSpanMs(name: string, ms: number): void {
    this.element.setAttributeValue(name, millisecondsToTimeSpan(ms));
  }

  private typed<K extends 'boolean' | 'number' | 'bigint' | 'string'>(name: string, kind: K): TypeOfName[K] {
    const value: unknown = this.element.getAttributeValue(name);
    if (typeof value === kind) return value as TypeOfName[K];
    // Only a value already reported as invalid by validation reads back as its raw text.
    throw new AppcmdError('CONFIG_INVALID', `The value "${String(value)}" of ${name} on <${this.element.elementName}> is not a valid ${kind}.`, {
      file: this.element.document.filePath,
      line: this.element.line,
    });
  }
}

interface TypeOfName {
  boolean: boolean;
  number: number;
  bigint: bigint;
  string: string;
}

/**
 * A typed collection: the items wrapped in their view. The generic collection stays reachable for
 * what is not named here (addAt, createElement, items with unusual keys).
 */
export class CollectionView<T extends ElementView> implements Iterable<T> {
  constructor(
    readonly collection: ConfigurationElementCollection,
    private readonly wrap: (element: ConfigurationElement) => T,
  ) {}

  get count(): number {
    return this.collection.count;
  }

  at(index: number): T | undefined {
    const item = this.collection.at(index);
    return item === undefined ? undefined : this.wrap(item);
  }

  items(): T[] {
    return this.collection.items().map((i) => this.wrap(i));
  }

  [Symbol.iterator](): Iterator<T> {
    return this.items()[Symbol.iterator]();
  }

  /** The first item whose attributes match every key (see ConfigurationElementCollection.find). */
  find(keys: Readonly<Record<string, string>>): T | undefined {
    const item = this.collection.find(keys);
    return item === undefined ? undefined : this.wrap(item);
  }

  remove(item: T): void {
    this.collection.remove(item.element);
  }

  removeAt(index: number): void {
    this.collection.removeAt(index);
  }

  clear(): boolean {
    return this.collection.clear();
  }

  /** Adds the item and wraps it; used by the typed add() of each collection. */
  protected addItem(attributes: Readonly<Record<string, string>> | ConfigurationElement): T {
    return this.addItemWithNotes(attributes).item;
  }

  protected addItemWithNotes(attributes: Readonly<Record<string, string>> | ConfigurationElement): { item: T; notes: readonly string[] } {
    this.checkEachUniqueKey(attributes instanceof ConfigurationElement ? writtenAttributes(attributes) : attributes);
    const added = this.collection.add(attributes);
    return { item: this.wrap(added.item), notes: added.notes };
  }

  /**
   * A site has two isUniqueKey attributes, name and id, and each identifies it on its own (as
   * appcmd's object verbs check, see objects/unique-key.ts). The generic add() compares them as
   * one key, so a new site reusing only a name, or only an id, would pass it: checked here, from
   * the schema's keys, until add() does it.
   */
  private checkEachUniqueKey(attributes: Readonly<Record<string, string>>): void {
    const schema = this.collection.schema;
    if (schema.combinedKey || schema.allowDuplicates || schema.keyAttributes.length < 2) return;
    const given = new Map(Object.entries(attributes).map(([n, v]) => [n.toLowerCase(), v]));
    const tag = schema.addElementNames[0] ?? 'add';
    for (const key of schema.keyAttributes) {
      const value = given.get(key.name.toLowerCase());
      if (value === undefined || this.collection.find({ [key.name]: value }) === undefined) continue;
      throw new AppcmdError('DUPLICATE', duplicateText(tag, [key], false, () => value));
    }
  }
}
