/**
 * What people paste around and inside a certificate thumbprint: the invisible marks the Windows
 * certificate dialog and web pages add (invisible in a terminal, and IIS then cannot find the
 * certificate at run time), and the separators of `openssl` output and grouped displays. One
 * table for the write policy (serverCertHash) and for /cert: selectors.
 */
const MARKS: ReadonlyMap<string, string> = new Map([
  ['\u200e', 'U+200E LEFT-TO-RIGHT MARK'],
  ['\u200f', 'U+200F RIGHT-TO-LEFT MARK'],
  ['\ufeff', 'U+FEFF ZERO WIDTH NO-BREAK SPACE'],
  ['\u200b', 'U+200B ZERO WIDTH SPACE'],
  ['\u200c', 'U+200C ZERO WIDTH NON-JOINER'],
  ['\u200d', 'U+200D ZERO WIDTH JOINER'],
  ['\u2060', 'U+2060 WORD JOINER'],
  ['\u202a', 'U+202A LEFT-TO-RIGHT EMBEDDING'],
  ['\u202b', 'U+202B RIGHT-TO-LEFT EMBEDDING'],
  ['\u202c', 'U+202C POP DIRECTIONAL FORMATTING'],
  ['\u202d', 'U+202D LEFT-TO-RIGHT OVERRIDE'],
  ['\u202e', 'U+202E RIGHT-TO-LEFT OVERRIDE'],
  [' ', 'space'],
  ['\u00a0', 'U+00A0 NO-BREAK SPACE'],
  ['\t', 'tab'],
  [':', "':'"],
]);

export interface StrippedThumbprint {
  /** The input without marks and separators, case as given. */
  readonly text: string;
  /** What was removed, for a note: "U+200E LEFT-TO-RIGHT MARK", "18 × space". */
  readonly removed: readonly string[];
}

export function stripThumbprintMarks(input: string): StrippedThumbprint {
  const counts = new Map<string, number>();
  let text = '';
  for (const c of input) {
    const label = MARKS.get(c);
    if (label === undefined) text += c;
    else counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  return { text, removed: [...counts].map(([label, n]) => (n === 1 ? label : `${n} × ${label}`)) };
}
