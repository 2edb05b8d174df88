import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFileSync, writeFileSync } from 'node:fs';
import { appcmd, tempCopy } from '../helpers/cli.js';
import { assertGolden } from '../helpers/golden.js';
import { fixturesDir } from '../helpers/paths.js';

const fixture = join(fixturesDir, 'applicationHost.config');

/** stdout of a successful command against the fixture. */
function out(...args: string[]): string {
  const r = appcmd([...args, `/apphostconfig:${fixture}`]);
  assert.equal(r.code, 0, r.stderr);
  return r.stdout;
}

/** Several outputs in one golden, each under the command that printed it. */
function sections(commands: readonly (readonly string[])[]): string {
  return commands.map((c) => `$ appcmd ${c.map((a) => (/\s/.test(a) ? `"${a}"` : a)).join(' ')}\n${out(...c)}`).join('\n');
}

test('/text:* is the detail view: the object, its properties, then every effective value by element (golden)', () => {
  const text = sections([
    ['list', 'site', 'ftp.intranet', '/text:*'],
    ['list', 'app', 'ftp.example.com/', '/text:*'],
    ['list', 'vdir', 'ftp.example.com/', '/text:*'],
    ['list', 'apppool', 'FtpPool', '/text:*'],
  ]);
  assertGolden('objects/text-detail.txt', text);
  assert.match(text, /^SITE\n {2}SITE\.NAME: ftp\.intranet\n {2}SITE\.ID: 3\n {2}bindings: ftp\/\*:2121:\n {2}state: Unknown\n {2}\[site\]\n {4}name:"ftp\.intranet"\n/m);
  // siteDefaults supplies the store name of a site that sets none.
  assert.match(text, /serverCertStoreName:"WebHosting"/);
});

test('secrets are masked in every object format unless --show-secrets', () => {
  const file = tempCopy(fixture);
  writeFileSync(file, readFileSync(file, 'utf8').replace('physicalPath="D:\\ftproot"', 'physicalPath="D:\\ftproot" password="[enc:AesProvider:c2VjcmV0:enc]"'));
  const run = (...args: string[]): string => appcmd([...args, `/apphostconfig:${file}`]).stdout;
  for (const format of [['/text:*'], ['/config'], ['/xml', '/config'], ['--json', '/config']]) {
    const shown = run('list', 'vdir', 'ftp.example.com/', ...format);
    assert.match(shown, /\[enc:AesProvider:\*{8}:enc\]/, format.join(' '));
    assert.doesNotMatch(shown, /c2VjcmV0/, format.join(' '));
    assert.match(run('list', 'vdir', 'ftp.example.com/', ...format, '--show-secrets'), /c2VjcmV0/, format.join(' '));
  }
});

test('/text:NAME prints one bare value per object: a property, or an attribute, dotted through child elements', () => {
  assert.equal(out('list', 'site', '/text:SITE.NAME'), 'Default Web Site\nftp.example.com\nftp.intranet\n');
  assert.equal(out('list', 'sites', '/text:bindings', '/name:$=*ftp*'), 'ftp/*:21:\nftp/*:2121:\n');
  assert.equal(out('list', 'apppools', '/text:name'), 'DefaultAppPool\nFtpPool\n');
  assert.equal(out('list', 'vdirs', '/text:physicalPath'), '%SystemDrive%\\inetpub\\wwwroot\nD:\\ftproot\nD:\\intranet\n');
  assert.equal(out('list', 'site', '/text:ftpServer.security.ssl.controlChannelPolicy'), 'SslRequire\nSslAllow\nSslRequire\n');
  assert.equal(out('list', 'apppool', '/text:processModel.identityType'), 'ApplicationPoolIdentity\nApplicationPoolIdentity\n');
  assert.deepEqual(JSON.parse(out('list', 'site', '/text:id', '--json')), ['1', '2', '3']);
  const bad = appcmd(['list', 'site', '/text:nosuch', `/apphostconfig:${fixture}`]);
  assert.equal(bad.code, 87);
  assert.match(bad.stderr, /^ERROR \( message:Unknown attribute "nosuch"\. {2}Replace with -\? for help\. \)/);
});

