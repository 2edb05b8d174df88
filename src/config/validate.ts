import { AppcmdError } from '../errors.js';
import { LOCK_ATTRIBUTES, lockAttributeFault } from './lock-attributes.js';
import type { AttributeSchema, ElementSchema } from '../schema/types.js';
import { checkStoredValue } from '../schema/value.js';
import { XmlCursor } from '../xml/cursor.js';
import type { XmlElement } from '../xml/types.js';
import type { ConfigDocument } from './document.js';

/**
 * Attributes the configuration system accepts on any element of a section: locking and
 * configSource are IIS's own, not part of any section schema.
 */
const GENERIC_ATTRIBUTES = new Set([...LOCK_ATTRIBUTES, 'configSource']);

/**
 * Checks a section's XML, as read from the file, against its schema as IIS does when the section
 * is read: unknown attributes, invalid values, missing required attributes, duplicate keys. The
 * first problem is thrown as CONFIG_INVALID with the file and line. It runs over the parsed tables
 * (XmlCursor), because a large section has far more attributes than are worth an object each.
 *
 * An element the schema does not know is the one exception: IIS modules extend sections with
 * their own schema files (Advanced Logging adds <advancedLogging> to <site>), and a file from a
 * server that had the module is valid there. Such an element is kept untouched and unvalidated,
 * and a note says so; everything the schema does describe is still checked.
 */
export function validateSection(doc: ConfigDocument, node: XmlElement, schema: ElementSchema, scope: ValidationScope = 'section'): string[] {
  return validateSubtree(doc, node, schema, scope === 'section', false);
}

/**
 * How much of a section is checked when it is read. 'section' is IIS's rule: all of it.
 * 'touched' checks the section's own attributes and elements, and each collection item when a
 * lookup reaches it (validateItem): every value a command reads or writes is checked, at a cost
 * that does not grow with the number of sites (a whole-section pass costs more than the rest of a
 * command on a large file).
 */
export type ValidationScope = 'section' | 'touched';

/** Checks one collection item (and everything in it) as read from the file. */
export function validateItem(doc: ConfigDocument, node: XmlElement, schema: ElementSchema, allowUnknown: boolean): string[] {
  return validateSubtree(doc, node, schema, true, allowUnknown);
}

function validateSubtree(doc: ConfigDocument, node: XmlElement, schema: ElementSchema, items: boolean, rootAllowsUnknown: boolean): string[] {
  const walker = new SubtreeWalker(doc, items);
  walker.walk(walker.cur.row(node), schema, rootAllowsUnknown);
  return walker.notes;
}

/**
 * One pass over a subtree. A class rather than closures made per call: a batch validates an item
 * per line, most of them before V8 has optimized this code, and methods on one shape warm up sooner.
 */
class SubtreeWalker {
  readonly cur: XmlCursor;
  readonly notes: string[] = [];
  /** Real files repeat the same few values thousands of times; each distinct one is checked once. */
  private readonly validated: Map<AttributeSchema, Set<string> | null>;
  private depth = 0;

  constructor(
    private readonly doc: ConfigDocument,
    /** Whether collection items are walked (false: the section's own elements only). */
    private readonly items: boolean,
  ) {
    this.cur = XmlCursor.of(doc.xml);
    this.validated = doc.validatedValues;
  }

  walk(row: number, s: ElementSchema, allowUnknown: boolean): void {
    const cur = this.cur;
    this.checkAttributes(row, s, allowUnknown);
    let child = cur.firstChild(row);
    if (child === -1) return;
    const collection = s.collection;
    if (collection === undefined) {
      for (; child !== -1; child = cur.nextSibling(child)) this.walkChild(child, s);
      return;
    }
    if (!this.items && this.depth === 0) {
      // Items are checked one by one when a lookup reaches them (validateItem).
      const skip = new Set([...collection.addElementNames, collection.clearElementName, collection.removeElementName]);
      this.depth++;
      for (; child !== -1; child = cur.nextSibling(child)) if (!skip.has(cur.name(child))) this.walkChild(child, s);
      this.depth--;
      return;
    }
    const adds = collection.addElementNames;
    const mainKey = collection.itemKey(collection.item.name);
    // Each <collection> declaration keys its own items (ASP.NET's <add> and <group>): a key of a
    // second declaration's item is kept under its item's name (\u0001 is no XML character), so one
    // set serves all. A <clear/> empties them all, a <remove/> names an item of the main declaration.
    const keysSeen = new KeySet();
    for (; child !== -1; child = cur.nextSibling(child)) {
      const name = cur.name(child);
      if (adds.includes(name)) {
        const item = collection.itemSchema(name);
        this.walk(child, item, collection.allowUnrecognizedAttributes);
        const key = item === collection.item ? mainKey : collection.itemKey(name);
        if (key.attributes.length > 0 && !collection.allowDuplicates) {
          const text = item === collection.item ? this.keyOf(child, key.attributes) : `${item.name}\u0001${this.keyOf(child, key.attributes)}`;
          const at = child;
          if (keysSeen.has(text)) this.fail(cur.start(at), duplicateText(name, key.attributes, key.combined, (k) => cur.find(at, k.name) ?? ''));
          keysSeen.add(text);
        }
      } else if (name === collection.clearElementName) {
        keysSeen.clear();
      } else if (name === collection.removeElementName) {
        keysSeen.delete(this.keyOf(child, mainKey.attributes));
      } else this.walkChild(child, s);
    }
  }

