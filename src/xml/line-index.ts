/**
 * Offset → line/column, built on first use: most documents never need a position, and for the
 * ones that do, a line-start table plus binary search answers any number of lookups cheaply.
 * A line ends at CR LF, LF or a lone CR (XML's end-of-line rule), so CR LF counts once.
 */
export class LineIndex {
  private starts: Int32Array | undefined;
  private count = 0;

  constructor(private readonly text: string) {}

  /** 1-based line and column; columns count UTF-16 units. */
  position(offset: number): { line: number; column: number } {
    const starts = this.starts ?? this.build();
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.count - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (starts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: o - starts[lo]! + 1 };
  }

  private build(): Int32Array {
    const text = this.text;
    let starts = new Int32Array(1024);
    let n = 1; // starts[0] = 0
    // Searching for LF natively and only then looking for CRs between keeps this near memchr speed.
    let cr = text.indexOf('\r');
    let lf = text.indexOf('\n');
    for (;;) {
      let next: number;
      if (cr !== -1 && (lf === -1 || cr < lf)) {
        next = text.charCodeAt(cr + 1) === 0x0a ? cr + 2 : cr + 1;
      } else if (lf !== -1) {
        next = lf + 1;
      } else break;
      if (n === starts.length) {
        const grown = new Int32Array(starts.length * 2);
        grown.set(starts);
        starts = grown;
      }
      starts[n++] = next;
      if (cr !== -1 && cr < next) cr = text.indexOf('\r', next);
      if (lf !== -1 && lf < next) lf = text.indexOf('\n', next);
    }
    this.starts = starts;
    this.count = n;
    return starts;
  }
}
