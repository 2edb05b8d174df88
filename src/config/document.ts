import type { XmlDocument } from '../xml/types.js';
import { XmlEditor, type ElementRef } from '../xml/editor.js';
import type { AttributeSchema, ElementSchema, SchemaSet } from '../schema/types.js';
import { validateItem, type ValidationScope } from './validate.js';
import type { WritePolicy } from './write-policy.js';

/**
 * One opened configuration file: its parsed tree, the pending edits over it, and the schema that
 * gives it meaning. `version` changes with every structural edit so that derived indexes know when
 * to rebuild.
 */
export class ConfigDocument {
  readonly editor: XmlEditor;
  /** Things worth telling the user that are not errors (unvalidated extension elements...). */
  readonly notes: string[] = [];
  private changeCount = 0;
  private readonly checkedItems = new WeakSet<ElementRef>();
  /**
   * Values already found valid, per attribute, as written in the file: real files repeat the same
   * few values thousands of times, and a batch checks one item per command. null for an attribute
   * whose values hardly repeat (a site's id): remembering those cost more than checking them.
   */
  readonly validatedValues = new Map<AttributeSchema, Set<string> | null>();

  constructor(
    readonly filePath: string,
    readonly xml: XmlDocument,
    readonly schema: SchemaSet,
    readonly policy: WritePolicy,
    readonly validation: ValidationScope,
  ) {
    this.editor = new XmlEditor(xml);
  }

  /** In 'touched' validation, a collection item is checked when a lookup first reaches it. */
  checkItem(node: ElementRef, schema: ElementSchema, allowUnknown: boolean): void {
    if (this.validation !== 'touched' || !('start' in node) || this.checkedItems.has(node)) return;
    this.notes.push(...validateItem(this, node, schema, allowUnknown));
    this.checkedItems.add(node);
  }

  /** Changes with every edit that can change a collection's items or their keys. */
  get version(): number {
    return this.changeCount;
  }

  /**
   * Records an edit. Setting an attribute that is no collection key changes no collection's items
   * or index (`structural` false): a batch of 1,000 sets on a 10,000-site file must not rebuild
   * the site index 1,000 times.
   */
  touched(structural = true): void {
    if (structural) this.changeCount++;
  }

  /** 1-based line of an element that exists in the file (undefined for a pending one). */
  lineOf(ref: ElementRef | undefined): number | undefined {
    if (ref === undefined || !('start' in ref)) return undefined;
    return this.xml.position(ref.start).line;
  }

  /** Line of an attribute of an existing element, falling back to the element's line. */
  attributeLine(ref: ElementRef | undefined, name: string): number | undefined {
    if (ref === undefined || !('start' in ref)) return undefined;
    const attr = ref.attribute(name);
    return this.xml.position(attr?.start ?? ref.start).line;
  }

  /** The first child element named `name` (exact), as currently edited. */
  childNamed(parent: ElementRef, name: string): ElementRef | undefined {
    return this.editor.childNamed(parent, name);
  }
}
