/**
 * The three jobs of docs/api.md, run as written in examples/: a scripted change (dry run, then
 * write, then the failure path), a config generated from a template, sites migrated between files.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { requireFtpSsl } from '../../examples/scripted-change.js';
import { generate } from '../../examples/generate-config.js';
import { migrateSites } from '../../examples/migrate-sites.js';
import { AppcmdError, ServerManager, getApplicationPools, getSites } from '../../src/index.js';
import { appcmd, snapshot, tempCopy } from '../helpers/cli.js';
import { fixturesDir } from '../helpers/paths.js';
import { tempDir } from '../helpers/temp.js';

const fixture = join(fixturesDir, 'applicationHost.config');
const tempFile = (name: string): string => join(tempDir('appcmd-jobs-'), name);

test('scripted change: a dry run returns the diff and writes nothing; the real run writes that diff', () => {
  const file = tempCopy(fixture, 'applicationHost.config');
  const before = snapshot(file);
  const dry = requireFtpSsl(file, 'ftp.example.com', true);
  assert.equal(dry.written, false);
  assert.ok(snapshot(file).bytes.equals(before.bytes));
  assert.equal(
    dry.diff,
    [
      '--- a/applicationHost.config\n',
      '+++ b/applicationHost.config\n',
      '@@ -54,7 +54,7 @@\n',
      '                 </bindings>\r\n',
      '                 <ftpServer>\r\n',
      '                     <security>\r\n',
      '-                        <ssl controlChannelPolicy="SslAllow" dataChannelPolicy="SslAllow" />\r\n',
      '+                        <ssl controlChannelPolicy="SslRequire" dataChannelPolicy="SslRequire" />\r\n',
      '                         <authentication>\r\n',
      '                             <basicAuthentication enabled="true" />\r\n',
      '                         </authentication>\r\n',
    ].join(''),
  );
  const real = requireFtpSsl(file, 'ftp.example.com');
  assert.deepEqual(real, { written: true, diff: dry.diff });
  assert.deepEqual(requireFtpSsl(file, 'ftp.example.com'), { written: false, diff: '' });
});

test('scripted change: an unknown site is appcmd\'s 1168 and leaves the file (and its lock) alone', () => {
  const file = tempCopy(fixture, 'applicationHost.config');
  const before = snapshot(file);
  assert.throws(
    () => requireFtpSsl(file, 'no such site'),
    (e: unknown) => e instanceof AppcmdError && e.code === 'OBJECT_NOT_FOUND' && e.win32 === 1168,
  );
  assert.ok(snapshot(file).bytes.equals(before.bytes));
  // The writer's lock was released: the next writer does not wait.
  assert.equal(requireFtpSsl(file, 'ftp.example.com').written, true);
});

test('generate from the minimal template: N valid sites and pools that appcmd itself reads back', () => {
  const file = tempFile('applicationHost.config');
  const names = Array.from({ length: 40 }, (_, i) => `site${i + 1}.example.com`);
  generate(file, names);
  const manager = ServerManager.open(file, { readOnly: true });
  const sites = getSites(manager);
  assert.equal(sites.count, 40);
  assert.deepEqual(
    sites.items().map((s) => [s.name, s.id]),
    names.map((n, i) => [n, i + 1]),
  );
  const last = sites.get('site40.example.com');
  assert.ok(last !== undefined);
  assert.deepEqual(last.bindings.items().map((b) => `${b.protocol} ${b.bindingInformation}`), ['http *:80:site40.example.com', 'ftp *:21:site40.example.com']);
  assert.equal(last.applications.get('/')?.virtualDirectories.get('/')?.physicalPath, 'D:\\sites\\site40.example.com');
  // Not written on the site: inherited from the template's siteDefaults.
  assert.equal(last.ftpServer.security.ssl.controlChannelPolicy, 'SslRequire');
  assert.equal(last.ftpServer.security.ssl.element.getAttribute('controlChannelPolicy').source, 'defaultElement');
  const pool = getApplicationPools(manager).get('site7.example.com');
  assert.equal(pool?.processModel.idleTimeout, '00:05:00');
  assert.equal(pool?.processModel.idleTimeoutMs, 300_000);
  assert.equal(pool?.processModel.identityType, 'ApplicationPoolIdentity');
  assert.equal(pool?.managedRuntimeVersion, '');
  // The CLI validates whole sections when listing: the generated file passes.
  for (const section of ['system.applicationHost/sites', 'system.applicationHost/applicationPools']) {
    const r = appcmd(['list', 'config', `-section:${section}`, `/apphostconfig:${file}`]);
    assert.equal(r.code, 0, r.stderr);
  }
});

test('generate from your own template: the fixture keeps every byte it had, sites are appended', () => {
  const file = tempFile('applicationHost.config');
  generate(file, ['new.example.com'], fixture);
  const original = readFileSync(fixture, 'utf8');
  const text = readFileSync(file, 'utf8');
  const sites = getSites(ServerManager.open(file, { readOnly: true }));
  assert.deepEqual(
    sites.items().map((s) => [s.name, s.id]),
    [
      ['Default Web Site', 1],
      ['ftp.example.com', 2],
      ['ftp.intranet', 3],
      ['new.example.com', 4],
    ],
  );
  // Only insertions: the template's lines are all there, in order, CRLF kept on every line.
  const lines = text.split('\r\n');
  let at = 0;
  for (const line of original.split('\r\n')) {
    while (at < lines.length && lines[at] !== line) at++;
    assert.ok(at < lines.length, `template line lost: ${line}`);
    at++;
  }
  assert.ok(!/[^\r]\n/.test(text), 'every new line ends in CRLF like its neighbours');
  assert.ok(text.length > original.length);
});

test('migrate: sites, their pools and their <location> settings arrive; ids are kept unless taken', () => {
  const target = tempFile('applicationHost.config');
  generate(target, ['site1.example.com', 'site2.example.com']);
  const source = tempCopy(fixture, 'applicationHost.config');
  const sourceBefore = snapshot(source);
  const notes = migrateSites(source, target, ['ftp.example.com', 'Default Web Site']);
  assert.ok(snapshot(source).bytes.equals(sourceBefore.bytes), 'the source is only read');
  assert.deepEqual(notes, [
    'system.ftpServer/security/authorization (set for "ftp.example.com") is not declared in the target\'s <configSections>; it was copied, declare it there.',
  ]);
  const manager = ServerManager.open(target, { readOnly: true });
  const sites = getSites(manager);
  const ftp = sites.get('ftp.example.com');
  const web = sites.get('Default Web Site');
  assert.ok(ftp !== undefined && web !== undefined);
  // ftp.example.com's id 2 is taken by site2 in the target; Default Web Site's 1 by site1.
  assert.deepEqual([ftp.id, web.id], [3, 4]);
  assert.equal(ftp.serverAutoStart, true);
  assert.equal(ftp.ftpServer.security.ssl.controlChannelPolicy, 'SslAllow');
  assert.equal(ftp.ftpServer.security.element.getChildElement('authentication').getChildElement('basicAuthentication').getAttributeValue('enabled'), true);
  assert.deepEqual(ftp.bindings.items().map((b) => b.bindingInformation), ['*:21:']);
  assert.equal(ftp.applications.get('/')?.applicationPool, 'FtpPool');
  // Default Web Site's pool came from the source's applicationDefaults: now written on the app.
  assert.equal(web.applications.get('/')?.applicationPool, 'DefaultAppPool');
  assert.equal(web.applications.get('/')?.element.getAttribute('applicationPool').source, 'explicit');
  const pools = getApplicationPools(manager);
  assert.equal(pools.get('FtpPool')?.managedPipelineMode, 'Integrated');
  assert.equal(pools.get('DefaultAppPool')?.managedRuntimeVersion, 'v4.0');
  const rules = manager.getApplicationHostConfiguration().getSection('system.ftpServer/security/authorization', 'ftp.example.com').getCollection();
  assert.deepEqual(rules.items().map((r) => [r.getAttributeValue('users'), r.getAttributeValue('permissions')]), [['*', 'Read']]);
});

test('migrate: a site the target already has is IIS\'s duplicate error, and the target is not written', () => {
  const target = tempCopy(fixture, 'applicationHost.config');
  const source = tempCopy(fixture, 'source.config');
  const before = snapshot(target);
  assert.throws(
    () => migrateSites(source, target, ['ftp.intranet']),
    (e: unknown) => e instanceof AppcmdError && e.code === 'DUPLICATE' && /Cannot add duplicate collection entry of type 'site'/.test(e.message),
  );
  assert.ok(snapshot(target).bytes.equals(before.bytes));
});
