/**
 * Attribute values as they must be written between a given quote character. Tab, LF and CR are
 * written as character references because a literal one would be read back as a space
 * (attribute-value normalization), which would silently change the value.
 */
import { AppcmdError } from '../errors.js';
import { describeChar, findInvalidChar } from './chars.js';
import type { Quote } from './layout.js';

const NEEDS_ESCAPE = /[&<>"'\t\n\r]/;
const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '\t': '&#x9;',
  '\n': '&#xA;',
  '\r': '&#xD;',
};

export function escapeAttributeValue(value: string, quote: Quote): string {
  assertRepresentable(value);
  if (!NEEDS_ESCAPE.test(value)) return value;
  return value.replace(/[&<>"'\t\n\r]/g, (c) => {
    if (c === quote) return quote === '"' ? '&quot;' : '&apos;';
    return ESCAPES[c] ?? c;
  });
}

/** XML 1.0 cannot hold NUL, most C0 controls, U+FFFE/U+FFFF or lone surrogates, even escaped. */
export function assertRepresentable(value: string): void {
  const bad = findInvalidChar(value);
  if (bad !== -1) {
    throw new AppcmdError('VALUE_INVALID', `the value contains ${describeChar(value, bad)}, which an XML file cannot hold`);
  }
}
