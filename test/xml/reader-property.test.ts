import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseXml } from '../../src/xml/reader.js';
import { AppcmdError } from '../../src/errors.js';
import type { XmlElement } from '../../src/xml/types.js';
import { documentArb, serialize } from './arbitraries.js';

function* preorder(el: XmlElement): Generator<XmlElement> {
  yield el;
  for (const c of el.children) yield* preorder(c);
}

describe('parseXml on random well-formed documents', () => {
  it('finds every element and attribute at the spans it was written at', () => {
    fc.assert(
      fc.property(documentArb, (gen) => {
        const { text, elements } = serialize(gen);
        const doc = parseXml(text);
        assert.equal(doc.text, text);
        const found = [...preorder(doc.root)];
        assert.equal(found.length, elements.length);
        found.forEach((el, i) => {
          const w = elements[i]!;
          assert.equal(el.name, w.gen.name);
          assert.deepEqual([el.start, el.startTagEnd, el.endTagStart, el.end], [w.start, w.startTagEnd, w.endTagStart, w.end]);
          assert.equal(el.selfClosing, w.gen.selfClosing !== '');
          assert.equal(el.children.length, w.gen.content.filter((c) => 'element' in c).length);
          assert.equal(el.attributes.length, w.gen.attributes.length);
          el.attributes.forEach((a, k) => {
            const g = w.gen.attributes[k]!;
            const s = w.attributes[k]!;
            assert.deepEqual([a.name, a.value, a.quote], [g.name, g.value, g.quote]);
            assert.deepEqual([a.start, a.valueStart, a.valueEnd], [s.start, s.valueStart, s.valueEnd]);
            assert.equal(el.attribute(g.name), a);
          });
        });
      }),
      { numRuns: 300 },
    );
  });

  it('refuses every truncation that cuts into the root element, at or before the cut', () => {
    fc.assert(
      fc.property(documentArb, fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), (gen, where) => {
        const { text, elements } = serialize(gen);
        const root = elements[0]!;
        const cut = root.start + Math.floor(where * (root.end - root.start));
        const prefix = text.slice(0, cut);
        try {
          parseXml(prefix);
        } catch (e) {
          assert.ok(e instanceof AppcmdError);
          assert.equal(e.code, 'XML_MALFORMED');
          // The end of the prefix in the prefix's own lines: a cut between CR and LF leaves a lone
          // CR, which ends a line there (XML's rule) although CR LF in the full text is one break.
          const lines = prefix.split(/\r\n|\r|\n/);
          const end = { line: lines.length, column: (lines[lines.length - 1]?.length ?? 0) + 1 };
          assert.ok(e.line! < end.line || (e.line === end.line && e.column! <= end.column), `${e.message} at ${e.line}:${e.column}, cut at ${end.line}:${end.column}`);
          return;
        }
        assert.fail(`a truncated document parsed: ${JSON.stringify(prefix)}`);
      }),
      { numRuns: 300 },
    );
  });
});
