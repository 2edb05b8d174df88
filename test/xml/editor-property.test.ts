/**
 * Random editing sessions on corpus files and random documents. After any sequence of operations
 * the result must parse, must hold exactly what the editor says it holds, and must keep every
 * byte that no operation was entitled to touch.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { basename } from 'node:path';
import fc from 'fast-check';
import { parseXml } from '../../src/xml/reader.js';
import { isPending, XmlEditor, type ElementRef } from '../../src/xml/editor.js';
import type { ParsedDocument } from '../../src/xml/document.js';
import type { XmlElement } from '../../src/xml/types.js';
import { wellFormedCorpusFiles } from '../helpers/paths.js';
import { documentArb, serialize } from './arbitraries.js';
import { readCorpusText } from './corpus-text.js';

interface Op {
  readonly kind: 'set' | 'removeAttribute' | 'insert' | 'removeElement';
  readonly pick: number;
  readonly name: number;
  readonly value: string;
  readonly index: number;
  readonly attributes: ReadonlyArray<readonly [string, string]>;
}

const valueArb = fc.string({ unit: fc.constantFrom('a', 'Z', '1', ' ', '&', '<', '>', '"', "'", '\t', '\n', '\r', 'é', '😀', ';'), maxLength: 8 });
const attributeNames = ['name', 'id', 'value', 'enabled', 'x:y', 'é'];
const elementNames = ['add', 'site', 'ssl', 'clear', 'system.webServer'];

const opArb: fc.Arbitrary<Op> = fc.record({
  kind: fc.constantFrom<Op['kind']>('set', 'set', 'removeAttribute', 'insert', 'insert', 'removeElement'),
  pick: fc.nat(),
  name: fc.nat(),
  value: valueArb,
  index: fc.nat(),
  attributes: fc.uniqueArray(fc.tuple(fc.constantFrom(...attributeNames), valueArb), { maxLength: 3, selector: (a) => a[0] }),
});

/** What the operations aimed at, so the byte check knows what may have changed. */
interface Touched {
  readonly attributes: Set<ElementRef>;
  readonly childLists: Set<ElementRef>;
  readonly removed: Set<ElementRef>;
}

function liveElements(ed: XmlEditor, root: XmlElement): ElementRef[] {
  const out: ElementRef[] = [];
  const stack: ElementRef[] = [root];
  while (stack.length > 0) {
    const e = stack.pop()!;
    out.push(e);
    stack.push(...ed.children(e).reverse());
  }
  return out;
}

function run(doc: ParsedDocument, ops: readonly Op[]): { ed: XmlEditor; touched: Touched } {
  const ed = new XmlEditor(doc);
  const touched: Touched = { attributes: new Set(), childLists: new Set(), removed: new Set() };
  for (const op of ops) {
    const live = liveElements(ed, doc.root);
    const target = live[op.pick % live.length]!;
    switch (op.kind) {
      case 'set': {
        const pool = [...attributeNames, ...ed.attributeNames(target)];
        ed.setAttribute(target, pool[op.name % pool.length]!, op.value);
        touched.attributes.add(target);
        break;
      }
      case 'removeAttribute': {
        const names = ed.attributeNames(target);
        if (names.length === 0) break;
        ed.removeAttribute(target, names[op.name % names.length]!);
        touched.attributes.add(target);
        break;
      }
      case 'insert': {
        const at = op.index % (ed.children(target).length + 1);
        ed.insertElement(target, elementNames[op.name % elementNames.length]!, op.attributes, at);
        touched.childLists.add(target);
        break;
      }
      case 'removeElement': {
        const parent = ed.parent(target);
        if (parent === null) break;
        ed.removeElement(target);
        touched.childLists.add(parent);
        touched.removed.add(target);
        break;
      }
    }
  }
  return { ed, touched };
}

/** The children of an existing element as text gaps: before the first, between, after the last. */
function gaps(text: string, el: XmlElement, children: readonly XmlElement[]): string[] {
  const out: string[] = [];
  let from = el.startTagEnd;
  for (const c of children) {
    out.push(text.slice(from, c.start));
    from = c.end;
  }
  out.push(text.slice(from, el.endTagStart));
  return out;
}

/**
 * Every character an edit deletes must belong to something an operation was entitled to change:
 * the start tag of an element whose attributes or children changed, a removed element together
 * with its own indentation and line ending, or the blank content of a parent that got children.
 */
