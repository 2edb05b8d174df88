import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseXml } from '../../src/xml/reader.js';
import { AppcmdError, type ErrorCode } from '../../src/errors.js';
import type { XmlElement } from '../../src/xml/types.js';

interface Expected {
  readonly code?: ErrorCode;
  readonly message: string | RegExp;
  readonly line: number;
  readonly column: number;
}

function fails(text: string, expected: Expected): AppcmdError {
  let error: unknown;
  try {
    parseXml(text, { fileName: 'app.config' });
  } catch (e) {
    error = e;
  }
  assert.ok(error instanceof AppcmdError, `expected an AppcmdError for ${JSON.stringify(text)}, got ${String(error)}`);
  assert.equal(error.code, expected.code ?? 'XML_MALFORMED');
  if (typeof expected.message === 'string') assert.equal(error.message, expected.message);
  else assert.match(error.message, expected.message);
  assert.equal(error.file, 'app.config');
  assert.deepEqual({ line: error.line, column: error.column }, { line: expected.line, column: expected.column });
  return error;
}

function child(el: XmlElement, ...path: number[]): XmlElement {
  let e = el;
  for (const i of path) e = e.children[i]!;
  return e;
}

describe('parseXml: accepted documents', () => {
  it('reads the smallest document', () => {
    const doc = parseXml('<r/>');
    assert.equal(doc.root.name, 'r');
    assert.equal(doc.root.selfClosing, true);
    assert.deepEqual([doc.root.start, doc.root.startTagEnd, doc.root.endTagStart, doc.root.end], [0, 4, 4, 4]);
    assert.equal(doc.root.parent, null);
    assert.deepEqual(doc.root.children, []);
  });

  it('accepts the declaration, comments, PIs and whitespace around the root', () => {
    const text = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<!-- c -->\n<?pi data?>\t<r/>\n<!-- after --><?x?>\n';
    assert.equal(parseXml(text).root.name, 'r');
    assert.equal(parseXml("<?xml version='1.0'?><r/>").root.name, 'r');
    assert.equal(parseXml('<?xml version="1.0" ?><r/>').root.name, 'r');
    assert.equal(parseXml('<?xml-stylesheet href="a"?><r/>').root.name, 'r');
  });

  it('accepts text, CDATA, comments and PIs inside elements', () => {
    const doc = parseXml('<r>a &amp; b &lt;&gt; &#65;&#x42; ]] > ] <![CDATA[ <x> & ]] ]]> <!-- - --> <?p x?><c/></r>');
    assert.deepEqual(doc.root.children.map((c) => c.name), ['c']);
  });

  it('records exact spans of elements and attributes', () => {
    const text = '<root>\n  <a x="1" y=\'two\'>t</a >\n  <b  z = "3"\n     />\n  <c></c>\n</root>';
    const doc = parseXml(text);
    const [a, b, c] = doc.root.children as [XmlElement, XmlElement, XmlElement];
    assert.equal(text.slice(a.start, a.startTagEnd), '<a x="1" y=\'two\'>');
    assert.equal(text.slice(a.endTagStart, a.end), '</a >');
    assert.equal(a.selfClosing, false);
    assert.equal(text.slice(b.start, b.startTagEnd), '<b  z = "3"\n     />');
    assert.equal(b.selfClosing, true);
    assert.equal(b.endTagStart, b.startTagEnd);
    assert.equal(b.end, b.startTagEnd);
    assert.equal(c.selfClosing, false, '<c></c> is not self-closing although its end tag starts where its start tag ends');
    assert.equal(c.endTagStart, c.startTagEnd);
    assert.equal(text.slice(c.start, c.end), '<c></c>');
    const [x, y] = a.attributes as [NonNullable<XmlElement['attributes'][0]>, NonNullable<XmlElement['attributes'][0]>];
    assert.deepEqual([x.name, x.value, x.quote, text.slice(x.start, x.valueEnd + 1)], ['x', '1', '"', 'x="1"']);
    assert.deepEqual([y.name, y.value, y.quote, text.slice(y.valueStart, y.valueEnd)], ['y', 'two', "'", 'two']);
    const z = b.attribute('z')!;
    assert.equal(text.slice(z.start, z.valueEnd + 1), 'z = "3"');
    assert.equal(a.parent, doc.root);
    assert.equal(doc.root.children[0], a, 'the same element is always the same object');
  });

  it('looks attributes up by exact, case-sensitive name', () => {
    const el = parseXml('<r Name="a" name="b"/>').root;
    assert.equal(el.attribute('name')?.value, 'b');
    assert.equal(el.attribute('Name')?.value, 'a');
    assert.equal(el.attribute('NAME'), undefined);
  });

  it('decodes references and normalizes whitespace in attribute values', () => {
    const value = (raw: string): string => parseXml(`<r v=${raw}/>`).root.attribute('v')!.value;
    assert.equal(value('"&lt;&gt;&amp;&apos;&quot;"'), `<>&'"`);
    assert.equal(value('"&#65;&#x42;&#x1F600;"'), 'AB\u{1F600}');
    assert.equal(value('"a\tb\nc\r\nd\re"'), 'a b c d e', 'tab, LF, CR LF and CR each become one space');
    assert.equal(value('"a&#9;b&#xA;c&#xD;d&#13;&#10;"'), 'a\tb\nc\rd\r\n', 'characters from references are kept');
    assert.equal(value("'say \"hi\"'"), 'say "hi"');
    assert.equal(value('"a > b"'), 'a > b');
    assert.equal(value('"[enc:AesProvider:9mM2ovvK6I1KeNdm=:enc]"'), '[enc:AesProvider:9mM2ovvK6I1KeNdm=:enc]');
  });

  it('accepts non-ASCII names, text and values, including surrogate pairs', () => {
    const doc = parseXml('<Ünïcødé 名前="中文 😀" 𐐀="x">😀 é</Ünïcødé>');
    assert.equal(doc.root.name, 'Ünïcødé');
    assert.equal(doc.root.attribute('名前')?.value, '中文 😀');
    assert.equal(doc.root.attribute('𐐀')?.value, 'x');
  });

  it('accepts names with colons, dots, dashes and digits', () => {
    const doc = parseXml('<system.webServer><x:a-b.c_1 xmlns:x="u"/></system.webServer>');
    assert.equal(child(doc.root, 0).name, 'x:a-b.c_1');
  });

  it('computes 1-based positions with CR LF, LF and lone CR line ends', () => {
    const doc = parseXml('<r>\r\n<a/>\n\n<b/>\r<c/></r>');
    assert.deepEqual(doc.position(0), { line: 1, column: 1 });
    assert.deepEqual(doc.position(child(doc.root, 0).start), { line: 2, column: 1 });
    assert.deepEqual(doc.position(child(doc.root, 1).start), { line: 4, column: 1 });
    assert.deepEqual(doc.position(child(doc.root, 2).start), { line: 5, column: 1 });
    assert.deepEqual(doc.position(child(doc.root, 2).start + 2), { line: 5, column: 3 });
    assert.deepEqual(doc.position(4), { line: 1, column: 5 }, 'the LF of a CR LF is still on the line it ends');
    assert.deepEqual(doc.position(doc.text.length), { line: 5, column: 9 });
  });

  it('links deep and wide trees in document order', () => {
    const depth = 5000;
    const doc = parseXml('<a>'.repeat(depth) + '</a>'.repeat(depth));
    let e = doc.root;
    for (let i = 1; i < depth; i++) e = e.children[0]!;
    assert.equal(e.children.length, 0);
    assert.equal(e.start, (depth - 1) * 3);
    const wide = parseXml(`<r>${'<i/>'.repeat(10000)}</r>`);
    assert.equal(wide.root.children.length, 10000);
    assert.equal(wide.root.children[9999]!.start, 3 + 9999 * 4);
  });
});

