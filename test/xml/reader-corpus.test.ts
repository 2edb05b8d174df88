import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isAscii } from 'node:buffer';
import { basename } from 'node:path';
import { parseXml } from '../../src/xml/reader.js';
import { decodeAttributeValue } from '../../src/xml/references.js';
import { AppcmdError } from '../../src/errors.js';
import type { XmlElement } from '../../src/xml/types.js';
import { corpusFile, wellFormedCorpusFiles } from '../helpers/paths.js';
import { readCorpusText } from './corpus-text.js';

function* walk(el: XmlElement): Generator<XmlElement> {
  yield el;
  for (const c of el.children) yield* walk(c);
}

describe('parseXml over the corpus', () => {
  it('has the 23 well-formed files', () => {
    assert.equal(wellFormedCorpusFiles().length, 23);
  });

  for (const file of wellFormedCorpusFiles()) {
    it(`parses ${basename(file)} with exact spans`, () => {
      const text = readCorpusText(file);
      const doc = parseXml(text, { fileName: basename(file) });
      assert.equal(doc.root.name, 'configuration');
      let count = 0;
      let previousStart = -1;
      for (const el of walk(doc.root)) {
        count++;
        assert.ok(el.start > previousStart, 'elements come in document order');
        previousStart = el.start;
        const startTag = text.slice(el.start, el.startTagEnd);
        assert.ok(startTag.startsWith(`<${el.name}`), startTag);
        assert.ok(startTag.endsWith(el.selfClosing ? '/>' : '>'), startTag);
        if (el.selfClosing) {
          assert.deepEqual([el.endTagStart, el.end], [el.startTagEnd, el.startTagEnd]);
        } else {
          assert.match(text.slice(el.endTagStart, el.end), new RegExp(`^</${el.name.replace(/\./g, '\\.')}\\s*>$`));
        }
        for (const c of el.children) {
          assert.equal(c.parent, el);
          assert.ok(c.start >= el.startTagEnd && c.end <= el.endTagStart, 'a child lies inside its parent');
        }
        for (const a of el.attributes) {
          assert.ok(a.start > el.start && a.valueEnd < el.startTagEnd);
          assert.ok(text.startsWith(a.name, a.start));
          assert.equal(text[a.valueStart - 1], a.quote);
          assert.equal(text[a.valueEnd], a.quote);
          assert.equal(decodeAttributeValue(text.slice(a.valueStart, a.valueEnd)), a.value);
          assert.match(text.slice(a.start + a.name.length, a.valueStart), /^\s*=\s*["']$/);
          assert.equal(el.attribute(a.name), a);
        }
      }
      // Every '<' that opens an element is one of ours: count them independently.
      const withoutComments = text.replace(/<!--[\s\S]*?-->/g, '').replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '');
      assert.equal(count, (withoutComments.match(/<[^/!?]/g) ?? []).length);
    });
  }

  it('reports the unclosed element of file 24 at the end of the file', () => {
    const file = corpusFile('24');
    const text = readCorpusText(file);
    assert.throws(
      () => parseXml(text, { fileName: basename(file) }),
      (e: unknown) => {
        assert.ok(e instanceof AppcmdError);
        assert.equal(e.code, 'XML_MALFORMED');
        assert.equal(e.message, 'unexpected end of file: element <configuration> opened at line 1134 is not closed');
        assert.equal(e.file, basename(file));
        assert.deepEqual([e.line, e.column], [1135, 1]);
        assert.deepEqual(e.hints, ['elements still open, outermost first: <configuration> (line 21), <configuration> (line 1134)']);
        return true;
      },
    );
  });
});

describe('parseXml reads the same tree from an ASCII file\'s bytes as from its text', () => {
  const shape = (el: XmlElement): unknown => [el.name, el.start, el.end, el.attributes.map((a) => [a.name, a.value]), el.children.map(shape)];
  for (const file of wellFormedCorpusFiles()) {
    const text = readCorpusText(file);
    const bytes = Buffer.from(text, 'latin1');
    // Only an ASCII file's bytes are its code units.
    if (!isAscii(bytes) || bytes.toString('latin1') !== text) continue;
    it(`${basename(file)}, from its bytes`, () => {
      assert.deepEqual(shape(parseXml(text, { codeUnits: bytes }).root), shape(parseXml(text).root));
    });
  }
  it('a malformed file fails at the same place either way', () => {
    const text = '<configuration>\r\n  <a b="1" b="2" />\r\n</configuration>';
    const failure = (codeUnits?: Uint8Array): unknown => {
      try {
        parseXml(text, { codeUnits });
      } catch (e) {
        const err = e as AppcmdError;
        return [err.message, err.line, err.column];
      }
      return undefined;
    };
    assert.deepEqual(failure(Buffer.from(text, 'latin1')), failure());
    assert.notEqual(failure(), undefined);
  });
});
