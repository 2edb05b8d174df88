import { AppcmdError } from '../errors.js';
import type { AttributeSchema, ElementSchema } from '../schema/types.js';
import { normalizeValue, parseStoredValue, writtenText } from '../schema/value.js';
import type { ElementRef } from '../xml/editor.js';
import { checkEncryptedInput } from '../store/encrypted-value.js';
import type { ConfigurationAttribute } from './attribute.js';
import { ConfigurationElementCollection } from './collection.js';
import type { ConfigDocument } from './document.js';
import { attributeLock, elementLock, lockViolation } from './lock-violation.js';
import { didYouMean } from './suggest.js';
import type { ConfigValue, ValueSource } from './value-types.js';

/**
 * The encrypted-attribute rule for any write of `text` to an attribute (setAttributeValue, and a
 * collection add that writes attributes directly): [] when allowed silently, a warning note when
 * allowed by consent, an AppcmdError when refused. IIS encrypts these (passwords); we cannot.
 */
export function checkSecretWrite(document: ConfigDocument, schema: AttributeSchema, text: string): string[] {
  return schema.encrypted ? checkEncryptedInput(schema.name, text, schema.defaultValue, document.allowPlaintextSecrets) : [];
}

/** How an element finds its XML node, and creates it (with any missing ancestors) on first write. */
export interface NodeSlot {
  find(): ElementRef | undefined;
  ensure(): ElementRef;
}

export interface SetResult {
  readonly changed: boolean;
  /** The text written (canonical form of the value). */
  readonly text: string;
  /** What the write policy changed in the value (e.g. invisible marks removed from a thumbprint). */
  readonly notes: readonly string[];
}

/**
 * A configuration element over its XML node (which may not exist yet) and its schema. Reads give
 * effective values; writes validate against the schema and become text edits in the document.
 */
export class ConfigurationElement {
  private defaultsCache: { element: ConfigurationElement | undefined } | undefined;
  private collectionCache: ConfigurationElementCollection | undefined;

  private inheritedCache: { element: ConfigurationElement | undefined } | undefined;

  constructor(
    readonly document: ConfigDocument,
    readonly schema: ElementSchema,
    private readonly slot: NodeSlot,
    readonly parent: ConfigurationElement | undefined,
    private readonly defaultsOf: () => ConfigurationElement | undefined,
    private readonly inheritedOf: () => ConfigurationElement | undefined = () => undefined,
  ) {}

  /** The same element one configuration level up (a parent path's <location>, or server level). */
  get inherited(): ConfigurationElement | undefined {
    this.inheritedCache ??= { element: this.inheritedOf() };
    return this.inheritedCache.element;
  }

  get elementName(): string {
    return this.schema.name;
  }

  /** The path of the section this element belongs to; undefined for an element outside any. */
  get sectionPath(): string | undefined {
    return this.parent?.sectionPath;
  }

  /** The XML node, undefined while the element is not written in the file. */
  get node(): ElementRef | undefined {
    return this.slot.find();
  }

  get isPresent(): boolean {
    return this.node !== undefined;
  }

  /** The element that supplies defaults for this one (a collection's default element such as siteDefaults). */
  get defaults(): ConfigurationElement | undefined {
    this.defaultsCache ??= { element: this.defaultsOf() };
    return this.defaultsCache.element;
  }

  /** Writes the element (and missing ancestors) into the document if absent. */
  ensure(): ElementRef {
    return this.slot.ensure();
  }

  get line(): number | undefined {
    return this.document.lineOf(this.node);
  }

  // ---- attributes ----------------------------------------------------------------------------

  /** The schema of an attribute named case-insensitively, or an appcmd "Unknown attribute" error. */
  attributeSchema(name: string): AttributeSchema {
    const a = this.schema.findAttribute(name);
    if (a !== undefined) return a;
    throw new AppcmdError('UNKNOWN_ATTRIBUTE', `Unknown attribute "${name}".  Replace with -? for help.`, {
      hints: didYouMean(name, [...this.schema.attributes.map((x) => x.name), ...this.schema.elements.map((x) => x.name)]),
    });
  }

  /**
   * A file above that locks the attribute (lockAttributes, lockAllAttributesExcept) or this
   * element (lockElements, lockAllElementsExcept of an element holding it) forbids the write here,
   * as IIS refuses it: "Lock violation" (33).
   */
  private checkNotLocked(attribute: string): void {
    const hint = attributeLock(this, attribute) ?? elementLock(this);
    if (hint !== undefined) throw lockViolation(hint);
  }

  /** The text written in the file for this attribute (exact name), if any. */
  explicitText(name: string): string | undefined {
    const node = this.node;
    return node === undefined ? undefined : this.document.editor.getAttribute(node, name);
  }

