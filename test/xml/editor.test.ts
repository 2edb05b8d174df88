import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseXml } from '../../src/xml/reader.js';
import { PendingElement, XmlEditor } from '../../src/xml/editor.js';
import { AppcmdError } from '../../src/errors.js';
import type { XmlElement } from '../../src/xml/types.js';

function editorFor(text: string): { ed: XmlEditor; root: XmlElement; at: (...path: number[]) => XmlElement } {
  const doc = parseXml(text);
  const at = (...path: number[]): XmlElement => {
    let e = doc.root;
    for (const i of path) e = e.children[i]!;
    return e;
  };
  return { ed: new XmlEditor(doc), root: doc.root, at };
}

describe('XmlEditor: attributes', () => {
  it('replaces only the characters between the quotes, keeping the quote', () => {
    const { ed, at } = editorFor(`<r>\r\n  <ssl a='SslAllow' b="x" />\r\n</r>\r\n`);
    ed.setAttribute(at(0), 'a', 'SslRequire');
    assert.deepEqual(ed.edits(), [{ offset: 15, length: 8, text: 'SslRequire' }]);
    assert.equal(ed.apply(), `<r>\r\n  <ssl a='SslRequire' b="x" />\r\n</r>\r\n`);
  });

  it('produces no edit when a value is set to what it already is', () => {
    const { ed, at } = editorFor('<r a="x &amp; y" b="&#65;"/>');
    ed.setAttribute(at(), 'a', 'x & y');
    ed.setAttribute(at(), 'b', 'A');
    assert.deepEqual(ed.edits(), []);
    assert.equal(ed.hasChanges(), false);
    ed.setAttribute(at(), 'a', 'changed');
    ed.setAttribute(at(), 'a', 'x & y');
    assert.deepEqual(ed.edits(), [], 'changed and changed back');
    assert.equal(ed.apply(), '<r a="x &amp; y" b="&#65;"/>', 'the original references stay');
  });

  it('appends a new attribute after the last one, before " />", "/>" or ">"', () => {
    const cases: [string, string][] = [
      ['<r a="1" />', '<r a="1" n="v" />'],
      ['<r a="1"/>', '<r a="1" n="v"/>'],
      ['<r a="1"></r>', '<r a="1" n="v"></r>'],
      ['<r a="1"  >x</r>', '<r a="1" n="v"  >x</r>'],
      ['<r\n   a="1"\n/>', '<r\n   a="1" n="v"\n/>'],
      ['<r/>', '<r n="v"/>'],
      ['<r />', '<r n="v" />'],
    ];
    for (const [input, expected] of cases) {
      const { ed, root } = editorFor(input);
      ed.setAttribute(root, 'n', 'v');
      assert.equal(ed.apply(), expected, input);
    }
  });

  it("writes new attributes with the element's quote, else the document's", () => {
    let { ed, at } = editorFor(`<r><a x='1'/><b/></r>`);
    ed.setAttribute(at(0), 'n', 'v');
    ed.setAttribute(at(1), 'n', 'v');
    assert.equal(ed.apply(), `<r><a x='1' n='v'/><b n='v'/></r>`);
    ({ ed, at } = editorFor(`<r><a x="1"/><b y='2'/></r>`));
    ed.setAttribute(at(1), 'n', 'v');
    assert.equal(ed.apply(), `<r><a x="1"/><b y='2' n='v'/></r>`);
    ({ ed, at } = editorFor('<r><b/></r>'));
    ed.setAttribute(at(0), 'n', 'v');
    assert.equal(ed.apply(), '<r><b n="v"/></r>');
  });

  it('removes an attribute with the whitespace before it', () => {
    const cases: [string, string, string][] = [
      ['<r a="1" b="2" c="3" />', 'b', '<r a="1" c="3" />'],
      ['<r a="1" b="2" c="3" />', 'a', '<r b="2" c="3" />'],
      ['<r a="1" b="2" c="3" />', 'c', '<r a="1" b="2" />'],
      ['<r a="1"\r\n   b="2" />', 'b', '<r a="1" />'],
      ["<r  a = '1'/>", 'a', '<r/>'],
    ];
    for (const [input, name, expected] of cases) {
      const { ed, root } = editorFor(input);
      ed.removeAttribute(root, name);
      assert.equal(ed.apply(), expected, `${input} - ${name}`);
    }
  });

  it('escapes &, <, >, the quote and tab/LF/CR for the quote in use', () => {
    const value = `a&b<c>d"e'f\tg\nh\ri`;
    let { ed, root } = editorFor('<r x="" />');
    ed.setAttribute(root, 'x', value);
    ed.setAttribute(root, 'y', value);
    assert.equal(ed.apply(), `<r x="a&amp;b&lt;c&gt;d&quot;e'f&#x9;g&#xA;h&#xD;i" y="a&amp;b&lt;c&gt;d&quot;e'f&#x9;g&#xA;h&#xD;i" />`);
    assert.equal(parseXml(ed.apply()).root.attribute('x')!.value, value);
    ({ ed, root } = editorFor("<r x='' />"));
    ed.setAttribute(root, 'x', value);
    assert.equal(ed.apply(), `<r x='a&amp;b&lt;c&gt;d"e&apos;f&#x9;g&#xA;h&#xD;i' />`);
    assert.equal(parseXml(ed.apply()).root.attribute('x')!.value, value);
  });

  it('refuses values XML cannot hold and names that are not XML names', () => {
    const { ed, root } = editorFor('<r/>');
    assert.throws(
      () => ed.setAttribute(root, 'x', 'a\u0000b'),
      (e: unknown) => e instanceof AppcmdError && e.code === 'VALUE_INVALID' && e.message === 'the value contains U+0000 (NUL), which an XML file cannot hold',
    );
    assert.throws(() => ed.setAttribute(root, 'x', '\uD800'), (e: unknown) => e instanceof AppcmdError && e.code === 'VALUE_INVALID');
    assert.throws(() => ed.setAttribute(root, '1x', 'v'), (e: unknown) => e instanceof AppcmdError && e.code === 'BAD_ARGUMENT' && e.message === '"1x" is not a valid XML attribute name');
    assert.throws(() => ed.insertElement(root, 'a b'), (e: unknown) => e instanceof AppcmdError && e.message === '"a b" is not a valid XML element name');
    assert.deepEqual(ed.edits(), []);
  });

  it('reads the edited state: values, names in order, new names appended', () => {
    const { ed, root } = editorFor('<r a="1" b="2" c="3"/>');
    ed.setAttribute(root, 'z', 'new');
    ed.setAttribute(root, 'b', 'two');
    ed.removeAttribute(root, 'a');
    ed.setAttribute(root, 'y', 'other');
    assert.deepEqual(ed.attributeNames(root), ['b', 'c', 'z', 'y']);
    assert.equal(ed.getAttribute(root, 'a'), undefined);
    assert.equal(ed.getAttribute(root, 'b'), 'two');
    assert.equal(ed.getAttribute(root, 'c'), '3');
    assert.equal(ed.getAttribute(root, 'z'), 'new');
    assert.equal(ed.apply(), '<r b="two" c="3" z="new" y="other"/>');
    ed.setAttribute(root, 'a', '1');
    assert.deepEqual(ed.attributeNames(root), ['a', 'b', 'c', 'z', 'y'], 'a restored attribute keeps its place');
    ed.removeAttribute(root, 'z');
    ed.setAttribute(root, 'z', 'again');
    assert.deepEqual(ed.attributeNames(root), ['a', 'b', 'c', 'y', 'z'], 'a new attribute set again goes last');
    assert.equal(ed.apply(), '<r a="1" b="two" c="3" y="other" z="again"/>');
  });
});

