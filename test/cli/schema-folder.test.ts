/**
 * The CLI on a schema folder of every shape IIS ships (/schemadir:, repeatable): an element with
 * two collections is listed, validated and edited by its own item schemas.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { bundledSchemaDir } from '../../src/schema/loader.js';
import { appcmd } from '../helpers/cli.js';
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
