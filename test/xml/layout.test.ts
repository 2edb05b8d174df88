import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { basename } from 'node:path';
import type { ParsedDocument } from '../../src/xml/document.js';
import { parseXml } from '../../src/xml/reader.js';
import type { XmlElement } from '../../src/xml/types.js';
import { indentationBefore, inferLayout, preferredQuote } from '../../src/xml/layout.js';
import { corpusFile, wellFormedCorpusFiles } from '../helpers/paths.js';
import { readCorpusText } from './corpus-text.js';

// The conventions are read through inferLayout, the editor's one call; an element's indentation
// through indentationBefore, which placing new children uses.
const detectEol = (text: string): string => inferLayout(parseXml(text)).eol;
const detectIndentUnit = (doc: ParsedDocument): string => inferLayout(doc).indentUnit;
const detectSelfClosingStyle = (doc: ParsedDocument): string => inferLayout(doc).selfClosing;
const indentationOf = (doc: ParsedDocument, el: XmlElement): string | undefined => indentationBefore(doc.text, el.start);

describe('layout: line endings', () => {
  it('takes the first line break', () => {
    assert.equal(detectEol('<r>\r\n<a/>\n</r>'), '\r\n');
    assert.equal(detectEol('<r>\n<a/>\r\n</r>'), '\n');
    assert.equal(detectEol('<r><a/></r>'), '');
    assert.equal(detectEol('<r>\r<a/></r>'), '\r', 'a lone CR (old Mac files) is kept as it is');
  });

  it('matches the corpus index (CRLF for 01, LF for 02 and 13)', () => {
    assert.equal(detectEol(readCorpusText(corpusFile('01'))), '\r\n');
    assert.equal(detectEol(readCorpusText(corpusFile('02'))), '\n');
    assert.equal(detectEol(readCorpusText(corpusFile('13'))), '\n');
  });
});

describe('layout: indentation', () => {
  it('finds the most common step from an element to its first child', () => {
    assert.equal(detectIndentUnit(parseXml('<r>\n    <a>\n        <b/>\n    </a>\n</r>')), '    ');
    assert.equal(detectIndentUnit(parseXml('<r>\n  <a>\n    <b/>\n  </a>\n</r>')), '  ');
    assert.equal(detectIndentUnit(parseXml('<r>\n\t<a>\n\t\t<b/>\n\t</a>\n</r>')), '\t');
    const mixed = '<r>\n  <a>\n    <b>\n      <c/>\n    </b>\n  </a>\n  <d>\n      <e/>\n  </d>\n</r>';
    assert.equal(detectIndentUnit(parseXml(mixed)), '  ', 'three steps of 2 spaces against one of 4');
    assert.equal(detectIndentUnit(parseXml('<r>\n\t<a>\n\t  <b/>\n\t</a>\n</r>')), '\t', 'on a tie, the step seen first');
  });

  it('defaults to 4 spaces when nothing is indented', () => {
    assert.equal(detectIndentUnit(parseXml('<r><a><b/></a></r>')), '    ');
    assert.equal(detectIndentUnit(parseXml('<r/>')), '    ');
  });

  it('reads the indentation of one element, or undefined when text precedes it on its line', () => {
    const text = '<r>\n  <a/> <b/>\n\t <c/>\r\n<d/></r>';
    const doc = parseXml(text);
    const [a, b, c, d] = doc.root.children;
    assert.equal(indentationOf(doc, doc.root), '');
    assert.equal(indentationOf(doc, a!), '  ');
    assert.equal(indentationOf(doc, b!), undefined);
    assert.equal(indentationOf(doc, c!), '\t ');
    assert.equal(indentationOf(doc, d!), '');
  });

  it('finds 4 spaces in IIS-written corpus files and 2 in IIS Express ones', () => {
    assert.equal(detectIndentUnit(parseXml(readCorpusText(corpusFile('01')))), '    ');
    assert.equal(detectIndentUnit(parseXml(readCorpusText(corpusFile('21')))), '    ');
    assert.equal(detectIndentUnit(parseXml(readCorpusText(corpusFile('15')))), '  ');
    assert.equal(detectIndentUnit(parseXml(readCorpusText(corpusFile('18')))), '  ');
  });
});

describe('layout: quotes and self-closing style', () => {
  it("prefers the element's own quote, then the document's first attribute, then '\"'", () => {
    const doc = parseXml(`<r a='1'><b x="2"/><c/></r>`);
    const [b, c] = doc.root.children;
    assert.equal(preferredQuote(doc, b), '"');
    assert.equal(preferredQuote(doc, c), "'");
    assert.equal(preferredQuote(doc), "'");
    assert.equal(preferredQuote(parseXml('<r><c/></r>')), '"');
  });

  it("counts '<a />' against '<a/>'", () => {
    assert.equal(detectSelfClosingStyle(parseXml('<r><a/><b/><c /></r>')), '/>');
    assert.equal(detectSelfClosingStyle(parseXml('<r><a /><b/><c\n/></r>')), ' />');
    assert.equal(detectSelfClosingStyle(parseXml('<r><a/><b /></r>')), ' />', 'a tie goes to IIS style');
    assert.equal(detectSelfClosingStyle(parseXml('<r></r>')), ' />');
  });

  it('infers every convention at once', () => {
    assert.deepEqual(inferLayout(parseXml("<r>\r\n\t<a k='v'/>\r\n</r>")), { eol: '\r\n', indentUnit: '\t', quote: "'", selfClosing: '/>' });
  });

  it('infers a layout for every corpus file that matches its first line break', () => {
    for (const file of wellFormedCorpusFiles()) {
      const text = readCorpusText(file);
      const layout = inferLayout(parseXml(text));
      assert.equal(layout.eol, /\r\n/.test(text.slice(0, text.indexOf('\n') + 1)) ? '\r\n' : '\n', basename(file));
      assert.match(layout.indentUnit, /^( +|\t)$/, basename(file));
    }
  });
});