describe('parseXml: nesting errors', () => {
  it('names both tags when an end tag does not match', () => {
    fails('<configuration>\n  <sites>\n    <site>\n    </sites>\n</configuration>', {
      message: 'end tag </sites> does not match start tag <site> opened at line 3',
      line: 4,
      column: 5,
    });
    fails('<a><ab></a></ab></a>', { message: 'end tag </a> does not match start tag <ab> opened at line 1', line: 1, column: 8 });
    fails('<ab></a>', { message: 'end tag </a> does not match start tag <ab> opened at line 1', line: 1, column: 5 });
  });

  it('names the unclosed element at the end of the file', () => {
    const e = fails('<?xml version="1.0"?>\n<configuration>\n  <sites>\n', {
      message: 'unexpected end of file: element <sites> opened at line 3 is not closed',
      line: 4,
      column: 1,
    });
    assert.deepEqual(e.hints, ['elements still open, outermost first: <configuration> (line 2), <sites> (line 3)']);
    fails('<r>', { message: 'unexpected end of file: element <r> opened at line 1 is not closed', line: 1, column: 4 });
    fails('<r>text', { message: 'unexpected end of file: element <r> opened at line 1 is not closed', line: 1, column: 8 });
  });

  it('refuses a document without a root element', () => {
    fails('', { message: 'the document has no root element', line: 1, column: 1 });
    fails('  \n<!-- only a comment -->\n', { message: 'the document has no root element', line: 3, column: 1 });
  });

  it('refuses text and a second element outside the root', () => {
    fails('hello<r/>', { message: "text is not allowed before the root element (found 'h')", line: 1, column: 1 });
    fails('<r/>\n x', { message: "text is not allowed after the root element (found 'x')", line: 2, column: 2 });
    fails('<r/><s/>', {
      message: 'a second root element: an XML document has exactly one root element, and <r> is already closed',
      line: 1,
      column: 5,
    });
    fails('<r/></r>', { message: 'end tag </r> has no matching start tag (the root element is already closed)', line: 1, column: 5 });
    fails('</r>', { message: 'end tag before any start tag', line: 1, column: 1 });
  });

  it('refuses malformed tags', () => {
    fails('<r>< a/></r>', { message: "unexpected a space after '<': expected an element name, '/', '!' or '?'", line: 1, column: 5 });
    fails('<1a/>', { message: "unexpected '1' after '<': expected an element name, '/', '!' or '?'", line: 1, column: 2 });
    fails('<r><a / ></r>', { message: "expected '>' after '/' in the start tag of <a>", line: 1, column: 8 });
    fails('<r></r x>', { message: "expected '>' to close the end tag </r>, found 'x'", line: 1, column: 8 });
    fails('<r></>', { message: "expected the name of an end tag after '</' (the open element is <r>)", line: 1, column: 6 });
    fails('<r><a', { message: 'unexpected end of file inside the start tag of <a>', line: 1, column: 6 });
    fails('<r></r', { message: "expected '>' to close the end tag </r>, found end of file", line: 1, column: 7 });
  });
});