  /**
   * Effective text: this level → parent levels → the default element's (recursively, each at
   * every level) → the schema default.
   */
  effectiveText(attr: AttributeSchema): { text: string | undefined; source: ValueSource } {
    const own = this.explicitText(attr.name);
    if (own !== undefined) return { text: own, source: 'explicit' };
    for (let up = this.inherited; up !== undefined; up = up.inherited) {
      const t = up.explicitText(attr.name);
      if (t !== undefined) return { text: t, source: 'inherited' };
    }
    for (let d = this.defaults; d !== undefined; d = d.defaults) {
      if (d.schema.getAttribute(attr.name) === undefined) break;
      for (let level: ConfigurationElement | undefined = d; level !== undefined; level = level.inherited) {
        const t = level.explicitText(attr.name);
        if (t !== undefined) return { text: t, source: 'defaultElement' };
      }
    }
    if (attr.defaultValue !== undefined) return { text: attr.defaultValue, source: 'schemaDefault' };
    return { text: undefined, source: 'none' };
  }

  getAttribute(name: string): ConfigurationAttribute {
    const schema = this.schema.findAttribute(name);
    if (schema === undefined) {
      const text = this.unrecognizedText(name);
      if (text === undefined) this.attributeSchema(name);
      return { name, value: text ?? '', text: text ?? '', source: 'explicit', isInheritedFromDefaultValue: false, schema: undefined };
    }
    return this.attributeOf(schema);
  }

  getAttributeValue(name: string): ConfigValue {
    return this.getAttribute(name).value;
  }

  /** Every schema attribute with its effective value, then any explicit unrecognized ones. */
  get attributes(): ConfigurationAttribute[] {
    const out = this.schema.attributes.map((a) => this.attributeOf(a));
    const node = this.node;
    if (node !== undefined) {
      for (const n of this.document.editor.attributeNames(node)) {
        if (this.schema.getAttribute(n) !== undefined) continue;
        const text = this.document.editor.getAttribute(node, n) ?? '';
        out.push({ name: n, value: text, text, source: 'explicit', isInheritedFromDefaultValue: false, schema: undefined });
      }
    }
    return out;
  }

  /**
   * The attributes written in the file at this level or a parent level, in file order (what
   * appcmd lists without /config:*).
   */
  get explicitAttributes(): ConfigurationAttribute[] {
    const names: string[] = [];
    const seen = new Set<string>();
    const levels: ConfigurationElement[] = [this];
    for (let up = this.inherited; up !== undefined; up = up.inherited) levels.unshift(up);
    for (const level of levels) {
      const node = level.node;
      if (node === undefined) continue;
      for (const n of level.document.editor.attributeNames(node)) {
        if (!seen.has(n)) names.push(n);
        seen.add(n);
      }
    }
    return names.map((n) => {
      const s = this.schema.getAttribute(n);
      if (s !== undefined) return this.attributeOf(s);
      const text = this.unrecognizedText(n) ?? '';
      return { name: n, value: text, text, source: 'explicit' as const, isInheritedFromDefaultValue: false, schema: undefined };
    });
  }

  /**
   * Validates `value` against the attribute's schema and writes it. Setting the value already
   * written is not a change (the file stays byte-identical).
   */
  setAttributeValue(name: string, value: ConfigValue): SetResult {
    const schema = this.schema.findAttribute(name);
    if (schema === undefined) {
      if (!this.allowsUnrecognized()) this.attributeSchema(name);
      return this.writeText(name, String(value), []);
    }
    // IIS encrypts these (passwords) on write; we cannot, so a clear value needs the caller's consent.
    const secretNotes = checkSecretWrite(this.document, schema, valueToInput(value));
    const cleaned = this.document.policy.apply(this.sectionPath, schema, valueToInput(value));
    const text = writtenText(schema, cleaned.text);
    // An item taking another item's value of a key attribute the server needs unique (a site's id).
    const reused = this.parent?.hasCollection === true ? this.parent.getCollection().reusedKeyWarnings(schema, text, this) : [];
    return this.writeText(schema.name, text, [...secretNotes, ...cleaned.notes, ...reused]);
  }

  /** Removes an explicit attribute so the value is inherited again; false when it was not set. */
  deleteAttribute(name: string): boolean {
    const schema = this.schema.findAttribute(name);
    const exact = schema?.name ?? name;
    const node = this.node;
    if (node === undefined || this.document.editor.getAttribute(node, exact) === undefined) {
      if (schema === undefined && !this.allowsUnrecognized()) this.attributeSchema(name);
      return false;
    }
    this.document.editor.removeAttribute(node, exact);
    return true;
  }

  private writeText(exactName: string, text: string, notes: readonly string[]): SetResult {
    if (this.explicitText(exactName) === text) return { changed: false, text, notes };
    this.checkNotLocked(exactName);
    const node = this.ensure();
    this.document.editor.setAttribute(node, exactName, text);
    return { changed: true, text, notes };
  }

