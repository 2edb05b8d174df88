/**
 * An element the editor will insert: not in the text yet, so it has no spans, only a name, ordered
 * attributes and (pending) children. Its parts change only through XmlEditor, which keeps the
 * parent/child links and the removed set consistent.
 */
import type { XmlElement } from './types.js';

export type ElementRef = XmlElement | PendingElement;

export interface PendingParts {
  readonly attributes: Map<string, string>;
  readonly children: PendingElement[];
}

// Assigned by PendingElement's static block below.
let mutableParts: (p: PendingElement) => PendingParts;

export class PendingElement {
  readonly name: string;
  readonly #attributes = new Map<string, string>();
  readonly #children: PendingElement[] = [];
  readonly #parent: ElementRef;

  constructor(name: string, parent: ElementRef) {
    this.name = name;
    this.#parent = parent;
  }

  /** Attributes in the order they were first set. */
  get attributes(): ReadonlyArray<readonly [string, string]> {
    return [...this.#attributes];
  }

  get children(): readonly PendingElement[] {
    return [...this.#children];
  }

  get parent(): ElementRef {
    return this.#parent;
  }

  static {
    // Hands the editor write access without making the mutable parts public API.
    mutableParts = (p) => ({ attributes: p.#attributes, children: p.#children });
  }
}

/** For XmlEditor only: the live attribute map and child list of a pending element. */
export function partsOf(p: PendingElement): PendingParts {
  return mutableParts(p);
}

/** Whether an element is one the editor will insert (not in the text yet, so without spans). */
export function isPending(ref: ElementRef): ref is PendingElement {
  return ref instanceof PendingElement;
}
