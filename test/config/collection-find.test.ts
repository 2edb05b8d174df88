/**
 * Key lookups (collection.find): the first effective item whose keys match, names compared
 * case-insensitively unless the schema says caseSensitive, values in canonical form. The first
 * lookups in an unedited file read the parsed rows directly; these tests hold that path to the
 * same answers as the item list, including the values it must hand back to the general path.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ServerManager, type ConfigurationElementCollection } from '../../src/index.js';
import { wellFormedCorpusFiles } from '../helpers/paths.js';
import { tempDir } from '../helpers/temp.js';

function configFile(body: string): string {
  const file = join(tempDir('appcmd-find-'), 'applicationHost.config');
  writeFileSync(file, `<?xml version="1.0" encoding="UTF-8"?>\n<configuration>\n${body}\n</configuration>\n`);
  return file;
}

function open(file: string): ServerManager {
  return ServerManager.open(file, { validation: 'touched' });
}

const SITES = `  <system.applicationHost>
    <sites>
      <site name="Alpha" id="1" />
      <site name="R&amp;D" id="2" />
      <site name="Straße" id="3" />
      <site name="İstanbul" id="4" />
      <site name="tab\there" id="5" />
      <site name="dup" id="6" />
      <site name="DUP" id="7" />
      <site name="alphabet" id="8" />
      <siteDefaults />
    </sites>
  </system.applicationHost>`;

function sitesOf(manager: ServerManager): ConfigurationElementCollection {
  return manager.getApplicationHostConfiguration().getSection('system.applicationHost/sites').getCollection();
}

const idOf = (c: ConfigurationElementCollection, name: string): unknown => c.find({ name })?.getAttributeValue('id');

test('find by name: any case, references, non-ASCII letters, normalized whitespace, the first of duplicates', () => {
  const file = configFile(SITES);
  // Each lookup in a fresh file, so that every one is answered from the parsed rows.
  const lookup = (name: string): unknown => idOf(sitesOf(open(file)), name);
  assert.equal(lookup('alpha'), 1);
  assert.equal(lookup('ALPHA'), 1);
  assert.equal(lookup('alph'), undefined, 'a prefix is not a match');
  assert.equal(lookup('alphabet'), 8);
  assert.equal(lookup('r&d'), 2);
  assert.equal(lookup('R&amp;D'), undefined, 'the key is the decoded value');
  assert.equal(lookup('STRASSE'), undefined, 'lower case, not case folding: ß is not ss');
  assert.equal(lookup('straße'), 3);
  assert.equal(lookup('STRAßE'), 3);
  assert.equal(lookup('İSTANBUL'), 4);
  assert.equal(lookup('i̇stanbul'), 4, 'İ lowers to two code units');
  assert.equal(lookup('istanbul'), undefined);
  assert.equal(lookup('tab here'), 5, 'a tab in a value reads as a space');
  assert.equal(lookup('dup'), 6);
  assert.equal(lookup('Dup'), 6);
  assert.equal(lookup('nowhere'), undefined);
});

test('a run of lookups in one file (the keyed index) answers as single lookups do', () => {
  const cases: [string, number | undefined][] = [
    ['alpha', 1], ['ALPHA', 1], ['alph', undefined], ['alphabet', 8], ['r&d', 2], ['R&amp;D', undefined], ['STRASSE', undefined],
    ['straße', 3], ['STRAßE', 3], ['İSTANBUL', 4], ['i̇stanbul', 4], ['istanbul', undefined], ['tab here', 5], ['dup', 6], ['Dup', 6], ['nowhere', undefined],
  ];
  const manager = open(configFile(SITES));
  const sites = sitesOf(manager);
  // An edit that is not to an item (the first lookup's default element) leaves the items as parsed.
  sites.defaultElement?.getChildElement('limits').setAttributeValue('maxBandwidth', 100000);
  for (const [name, id] of [...cases, ...cases]) assert.equal(idOf(sites, name), id, name);
});

test('find answers the same before and after an edit, and gives the same element object as the item list', () => {
  const manager = open(configFile(SITES));
  const sites = sitesOf(manager);
  const first = sites.find({ name: 'STRAßE' });
  assert.ok(first !== undefined);
  assert.equal(sites.items()[2], first, 'one element object per item');
  sites.find({ name: 'dup' })?.setAttributeValue('name', 'renamed');
  assert.equal(idOf(sites, 'dup'), 7, 'after the rename the second duplicate is the first match');
  assert.equal(idOf(sites, 'renamed'), 6);
  assert.equal(sites.find({ name: 'straße' }), first);
  // Many lookups of one version build the index; it must agree too.
  for (const [name, id] of [['alpha', 1], ['r&d', 2], ['İSTANBUL', 4], ['tab here', 5], ['RENAMED', 6]] as const) assert.equal(idOf(sites, name), id);
  // An item added, and one removed: the child list is no longer the parsed one.
  sites.add({ name: 'new', id: '9' });
  sites.remove(sites.find({ name: 'alpha' })!);
  for (const [name, id] of [['NEW', 9], ['alpha', undefined], ['alphabet', 8], ['renamed', 6], ['dup', 7]] as const) assert.equal(idOf(sites, name), id);
});

test('find with <clear/>, <remove/> and items inherited from a parent level', () => {
  const file = configFile(`  <system.applicationHost>
    <sites>
      <site name="Default Web Site" id="1"><application path="/" /></site>
      <site name="ftp.example.com" id="2"><application path="/" /></site>
    </sites>
  </system.applicationHost>
  <system.ftpServer>
    <security>
      <authorization>
        <add accessType="Allow" users="a" permissions="Read" />
        <add accessType="Allow" users="b" roles="" permissions="Write, Read" />
        <add accessType="Allow" users="c" roles="" permissions="Read" />
        <remove users="c" roles="" permissions="Read" />
      </authorization>
    </security>
  </system.ftpServer>
  <location path="Default Web Site">
    <system.ftpServer>
      <security>
        <authorization>
          <add accessType="Deny" users="d" roles="" permissions="Read" />
        </authorization>
      </security>
    </system.ftpServer>
  </location>
  <location path="ftp.example.com">
    <system.ftpServer>
      <security>
        <authorization>
          <add accessType="Deny" users="x" roles="" permissions="Read" />
          <clear />
          <add accessType="Deny" users="y" roles="" permissions="Read" />
        </authorization>
      </security>
    </system.ftpServer>
  </location>`);
  const rules = (location?: string): ConfigurationElementCollection =>
    open(file).getApplicationHostConfiguration().getSection('system.ftpServer/security/authorization', location).getCollection();
  const accessOf = (c: ConfigurationElementCollection, keys: Record<string, string>): unknown => c.find(keys)?.getAttributeValue('accessType');
  // roles left to its default on the first rule; flags compared in canonical form on the second.
  assert.equal(accessOf(rules(), { users: 'A', roles: '', permissions: 'Read' }), 'Allow');
  assert.equal(accessOf(rules(), { users: 'b', roles: '', permissions: 'Read,Write' }), 'Allow');
  assert.equal(accessOf(rules(), { users: 'c', roles: '', permissions: 'Read' }), undefined, 'removed');
  assert.equal(accessOf(rules('Default Web Site'), { users: 'a', roles: '', permissions: 'Read' }), 'Allow', 'inherited from the server level');
  assert.equal(accessOf(rules('Default Web Site'), { users: 'D', roles: '', permissions: 'Read' }), 'Deny');
  assert.equal(accessOf(rules('ftp.example.com'), { users: 'x', roles: '', permissions: 'Read' }), undefined, 'cleared');
  assert.equal(accessOf(rules('ftp.example.com'), { users: 'a', roles: '', permissions: 'Read' }), undefined, 'cleared');
  assert.equal(accessOf(rules('ftp.example.com'), { users: 'y', roles: '', permissions: 'Read' }), 'Deny');
});

test('every site of every corpus file is found by its name in upper case, as the item list finds it', () => {
  for (const file of wellFormedCorpusFiles()) {
    const items = [...sitesOf(open(file))];
    for (const [i, item] of items.entries()) {
      const name = String(item.getAttributeValue('name'));
      const wanted = name.toUpperCase().toLowerCase();
      const expected = items.findIndex((s) => String(s.getAttributeValue('name')).toLowerCase() === wanted);
      // A fresh file each time: the lookup is then answered from the parsed rows.
      const sites = sitesOf(open(file));
      const found = sites.find({ name: name.toUpperCase() });
      assert.equal(found === undefined ? -1 : sites.indexOf(found), expected, `${file}: site ${i} (${name})`);
    }
  }
});

test('a key that a lookup missed is missed by a lookup of several keys too, until the next edit', () => {
  const sites = sitesOf(open(configFile(SITES)));
  assert.equal(idOf(sites, 'newcomer'), undefined);
  assert.equal(sites.find({ name: 'NEWCOMER', id: '1' }), undefined);
  // Only the missed part decides: Alpha has id 1, and the pair is found.
  assert.equal(sites.find({ name: 'alpha', id: '1' })?.getAttributeValue('name'), 'Alpha');
  sites.add({ name: 'Newcomer', id: '10' });
  assert.equal(idOf(sites, 'newcomer'), 10);
  assert.equal(sites.find({ name: 'newcomer', id: '10' })?.getAttributeValue('id'), 10);
});
