import { AppcmdError } from '../errors.js';
import type { AttributeSchema, CollectionSchema } from '../schema/types.js';
import { normalizeValue } from '../schema/value.js';
import type { ElementRef } from '../xml/editor.js';
import { ConfigurationElement } from './element.js';

/**
 * The items of a collection as IIS computes them: `add` elements in order, `<clear/>` dropping
 * what came before, `<remove key=…/>` dropping one item. Lookups by key use an index rebuilt
 * only when the document changed, so a collection of 50,000 sites is never scanned per lookup.
 */
export class ConfigurationElementCollection {
  private cache: { version: number; items: ConfigurationElement[]; indexes: Map<string, Map<string, ConfigurationElement>> } | undefined;

  constructor(
    readonly owner: ConfigurationElement,
    readonly schema: CollectionSchema,
  ) {}

  get count(): number {
    return this.items().length;
  }

  at(index: number): ConfigurationElement | undefined {
    return this.items()[index];
  }

  items(): ConfigurationElement[] {
    return this.state().items;
  }

  /**
   * The first item whose attributes match every given key (names case-insensitive; values compared
   * in their canonical form, case-insensitively unless the schema says caseSensitive).
   */
  find(keys: Readonly<Record<string, string>>): ConfigurationElement | undefined {
    const names = Object.keys(keys);
    if (names.length === 0) return undefined;
    const attrs = names.map((n) => this.itemAttribute(n));
    const wanted = attrs.map((a, i) => comparable(a, normalizeValue(a, keys[names[i] ?? ''] ?? '')));
    const state = this.state();
    const indexKey = attrs.map((a) => a.name).join('\u0000');
    let index = state.indexes.get(indexKey);
    if (index === undefined) {
      index = new Map();
      for (const item of state.items) {
        const k = attrs.map((a) => comparable(a, itemText(item, a))).join('\u0000');
        if (!index.has(k)) index.set(k, item);
      }
      state.indexes.set(indexKey, index);
    }
    const found = index.get(wanted.join('\u0000'));
    const node = found?.node;
    if (node !== undefined) this.owner.document.checkItem(node, this.schema.item, this.schema.allowUnrecognizedAttributes);
    return found;
  }

  /** The item attribute named case-insensitively, or appcmd's unknown-attribute error. */
  itemAttribute(name: string): AttributeSchema {
    const a = this.schema.item.findAttribute(name);
    if (a === undefined) {
      throw new AppcmdError('UNKNOWN_ATTRIBUTE', `Unknown attribute "${name}".  Replace with -? for help.`, {
        hints: [`The items of this collection have: ${this.schema.item.attributes.map((x) => x.name).join(', ')}`],
      });
    }
    return a;
  }

  /** The collection's default element (e.g. siteDefaults), if the schema names one. */
  get defaultElement(): ConfigurationElement | undefined {
    const name = this.schema.defaultElementName;
    return name === undefined ? undefined : this.owner.getChildElement(name);
  }

  private state(): { items: ConfigurationElement[]; indexes: Map<string, Map<string, ConfigurationElement>> } {
    const version = this.owner.document.version;
    if (this.cache?.version === version) return this.cache;
    const items: ConfigurationElement[] = [];
    const node = this.owner.node;
    if (node !== undefined) {
      const adds = new Set(this.schema.addElementNames);
      for (const child of this.owner.document.editor.children(node)) {
        if (adds.has(child.name)) items.push(this.itemOf(child));
        else if (child.name === this.schema.clearElementName) items.length = 0;
        else if (child.name === this.schema.removeElementName) this.applyRemove(items, child);
      }
    }
    this.cache = { version, items, indexes: new Map() };
    return this.cache;
  }

  private applyRemove(items: ConfigurationElement[], remove: ElementRef): void {
    const editor = this.owner.document.editor;
    const keys = this.schema.keyAttributes;
    const i = items.findIndex((item) =>
      keys.every((k) => comparable(k, itemText(item, k)) === comparable(k, editor.getAttribute(remove, k.name) ?? k.defaultValue ?? '')),
    );
    if (i >= 0) items.splice(i, 1);
  }

  itemOf(node: ElementRef): ConfigurationElement {
    const owner = this.owner;
    return new ConfigurationElement(
      owner.document,
      this.schema.item,
      { find: () => (owner.document.editor.isRemoved(node) ? undefined : node), ensure: () => node },
      owner,
      () => this.defaultElement,
    );
  }
}

function itemText(item: ConfigurationElement, attr: AttributeSchema): string {
  return item.effectiveText(attr).text ?? '';
}

/** The form in which two values of one attribute are compared for key equality. */
function comparable(attr: AttributeSchema, text: string): string {
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
