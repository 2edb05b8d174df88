import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { appcmd, snapshot, tempCopy } from '../helpers/cli.js';
import { corpusDir, referenceSchemaDir } from '../helpers/paths.js';

// Two sites: SupernovaFTP (id 1) and SupernovaWeb (id 2).
const corpus04 = join(corpusDir, '04-coso-configuration-supernova.config');
const WARNING =
  'Warning: <site name="SupernovaWeb"> already has id="2". IIS accepts this, since name and id together are the key of a site, but the server will not run two with one id.\n';
const SCHEMAS: ReadonlyArray<[string, readonly string[]]> = [
  ['bundled schema', []],
  ["Microsoft's schema", [`/schemadir:${referenceSchemaDir}`]],
];

for (const [label, schema] of SCHEMAS) {
  test(`set config /+[name='new',id='2'] with site 2 in use: kept, as IIS keeps it, with a warning naming SupernovaWeb (${label})`, () => {
    const file = tempCopy(corpus04);
    const r = appcmd(['set', 'config', '-section:sites', "/+[name='new',id='2']", ...schema, `/apphostconfig:${file}`]);
    assert.equal(r.code, 0, r.stderr);
    assert.ok(r.stderr.startsWith(WARNING), r.stderr);
    assert.match(readFileSync(file, 'utf8'), /<site name="new" id="2" \/>/);
    // The same id with the same name is IIS's duplicate (183); a free id gives no warning.
    assert.equal(appcmd(['set', 'config', '-section:sites', "/+[name='SupernovaWeb',id='2']", ...schema, `/apphostconfig:${file}`]).code, 183);
    const free = appcmd(['set', 'config', '-section:sites', "/+[name='other',id='7']", ...schema, `/apphostconfig:${file}`]);
    assert.equal(free.code, 0, free.stderr);
    assert.doesNotMatch(free.stderr, /Warning/);
  });

  test(`set config /[name='SupernovaFTP'].id:2 gives an existing site a used id: written, with the warning (${label})`, () => {
    const file = tempCopy(corpus04);
    // Setting a site's own id, or a free one, warns of nothing.
    const own = appcmd(['set', 'config', '-section:sites', "/[name='SupernovaWeb'].id:2", ...schema, `/apphostconfig:${file}`]);
    assert.equal(own.code, 0, own.stderr);
    assert.doesNotMatch(own.stderr, /Warning/);
    const free = appcmd(['set', 'config', '-section:sites', "/[name='SupernovaFTP'].id:9", ...schema, `/apphostconfig:${file}`]);
    assert.equal(free.code, 0, free.stderr);
    assert.doesNotMatch(free.stderr, /Warning/);
    const r = appcmd(['set', 'config', '-section:sites', "/[name='SupernovaFTP'].id:2", ...schema, `/apphostconfig:${file}`]);
    assert.equal(r.code, 0, r.stderr);
    assert.ok(r.stderr.startsWith(WARNING), r.stderr);
    assert.match(readFileSync(file, 'utf8'), /<site name="SupernovaFTP" id="2" serverAutoStart="true">/);
  });
}

test('the warning comes with --dry-run too; add site and set site still refuse an id in use, and nothing is written', () => {
  const file = tempCopy(corpus04);
  const before = snapshot(file);
  const dry = appcmd(['set', 'config', '-section:sites', "/+[name='new',id='2']", '--dry-run', `/apphostconfig:${file}`]);
  assert.equal(dry.code, 0, dry.stderr);
  assert.ok(dry.stderr.startsWith(WARNING), dry.stderr);
  const add = appcmd(['add', 'site', '/name:new', '/id:2', `/apphostconfig:${file}`]);
  assert.equal(add.code, 183, add.stderr);
  const set = appcmd(['set', 'site', 'SupernovaFTP', '/id:2', `/apphostconfig:${file}`]);
  assert.equal(set.code, 183, set.stderr);
  assert.ok(set.stderr.startsWith('ERROR ( message:Failed to add duplicate collection element "2". )'), set.stderr);
  assert.ok(snapshot(file).bytes.equals(before.bytes));
  assert.equal(snapshot(file).mtimeNs, before.mtimeNs);
});
