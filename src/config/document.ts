import type { ParsedDocument } from '../xml/document.js';
import { isPending, XmlEditor, type ElementRef } from '../xml/editor.js';
import type { AttributeSchema, ElementSchema, SchemaSet } from '../schema/types.js';
import { validateItem, type ValidationScope } from './validate.js';
import type { WritePolicy } from './write-policy.js';

/**
 * One opened configuration file: its parsed tree, the pending edits over it (the editor, which
 * also tells what changed since), the schema that gives it meaning, and what its opener allowed.
 */
export class ConfigDocument {
  readonly editor: XmlEditor;
  /** Things worth telling the user that are not errors (unvalidated extension elements...). */
  readonly notes: string[] = [];
  // A Set, not a WeakSet: nodes live as long as the document, and weak tables cost the collector more.
  private readonly checkedItems = new Set<ElementRef>();
  /**
   * Values already found valid, per attribute, as written in the file: real files repeat the same
   * few values thousands of times, and a batch checks one item per command. null for an attribute
   * whose values hardly repeat (a site's id): remembering those cost more than checking them.
   */
  readonly validatedValues = new Map<AttributeSchema, Set<string> | null>();

  constructor(
    readonly filePath: string,
    readonly xml: ParsedDocument,
    readonly schema: SchemaSet,
    readonly policy: WritePolicy,
    readonly validation: ValidationScope,
    /** The opener consented to plain values on encrypted attributes (ServerManager's allowPlaintextSecrets). */
    readonly allowPlaintextSecrets = false,
  ) {
    this.editor = new XmlEditor(xml);
  }

  /** In 'touched' validation, a collection item is checked when a lookup first reaches it. */
  checkItem(node: ElementRef, schema: ElementSchema, allowUnknown: boolean): void {
    if (this.validation !== 'touched' || isPending(node) || this.checkedItems.has(node)) return;
    this.notes.push(...validateItem(this, node, schema, allowUnknown));
    this.checkedItems.add(node);
  }

  /** 1-based line of an element that exists in the file (undefined for a pending one). */
  lineOf(ref: ElementRef | undefined): number | undefined {
    if (ref === undefined || isPending(ref)) return undefined;
    return this.xml.position(ref.start).line;
  }

  /** Line of an attribute of an existing element, falling back to the element's line. */
  attributeLine(ref: ElementRef | undefined, name: string): number | undefined {
    if (ref === undefined || isPending(ref)) return undefined;
    const attr = ref.attribute(name);
    return this.xml.position(attr?.start ?? ref.start).line;
  }

  /** The first child element named `name` (exact), as currently edited. */
  childNamed(parent: ElementRef, name: string): ElementRef | undefined {
    return this.editor.childNamed(parent, name);
  }
}
