import { AppcmdError } from '../errors.js';
import { stripThumbprintMarks } from './thumbprint-marks.js';

/** A write-policy rule: the cleaned value to write, and notes on what was changed. */
export interface PolicyResult {
  readonly text: string;
  readonly notes: readonly string[];
}

export type PolicyValidator = (attributeName: string, input: string) => PolicyResult;

function certificateHash(attributeName: string, input: string): PolicyResult {
  const { text, removed } = stripThumbprintMarks(input);
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
  return { text, notes: removed.length === 0 ? [] : [`Note: removed from ${attributeName}: ${removed.join(', ')}.`] };
}

/** The validation types that exist only in this tool's write policy (schema/policy/). */
export const POLICY_VALIDATORS: Readonly<Record<string, PolicyValidator>> = { certificateHash };
