/**
 * The collection methods MWA has and the generic model lacked: createElement → add(element),
 * addAt, indexOf, removeAt, iteration; and add(element) copying an item from another file.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppcmdError, ServerManager, type ConfigurationElementCollection } from '../../src/index.js';
import { snapshot, tempCopy } from '../helpers/cli.js';
import { fixturesDir } from '../helpers/paths.js';

const fixture = join(fixturesDir, 'applicationHost.config');

function sitesOf(file: string): { manager: ServerManager; sites: ConfigurationElementCollection } {
  const manager = ServerManager.open(file);
  return { manager, sites: manager.getApplicationHostConfiguration().getSection('system.applicationHost/sites').getCollection() };
}

const names = (c: ConfigurationElementCollection): unknown[] => [...c].map((i) => i.getAttributeValue('name'));

test('createElement → set attributes, children and nested items → add: written as one new <site>', () => {
  const file = tempCopy(fixture);
  const { manager, sites } = sitesOf(file);
  const site = sites.createElement();
  assert.equal(site.elementName, 'site');
  // A detached element reads its defaults through siteDefaults already.
  assert.equal(site.getChildElement('ftpServer').getChildElement('security').getChildElement('ssl').getAttributeValue('serverCertStoreName'), 'WebHosting');
  site.setAttributeValue('name', 'new.example.com');
  site.setAttributeValue('id', 10);
  site.getCollection('bindings').add({ protocol: 'ftp', bindingInformation: '*:21:new.example.com' });
  site.getChildElement('ftpServer').getChildElement('security').getChildElement('ssl').setAttributeValue('controlChannelPolicy', 'sslrequire');
  assert.equal(sites.count, 3, 'not in the collection before add()');
  const added = sites.add(site);
  assert.equal(added.added, true);
  assert.deepEqual(names(sites), ['Default Web Site', 'ftp.example.com', 'ftp.intranet', 'new.example.com']);
  assert.equal(sites.indexOf(added.item), 3);
  manager.commitChanges();
  const text = readFileSync(file, 'utf8');
  assert.ok(
    text.includes(
      [
        '            <site name="new.example.com" id="10">',
        '                <bindings>',
        '                    <binding protocol="ftp" bindingInformation="*:21:new.example.com" />',
        '                </bindings>',
        '                <ftpServer>',
        '                    <security>',
        '                        <ssl controlChannelPolicy="SslRequire" />',
        '                    </security>',
        '                </ftpServer>',
        '            </site>',
        '            <siteDefaults>',
      ].join('\r\n'),
    ),
    text,
  );
});

test('a detached element validates each write; adding a duplicate throws and leaves the collection as it was', () => {
  const file = tempCopy(fixture);
  const { manager, sites } = sitesOf(file);
  const site = sites.createElement('site');
  assert.throws(
    () => site.setAttributeValue('serverAutoStart', 'maybe'),
    (e: unknown) => e instanceof AppcmdError && e.code === 'VALUE_INVALID' && e.message === 'Not a valid boolean value',
  );
  site.setAttributeValue('name', 'ftp.intranet');
  site.setAttributeValue('id', 3);
  assert.throws(
    () => sites.add(site),
    (e: unknown) => e instanceof AppcmdError && e.code === 'DUPLICATE' && e.win32 === 183,
  );
  assert.throws(() => sites.createElement('binding'), (e: unknown) => e instanceof AppcmdError && e.code === 'UNKNOWN_ELEMENT');
  const before = snapshot(file);
  assert.equal(manager.commitChanges().changed, false);
  assert.ok(snapshot(file).bytes.equals(before.bytes));
});

test('addAt places the item among the effective items; removeAt removes by position', () => {
  const file = tempCopy(fixture);
  const { manager, sites } = sitesOf(file);
  sites.addAt(0, { name: 'first', id: '7' });
  sites.addAt(2, { name: 'third', id: '8' });
  assert.deepEqual(names(sites), ['first', 'Default Web Site', 'third', 'ftp.example.com', 'ftp.intranet']);
  sites.removeAt(1);
  assert.deepEqual(names(sites), ['first', 'third', 'ftp.example.com', 'ftp.intranet']);
  assert.throws(
    () => sites.removeAt(4),
    (e: unknown) => e instanceof AppcmdError && e.code === 'ELEMENT_NOT_FOUND' && e.win32 === 4312 && e.message === 'Cannot find requested collection element.',
  );
  manager.commitChanges();
  assert.deepEqual(names(sitesOf(file).sites), ['first', 'third', 'ftp.example.com', 'ftp.intranet']);
});

test('indexOf is -1 for an element that is not an item; iteration yields the items in order', () => {
  const { sites } = sitesOf(tempCopy(fixture));
  assert.equal(sites.indexOf(sites.createElement()), -1);
  const found = sites.find({ name: 'FTP.EXAMPLE.COM' });
  assert.ok(found !== undefined);
  assert.equal(sites.indexOf(found), 1);
  let n = 0;
  for (const item of sites) assert.equal(sites.indexOf(item), n++);
  assert.equal(n, sites.count);
});

test('add(element) of an item from another file: IIS\'s duplicate for a key in use; else the item as it was written there', () => {
  const source = sitesOf(fixture).sites.find({ name: 'ftp.example.com' });
  assert.ok(source !== undefined);
  const file = tempCopy(fixture);
  const { manager, sites } = sitesOf(file);
  // Same name and id: IIS's duplicate.
  assert.throws(() => sites.add(source), (e: unknown) => e instanceof AppcmdError && e.code === 'DUPLICATE');
  const pools = manager.getApplicationHostConfiguration().getSection('system.applicationHost/applicationPools').getCollection();
  const pool = pools.find({ name: 'FtpPool' });
  assert.ok(pool !== undefined);
  pools.remove(pool);
  // An item of the source file (read-only there) lands in this one.
  const copy = pools.add(sitesOf(fixture).manager.getApplicationHostConfiguration().getSection('applicationPools').getCollection().find({ name: 'FtpPool' }) ?? assert.fail());
  assert.equal(copy.added, true);
  manager.commitChanges();
  assert.equal(readFileSync(file, 'utf8'), readFileSync(fixture, 'utf8').replace(
    '            <add name="FtpPool" managedRuntimeVersion="" managedPipelineMode="Integrated" />\r\n',
    '',
  ).replace(
    '            <applicationPoolDefaults',
    '            <add name="FtpPool" managedRuntimeVersion="" managedPipelineMode="Integrated" />\r\n            <applicationPoolDefaults',
  ));
});

test('add(element) copies a site whole: moved to the end, its block is byte for byte the original', () => {
  const source = sitesOf(fixture).sites.find({ name: 'ftp.example.com' });
  assert.ok(source !== undefined);
  const file = tempCopy(fixture);
  const { manager, sites } = sitesOf(file);
  sites.remove(sites.find({ name: 'ftp.example.com' }) ?? assert.fail());
  const copy = sites.add(source);
  assert.deepEqual(copy.notes, []);
  manager.commitChanges();
  const original = readFileSync(fixture, 'utf8');
  const start = original.indexOf('            <site name="ftp.example.com"');
  const end = original.indexOf('            <site name="ftp.intranet"');
  const block = original.slice(start, end);
  const siteDefaults = original.indexOf('            <siteDefaults>');
  const expected = original.slice(0, start) + original.slice(end, siteDefaults) + block + original.slice(siteDefaults);
  assert.equal(readFileSync(file, 'utf8'), expected);
});
