/**
 * fast-check generators of well-formed XML documents that know what they contain: every element
 * records the spans it was written at and every attribute its expected decoded value, so a test
 * can compare the reader's answer with the truth rather than with another parser.
 */
import fc from 'fast-check';

export interface GenAttribute {
  readonly name: string;
  readonly quote: '"' | "'";
  /** Raw text between the quotes. */
  readonly raw: string;
  /** What the value must decode to. */
  readonly value: string;
  /** Whitespace before the name, around '='. */
  readonly before: string;
  readonly aroundEquals: readonly [string, string];
}

export interface GenElement {
  readonly name: string;
  readonly attributes: readonly GenAttribute[];
  readonly content: readonly GenContent[];
  /** '' for `<a>…</a>`; '/>' or ' />' style self-closing when there is no content. */
  readonly selfClosing: '' | '/>' | ' />';
  readonly endTagSpace: string;
}

export type GenContent = { readonly element: GenElement } | { readonly markup: string };

export interface GenDocument {
  readonly prolog: string;
  readonly root: GenElement;
  readonly epilog: string;
  readonly eol: '\n' | '\r\n';
}

/** Where the serializer put each element, in document (pre-)order. */
export interface WrittenElement {
  readonly gen: GenElement;
  readonly start: number;
  readonly startTagEnd: number;
  readonly endTagStart: number;
  readonly end: number;
  readonly attributes: ReadonlyArray<{ readonly start: number; readonly valueStart: number; readonly valueEnd: number }>;
}

const nameArb = fc.constantFrom('a', 'b', 'site', 'add', 'system.webServer', 'x:y', 'Ünï', '_1', 'a-b.c', '名');
const attributeNameArb = fc.constantFrom('name', 'id', 'value', 'x', 'enabled', 'p:q', 'é', 'bindingInformation', 'a1');

/** A piece of an attribute value: [raw text, decoded text]. */
function valuePieceArb(quote: '"' | "'"): fc.Arbitrary<readonly [string, string]> {
  const other = quote === '"' ? "'" : '"';
  return fc.oneof(
    fc.constantFrom<readonly [string, string]>(['a', 'a'], ['Z9', 'Z9'], [' ', ' '], ['>', '>'], [other, other], ['é', 'é'], ['😀', '😀'], ['[enc:x:enc]', '[enc:x:enc]']),
    fc.constantFrom<readonly [string, string]>(['&amp;', '&'], ['&lt;', '<'], ['&gt;', '>'], ['&apos;', "'"], ['&quot;', '"'], ['&#65;', 'A'], ['&#x1F600;', '😀'], ['&#xD;', '\r'], ['&#10;', '\n'], ['&#9;', '\t']),
    // A lone CR is followed by a letter so that it never meets an LF piece and becomes CR LF.
    fc.constantFrom<readonly [string, string]>(['\t', ' '], ['\n', ' '], ['\r\n', ' '], ['\rx', ' x']),
  );
}

const wsArb = (min: number): fc.Arbitrary<string> =>
  fc.array(fc.constantFrom(' ', '\t', '\n', '\r\n'), { minLength: min, maxLength: 3 }).map((a) => a.join(''));

const attributeArb: fc.Arbitrary<GenAttribute> = fc
  .record({
    name: attributeNameArb,
    quote: fc.constantFrom<'"' | "'">('"', "'"),
    before: wsArb(1),
    aroundEquals: fc.tuple(fc.constantFrom('', ' ', '\n'), fc.constantFrom('', ' ', '\t')),
  })
  .chain((a) =>
    fc.array(valuePieceArb(a.quote), { maxLength: 6 }).map((pieces) => ({
      ...a,
      raw: pieces.map((p) => p[0]).join(''),
      value: pieces.map((p) => p[1]).join(''),
    })),
  );

const markupArb: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('\n  ', '\r\n    ', '\t', ' ', 'text', ' a &amp; b &#x41; ] > ', 'é😀'),
  fc.constantFrom('<!-- comment -->', '<!---->', '<!-- a - b <x> & -->', '<![CDATA[ <x> & ]] ]]>', '<?pi some data?>', '<?p?>'),
);

export const elementArb: fc.Arbitrary<GenElement> = fc.letrec<{ element: GenElement }>((tie) => ({
  element: fc
    .record({
      name: nameArb,
      attributes: fc.uniqueArray(attributeArb, { maxLength: 4, selector: (a) => a.name }),
      // The markup branch comes first: past maxDepth, oneof only takes its first branch.
      content: fc.array(
        fc.oneof(
          { depthIdentifier: 'xml', maxDepth: 5 },
          markupArb.map((markup): GenContent => ({ markup })),
          tie('element').map((element): GenContent => ({ element })),
        ),
        { maxLength: 4, depthIdentifier: 'xml' },
      ),
      closeStyle: fc.constantFrom<'' | '/>' | ' />'>('', '/>', ' />'),
      endTagSpace: fc.constantFrom('', '', ' ', '\n'),
    })
    .map(({ closeStyle, ...e }) => ({ ...e, selfClosing: e.content.length === 0 ? closeStyle : '' })),
})).element;

export const documentArb: fc.Arbitrary<GenDocument> = fc.record({
  eol: fc.constantFrom<'\n' | '\r\n'>('\n', '\r\n'),
  declaration: fc.boolean(),
  prologMisc: fc.array(fc.constantFrom('<!-- header -->', '<?pi x?>', ' ', '\t'), { maxLength: 3 }),
  root: elementArb,
  epilog: fc.array(fc.constantFrom('<!-- end -->', '\n', ' ', '<?done?>'), { maxLength: 3 }),
}).map((d) => ({
  eol: d.eol,
  prolog: (d.declaration ? `<?xml version="1.0" encoding="UTF-8"?>${d.eol}` : '') + d.prologMisc.join(d.eol),
  root: d.root,
  epilog: d.epilog.join(''),
}));

/** Writes a document, with line ends made consistent with its eol, and records every span. */
export function serialize(doc: GenDocument): { text: string; elements: WrittenElement[] } {
  let text = doc.prolog;
  const elements: WrittenElement[] = [];
  const eol = (s: string): string => s.replace(/\r?\n/g, doc.eol);
  const write = (el: GenElement): void => {
    const start = text.length;
    const slot = elements.length;
    elements.push(undefined as unknown as WrittenElement);
    text += `<${el.name}`;
    const attributes: { start: number; valueStart: number; valueEnd: number }[] = [];
    for (const a of el.attributes) {
      text += eol(a.before);
      const aStart = text.length;
      text += `${a.name}${eol(a.aroundEquals[0])}=${a.aroundEquals[1]}${a.quote}`;
      const valueStart = text.length;
      text += a.raw;
      attributes.push({ start: aStart, valueStart, valueEnd: text.length });
      text += a.quote;
    }
    if (el.selfClosing !== '') {
      text += el.selfClosing;
      elements[slot] = { gen: el, start, startTagEnd: text.length, endTagStart: text.length, end: text.length, attributes };
      return;
    }
    text += '>';
    const startTagEnd = text.length;
    for (const c of el.content) {
      if ('element' in c) write(c.element);
      else text += eol(c.markup);
    }
    const endTagStart = text.length;
    text += `</${el.name}${eol(el.endTagSpace)}>`;
    elements[slot] = { gen: el, start, startTagEnd, endTagStart, end: text.length, attributes };
  };
  write(doc.root);
  text += eol(doc.epilog);
  return { text, elements };
}
