/**
 * The CLI on a schema folder of every shape IIS ships (/schemadir:, repeatable): an element with
 * two collections is listed, validated and edited by its own item schemas.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { bundledSchemaDir } from '../../src/schema/loader.js';
import { ServerManager } from '../../src/config/server-manager.js';
import { appcmd } from '../helpers/cli.js';
import { appcmdStdin } from './io-runner.js';
import { repoRoot } from '../helpers/paths.js';
import { tempDir } from '../helpers/temp.js';

const shapesDir = join(repoRoot, 'test', 'fixtures', 'schema-shapes');
const schemaArgs = [`/schemadir:${bundledSchemaDir()}`, `/schemadir:${shapesDir}`];

const config = `<?xml version="1.0" encoding="UTF-8"?>
<configuration>
  <configSections>
    <sectionGroup name="system.web">
      <section name="profile" />
      <section name="authorization" />
    </sectionGroup>
  </configSections>
  <system.web>
    <profile enabled="true">
      <properties>
        <add name="Theme" />
        <group name="Address" description="where">
          <add name="Street" />
        </group>
      </properties>
    </profile>
  </system.web>
</configuration>
`;

function file(text = config): string {
  const path = join(tempDir('appcmd-shapes-'), 'applicationHost.config');
  writeFileSync(path, text);
  return path;
}

test('list config on a section whose element has two collections', () => {
  const r = appcmd(['list', 'config', '-section:system.web/profile', ...schemaArgs, `/apphostconfig:${file()}`]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /<group name="Address" description="where">\n\s+<add name="Street" \/>/);
});

test('an item of the second collection is validated by its own schema', () => {
  const bad = config.replace('<group name="Address" description="where">', '<group name="Address" allowAnonymous="true">');
  const r = appcmd(['list', 'config', '-section:system.web/profile', ...schemaArgs, `/apphostconfig:${file(bad)}`]);
  assert.equal(r.code, 13, r.stdout);
  assert.match(r.stderr, /Unrecognized attribute 'allowAnonymous'/);
});

test('set config adds an item of the first tag after the items of both', () => {
  const path = file();
  const add = appcmd(['set', 'config', '-section:system.web/profile', "/+properties.[name='Color']", ...schemaArgs, `/apphostconfig:${path}`]);
  assert.equal(add.code, 0, add.stderr);
  assert.match(readFileSync(path, 'utf8'), /<\/group>\n\s+<add name="Color" \/>\n\s+<\/properties>/);
  const twice = appcmd(['set', 'config', '-section:system.web/profile', "/+properties.[name='Color']", ...schemaArgs, `/apphostconfig:${path}`]);
  assert.equal(twice.code, 183, twice.stderr);
});

test('reading a file: two items of the second collection with one key are IIS duplicate error, an <add> and a <group> may share a name', () => {
  const twice = config.replace('<add name="Theme" />', '<group name="Address" />');
  const r = appcmd(['list', 'config', '-section:system.web/profile', ...schemaArgs, `/apphostconfig:${file(twice)}`]);
  assert.equal(r.code, 13, r.stdout);
  assert.match(r.stderr, /Cannot add duplicate collection entry of type 'group' with unique key attribute 'name' set to 'Address'/);
  assert.match(r.stderr, /Line Number: 13\n/);
  const nested = config.replace('<add name="Street" />', '<add name="Street" />\n          <add name="street" />');
  const n = appcmd(['list', 'config', '-section:system.web/profile', ...schemaArgs, `/apphostconfig:${file(nested)}`]);
  assert.equal(n.code, 13, n.stdout);
  assert.match(n.stderr, /Cannot add duplicate collection entry of type 'add' with unique key attribute 'name' set to 'street'/);
  const shared = config.replace('<add name="Theme" />', '<add name="Address" />');
  assert.equal(appcmd(['list', 'config', '-section:system.web/profile', ...schemaArgs, `/apphostconfig:${file(shared)}`]).code, 0);
  const cleared = config.replace('<add name="Theme" />', '<group name="Address" />\n        <clear />');
  assert.equal(appcmd(['list', 'config', '-section:system.web/profile', ...schemaArgs, `/apphostconfig:${file(cleared)}`]).code, 0);
});

test('adding an item of the second collection writes its own tag and checks its own key', () => {
  const path = file();
  const manager = ServerManager.open(path, { schemaDirs: [bundledSchemaDir(), shapesDir] });
  const properties = manager.getApplicationHostConfiguration().getSection('system.web/profile').getChildElement('properties').getCollection();
  const group = properties.createElement('group');
  group.setAttributeValue('name', 'Phone');
  group.getCollection().add({ name: 'Mobile' });
  assert.equal(properties.add(group).added, true);
  // A <group> by the name of an <add> is no duplicate; one by the name of a <group> is.
  assert.equal(properties.add({ name: 'Theme' }, { tag: 'group' }).added, true);
  assert.throws(
    () => properties.add({ name: 'address' }, { tag: 'group' }),
    (e: unknown) => {
      const err = e as { code: string; message: string };
      assert.equal(err.code, 'DUPLICATE');
      assert.match(err.message, /Cannot add duplicate collection entry of type 'group' with unique key attribute 'name' set to 'address'$/);
      return true;
    },
  );
  assert.throws(() => properties.add({ name: 'Phone', allowAnonymous: 'true' }, { tag: 'group' }), /Unknown attribute "allowAnonymous"/);
  assert.throws(() => properties.add({ name: 'X' }, { tag: 'frob' }), /has no add element named "frob"/);
  assert.equal(properties.find({ name: 'Theme' }, 'group')?.elementName, 'group');
  assert.equal(properties.find({ name: 'Theme' })?.elementName, 'add');
  manager.commitChanges();
  const text = readFileSync(path, 'utf8');
  assert.match(text, /<group name="Phone">\n\s+<add name="Mobile" \/>\n\s+<\/group>\n\s+<group name="Theme" \/>/);
});

test('set config /in imports an item of the second collection under its tag and merges it the second time', () => {
  const path = file();
  const xml = '<appcmd><CONFIG CONFIG.SECTION="system.web/profile" path="MACHINE/WEBROOT/APPHOST"><system.web-profile><properties><group name="Address" description="home"><add name="Town" /></group><group name="Work" /></properties></system.web-profile></CONFIG></appcmd>';
  const r = appcmdStdin(['set', 'config', '-section:system.web/profile', '/in', ...schemaArgs, `/apphostconfig:${path}`], xml);
  assert.equal(r.code, 0, r.stderr);
  const text = readFileSync(path, 'utf8');
  assert.match(text, /<group name="Address" description="home">\n\s+<add name="Street" \/>\n\s+<add name="Town" \/>/);
  assert.match(text, /<group name="Work" \/>/);
  assert.doesNotMatch(text, /<add name="Work"/);
});
