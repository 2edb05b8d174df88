/**
 * The scan result as parallel typed arrays (struct of arrays): one row per element, in start-tag
 * order, and one row per attribute. Node objects are made only when someone asks for them, so a
 * 50,000-site file costs a few dozen bytes per element instead of a few hundred. The scanner
 * writes the rows itself (`count` is the number of rows in use) and calls grow() when full.
 */
export class ElementTable {
  count = 0;
  name: Int32Array;
  start: Int32Array;
  startTagEnd: Int32Array;
  endTagStart: Int32Array;
  end: Int32Array;
  parent: Int32Array;
  firstChild: Int32Array;
  nextSibling: Int32Array;
  /** Index of the element's first row in the attribute table; its rows run to the next element's. */
  firstAttribute: Int32Array;

  constructor(capacity: number) {
    const n = Math.max(16, capacity);
    this.name = new Int32Array(n);
    this.start = new Int32Array(n);
    this.startTagEnd = new Int32Array(n);
    this.endTagStart = new Int32Array(n);
    this.end = new Int32Array(n);
    this.parent = new Int32Array(n);
    // -1 (none) until a child or sibling is seen; filled natively rather than per row while scanning.
    this.firstChild = new Int32Array(n).fill(-1);
    this.nextSibling = new Int32Array(n).fill(-1);
    this.firstAttribute = new Int32Array(n);
  }

  /** Doubles the capacity; the scanner calls it and then re-reads the arrays. */
  grow(): void {
    const n = this.name.length * 2;
    this.name = grown(this.name, n);
    this.start = grown(this.start, n);
    this.startTagEnd = grown(this.startTagEnd, n);
    this.endTagStart = grown(this.endTagStart, n);
    this.end = grown(this.end, n);
    this.parent = grown(this.parent, n);
    this.firstChild = grownFilled(this.firstChild, n);
    this.nextSibling = grownFilled(this.nextSibling, n);
    this.firstAttribute = grown(this.firstAttribute, n);
  }
}

export class AttributeTable {
  count = 0;
  name: Int32Array;
  start: Int32Array;
  valueStart: Int32Array;
  valueEnd: Int32Array;

  constructor(capacity: number) {
    const n = Math.max(16, capacity);
    this.name = new Int32Array(n);
    this.start = new Int32Array(n);
    this.valueStart = new Int32Array(n);
    this.valueEnd = new Int32Array(n);
  }

  /** Doubles the capacity; the scanner calls it and then re-reads the arrays. */
  grow(): void {
    const n = this.name.length * 2;
    this.name = grown(this.name, n);
    this.start = grown(this.start, n);
    this.valueStart = grown(this.valueStart, n);
    this.valueEnd = grown(this.valueEnd, n);
  }
}

/** A copy of `a` with room for `n` entries. */
export function grown(a: Int32Array, n: number): Int32Array {
  const b = new Int32Array(n);
  b.set(a);
  return b;
}

/** A copy of `a` with room for `n` entries, the new ones -1. */
export function grownFilled(a: Int32Array, n: number): Int32Array {
  const b = new Int32Array(n).fill(-1);
  b.set(a);
  return b;
}
