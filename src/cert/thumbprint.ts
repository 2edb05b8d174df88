import { stripThumbprintMarks } from '../schema/thumbprint-marks.js';

/**
 * Thumbprints as people paste them: copied from the Windows certificate dialog (with an invisible
 * U+200E in front), with spaces every two digits, with colons (openssl), in either case. IIS
 * compares them case-insensitively; Windows shows them upper case, which is the canonical form here.
 */

export interface CleanThumbprint {
  /** Upper-case hex with everything removed that is not part of the hash. */
  readonly value: string;
  /** Human descriptions of what was removed ("U+200E LEFT-TO-RIGHT MARK", "19 × space"), for a note. */
  readonly removed: readonly string[];
  /** True when the result is exactly 40 hex digits (a SHA-1 thumbprint). */
  readonly valid: boolean;
}

export function cleanThumbprint(raw: string): CleanThumbprint {
  const { text, removed } = stripThumbprintMarks(raw.trim());
  const value = text.toUpperCase();
  return { value, removed, valid: /^[0-9A-F]{40}$/.test(value) };
}

/** Whether a /cert: value is meant as a thumbprint (hex, separators, invisible marks only). */
export function looksLikeThumbprint(raw: string): boolean {
  const { value } = cleanThumbprint(raw);
  return value.length > 0 && /^[0-9A-F]+$/.test(value);
}