describe('parseXml: attribute errors', () => {
  it('refuses duplicate attributes and says where the first one is', () => {
    fails('<r>\n  <add name="a"\n       name="b" /></r>', {
      message: 'duplicate attribute name on <add>: it is already set at line 2, column 8',
      line: 3,
      column: 8,
    });
    // Same name on different elements is fine, also when they are nested.
    assert.equal(parseXml('<r name="a"><s name="b"/><s name="c"/></r>').root.children.length, 2);
  });

  it('refuses unquoted values, missing "=" and missing whitespace', () => {
    fails('<r a=1/>', { message: "the value of attribute a must be quoted with ' or \", found '1'", line: 1, column: 6 });
    fails('<r a/>', { message: "expected '=' after attribute name a, found '/'", line: 1, column: 5 });
    fails('<r a="1"b="2"/>', { message: 'whitespace is required before attribute b of <r>', line: 1, column: 9 });
    fails('<r a="1" %/>', { message: "unexpected '%' in the start tag of <r>: expected an attribute name, '>' or '/>'", line: 1, column: 10 });
  });

  it("refuses '<' in a value and an unterminated value", () => {
    fails('<r a="x<y"/>', { message: "'<' is not allowed in the value of attribute a (write &lt;)", line: 1, column: 8 });
    fails("<r a='x\n<'/>", { message: "'<' is not allowed in the value of attribute a (write &lt;)", line: 2, column: 1 });
    fails('<r a="x', { message: 'unexpected end of file inside the value of attribute a', line: 1, column: 8 });
    fails('<r a="x/><s/>', { message: "'<' is not allowed in the value of attribute a (write &lt;)", line: 1, column: 10 });
  });
});

