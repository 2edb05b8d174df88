/**
 * Thumbprints as people paste them: copied from the Windows certificate dialog (with an invisible
 * U+200E in front), with spaces every two digits, with colons (openssl), in either case. IIS
 * compares them case-insensitively; Windows shows them upper case, which is the canonical form here.
 */

export interface CleanThumbprint {
  /** Upper-case hex with everything removed that is not part of the hash. */
  readonly value: string;
  /** Human descriptions of what was removed ("U+200E LEFT-TO-RIGHT MARK", "spaces"), for a note. */
  readonly removed: readonly string[];
  /** True when the result is exactly 40 hex digits (a SHA-1 thumbprint). */
  readonly valid: boolean;
}

const INVISIBLE: ReadonlyMap<string, string> = new Map([
  ['\u200e', 'U+200E LEFT-TO-RIGHT MARK'],
  ['\u200f', 'U+200F RIGHT-TO-LEFT MARK'],
  ['\ufeff', 'U+FEFF BYTE ORDER MARK'],
  ['\u200b', 'U+200B ZERO WIDTH SPACE'],
  ['\u200c', 'U+200C ZERO WIDTH NON-JOINER'],
  ['\u200d', 'U+200D ZERO WIDTH JOINER'],
  ['\u2060', 'U+2060 WORD JOINER'],
  ['\u202a', 'U+202A LEFT-TO-RIGHT EMBEDDING'],
  ['\u202c', 'U+202C POP DIRECTIONAL FORMATTING'],
]);

const SEPARATORS: ReadonlyMap<string, string> = new Map([
  [' ', 'spaces'],
  ['\u00a0', 'no-break spaces'],
  ['\t', 'tabs'],
  [':', 'colons'],
]);

export function cleanThumbprint(raw: string): CleanThumbprint {
  const removed = new Set<string>();
  let value = '';
  for (const ch of raw.trim()) {
    const why = INVISIBLE.get(ch) ?? SEPARATORS.get(ch);
    if (why !== undefined) removed.add(why);
    else value += ch;
  }
  value = value.toUpperCase();
  return { value, removed: [...removed], valid: /^[0-9A-F]{40}$/.test(value) };
}

/** Whether a /cert: value is meant as a thumbprint (hex, separators, invisible marks only). */
export function looksLikeThumbprint(raw: string): boolean {
  const { value } = cleanThumbprint(raw);
  return value.length > 0 && /^[0-9A-F]+$/.test(value);
}