describe('XmlEditor: elements', () => {
  it('reads children, parents and removal through the overlay', () => {
    const { ed, root, at } = editorFor('<r><a><x/></a><b/></r>');
    const a = at(0);
    const b = at(1);
    const n = ed.insertElement(root, 'n', [['k', 'v']], 1);
    assert.deepEqual(ed.children(root), [a, n, b]);
    assert.equal(ed.parent(n), root);
    assert.equal(ed.parent(a), root);
    assert.equal(ed.parent(root), null);
    ed.removeElement(a);
    assert.deepEqual(ed.children(root), [n, b]);
    assert.equal(ed.isRemoved(a), true);
    assert.equal(ed.isRemoved(at(0, 0)), true, 'the child of a removed element is removed too');
    assert.equal(ed.isRemoved(b), false);
    assert.equal(ed.getAttribute(n, 'k'), 'v');
    assert.deepEqual(ed.attributeNames(n), ['k']);
    assert.ok(n instanceof PendingElement);
    assert.deepEqual(n.attributes, [['k', 'v']]);
    assert.equal(ed.apply(), '<r><n k="v"/><b/></r>', 'the document writes <x/>, so the new element does too');
  });

  it('refuses to change removed elements, to remove the root and bad indexes', () => {
    const { ed, root, at } = editorFor('<r><a><x/></a></r>');
    ed.removeElement(at(0));
    assert.throws(() => ed.setAttribute(at(0, 0), 'k', 'v'), /<x> has been removed/);
    assert.throws(() => ed.insertElement(at(0), 'k'), /<a> has been removed/);
    assert.throws(() => ed.removeElement(root), /root element cannot be removed/);
    assert.throws(() => ed.insertElement(root, 'k', [], 2), RangeError);
    assert.throws(() => ed.insertElement(root, 'k', [], -1), RangeError);
  });

  it('costs nothing when an inserted element is removed again', () => {
    const { ed, root } = editorFor('<r>\n  <a/>\n</r>');
    const n = ed.insertElement(root, 'n');
    ed.insertElement(n, 'm');
    ed.removeElement(n);
    assert.deepEqual(ed.edits(), []);
    assert.equal(ed.isRemoved(n), true);
  });

  it('lets pending elements change until edits() is called', () => {
    const { ed, root } = editorFor('<r>\n  <a/>\n</r>');
    const n = ed.insertElement(root, 'n', [['x', '1']]);
    ed.setAttribute(n, 'x', '2');
    ed.setAttribute(n, 'y', '3');
    ed.removeAttribute(n, 'x');
    const m = ed.insertElement(n, 'm');
    ed.insertElement(m, 'k', [['q', 'a"b']]);
    ed.insertElement(n, 'first', [], 0);
    assert.equal(ed.apply(), '<r>\n  <a/>\n  <n y="3">\n    <first/>\n    <m>\n      <k q="a&quot;b"/>\n    </m>\n  </n>\n</r>');
  });

  it('removes an element with its whole line when it is alone on it', () => {
    const cases: [string, string][] = [
      ['<r>\n  <a/>\n  <b/>\n  <c/>\n</r>', '<r>\n  <a/>\n  <c/>\n</r>'],
      ['<r>\r\n\t<a/>\r\n\t<b x="1">\r\n\t\t<i/>\r\n\t</b>  \r\n\t<c/>\r\n</r>', '<r>\r\n\t<a/>\r\n\t<c/>\r\n</r>'],
      ['<r>\n  <a/><b/>\n</r>', '<r>\n  <a/>\n</r>'],
      ['<r>\n  <b/> <!-- note -->\n</r>', '<r>\n   <!-- note -->\n</r>'],
      ['<r><a/><b/><c/></r>', '<r><a/><c/></r>'],
    ];
    for (const [input, expected] of cases) {
      const { ed, root } = editorFor(input);
      ed.removeElement(root.children.find((c) => c.name === 'b')!);
      assert.equal(ed.apply(), expected, JSON.stringify(input));
    }
  });

  it('leaves everything outside the edits alone: CRLF, tabs, comments, references, order, <a/> and <a />', () => {
    const text = '<?xml version="1.0"?>\r\n<!-- c -->\r\n<r z="&apos;" a=\'1\'>\r\n\t<a/>\r\n\t<b />\r\n\t<!-- keep &amp; -->\r\n\t<c k="&#x41;"></c >\r\n</r>';
    const { ed, at } = editorFor(text);
    ed.setAttribute(at(2), 'k', 'B');
    assert.equal(ed.apply(), text.replace('&#x41;', 'B'));
  });
});

describe('XmlEditor: childNamed', () => {
  it('finds the first child of a name from the parsed rows, then from the edited children', () => {
    const { ed, root, at } = editorFor('<r><a i="1"/><b/><a i="2"/><c><a/></c></r>');
    assert.equal(ed.childNamed(root, 'a'), at(0));
    assert.equal(ed.childNamed(root, 'c'), at(3));
    assert.equal(ed.childNamed(at(3), 'a'), at(3, 0));
    // Names the file does not use, and names only a grandchild has.
    assert.equal(ed.childNamed(root, 'zz'), undefined);
    assert.equal(ed.childNamed(at(1), 'a'), undefined);
    const added = ed.insertElement(root, 'd');
    assert.equal(ed.childNamed(root, 'd'), added);
    ed.removeElement(at(0));
    assert.equal(ed.childNamed(root, 'a'), at(2));
    assert.equal(ed.childNamed(added, 'a'), undefined);
  });
});
