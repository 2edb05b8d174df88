/**
 * The schema loader: the model it builds, merging, what it ignores, and every way a schema file
 * can be wrong (each an AppcmdError SCHEMA_INVALID pointing at file, line and column).
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { isAppcmdError, type AppcmdError } from '../../src/errors.js';
import { bundledSchema, bundledSchemaDir, loadSchema, loadSchemaDir, loadSchemaFiles } from '../../src/schema/loader.js';
import type { SchemaSet } from '../../src/schema/types.js';
import { referenceSchemaDir } from '../helpers/paths.js';
import { tempDir } from '../helpers/temp.js';

const wrap = (body: string): string => `<configSchema>\n${body}\n</configSchema>\n`;
const load = (...texts: string[]): SchemaSet => loadSchema(texts.map((text, i) => ({ name: `file${i + 1}.xml`, text })));

function schemaFailure(texts: string[], check: (e: AppcmdError) => void): void {
  assert.throws(
    () => load(...texts),
    (e: unknown) => {
      assert.ok(isAppcmdError(e), String(e));
      assert.equal(e.code, 'SCHEMA_INVALID');
      check(e);
      return true;
    },
  );
}

describe('loader: the model', () => {
  const set = load(
    wrap(`
  <sectionSchema name="group/sub/things">
    <attribute name="enabled" type="bool" defaultValue="true" />
    <element name="limits">
      <attribute name="max" type="uint" defaultValue="10" validationType="integerRange" validationParameter="1,100" />
    </element>
    <collection addElement="thing" removeElement="remove" clearElement="clear" defaultElement="thingDefaults">
      <attribute name="name" type="string" required="true" isUniqueKey="true" />
      <attribute name="kind" type="enum" defaultValue="A">
        <enum name="A" value="0" />
        <enum name="B" value="1" />
      </attribute>
      <element name="child"><attribute name="x" type="int" /></element>
      <collection addElement="part">
        <attribute name="a" type="string" isCombinedKey="true" />
        <attribute name="b" type="string" isCombinedKey="true" />
      </collection>
    </collection>
    <element name="thingDefaults" isCollectionDefault="true">
      <attribute name="name" type="string" />
    </element>
  </sectionSchema>`),
  );
  const section = set.getSection('group/sub/things');

  it('finds sections by full path, case-insensitively', () => {
    assert.ok(section !== undefined);
    assert.equal(section.path, 'group/sub/things');
    assert.equal(section.name, 'things');
    assert.equal(set.getSection('GROUP/Sub/THINGS'), section);
    assert.equal(set.getSection('things'), undefined);
    assert.deepEqual(set.sources, ['file1.xml']);
  });

  it('reads attributes with the schema language defaults', () => {
    const enabled = section?.getAttribute('enabled');
    assert.ok(enabled !== undefined);
    assert.equal(enabled.type, 'bool');
    assert.equal(enabled.defaultValue, 'true');
    assert.equal(enabled.required, false);
    assert.equal(enabled.timeSpanFormat, 'string');
    assert.deepEqual(enabled.values, []);
    assert.equal(section?.getElement('limits')?.getAttribute('max')?.validationParameter, '1,100');
  });

  it('exact lookups are case-sensitive, find* are not', () => {
    assert.equal(section?.getAttribute('Enabled'), undefined);
    assert.equal(section?.findAttribute('ENABLED')?.name, 'enabled');
    assert.equal(section?.getElement('Limits'), undefined);
    assert.equal(section?.findElement('LIMITS')?.name, 'limits');
  });

  it('reads a collection: its own children are the item, named by addElement', () => {
    const c = section?.collection;
    assert.ok(c !== undefined);
    assert.deepEqual(c.addElementNames, ['thing']);
    assert.equal(c.removeElementName, 'remove');
    assert.equal(c.clearElementName, 'clear');
    assert.equal(c.defaultElementName, 'thingDefaults');
    assert.equal(c.mergeAppend, true);
    assert.equal(c.allowDuplicates, false);
    assert.equal(c.item.name, 'thing');
    assert.deepEqual(c.item.attributes.map((a) => a.name), ['name', 'kind']);
    assert.deepEqual(c.item.getAttribute('kind')?.values, [{ name: 'A', value: 0 }, { name: 'B', value: 1 }]);
    assert.equal(c.item.getElement('child')?.getAttribute('x')?.type, 'int');
    assert.deepEqual(c.keyAttributes.map((a) => a.name), ['name']);
    assert.equal(c.combinedKey, false);
    assert.equal(section?.getElement('thingDefaults')?.isCollectionDefault, true);
  });

  it('keys: isUniqueKey attributes, else isCombinedKey ones', () => {
    const nested = section?.collection?.item.collection;
    assert.ok(nested !== undefined);
    assert.equal(nested.item.name, 'part');
    assert.deepEqual(nested.keyAttributes.map((a) => a.name), ['a', 'b']);
    assert.equal(nested.combinedKey, true);
    assert.equal(nested.removeElementName, undefined);
  });

  it('a site has two unique keys, a binding a combined one', () => {
    const sites = bundledSchema().getSection('system.applicationHost/sites')?.collection;
    assert.deepEqual(sites?.keyAttributes.map((a) => a.name), ['name', 'id']);
    assert.equal(sites?.combinedKey, false);
    const bindings = sites?.item.getElement('bindings')?.collection;
    assert.deepEqual(bindings?.keyAttributes.map((a) => a.name), ['protocol', 'bindingInformation']);
    assert.equal(bindings?.combinedKey, true);
  });

  it('several add tags (ASP.NET authorization: allow,deny)', () => {
    const s = load(wrap('<sectionSchema name="system.web/authorization"><collection addElement="allow,deny" clearElement="clear"><attribute name="users" type="string" /></collection></sectionSchema>'));
    const c = s.getSection('system.web/authorization')?.collection;
    assert.deepEqual(c?.addElementNames, ['allow', 'deny']);
    assert.equal(c?.item.name, 'allow');
  });
});

describe('loader: what it ignores', () => {
  it('skips runtime-only extension parts and <method>', () => {
    const set = load(
      wrap(`
  <sectionSchema name="a/s">
    <attribute name="kept" type="string" />
    <attribute name="state" type="enum" extension="Microsoft.ApplicationHost.RscaExtension"><enum name="Started" value="1" /></attribute>
    <element name="runtime" extension="x"><attribute name="y" type="string" /></element>
    <method name="Start" extension="x"><inputElement><attribute name="z" type="string" /></inputElement></method>
  </sectionSchema>`),
    );
    const s = set.getSection('a/s');
    assert.deepEqual(s?.attributes.map((a) => a.name), ['kept']);
    assert.deepEqual(s?.elements, []);
  });

  it("ignores unknown schema attributes (Microsoft's mergeElement, displayHex)", () => {
    const set = load(wrap('<sectionSchema name="a/s"><collection addElement="add" mergeElement="false"><attribute name="n" type="uint" displayHex="true" /></collection></sectionSchema>'));
    assert.equal(set.getSection('a/s')?.collection?.mergeAppend, true);
  });

  it('reads a lowercase defaultvalue as defaultValue', () => {
    const set = load(wrap('<sectionSchema name="a/s"><attribute name="removeServerHeader" type="bool" defaultvalue="false" /></sectionSchema>'));
    assert.equal(set.getSection('a/s')?.getAttribute('removeServerHeader')?.defaultValue, 'false');
  });

  it('accepts comments, an XML declaration and a BOM', () => {
    const set = load(`\uFEFF<?xml version="1.0" encoding="UTF-8"?>\n<!-- header -->\n${wrap('<!-- c --><sectionSchema name="a/s" />')}`);
    assert.ok(set.getSection('a/s') !== undefined);
  });
});

describe('loader: merging declarations of one section', () => {
  const base = wrap(`
  <sectionSchema name="system.applicationHost/sites">
    <collection addElement="site" defaultElement="siteDefaults">
      <attribute name="name" type="string" required="true" isUniqueKey="true" />
      <element name="limits"><attribute name="maxConnections" type="uint" /></element>
    </collection>
    <element name="siteDefaults" isCollectionDefault="true">
      <attribute name="name" type="string" />
    </element>
  </sectionSchema>`);
  const extension = wrap(`
  <sectionSchema name="system.applicationHost/sites">
    <collection addElement="site" defaultElement="siteDefaults">
      <element name="ftpServer"><attribute name="allowUTF8" type="bool" defaultValue="true" /></element>
      <element name="limits"><attribute name="maxBandwidth" type="uint" /></element>
    </collection>
    <element name="siteDefaults" isCollectionDefault="true">
      <element name="ftpServer"><attribute name="allowUTF8" type="bool" defaultValue="true" /></element>
    </element>
  </sectionSchema>
  <sectionSchema name="system.ftpServer/log"><attribute name="logInUTF8" type="bool" /></sectionSchema>`);

  it('merges elements, collections and attributes by name, recursively, in either file order', () => {
    for (const set of [load(base, extension), load(extension, base)]) {
      assert.equal(set.sections.length, 2);
      const site = set.getSection('system.applicationHost/sites')?.collection?.item;
      assert.deepEqual(site?.attributes.map((a) => a.name), ['name']);
      assert.equal(site?.getElement('ftpServer')?.getAttribute('allowUTF8')?.defaultValue, 'true');
      assert.deepEqual(site?.getElement('limits')?.attributes.map((a) => a.name).sort(), ['maxBandwidth', 'maxConnections']);
      const defaults = set.getSection('system.applicationHost/sites')?.getElement('siteDefaults');
      assert.equal(defaults?.isCollectionDefault, true);
      assert.ok(defaults?.getElement('ftpServer')?.getAttribute('allowUTF8') !== undefined);
      assert.ok(defaults?.getAttribute('name') !== undefined);
    }
  });

  it('merges two declarations in one file too', () => {
    const set = load(wrap('<sectionSchema name="a/s"><attribute name="x" type="int" /></sectionSchema><sectionSchema name="A/S"><attribute name="y" type="int" /></sectionSchema>'));
    assert.deepEqual(set.getSection('a/s')?.attributes.map((a) => a.name), ['x', 'y']);
  });

  it('accepts the same attribute declared twice identically', () => {
    const twice = wrap('<sectionSchema name="a/s"><attribute name="x" type="int" defaultValue="1" /></sectionSchema>');
    assert.equal(load(twice, twice).getSection('a/s')?.attributes.length, 1);
  });

  it('refuses an attribute declared twice differently, naming both places', () => {
    schemaFailure(
      [wrap('<sectionSchema name="a/s"><attribute name="x" type="int" /></sectionSchema>'), wrap('<sectionSchema name="a/s">\n  <attribute name="x" type="uint" />\n</sectionSchema>')],
      (e) => {
        assert.equal(e.file, 'file2.xml');
        assert.equal(e.line, 3);
        assert.match(e.message, /Attribute "x".*declared differently at file1\.xml:2:/);
      },
    );
  });

  it('adds a collection with other add tags as another item; refuses overlapping tags or contradicting properties', () => {
    const merged = load(wrap('<sectionSchema name="a/s"><collection addElement="add" /></sectionSchema>'), wrap('<sectionSchema name="a/s"><collection addElement="item" /></sectionSchema>'));
    assert.deepEqual(merged.getSection('a/s')?.collection?.addElementNames, ['add', 'item']);
    schemaFailure(
      [wrap('<sectionSchema name="a/s"><collection addElement="add" /></sectionSchema>'), wrap('<sectionSchema name="a/s"><collection addElement="item,add" /></sectionSchema>')],
      (e) => assert.match(e.message, /addElement "item,add" differs from "add"/),
    );
    schemaFailure(
      [
        wrap('<sectionSchema name="a/s"><collection addElement="add" clearElement="clear" /></sectionSchema>'),
        wrap('<sectionSchema name="a/s"><collection addElement="add" clearElement="reset" /></sectionSchema>'),
      ],
      (e) => assert.match(e.message, /clearElement="reset" contradicts/),
    );
  });
});

describe('loader: bad schema files', () => {
  it('malformed XML → SCHEMA_INVALID with file and line', () => {
    schemaFailure([wrap('<sectionSchema name="a/s">\n  <attribute name="x" type="int">\n</sectionSchema>')], (e) => {
      assert.equal(e.file, 'file1.xml');
      assert.ok(e.line !== undefined && e.line >= 3, `line ${e.line}`);
      assert.ok(isAppcmdError(e.cause) && e.cause.code.startsWith('XML_'));
    });
    schemaFailure(['not xml at all'], (e) => assert.equal(e.file, 'file1.xml'));
    schemaFailure([''], (e) => assert.equal(e.file, 'file1.xml'));
  });

  it('unknown type → SCHEMA_INVALID at the attribute', () => {
    schemaFailure([wrap('<sectionSchema name="a/s">\n  <element name="e">\n    <attribute name="x" type="integer" />\n  </element>\n</sectionSchema>')], (e) => {
      assert.equal(e.file, 'file1.xml');
      assert.equal(e.line, 4);
      assert.equal(e.column, 5);
      assert.match(e.message, /Attribute "x" has unknown type "integer"/);
    });
  });

  const broken: [string, string, RegExp][] = [
    ['root', '<schema />', /root element is <schema>/],
    ['unknown child of configSchema', wrap('<section name="a/s" />'), /Unexpected <section> in <configSchema>/],
    ['unknown child of a section', wrap('<sectionSchema name="a/s"><attr name="x" type="int" /></sectionSchema>'), /Unexpected <attr>/],
    ['section without name', wrap('<sectionSchema />'), /<sectionSchema> has no name/],
    ['attribute without type', wrap('<sectionSchema name="a/s"><attribute name="x" /></sectionSchema>'), /<attribute> has no type/],
    ['attribute without name', wrap('<sectionSchema name="a/s"><attribute type="int" /></sectionSchema>'), /<attribute> has no name/],
    ['element without name', wrap('<sectionSchema name="a/s"><element /></sectionSchema>'), /<element> has no name/],
    ['collection without addElement', wrap('<sectionSchema name="a/s"><collection /></sectionSchema>'), /<collection> has no addElement/],
    ['two collections sharing an add tag', wrap('<sectionSchema name="a/s"><collection addElement="a" /><collection addElement="b,a" /></sectionSchema>'), /addElement "b,a" differs from "a"/],
    ['non-boolean flag', wrap('<sectionSchema name="a/s"><attribute name="x" type="int" required="yes" /></sectionSchema>'), /required="yes" is not true or false/],
    ['bad timeSpanFormat', wrap('<sectionSchema name="a/s"><attribute name="x" type="timeSpan" timeSpanFormat="hours" /></sectionSchema>'), /unknown timeSpanFormat "hours"/],
    ['non-integer enum value', wrap('<sectionSchema name="a/s"><attribute name="x" type="enum"><enum name="A" value="one" /></attribute></sectionSchema>'), /non-integer value "one"/],
    ['enum without value', wrap('<sectionSchema name="a/s"><attribute name="x" type="enum"><enum name="A" /></attribute></sectionSchema>'), /<enum> has no value/],
    ['unknown tag in an attribute', wrap('<sectionSchema name="a/s"><attribute name="x" type="enum"><value name="A" value="1" /></attribute></sectionSchema>'), /Unexpected <value> in attribute "x"/],
    ['bad integerRange parameter', wrap('<sectionSchema name="a/s"><attribute name="x" type="uint" validationType="integerRange" validationParameter="1" /></sectionSchema>'), /integerRange needs validationParameter/],
    ['bad integerRange flag', wrap('<sectionSchema name="a/s"><attribute name="x" type="uint" validationType="integerRange" validationParameter="1,2,include" /></sectionSchema>'), /integerRange needs/],
    ['bad timeSpanRange parameter', wrap('<sectionSchema name="a/s"><attribute name="x" type="timeSpan" validationType="timeSpanRange" validationParameter="0,60" /></sectionSchema>'), /timeSpanRange needs/],
    ['zero granularity', wrap('<sectionSchema name="a/s"><attribute name="x" type="timeSpan" validationType="timeSpanRange" validationParameter="0,60,0" /></sectionSchema>'), /timeSpanRange needs/],
  ];
  for (const [what, text, message] of broken) {
    it(`${what} → SCHEMA_INVALID`, () => {
      schemaFailure([text], (e) => {
        assert.match(e.message, message);
        assert.equal(e.file, 'file1.xml');
        assert.ok(e.line !== undefined && e.column !== undefined);
      });
    });
  }
});

describe('loader: files and folders', () => {
  it('reads the real IIS schema folder: 56 + 10 declarations, 65 sections', () => {
    const set = loadSchemaDir(referenceSchemaDir);
    assert.equal(set.sections.length, 65);
    assert.deepEqual(set.sources.map((s) => s.replace(/.*[/\\]/, '')), ['Ftp_schema.xml', 'IIS_schema.xml']);
    const rf = set.getSection('system.webServer/security/requestFiltering');
    assert.equal(rf?.getAttribute('removeServerHeader')?.defaultValue, 'false');
    assert.ok(set.getSection('system.applicationHost/sites')?.collection?.item.getElement('ftpServer') !== undefined);
  });

  it('reads *.xml only, in name order, and files given one by one', () => {
    const dir = tempDir('appcmd-schema-');
    writeFileSync(join(dir, 'b.xml'), wrap('<sectionSchema name="x/s"><attribute name="b" type="int" /></sectionSchema>'));
    writeFileSync(join(dir, 'A.xml'), wrap('<sectionSchema name="x/s"><attribute name="a" type="int" /></sectionSchema>'));
    writeFileSync(join(dir, 'notes.txt'), 'not a schema');
    writeFileSync(join(dir, 'c.xml'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(wrap('<sectionSchema name="y/s" />'), 'utf16le')]));
    const set = loadSchemaDir(dir);
    assert.deepEqual(set.getSection('x/s')?.attributes.map((a) => a.name), ['a', 'b']);
    assert.ok(set.getSection('y/s') !== undefined, 'UTF-16 file');
    assert.equal(set.sources.length, 3);
    assert.equal(loadSchemaFiles([join(dir, 'b.xml')]).getSection('x/s')?.attributes.length, 1);
  });

  it('a missing folder or file is a file error', () => {
    assert.throws(() => loadSchemaDir('/nonexistent/schema'), (e: unknown) => isAppcmdError(e) && e.code === 'FILE_NOT_FOUND');
    assert.throws(() => loadSchemaFiles(['/nonexistent/x.xml']), (e: unknown) => isAppcmdError(e) && e.code === 'FILE_NOT_FOUND');
  });

  it('the bundled schema is the package schema/ folder, loaded once', () => {
    assert.match(bundledSchemaDir(), /[/\\]schema$/);
    assert.equal(bundledSchema(), bundledSchema());
    assert.equal(bundledSchema().sources.length, 9);
  });
});
