/**
 * The XML declaration `<?xml version="1.0" encoding="..." standalone="..."?>`, which may only
 * appear at offset 0. Its pseudo-attributes have a fixed order and fixed value grammars, so it is
 * checked here rather than treated as an ordinary processing instruction.
 */
import { isWhitespace } from './chars.js';
import type { ErrorReporter } from './xml-error.js';

const ORDER = ['version', 'encoding', 'standalone'] as const;
const VALUE_RULES: Record<(typeof ORDER)[number], { pattern: RegExp; expected: string }> = {
  version: { pattern: /^1\.[0-9]+$/, expected: '1.0' },
  encoding: { pattern: /^[A-Za-z][A-Za-z0-9._-]*$/, expected: 'an encoding name such as UTF-8' },
  standalone: { pattern: /^(yes|no)$/, expected: 'yes or no' },
};

/** Checks the declaration that starts at offset 0 and returns the offset just after its `?>`. */
export function scanXmlDeclaration(text: string, errors: ErrorReporter): number {
  let p = 5; // after '<?xml'
  let next = 0; // index into ORDER of the earliest pseudo-attribute still allowed
  for (;;) {
    const wsStart = p;
    while (isWhitespace(text.charCodeAt(p))) p++;
    if (text.startsWith('?>', p)) {
      if (next === 0) errors.fail('the XML declaration must give the version, as in <?xml version="1.0"?>', p);
      return p + 2;
    }
    if (p >= text.length) errors.fail('unexpected end of file inside the XML declaration', p);
    if (p === wsStart) errors.fail("expected whitespace or '?>' in the XML declaration", p);
    const nameStart = p;
    while (/[a-z]/.test(text.charAt(p))) p++;
    const name = text.slice(nameStart, p);
    const index = ORDER.indexOf(name as (typeof ORDER)[number]);
    if (index < next || (next === 0 && index !== 0)) {
      const what = name === '' ? `unexpected ${JSON.stringify(text.charAt(p))}` : `unexpected "${name}"`;
      const expected = next === 0 ? 'version' : [...ORDER.slice(next), "'?>'"].join(' or ');
      errors.fail(`${what} in the XML declaration: expected ${expected}`, nameStart);
    }
    while (isWhitespace(text.charCodeAt(p))) p++;
    if (text.charCodeAt(p) !== 0x3d) errors.fail(`expected '=' after "${name}" in the XML declaration`, p);
    p++;
    while (isWhitespace(text.charCodeAt(p))) p++;
    const quote = text.charAt(p);
    if (quote !== '"' && quote !== "'") errors.fail(`the value of "${name}" in the XML declaration must be quoted`, p);
    const close = text.indexOf(quote, p + 1);
    if (close === -1) errors.fail('unexpected end of file inside the XML declaration', text.length);
    const rule = VALUE_RULES[ORDER[index]!];
    const value = text.slice(p + 1, close);
    if (!rule.pattern.test(value)) {
      errors.fail(`"${name}" in the XML declaration must be ${rule.expected}, not "${value}"`, p + 1);
    }
    next = index + 1;
    p = close + 1;
  }
}