describe('parseXml: references', () => {
  const unknown = (ref: string): string =>
    `unknown entity reference ${ref}: only &lt; &gt; &amp; &apos; &quot; and numeric character references are allowed`;

  it('refuses entities other than the predefined five, in text and in values', () => {
    fails('<r>&nbsp;</r>', { message: unknown('&nbsp;'), line: 1, column: 4 });
    fails('<r a="x&copy;"/>', { message: unknown('&copy;'), line: 1, column: 8 });
    fails('<r>&AMP;</r>', { message: unknown('&AMP;'), line: 1, column: 4 });
  });

  it("refuses a bare '&' and references without ';'", () => {
    const bare = "'&' must start a reference such as &amp; (write &amp; for a literal '&')";
    fails('<r>a & b</r>', { message: bare, line: 1, column: 6 });
    fails('<r a="&amp"/>', { message: bare, line: 1, column: 7 });
    fails('<r>&amp</r>', { message: bare, line: 1, column: 4 });
    fails('<r a="&"/>', { message: bare, line: 1, column: 7 });
  });

  it('refuses character references to characters XML does not allow', () => {
    for (const ref of ['&#0;', '&#x0;', '&#xD800;', '&#xDFFF;', '&#xFFFE;', '&#xFFFF;', '&#x110000;', '&#1114112;', '&#8;', '&#x1F;']) {
      fails(`<r>${ref}</r>`, { message: `character reference ${ref} does not name a character allowed in XML`, line: 1, column: 4 });
      fails(`<r a="${ref}"/>`, { message: `character reference ${ref} does not name a character allowed in XML`, line: 1, column: 7 });
    }
    for (const ref of ['&#;', '&#x;', '&#12a;', '&#xG1;', '&#-1;']) fails(`<r>${ref}</r>`, { message: /./, line: 1, column: 4 });
    assert.equal(parseXml('<r a="&#x10FFFF;&#9;&#00065;"/>').root.attribute('a')!.value, '\u{10FFFF}\tA');
  });
});

describe('parseXml: forbidden and invalid characters', () => {
  it('names control characters, U+FFFE/FFFF and lone surrogates with their position', () => {
    fails('<r>a\u0000b</r>', { message: 'character U+0000 (NUL) is not allowed in XML', line: 1, column: 5 });
    fails('<r a="\u0001"/>', { message: 'character U+0001 (SOH) is not allowed in XML', line: 1, column: 7 });
    fails('<r>\n<!-- \u000B -->\n</r>', { message: 'character U+000B (VT) is not allowed in XML', line: 2, column: 6 });
    fails('<r>\uFFFE</r>', { message: 'character U+FFFE is not allowed in XML', line: 1, column: 4 });
    fails('<r>\uFFFF</r>', { message: 'character U+FFFF is not allowed in XML', line: 1, column: 4 });
    fails('<r>\uD800x</r>', { message: 'character U+D800 is not allowed in XML', line: 1, column: 4 });
    fails('<r>x\uDC00</r>', { message: 'character U+DC00 is not allowed in XML', line: 1, column: 5 });
    fails('<r>\uD83D</r>', { message: 'character U+D83D is not allowed in XML', line: 1, column: 4 });
    fails('<r>\uD800\uE000</r>', { message: 'character U+D800 is not allowed in XML', line: 1, column: 4 });
    fails('<r>\uDBFF\uDFFF\uDC00</r>', { message: 'character U+DC00 is not allowed in XML', line: 1, column: 6 });
    fails('<r\u0000/>', { message: 'character U+0000 (NUL) is not allowed in XML', line: 1, column: 3 });
  });

  it('names a byte order mark the file layer forgot to remove', () => {
    fails('\uFEFF<r/>', { message: 'text is not allowed before the root element (found U+FEFF (byte order mark))', line: 1, column: 1 });
  });

  it('reports whichever fault comes first', () => {
    fails('<r></s>\u0000', { message: 'end tag </s> does not match start tag <r> opened at line 1', line: 1, column: 4 });
    fails('<r>\u0000</s>', { message: 'character U+0000 (NUL) is not allowed in XML', line: 1, column: 4 });
  });
});

