/**
 * Entity and character references. Only the five predefined entities and numeric character
 * references exist here: DTDs are refused, so no other entity can ever be declared, which is
 * also what makes entity-expansion attacks impossible.
 */
import { isXmlChar, isNameChar } from './chars.js';

const PREDEFINED: ReadonlyMap<string, number> = new Map([
  ['lt', 0x3c],
  ['gt', 0x3e],
  ['amp', 0x26],
  ['apos', 0x27],
  ['quot', 0x22],
]);

// How far a message looks for the ';' of a broken reference.
const MESSAGE_SCAN = 64;

/**
 * Offset just after the ';' of a well-formed reference starting at `amp` (the '&'), or -1.
 * Hot path: called for every '&' in the file.
 */
export function referenceEnd(text: string, amp: number): number {
  const cp = referenceCodePoint(text, amp);
  return cp < 0 ? -1 : text.indexOf(';', amp) + 1;
}

/**
 * The code point a reference stands for, or -1 when it is not a well-formed, allowed reference.
 * The caller knows the reference ends at the next ';'.
 */
export function referenceCodePoint(text: string, amp: number): number {
  const semi = text.indexOf(';', amp + 1);
  if (semi === -1) return -1;
  if (text.charCodeAt(amp + 1) === 0x23 /* # */) {
    const hex = text.charCodeAt(amp + 2) === 0x78; /* x */
    const first = amp + (hex ? 3 : 2);
    if (first === semi) return -1;
    let value = 0;
    for (let i = first; i < semi; i++) {
      const d = digit(text.charCodeAt(i), hex);
      if (d < 0) return -1;
      value = value * (hex ? 16 : 10) + d;
      if (value > 0x10ffff) return -1;
    }
    return isXmlChar(value) ? value : -1;
  }
  return semi - amp > 5 ? -1 : (PREDEFINED.get(text.slice(amp + 1, semi)) ?? -1);
}

function digit(c: number, hex: boolean): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (!hex) return -1;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  return -1;
}

/** Why the reference at `amp` was refused, for the error message. */
export function describeBadReference(text: string, amp: number): string {
  let end = amp + 1;
  while (end < text.length && end - amp < MESSAGE_SCAN && (isNameChar(text.charCodeAt(end)) || text.charCodeAt(end) === 0x23)) end++;
  if (text.charCodeAt(end) !== 0x3b /* ; */) {
    return "'&' must start a reference such as &amp; (write &amp; for a literal '&')";
  }
  const ref = text.slice(amp, end + 1);
  if (text.charCodeAt(amp + 1) === 0x23) {
    return `character reference ${ref} does not name a character allowed in XML`;
  }
  return `unknown entity reference ${ref}: only &lt; &gt; &amp; &apos; &quot; and numeric character references are allowed`;
}

/**
 * The value of an attribute from its raw text between the quotes: references resolved, then
 * attribute-value normalization (XML 1.0 §3.3.3): a literal tab, CR, LF or CR LF becomes one
 * space, while a character that came from a reference is kept as is.
 */
export function decodeAttributeValue(raw: string): string {
  if (!/[&\t\n\r]/.test(raw)) return raw;
  let out = '';
  let from = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 0x26) {
      const cp = referenceCodePoint(raw, i);
      const semi = raw.indexOf(';', i);
      out += raw.slice(from, i) + String.fromCodePoint(cp < 0 ? 0xfffd : cp);
      i = semi;
      from = semi + 1;
    } else if (c === 0x09 || c === 0x0a || c === 0x0d) {
      out += raw.slice(from, i) + ' ';
      if (c === 0x0d && raw.charCodeAt(i + 1) === 0x0a) i++;
      from = i + 1;
    }
  }
  return out + raw.slice(from);
}