  private attributeOf(schema: AttributeSchema): ConfigurationAttribute {
    const { text, source } = this.effectiveText(schema);
    const shown = text ?? '';
    let value: ConfigValue;
    try {
      value = text === undefined ? zeroValue(schema) : parseStoredValue(schema, text);
    } catch {
      // Reading never throws for a value validation has already reported; show it as written.
      value = shown;
    }
    return {
      name: schema.name,
      value,
      text: text === undefined ? zeroText(schema) : source === 'schemaDefault' ? canonicalDefault(schema, shown) : shown,
      source,
      isInheritedFromDefaultValue: source !== 'explicit',
      schema,
    };
  }

  private unrecognizedText(name: string): string | undefined {
    const node = this.node;
    if (node === undefined) return undefined;
    const lower = name.toLowerCase();
    for (const n of this.document.editor.attributeNames(node)) {
      if (n.toLowerCase() === lower) return this.document.editor.getAttribute(node, n);
    }
    return undefined;
  }

  private allowsUnrecognized(): boolean {
    return this.schema.allowUnrecognizedAttributes;
  }

  // ---- child elements and collections ---------------------------------------------------------

  /** The child element named case-insensitively (present in the file or not). */
  getChildElement(name: string): ConfigurationElement {
    const schema = this.schema.findElement(name);
    if (schema === undefined) {
      throw new AppcmdError('UNKNOWN_ELEMENT', `Unknown attribute "${name}".  Replace with -? for help.`, {
        hints: didYouMean(name, [...this.schema.elements.map((x) => x.name), ...this.schema.attributes.map((x) => x.name)]),
      });
    }
    return this.childOf(schema);
  }

  get childElements(): ConfigurationElement[] {
    return this.schema.elements.map((s) => this.childOf(s));
  }

  /** Whether the file, as edited, has the child element of this (exact, schema) name at this level. */
  hasWrittenChild(name: string): boolean {
    const node = this.node;
    return node !== undefined && this.document.childNamed(node, name) !== undefined;
  }

  get hasCollection(): boolean {
    return this.schema.collection !== undefined;
  }

  /** This element's own collection, or (with a name) the collection of that child element. */
  getCollection(name?: string): ConfigurationElementCollection {
    if (name !== undefined) return this.getChildElement(name).getCollection();
    const schema = this.schema.collection;
    if (schema === undefined) {
      throw new AppcmdError('UNKNOWN_ELEMENT', `Element "${this.schema.name}" is not a collection.`);
    }
    this.collectionCache ??= new ConfigurationElementCollection(this, schema);
    return this.collectionCache;
  }

  /** Removes this element from the file (its values return to their defaults); false if absent. */
  delete(): boolean {
    const node = this.node;
    if (node === undefined) return false;
    this.document.editor.removeElement(node);
    return true;
  }

  private childOf(schema: ElementSchema): ConfigurationElement {
    const doc = this.document;
    const slot: NodeSlot = {
      find: () => {
        const parentNode = this.node;
        return parentNode === undefined ? undefined : doc.childNamed(parentNode, schema.name);
      },
      ensure: () => {
        const parentNode = this.ensure();
        return doc.childNamed(parentNode, schema.name) ?? doc.editor.insertElement(parentNode, schema.name);
      },
    };
    return new ConfigurationElement(
      doc,
      schema,
      slot,
      this,
      () => this.defaultsForChild(schema),
      () => this.inherited?.getChildElement(schema.name),
    );
  }

  /**
   * A child's defaults: the same child of this element's default element when its schema has one
   * (site/logFile → siteDefaults/logFile), else, for a collection default element, the nearest
   * ancestor's element of that name (site/applicationDefaults → sites/applicationDefaults).
   */
  private defaultsForChild(schema: ElementSchema): ConfigurationElement | undefined {
    const d = this.defaults;
    if (d !== undefined && d.schema.getElement(schema.name) !== undefined) return d.getChildElement(schema.name);
    if (!schema.isCollectionDefault) return undefined;
    for (let a = this.parent; a !== undefined; a = a.parent) {
      const s = a.schema.getElement(schema.name);
      if (s?.isCollectionDefault) return a.getChildElement(schema.name);
    }
    return undefined;
  }
}

function valueToInput(value: ConfigValue): string {
  return typeof value === 'string' ? value : String(value);
}

/** What IIS reports for an attribute with no default at all. */
function zeroValue(attr: AttributeSchema): ConfigValue {
  switch (attr.type) {
    case 'bool':
      return false;
    case 'uint':
    case 'int':
      return 0;
    case 'int64':
      return 0n;
    case 'enum':
      return attr.values.find((v) => v.value === 0)?.name ?? 0;
    case 'flags':
      return attr.values.find((v) => v.value === 0)?.name ?? '';
    case 'timeSpan':
      return '00:00:00';
    case 'string':
      return '';
  }
}

/** Schema defaults are written loosely ("A,B" flags, "29:00:00"); show them as IIS would write them. */
function canonicalDefault(attr: AttributeSchema, text: string): string {
  try {
    return normalizeValue(attr, text);
  } catch {
    return text;
  }
}

function zeroText(attr: AttributeSchema): string {
  return String(zeroValue(attr));
}
