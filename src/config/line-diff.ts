/** One line of a line diff: kept, removed from the old text, or added in the new one. */
export interface DiffLine {
  readonly kind: ' ' | '-' | '+';
  readonly text: string;
}

/**
 * Myers keeps one vector per edit step; past this many vector cells (about 50 MB) a region is
 * shown as removed then added rather than minimised.
 */
const TRACE_CELLS = 12_000_000;

/**
 * A shortest edit script between two line lists (Myers' O((N+M)·D) algorithm), after trimming the
 * common head and tail. Used on the few lines around each text edit, never on a whole large file.
 */
export function diffLines(a: readonly string[], b: readonly string[]): DiffLine[] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const midA = a.slice(head, a.length - tail);
  const midB = b.slice(head, b.length - tail);
  const keep = (lines: readonly string[]): DiffLine[] => lines.map((text) => ({ kind: ' ', text }));
  const middle = myers(midA, midB) ?? [...midA.map((text): DiffLine => ({ kind: '-', text })), ...midB.map((text): DiffLine => ({ kind: '+', text }))];
  return [...keep(a.slice(0, head)), ...middle, ...keep(a.slice(a.length - tail))];
}

/** Undefined when the script would need more than TRACE_CELLS of memory. */
function myers(a: readonly string[], b: readonly string[]): DiffLine[] | undefined {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const maxSteps = Math.floor(TRACE_CELLS / (2 * max + 3));
  const offset = max + 1;
  let v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = max === 0;
  for (let d = 0; d <= max && !found; d++) {
    if (d > maxSteps) return undefined;
    trace.push(v.slice());
    const next = v.slice();
    for (let k = -d; k <= d; k += 2) {
      const down = k === -d || (k !== d && (v[offset + k - 1] ?? 0) < (v[offset + k + 1] ?? 0));
      let x = down ? (v[offset + k + 1] ?? 0) : (v[offset + k - 1] ?? 0) + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      next[offset + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
    v = next;
  }
  return backtrack(a, b, trace, offset);
}

function backtrack(a: readonly string[], b: readonly string[], trace: readonly Int32Array[], offset: number): DiffLine[] {
  const out: DiffLine[] = [];
  let x = a.length;
  let y = b.length;
  for (let d = trace.length - 1; d >= 0; d--) {
    const v = trace[d] ?? new Int32Array(0);
    const k = x - y;
    const down = k === -d || (k !== d && (v[offset + k - 1] ?? 0) < (v[offset + k + 1] ?? 0));
    const prevK = down ? k + 1 : k - 1;
    const prevX = v[offset + prevK] ?? 0;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      out.push({ kind: ' ', text: a[x - 1] ?? '' });
      x--;
      y--;
    }
    if (d > 0) {
      if (down) out.push({ kind: '+', text: b[y - 1] ?? '' });
      else out.push({ kind: '-', text: a[x - 1] ?? '' });
    }
    x = prevX;
    y = prevY;
  }
  return out.reverse();
}
