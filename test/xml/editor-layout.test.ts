/**
 * Golden tests for where new elements go and how they are laid out: exact expected texts.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseXml } from '../../src/xml/reader.js';
import { XmlEditor } from '../../src/xml/editor.js';
import type { XmlElement } from '../../src/xml/types.js';

const crlf = (...lines: string[]): string => lines.join('\r\n');
const lf = (...lines: string[]): string => lines.join('\n');

function edit(text: string, change: (ed: XmlEditor, find: (name: string) => XmlElement) => void): string {
  const doc = parseXml(text);
  const find = (name: string): XmlElement => {
    const stack: XmlElement[] = [doc.root];
    while (stack.length > 0) {
      const e = stack.pop()!;
      if (e.name === name) return e;
      stack.push(...e.children);
    }
    throw new Error(`no <${name}>`);
  };
  const ed = new XmlEditor(doc);
  change(ed, find);
  const out = ed.apply();
  parseXml(out); // every result must still be well-formed
  return out;
}

describe('inserting beside existing children', () => {
  const sites = crlf(
    '<configuration>',
    '    <sites>',
    '        <site name="a" id="1" />',
    '        <site name="b" id="2">',
    '            <bindings />',
    '        </site>',
    '    </sites>',
    '</configuration>',
    '',
  );

  it('appends after the last child with its indentation (CRLF, 4 spaces)', () => {
    const out = edit(sites, (ed, find) => ed.insertElement(find('sites'), 'site', [['name', 'c'], ['id', '3']]));
    assert.equal(
      out,
      crlf(
        '<configuration>',
        '    <sites>',
        '        <site name="a" id="1" />',
        '        <site name="b" id="2">',
        '            <bindings />',
        '        </site>',
        '        <site name="c" id="3" />',
        '    </sites>',
        '</configuration>',
        '',
      ),
    );
  });

  it('inserts before the first child at index 0, and between children', () => {
    const out = edit(sites, (ed, find) => {
      ed.insertElement(find('sites'), 'clear', [], 0);
      ed.insertElement(find('sites'), 'site', [['name', 'mid']], 2);
    });
    assert.equal(
      out,
      crlf(
        '<configuration>',
        '    <sites>',
        '        <clear />',
        '        <site name="a" id="1" />',
        '        <site name="mid" />',
        '        <site name="b" id="2">',
        '            <bindings />',
        '        </site>',
        '    </sites>',
        '</configuration>',
        '',
      ),
    );
  });

  it('writes nested new elements one unit deeper (LF, 2 spaces)', () => {
    const text = lf('<configuration>', '  <sites>', '    <site name="a" />', '  </sites>', '</configuration>');
    const out = edit(text, (ed, find) => {
      const site = ed.insertElement(find('sites'), 'site', [['name', 'b']]);
      const ftp = ed.insertElement(site, 'ftpServer');
      const security = ed.insertElement(ftp, 'security');
      ed.insertElement(security, 'ssl', [['controlChannelPolicy', 'SslRequire']]);
      ed.insertElement(site, 'bindings');
    });
    assert.equal(
      out,
      lf(
        '<configuration>',
        '  <sites>',
        '    <site name="a" />',
        '    <site name="b">',
        '      <ftpServer>',
        '        <security>',
        '          <ssl controlChannelPolicy="SslRequire" />',
        '        </security>',
        '      </ftpServer>',
        '      <bindings />',
        '    </site>',
        '  </sites>',
        '</configuration>',
      ),
    );
  });

  it('follows tab indentation', () => {
    const text = lf('<r>', '\t<a>', '\t\t<b/>', '\t</a>', '</r>');
    const out = edit(text, (ed, find) => {
      const n = ed.insertElement(find('a'), 'n');
      ed.insertElement(n, 'm');
    });
    assert.equal(out, lf('<r>', '\t<a>', '\t\t<b/>', '\t\t<n>', '\t\t\t<m/>', '\t\t</n>', '\t</a>', '</r>'));
  });

  it("keeps a trailing comment on the previous sibling's line", () => {
    const text = lf('<r>', '    <a /> <!-- the first -->', '</r>');
    const out = edit(text, (ed, find) => ed.insertElement(find('r'), 'b'));
    assert.equal(out, lf('<r>', '    <a /> <!-- the first -->', '    <b />', '</r>'));
  });

  it('replaces a removed child in place', () => {
    const text = lf('<r>', '    <a />', '    <b />', '    <c />', '</r>');
    const out = edit(text, (ed, find) => {
      ed.removeElement(find('b'));
      ed.insertElement(find('r'), 'x', [], 1);
    });
    assert.equal(out, lf('<r>', '    <a />', '    <x />', '    <c />', '</r>'));
    const first = edit(text, (ed, find) => {
      ed.removeElement(find('a'));
      ed.insertElement(find('r'), 'x', [], 0);
    });
    assert.equal(first, lf('<r>', '    <x />', '    <b />', '    <c />', '</r>'));
  });
});

describe('inserting into an element without element children', () => {
  it('expands a self-closing element, keeping its attributes byte for byte (CRLF)', () => {
    const text = crlf('<r>', '    <webLimits  a="1"   b=\'&amp;\' />', '</r>');
    const out = edit(text, (ed, find) => ed.insertElement(find('webLimits'), 'add', [['k', 'v']]));
    assert.equal(out, crlf('<r>', '    <webLimits  a="1"   b=\'&amp;\'>', '        <add k="v" />', '    </webLimits>', '</r>'));
  });

  it('expands <p/> with no attributes', () => {
    const text = lf('<r>', '  <p/>', '  <q/>', '</r>');
    const out = edit(text, (ed, find) => ed.insertElement(find('p'), 'c'));
    assert.equal(out, lf('<r>', '  <p>', '    <c/>', '  </p>', '  <q/>', '</r>'));
  });

  it('expands a self-closing element and adds an attribute to it at once', () => {
    const text = lf('<r>', '    <p a="1" />', '</r>');
    const out = edit(text, (ed, find) => {
      ed.setAttribute(find('p'), 'b', '2');
      ed.insertElement(find('p'), 'c');
    });
    assert.equal(out, lf('<r>', '    <p a="1" b="2">', '        <c />', '    </p>', '</r>'));
  });

  it('fills <p></p> and <p> with only whitespace </p>', () => {
    const empty = edit(lf('<r>', '    <p></p>', '</r>'), (ed, find) => ed.insertElement(find('p'), 'c'));
    assert.equal(empty, lf('<r>', '    <p>', '        <c />', '    </p>', '</r>'));
    const blank = edit(crlf('<r>', '    <p>', '       ', '    </p>', '</r>'), (ed, find) => {
      ed.insertElement(find('p'), 'c');
      ed.insertElement(find('p'), 'd');
    });
    assert.equal(blank, crlf('<r>', '    <p>', '        <c />', '        <d />', '    </p>', '</r>'));
  });

  it('keeps comments inside the parent and adds after them', () => {
    const own = edit(lf('<r>', '  <p>', '    <!-- keep -->', '  </p>', '</r>'), (ed, find) => ed.insertElement(find('p'), 'c'));
    assert.equal(own, lf('<r>', '  <p>', '    <!-- keep -->', '    <c />', '  </p>', '</r>'));
    const inline = edit(lf('<r>', '  <p><!-- keep --></p>', '</r>'), (ed, find) => ed.insertElement(find('p'), 'c'));
    assert.equal(inline, lf('<r>', '  <p><!-- keep -->', '    <c />', '  </p>', '</r>'));
  });

  it('refills a parent whose children were all removed', () => {
    const text = lf('<r>', '  <p>', '    <a />', '    <b />', '  </p>', '</r>');
    const out = edit(text, (ed, find) => {
      ed.removeElement(find('a'));
      ed.removeElement(find('b'));
      ed.insertElement(find('p'), 'c');
    });
    assert.equal(out, lf('<r>', '  <p>', '    <c />', '  </p>', '</r>'));
  });

  it('follows single quotes and the "/>" style for new elements', () => {
    const text = lf("<r k='v'>", "  <a x='1'/>", '  <b/>', '</r>');
    const out = edit(text, (ed, find) => ed.insertElement(find('r'), 'c', [['y', "it's"]]));
    assert.equal(out, lf("<r k='v'>", "  <a x='1'/>", '  <b/>', "  <c y='it&apos;s'/>", '</r>'));
  });
});

describe('documents without line breaks', () => {
  it('inserts with no whitespace at all', () => {
    const text = '<r><a x="1"/><p/><q></q></r>';
    const out = edit(text, (ed, find) => {
      ed.insertElement(find('r'), 'n');
      ed.insertElement(find('r'), 'm', [], 0);
      const c = ed.insertElement(find('p'), 'c');
      ed.insertElement(c, 'd');
      ed.insertElement(find('q'), 'e');
    });
    assert.equal(out, '<r><m/><a x="1"/><p><c><d/></c></p><q><e/></q><n/></r>');
  });

  it('expands a self-closing root inline', () => {
    assert.equal(edit('<r a="1" />', (ed, find) => ed.insertElement(find('r'), 'c')), '<r a="1"><c /></r>');
  });
});