describe('parseXml: DTDs are refused', () => {
  it('refuses DOCTYPE anywhere with XML_FORBIDDEN', () => {
    const message = 'DOCTYPE declarations are not allowed: DTDs and entity declarations are refused for safety';
    fails('<!DOCTYPE r>\n<r/>', { code: 'XML_FORBIDDEN', message, line: 1, column: 1 });
    fails('<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY a "b">]><r>&a;</r>', { code: 'XML_FORBIDDEN', message, line: 2, column: 1 });
    fails('<r><!DOCTYPE r></r>', { code: 'XML_FORBIDDEN', message, line: 1, column: 4 });
    fails('<r/><!DOCTYPE r>', { code: 'XML_FORBIDDEN', message, line: 1, column: 5 });
  });

  it('refuses the billion-laughs document before expanding anything', () => {
    const lol = [
      '<?xml version="1.0"?>',
      '<!DOCTYPE lolz [',
      ' <!ENTITY lol "lol">',
      ' <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">',
      ' <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">',
      ']>',
      '<lolz>&lol3;</lolz>',
    ].join('\n');
    fails(lol, { code: 'XML_FORBIDDEN', message: /^DOCTYPE declarations are not allowed/, line: 2, column: 1 });
  });

  it('refuses entity declarations and other markup declarations', () => {
    fails('<r><!ENTITY a "b"></r>', {
      code: 'XML_FORBIDDEN',
      message: 'entity declarations are not allowed: DTDs and entity declarations are refused for safety',
      line: 1,
      column: 4,
    });
    fails('<r><!ELEMENT r ANY></r>', { message: "'<!' must start a comment <!-- ... --> or a CDATA section <![CDATA[ ... ]]>", line: 1, column: 4 });
  });
});

describe('parseXml: comments, CDATA, PIs and the XML declaration', () => {
  it("refuses '--' inside a comment and unterminated comments", () => {
    fails('<r><!-- a -- b --></r>', { message: "'--' is not allowed inside a comment", line: 1, column: 11 });
    fails('<r><!-- a ---></r>', { message: "'--' is not allowed inside a comment", line: 1, column: 11 });
    fails('<!-- x --><r/><!-- y', { message: 'unexpected end of file: comment opened at line 1 is not closed', line: 1, column: 21 });
    assert.equal(parseXml('<r><!----><!-- - --></r>').root.name, 'r');
  });

  it("refuses CDATA outside the root, unterminated CDATA and ']]>' in text", () => {
    fails('<![CDATA[x]]><r/>', { message: 'a CDATA section is only allowed inside an element', line: 1, column: 1 });
    fails('<r>\n<![CDATA[x</r>', { message: 'unexpected end of file: CDATA section opened at line 2 is not closed', line: 2, column: 15 });
    fails('<r>a]]>b</r>', { message: "']]>' is not allowed in text (write ]]&gt;)", line: 1, column: 5 });
    assert.equal(parseXml('<r a="]]>"><![CDATA[]]]]><!-- ]]> --></r>').root.attribute('a')!.value, ']]>');
  });

  it('allows the XML declaration only at offset 0', () => {
    const message = 'the XML declaration <?xml ...?> is only allowed at the very start of the file';
    fails(' <?xml version="1.0"?><r/>', { message, line: 1, column: 2 });
    fails('<!-- c --><?xml version="1.0"?><r/>', { message, line: 1, column: 11 });
    fails('<r><?xml version="1.0"?></r>', { message, line: 1, column: 4 });
    fails('<r/><?XML x?>', { message: 'processing instruction target XML is reserved', line: 1, column: 7 });
  });

  it('checks the grammar of the XML declaration', () => {
    fails('<?xml?><r/>', { message: 'the XML declaration must give the version, as in <?xml version="1.0"?>', line: 1, column: 6 });
    fails('<?xml encoding="UTF-8"?><r/>', { message: 'unexpected "encoding" in the XML declaration: expected version', line: 1, column: 7 });
    fails('<?xml version="2.0"?><r/>', { message: '"version" in the XML declaration must be 1.0, not "2.0"', line: 1, column: 16 });
    fails('<?xml version="1.0" standalone="yes" encoding="UTF-8"?><r/>', {
      message: `unexpected "encoding" in the XML declaration: expected '?>'`,
      line: 1,
      column: 38,
    });
    fails('<?xml version="1.0" standalone="maybe"?><r/>', { message: '"standalone" in the XML declaration must be yes or no, not "maybe"', line: 1, column: 33 });
    fails('<?xml version=1.0?><r/>', { message: 'the value of "version" in the XML declaration must be quoted', line: 1, column: 15 });
    fails('<?xml version="1.0"encoding="UTF-8"?><r/>', { message: "expected whitespace or '?>' in the XML declaration", line: 1, column: 20 });
  });

  it('checks processing instructions', () => {
    fails('<r><? x?></r>', { message: "expected a processing instruction target after '<?'", line: 1, column: 6 });
    fails('<r><?x/?></r>', { message: "unexpected '/' after processing instruction target x", line: 1, column: 7 });
    fails('<r><?x data</r>', { message: 'unexpected end of file: processing instruction opened at line 1 is not closed', line: 1, column: 16 });
  });
});