function checkDeletions(text: string, ed: XmlEditor, touched: Touched): void {
  const elements = (set: Set<ElementRef>): XmlElement[] => [...set].filter((e): e is XmlElement => !isPending(e));
  const startTags = [...elements(touched.attributes), ...elements(touched.childLists)];
  const removed = elements(touched.removed);
  const parents = elements(touched.childLists);
  for (const e of ed.edits()) {
    if (e.length === 0) continue;
    const from = e.offset;
    const to = e.offset + e.length;
    const ok =
      startTags.some((el) => from > el.start && to <= el.startTagEnd) ||
      removed.some(
        (el) =>
          from <= el.start &&
          to >= el.end &&
          /^[ \t]*$/.test(text.slice(from, el.start)) &&
          (from === el.start || from === 0 || /[\r\n]/.test(text.charAt(from - 1))) &&
          /^[ \t]*(\r\n|\n|\r)?$/.test(text.slice(el.end, to)),
      ) ||
      parents.some((el) => from === el.startTagEnd && to === el.endTagStart && /^\s*$/.test(text.slice(from, to)));
    assert.ok(ok, `edit deletes ${JSON.stringify(text.slice(from, to))} at ${from}, which no operation touched`);
  }
}

function check(doc: ParsedDocument, ed: XmlEditor, touched: Touched): void {
  const text = doc.text;
  checkDeletions(text, ed, touched);
  const out = ed.apply();
  const reparsed = parseXml(out);
  const compare = (view: ElementRef, got: XmlElement): void => {
    assert.equal(got.name, view.name);
    const names = ed.attributeNames(view);
    assert.deepEqual(
      got.attributes.map((a) => a.name),
      names,
    );
    for (const n of names) assert.equal(got.attribute(n)!.value, ed.getAttribute(view, n), `${view.name}@${n}`);
    const kids = ed.children(view);
    assert.equal(got.children.length, kids.length, `children of <${view.name}>`);
    kids.forEach((k, i) => compare(k, got.children[i]!));

    if (!isPending(view)) {
      const expanded = view.selfClosing && kids.length > 0;
      if (!touched.attributes.has(view) && !expanded) {
        assert.equal(out.slice(got.start, got.startTagEnd), text.slice(view.start, view.startTagEnd), `start tag of <${view.name}>`);
      } else {
        assert.ok(out.startsWith(`<${view.name}`, got.start));
      }
      if (!view.selfClosing) {
        assert.equal(out.slice(got.endTagStart, got.end), text.slice(view.endTagStart, view.end), `end tag of <${view.name}>`);
        if (!touched.childLists.has(view)) {
          assert.deepEqual(gaps(out, got, got.children), gaps(text, view, view.children), `content between the children of <${view.name}>`);
        }
      }
    }
  };
  compare(doc.root, reparsed.root);
  assert.equal(out.slice(0, reparsed.root.start), text.slice(0, doc.root.start), 'text before the root');
  assert.equal(out.slice(reparsed.root.end), text.slice(doc.root.end), 'text after the root');
  if (!/(^|[^\r])\n/.test(text)) assert.doesNotMatch(out, /(^|[^\r])\n/, 'a CRLF file gets no bare LF');
  if (!text.includes('\r')) assert.ok(!out.includes('\r'), 'an LF file gets no CR');
  // A second editor over the result sees nothing to do.
  assert.deepEqual(new XmlEditor(reparsed).edits(), []);
}

describe('XmlEditor on random editing sessions', () => {
  const corpus = wellFormedCorpusFiles().map((f) => ({ name: basename(f), doc: parseXml(readCorpusText(f)) }));

  it('keeps corpus files well-formed, faithful and otherwise byte-identical', () => {
    fc.assert(
      fc.property(fc.constantFrom(...corpus), fc.array(opArb, { minLength: 1, maxLength: 12 }), ({ doc }, ops) => {
        const { ed, touched } = run(doc, ops);
        check(doc, ed, touched);
      }),
      { numRuns: 150 },
    );
  });

  it('does the same on random documents', () => {
    fc.assert(
      fc.property(documentArb, fc.array(opArb, { minLength: 1, maxLength: 10 }), (gen, ops) => {
        const doc = parseXml(serialize(gen).text);
        const { ed, touched } = run(doc, ops);
        check(doc, ed, touched);
      }),
      { numRuns: 400 },
    );
  });

  it('changes nothing when every change is undone', () => {
    fc.assert(
      fc.property(fc.constantFrom(...corpus), fc.array(opArb, { minLength: 1, maxLength: 8 }), ({ doc }, ops) => {
        const ed = new XmlEditor(doc);
        const live = liveElements(ed, doc.root).filter((e): e is XmlElement => !isPending(e));
        for (const op of ops) {
          const target = live[op.pick % live.length]!;
          const name = attributeNames[op.name % attributeNames.length]!;
          const before = ed.getAttribute(target, name);
          ed.setAttribute(target, name, op.value);
          const inserted = ed.insertElement(target, 'tmp', op.attributes);
          ed.removeElement(inserted);
          if (before === undefined) ed.removeAttribute(target, name);
          else ed.setAttribute(target, name, before);
        }
        assert.deepEqual(ed.edits(), []);
        assert.equal(ed.apply(), doc.text);
      }),
      { numRuns: 100 },
    );
  });
});