test('/xml is appcmd\'s <appcmd> document; with /config the raw element is nested inside each object (golden)', () => {
  const text = sections([
    ['list', 'site', '/xml'],
    ['list', 'app', '/xml'],
    ['list', 'vdir', '/xml'],
    ['list', 'apppool', '/xml'],
    ['list', 'site', 'ftp.example.com', '/xml', '/config'],
    ['list', 'apppool', 'DefaultAppPool', '/xml', '/config'],
    ['list', 'site', '/name:nosuch*', '/xml'],
  ]);
  assertGolden('objects/xml.txt', text);
  assert.match(text, /^ {4}<SITE SITE\.NAME="Default Web Site" SITE\.ID="1" bindings="http\/\*:80:" state="Unknown" \/>$/m);
  assert.match(text, /^ {4}<APP APP\.NAME="ftp\.example\.com\/" APPPOOL\.NAME="FtpPool" SITE\.NAME="ftp\.example\.com" path="\/" \/>$/m);
  assert.match(text, /^ {4}<VDIR VDIR\.NAME="ftp\.intranet\/" APP\.NAME="ftp\.intranet\/" path="\/" physicalPath="D:\\intranet" \/>$/m);
  assert.match(text, /^ {4}<APPPOOL APPPOOL\.NAME="FtpPool" PipelineMode="Integrated" RuntimeVersion="" state="Unknown" \/>$/m);
});

test('/config and /config:* print the raw configuration element, written values only or every effective one (golden)', () => {
  const text = sections([
    ['list', 'site', 'Default Web Site', '/config'],
    ['list', 'vdir', 'ftp.example.com/', '/config:*'],
    ['list', 'apppool', 'FtpPool', '/config'],
  ]);
  assertGolden('objects/config.txt', text);
  assert.match(text, /^<site name="Default Web Site" id="1">$/m);
  assert.match(text, /^<virtualDirectory path="\/" physicalPath="D:\\ftproot" userName="" password="\[enc:AesProvider::enc\]" logonMethod="ClearText" allowSubDirConfig="true" \/>$/m);
});

test('--json on list gives typed objects, with the configuration tree on request (golden)', () => {
  const text = sections([
    ['list', 'site', '--json'],
    ['list', 'app', 'ftp.example.com/', '--json', '/config'],
    ['list', 'vdir', '--json'],
    ['list', 'apppool', '--json'],
  ]);
  assertGolden('objects/json.txt', text);
  const sites = JSON.parse(out('list', 'site', '--json')) as { object: string; name: string; id: number; bindings: { protocol: string }[]; state: string }[];
  assert.deepEqual(
    sites.map((s) => [s.object, s.name, s.id, s.bindings[0]?.protocol, s.state]),
    [
      ['SITE', 'Default Web Site', 1, 'http', 'Unknown'],
      ['SITE', 'ftp.example.com', 2, 'ftp', 'Unknown'],
      ['SITE', 'ftp.intranet', 3, 'ftp', 'Unknown'],
    ],
  );
});

test('CONFIG objects: list config /xml and --json (golden)', () => {
  const text = sections([
    ['list', 'config', '-section:firewallSupport', '/xml'],
    ['list', 'config', '-section:applicationPools', '/xml', '/config:*'],
    ['list', 'config', '-section:sites', '/xml'],
    ['list', 'config', 'ftp.example.com', '-section:system.ftpServer/security/authorization', '/xml'],
    ['list', 'config', '-section:firewallSupport', '--json'],
  ]);
  assertGolden('objects/config-objects.txt', text);
  assert.match(text, /<CONFIG CONFIG\.SECTION="system\.applicationHost\/sites" path="MACHINE\/WEBROOT\/APPHOST" overrideMode="Inherit" locked="false">\n {8}<system\.applicationHost-sites>/);
  assert.match(text, /<CONFIG CONFIG\.SECTION="system\.ftpServer\/security\/authorization" path="MACHINE\/WEBROOT\/APPHOST\/ftp\.example\.com" overrideMode="Inherit" locked="true">/);
});

test('errors with --json are one JSON object on stderr: code, win32, message, file, line', () => {
  const r = appcmd(['list', 'site', 'nosuch', '--json', `/apphostconfig:${fixture}`]);
  assert.equal(r.code, 1168);
  assert.equal(r.stdout, '');
  const e = JSON.parse(r.stderr) as Record<string, unknown>;
  assert.deepEqual([e['code'], e['win32'], e['message'], e['file'], e['line']], ['OBJECT_NOT_FOUND', 1168, 'Cannot find SITE object with identifier "nosuch".', null, null]);
  const broken = appcmd(['list', 'site', '--json', `/apphostconfig:${join(fixturesDir, '..', '..', 'shared', 'corpus', '24-jexuswebserver-JexusManager.config')}`]);
  const b = JSON.parse(broken.stderr) as Record<string, unknown>;
  assert.equal(b['code'], 'XML_MALFORMED');
  assert.equal(b['win32'], 13);
  assert.match(String(b['file']), /24-jexuswebserver/);
  assert.equal(typeof b['line'], 'number');
  // Even a command line that does not parse answers in JSON.
  const bad = JSON.parse(appcmd(['list', 'nosuchobject', '--json']).stderr) as Record<string, unknown>;
  assert.equal(bad['win32'], 87);
});
