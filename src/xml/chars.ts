/**
 * Character classes of XML 1.0 (fifth edition). Names are tested through an ASCII table first
 * because configuration files are almost entirely ASCII and the scanner calls these per character.
 */

/** Bits of ASCII_CLASS. */
export const NAME_START = 1;
export const NAME = 2;

/**
 * The class bits of each ASCII unit. The scanner tests `c < 128 ? ASCII_CLASS[c] & NAME : …`
 * in place instead of calling isNameChar: a call per character is what makes a cold (not yet
 * optimized) scan slow, and a CLI run is almost all cold.
 */
export const ASCII_CLASS = new Uint8Array(128);
const ASCII = ASCII_CLASS;
for (let c = 0; c < 128; c++) {
  const start = (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x3a || c === 0x5f;
  const other = (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2e;
  ASCII[c] = start ? NAME_START | NAME : other ? NAME : 0;
}

/**
 * Beyond ASCII, UTF-16 surrogates count as name characters: the whole text is checked for lone
 * surrogates before scanning, so a surrogate here is half of a pair, and every supplementary
 * code point up to U+EFFFF is a name character (pairs beyond it are rejected below).
 */
function isNonAsciiNameStart(c: number): boolean {
  return (
    (c >= 0xc0 && c <= 0xd6) ||
    (c >= 0xd8 && c <= 0xf6) ||
    (c >= 0xf8 && c <= 0x2ff) ||
    (c >= 0x370 && c <= 0x37d) ||
    (c >= 0x37f && c <= 0x1fff) ||
    c === 0x200c ||
    c === 0x200d ||
    (c >= 0x2070 && c <= 0x218f) ||
    (c >= 0x2c00 && c <= 0x2fef) ||
    (c >= 0x3001 && c <= 0xdb7f) ||
    (c >= 0xdc00 && c <= 0xdfff) ||
    (c >= 0xf900 && c <= 0xfdcf) ||
    (c >= 0xfdf0 && c <= 0xfffd)
  );
}

export function isNameStartChar(c: number): boolean {
  return c < 128 ? (ASCII[c]! & NAME_START) !== 0 : isNonAsciiNameStart(c);
}

export function isNameChar(c: number): boolean {
  if (c < 128) return (ASCII[c]! & NAME) !== 0;
  return (
    isNonAsciiNameStart(c) || c === 0xb7 || (c >= 0x300 && c <= 0x36f) || c === 0x203f || c === 0x2040
  );
}

/** S ::= (#x20 | #x9 | #xD | #xA)+ */
export function isWhitespace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/** Whether a code point (not a UTF-16 unit) is a Char of XML 1.0. */
export function isXmlChar(cp: number): boolean {
  return (
    cp === 0x9 ||
    cp === 0xa ||
    cp === 0xd ||
    (cp >= 0x20 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0x10ffff)
  );
}

/** Whether `name` is an XML Name (what an element or attribute may be called). */
export function isXmlName(name: string): boolean {
  if (name.length === 0 || !isNameStartChar(name.charCodeAt(0))) return false;
  for (let i = 1; i < name.length; i++) if (!isNameChar(name.charCodeAt(i))) return false;
  return true;
}

// Candidates for a character that XML 1.0 forbids; surrogates need a second look for pairing.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const SUSPECT = /[\x00-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/g;

/**
 * Offset of the first UTF-16 unit that is not part of an XML Char (a forbidden control, U+FFFE,
 * U+FFFF or a lone surrogate), or -1. One regex pass is much faster than a per-character test.
 */
export function findInvalidChar(text: string, from = 0): number {
  SUSPECT.lastIndex = from;
  for (;;) {
    const m = SUSPECT.exec(text);
    if (m === null) return -1;
    const i = m.index;
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        SUSPECT.lastIndex = i + 2;
        continue;
      }
    }
    return i;
  }
}

const CONTROL_NAMES = ['NUL', 'SOH', 'STX', 'ETX', 'EOT', 'ENQ', 'ACK', 'BEL', 'BS', 'TAB', 'LF', 'VT', 'FF', 'CR'];

/** A character as a human reads it in a message: 'x', or U+0000 (NUL) for the invisible ones. */
export function describeChar(text: string, offset: number): string {
  if (offset >= text.length) return 'end of file';
  const c = text.charCodeAt(offset);
  const hex = `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
  if (c < CONTROL_NAMES.length) return `${hex} (${CONTROL_NAMES[c]!})`;
  if (c === 0xfeff) return `${hex} (byte order mark)`;
  if (c < 0x20 || c === 0x7f || (c >= 0xd800 && c <= 0xdfff) || c >= 0xfffe) return hex;
  if (c === 0x20) return 'a space';
  return `'${String.fromCodePoint(text.codePointAt(offset)!)}'`;
}