  private walkChild(child: number, s: ElementSchema): void {
    const name = this.cur.name(child);
    const childSchema = s.getElement(name);
    if (childSchema !== undefined) {
      this.depth++;
      this.walk(child, childSchema, false);
      this.depth--;
      return;
    }
    this.notes.push(
      `Note: element <${name}> (${this.doc.filePath}, line ${this.lineOf(this.cur.start(child))}) is not described by the schema; it is kept as is, unvalidated. Give the schema of the IIS module that adds it with /schemadir:DIR to validate it.`,
    );
  }

  private checkAttributes(row: number, s: ElementSchema, allowUnknown: boolean): void {
    const cur = this.cur;
    const end = cur.attributesEnd(row);
    for (let a = cur.attributesStart(row); a < end; a++) {
      const name = cur.attributeName(a);
      const attr = s.getAttribute(name);
      if (attr === undefined) {
        if (GENERIC_ATTRIBUTES.has(name)) {
          const fault = lockAttributeFault(s, name, cur.attributeValue(a));
          if (fault !== undefined) this.fail(cur.attributeStart(a), fault);
          continue;
        }
        if (allowUnknown || s.allowUnrecognizedAttributes || name.startsWith('xmlns')) continue;
        this.fail(cur.attributeStart(a), `Unrecognized attribute '${name}'`);
      }
      // A string without a validationType accepts anything: nothing to read.
      if (attr.type === 'string' && attr.validationType === undefined) continue;
      this.checkValue(a, attr);
    }
    for (const attr of requiredAttributes(s)) {
      if (!cur.has(row, attr.name)) this.fail(cur.start(row), `Missing required attribute '${attr.name}'`);
    }
  }

  private checkValue(a: number, attr: AttributeSchema): void {
    const cur = this.cur;
    let seen = this.validated.get(attr);
    if (seen === undefined) this.validated.set(attr, (seen = new Set()));
    const raw = seen === null ? '' : cur.attributeRaw(a);
    if (seen?.has(raw) === true) return;
    try {
      checkStoredValue(attr, cur.attributeValue(a));
    } catch (e) {
      // IIS's reader names the attribute before the validator's text, two spaces apart (JexusManager's
      // tests run against IIS: "The 'name' attribute is invalid.  Invalid application pool name").
      if (e instanceof AppcmdError) this.fail(cur.attributeStart(a), `The '${attr.name}' attribute is invalid.  ${e.message}`);
      throw e;
    }
    if (seen === null) return;
    // Past a few hundred distinct values an attribute is one of unique values: stop remembering.
    if (seen.size < DISTINCT_VALUES_REMEMBERED) seen.add(raw);
    else this.validated.set(attr, null);
  }

  private keyOf(child: number, keys: readonly AttributeSchema[]): string {
    let key = '';
    for (const k of keys) key += `${keyText(k, this.cur.find(child, k.name) ?? k.defaultValue ?? '')}\u0000`;
    return key;
  }

  private lineOf(offset: number): number {
    return this.doc.xml.position(offset).line;
  }

  private fail(offset: number, message: string): never {
    throw new AppcmdError('CONFIG_INVALID', message, { file: this.doc.filePath, line: this.lineOf(offset) });
  }
}

/**
 * The keys seen in one collection: a list while short (an item's bindings, applications and
 * virtual directories are a handful, and hashing each new key string cost more than comparing),
 * a set beyond that.
 */
class KeySet {
  private list: string[] = [];
  private set: Set<string> | undefined;

  has(key: string): boolean {
    return this.set === undefined ? this.list.includes(key) : this.set.has(key);
  }

  add(key: string): void {
    if (this.set !== undefined) this.set.add(key);
    else if (this.list.length < 16) this.list.push(key);
    else this.set = new Set([...this.list, key]);
  }

  delete(key: string): void {
    if (this.set !== undefined) this.set.delete(key);
    else this.list = this.list.filter((k) => k !== key);
  }

  clear(): void {
    this.list = [];
    this.set = undefined;
  }
}

const DISTINCT_VALUES_REMEMBERED = 256;

const REQUIRED = new WeakMap<ElementSchema, readonly AttributeSchema[]>();

/** The required attributes of an element, listed once: a batch checks 1,000 sites' elements. */
function requiredAttributes(s: ElementSchema): readonly AttributeSchema[] {
  let list = REQUIRED.get(s);
  if (list === undefined) REQUIRED.set(s, (list = s.attributes.filter((a) => a.required)));
  return list;
}

function keyText(attr: AttributeSchema, text: string): string {
  return attr.caseSensitive ? text : text.toLowerCase();
}

/** IIS's duplicate-entry text, single key or combined keys. */
export function duplicateText(
  itemName: string,
  keys: readonly AttributeSchema[],
  combined: boolean,
  valueOf: (k: AttributeSchema) => string,
): string {
  if (keys.length === 1 && !combined) {
    const k = keys[0] as AttributeSchema;
    return `Cannot add duplicate collection entry of type '${itemName}' with unique key attribute '${k.name}' set to '${valueOf(k)}'`;
  }
  const kind = combined ? 'combined key attributes' : 'unique key attributes';
  return `Cannot add duplicate collection entry of type '${itemName}' with ${kind} '${keys.map((k) => k.name).join(', ')}' respectively set to '${keys.map(valueOf).join(', ')}'`;
}
