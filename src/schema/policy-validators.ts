import { AppcmdError } from '../errors.js';

/** A write-policy rule: the cleaned value to write, and notes on what was changed. */
export interface PolicyResult {
  readonly text: string;
  readonly notes: readonly string[];
}

export type PolicyValidator = (attributeName: string, input: string) => PolicyResult;

/**
 * Marks that the Windows certificate dialog and web pages put around a copied thumbprint. They are
 * invisible in a terminal and make IIS fail to find the certificate at run time.
 */
const INVISIBLE: Readonly<Record<string, string>> = {
  '\u200e': 'U+200E LEFT-TO-RIGHT MARK',
  '\u200f': 'U+200F RIGHT-TO-LEFT MARK',
  '\ufeff': 'U+FEFF ZERO WIDTH NO-BREAK SPACE',
  '\u200b': 'U+200B ZERO WIDTH SPACE',
  '\u202a': 'U+202A LEFT-TO-RIGHT EMBEDDING',
  '\u202b': 'U+202B RIGHT-TO-LEFT EMBEDDING',
  '\u202c': 'U+202C POP DIRECTIONAL FORMATTING',
  '\u202d': 'U+202D LEFT-TO-RIGHT OVERRIDE',
  '\u202e': 'U+202E RIGHT-TO-LEFT OVERRIDE',
  ' ': 'space',
  '\u00a0': 'U+00A0 NO-BREAK SPACE',
  '\t': 'tab',
  ':': "':'",
};

function certificateHash(attributeName: string, input: string): PolicyResult {
  const removed = new Map<string, number>();
  let text = '';
  for (const c of input) {
    const label = INVISIBLE[c];
    if (label === undefined) text += c;
    else removed.set(label, (removed.get(label) ?? 0) + 1);
  }
  // An empty hash is how a site says "no certificate" (e.g. to override one from siteDefaults).
  if (text !== '' && !/^[0-9A-Fa-f]{40}$/.test(text)) {
    const bad = [...text].find((c) => !/[0-9A-Fa-f]/.test(c));
    const why =
      bad !== undefined
        ? `"${bad}" (U+${(bad.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}) is not a hexadecimal digit`
        : `it has ${text.length} hexadecimal digits`;
    throw new AppcmdError('VALUE_INVALID', `Invalid certificate hash for ${attributeName}: a thumbprint is exactly 40 hexadecimal digits (SHA-1), but ${why}.`, {
      hints: ['Copy the Thumbprint of the certificate (certutil -store My, or Get-ChildItem Cert:\\LocalMachine\\My).'],
    });
  }
  const notes =
    removed.size === 0
      ? []
      : [`Note: removed from ${attributeName}: ${[...removed].map(([label, n]) => (n === 1 ? label : `${n} × ${label}`)).join(', ')}.`];
  return { text, notes };
}

/** The validation types that exist only in this tool's write policy (schema/policy/). */
export const POLICY_VALIDATORS: Readonly<Record<string, PolicyValidator>> = { certificateHash };
