/**
 * Interned names. A file has a few hundred distinct element and attribute names but millions of
 * occurrences; hashing while scanning and comparing against the stored string in place avoids
 * allocating a substring per tag, and lets the store keep a small integer per name.
 */
export class NameTable {
  readonly names: string[] = [];
  private slots = new Int32Array(256).fill(-1);
  private hashes: number[] = [];

  /** The id of text[start, end), whose hash the caller computed with `hashStep`. */
  intern(text: string, start: number, end: number, hash: number): number {
    const slots = this.slots;
    const mask = slots.length - 1;
    const length = end - start;
    let i = hash & mask;
    for (;;) {
      const id = slots[i]!;
      if (id === -1) break;
      const name = this.names[id]!;
      if (this.hashes[id] === hash && name.length === length && text.startsWith(name, start)) return id;
      i = (i + 1) & mask;
    }
    const id = this.names.length;
    this.names.push(text.slice(start, end));
    this.hashes.push(hash);
    slots[i] = id;
    if (this.names.length * 2 > slots.length) this.grow();
    return id;
  }

  /** The id of `name`, or -1 when the text had no such name (so no element or attribute has it). */
  find(name: string): number {
    let h = HASH_SEED;
    for (let i = 0; i < name.length; i++) h = hashStep(h, name.charCodeAt(i));
    const slots = this.slots;
    const mask = slots.length - 1;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const id = slots[i]!;
      if (id === -1) return -1;
      if (this.hashes[id] === h && this.names[id] === name) return id;
    }
  }

  get size(): number {
    return this.names.length;
  }

  private grow(): void {
    const slots = new Int32Array(this.slots.length * 2).fill(-1);
    const mask = slots.length - 1;
    for (let id = 0; id < this.names.length; id++) {
      let i = this.hashes[id]! & mask;
      while (slots[i] !== -1) i = (i + 1) & mask;
      slots[i] = id;
    }
    this.slots = slots;
  }
}

/** One step of the name hash (FNV-style multiply, kept in 32 bits). */
export function hashStep(hash: number, c: number): number {
  return Math.imul(hash ^ c, 0x01000193);
}

export const HASH_SEED = 0x811c9dc5 | 0;
