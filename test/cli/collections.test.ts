import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { appcmd, snapshot, tempCopy } from '../helpers/cli.js';
import { lineChange } from '../helpers/line-diff.js';
import { corpusFile, fixturesDir, referenceSchemaDir } from '../helpers/paths.js';

const fixture = join(fixturesDir, 'applicationHost.config');
const SITES = '-section:system.applicationHost/sites';

function run(file: string, ...args: string[]): { code: number; stdout: string; stderr: string; change: ReturnType<typeof lineChange> } {
  const before = readFileSync(file, 'utf8');
  const r = appcmd([...args, `/apphostconfig:${file}`]);
  return { ...r, change: lineChange(before, readFileSync(file, 'utf8')) };
}

test('adding a site writes only the given attributes, after the last site and before siteDefaults', () => {
  const file = tempCopy(fixture);
  const r = run(file, 'set', 'config', SITES, "/+[name='Contoso',id='4',serverAutoStart='True']", '/commit:apphost');
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(r.change.removed, []);
  assert.deepEqual(r.change.added, ['            <site name="Contoso" id="4" serverAutoStart="true" />\r\n']);
  assert.match(readFileSync(file, 'utf8'), /<site name="Contoso" id="4" serverAutoStart="true" \/>\r\n {12}<siteDefaults>/);
});

test('a duplicate add exits 183 with IIS\'s text (single and combined keys) and writes nothing', () => {
  const file = tempCopy(fixture);
  const before = snapshot(file);
  const single = run(file, 'set', 'config', SITES, "/+[name='ftp.example.com',id='2']");
  assert.equal(single.code, 183);
  assert.match(single.stderr, /Cannot add duplicate collection entry of type 'site' with unique key attributes 'name, id' respectively set to 'ftp\.example\.com, 2'/);
  const combined = run(file, 'set', 'config', SITES, "/+[name='ftp.example.com'].bindings.[protocol='FTP',bindingInformation='*:21:']");
  assert.equal(combined.code, 183);
  assert.match(combined.stderr, /^ERROR \( message:New binding object missing required attributes\. Cannot add duplicate collection entry of type 'binding' with combined key attributes 'protocol, bindingInformation' respectively set to 'FTP, \*:21:' \)/);
  assert.ok(snapshot(file).bytes.equals(before.bytes));
});

test('required attributes are checked on add', () => {
  const file = tempCopy(fixture);
  const r = run(file, 'set', 'config', SITES, "/+[name='ftp.example.com'].bindings.[protocol='ftp']");
  assert.equal(r.code, 13);
  assert.match(r.stderr, /^ERROR \( message:Element is missing required attributes bindingInformation \)/);
});

test('positions: @start and @N insert before existing items; @end and the default append', () => {
  const file = tempCopy(fixture);
  const name = "[name='ftp.example.com']";
  assert.equal(run(file, 'set', 'config', SITES, `/+${name}.bindings.[@start,protocol='ftp',bindingInformation='*:990:']`).code, 0);
  assert.equal(run(file, 'set', 'config', SITES, `/+${name}.bindings.[protocol='ftp',bindingInformation='*:2100:']`).code, 0);
  assert.equal(run(file, 'set', 'config', SITES, `/+${name}.bindings.[@1,protocol='ftp',bindingInformation='*:2200:']`).code, 0);
  const bindings = [...readFileSync(file, 'utf8').matchAll(/<binding protocol="ftp" bindingInformation="([^"]*)"/g)].map((m) => m[1]);
  assert.deepEqual(bindings.slice(0, 4), ['*:990:', '*:2200:', '*:21:', '*:2100:']);
  const bad = run(file, 'set', 'config', SITES, `/+${name}.bindings.[@9,protocol='ftp',bindingInformation='*:2300:']`);
  assert.equal(bad.code, 13);
});

test('removing: /- deletes only the item\'s line; a missing item exits 4312', () => {
  const file = tempCopy(fixture);
  const r = run(file, 'set', 'config', SITES, "/-[name='ftp.example.com'].bindings.[protocol='ftp',bindingInformation='*:21:']");
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(r.change.removed, ['                    <binding protocol="ftp" bindingInformation="*:21:" />\r\n']);
  assert.deepEqual(r.change.added, []);
  const again = run(file, 'set', 'config', SITES, "/-[name='ftp.example.com'].bindings.[protocol='ftp',bindingInformation='*:21:']");
  assert.equal(again.code, 4312);
  assert.match(again.stderr, /^ERROR \( message:Cannot find requested collection element\. \)/);
});

test('an item inherited from the server level is removed at a path with <remove>, and <clear/> drops them all', () => {
  const file = tempCopy(corpusFile('19'));
  const r = run(file, 'set', 'config', 'api', '-section:system.webServer/modules', `/schemadir:${referenceSchemaDir}`, "/-[name='UrlRoutingModule-4.0']", '/commit:apphost');
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(r.change.removed, []);
  assert.deepEqual(r.change.added.map((l) => l.trim()), ['<remove name="UrlRoutingModule-4.0" />']);
  const cleared = run(file, 'clear', 'config', 'api', '-section:system.webServer/modules', `/schemadir:${referenceSchemaDir}`, '/commit:apphost');
  assert.equal(cleared.code, 0, cleared.stderr);
  const list = appcmd(['list', 'config', 'api', '-section:system.webServer/modules', `/schemadir:${referenceSchemaDir}`, `/apphostconfig:${file}`]);
  assert.equal(list.stdout, '<system.webServer>\n  <modules>\n  </modules>\n</system.webServer>\n');
  assert.match(readFileSync(file, 'utf8'), /<location path="api" inheritInChildApplications="false">\s*<system\.webServer>\s*<modules>\s*<clear \/>\s*<\/modules>/);
});

test('clear config: one attribute returns to its default, one element goes, the section goes', () => {
  const file = tempCopy(fixture);
  const attr = run(file, 'clear', 'config', SITES, "/[name='ftp.example.com'].ftpServer.security.ssl.controlChannelPolicy", '/commit:apphost');
  assert.equal(attr.code, 0, attr.stderr);
  assert.deepEqual(attr.change.added.map((l) => l.trim()), ['<ssl dataChannelPolicy="SslAllow" />']);
  const list = appcmd(['list', 'config', SITES, '/config:*', `/apphostconfig:${file}`]);
  assert.match(list.stdout, /<site name="ftp\.example\.com"[\s\S]*?<ssl serverCertHash="" serverCertStoreName="WebHosting" ssl128="false" controlChannelPolicy="SslRequire" dataChannelPolicy="SslAllow" \/>/);
  const element = run(file, 'clear', 'config', SITES, "/[name='ftp.example.com'].ftpServer.security.authentication");
  assert.equal(element.code, 0, element.stderr);
  assert.equal(element.change.removed.length, 3);
  const section = run(file, 'clear', 'config', '-section:system.ftpServer/firewallSupport');
  assert.equal(section.code, 0, section.stderr);
  assert.deepEqual(section.change.removed.map((l) => l.trim()), ['<firewallSupport lowDataChannelPort="50000" highDataChannelPort="50100" />']);
});

test('a change at a site path goes into <location path>, reused case-insensitively or created', () => {
  const file = tempCopy(fixture);
  const reuse = run(file, 'set', 'config', 'FTP.EXAMPLE.COM', '-section:system.ftpServer/security/authorization', "/+[accessType='Deny',users='guest']", '/commit:apphost');
  assert.equal(reuse.code, 0, reuse.stderr);
  assert.deepEqual(reuse.change.added.map((l) => l.trim()), ['<add accessType="Deny" users="guest" />']);
  const create = run(file, 'set', 'config', 'ftp.intranet/', '-section:system.ftpServer/security/ipSecurity', '/allowUnlisted:false', '/commit:apphost');
  assert.equal(create.code, 0, create.stderr);
  assert.equal(create.stdout, 'Applied configuration changes to section "system.ftpServer/security/ipSecurity" for "MACHINE/WEBROOT/APPHOST/ftp.intranet" at configuration commit path "MACHINE/WEBROOT/APPHOST"\n');
  assert.deepEqual(
    create.change.added.map((l) => l.trimEnd()),
    ['    <location path="ftp.intranet">', '        <system.ftpServer>', '            <security>', '                <ipSecurity allowUnlisted="false" />', '            </security>', '        </system.ftpServer>', '    </location>'],
  );
  const noCommit = run(file, 'set', 'config', 'ftp.intranet', '-section:system.ftpServer/security/ipSecurity', '/allowUnlisted:true');
  // Without /commit the change goes to the site's web.config, whose folder is on drive D: here.
  assert.equal(noCommit.code, 50);
  assert.match(noCommit.stderr, /Cannot find the folder of site "ftp\.intranet": its physicalPath "D:\\intranet"[^]*\/physicalroot:D:=[^]*add \/commit:apphost/);
  const appHostOnly = run(file, 'set', 'config', 'ftp.intranet', SITES, "/[name='x'].id:5", '/commit:apphost');
  assert.equal(appHostOnly.code, 33);
});

test('unlock and lock config move the section into a <location overrideMode>, with appcmd\'s text', () => {
  const file = tempCopy(fixture);
  const unlock = run(file, 'unlock', 'config', '-section:system.ftpServer/security/authorization');
  assert.equal(unlock.code, 0, unlock.stderr);
  assert.equal(unlock.stdout, 'Unlocked section "system.ftpServer/security/authorization" at configuration path "MACHINE/WEBROOT/APPHOST".\n');
  assert.match(readFileSync(file, 'utf8'), /<location path="" overrideMode="Allow">\r\n {8}<system\.ftpServer>\r\n {12}<security>\r\n {16}<authorization \/>/);
  assert.equal(run(file, 'unlock', 'config', '-section:system.ftpServer/security/authorization').change.added.length, 0, 'already unlocked: no change');
  const lock = run(file, 'lock', 'config', 'ftp.example.com', '-section:system.ftpServer/security/authorization');
  assert.equal(lock.code, 0, lock.stderr);
  assert.equal(lock.stdout, 'Locked section "system.ftpServer/security/authorization" at configuration path "MACHINE/WEBROOT/APPHOST/ftp.example.com".\n');
  assert.match(readFileSync(file, 'utf8'), /<location path="ftp\.example\.com" overrideMode="Deny">/);
  // The lock binds the web.config files below ftp.example.com, not a lower <location> of applicationHost.config (docs/web-config.md).
  const below = run(file, 'set', 'config', 'ftp.example.com/app', '-section:system.ftpServer/security/authorization', "/+[accessType='Allow',users='bob']", '/commit:apphost');
  assert.equal(below.code, 0, below.stderr);
  assert.match(readFileSync(file, 'utf8'), /<location path="ftp\.example\.com\/app">\r\n {8}<system\.ftpServer>\r\n {12}<security>\r\n {16}<authorization>\r\n {20}<add accessType="Allow" users="bob" \/>/);
});

test('search config lists the paths that set a section, an attribute, or a value', () => {
  const r = appcmd(['search', 'config', '-section:system.ftpServer/security/authorization', `/apphostconfig:${fixture}`]);
  assert.equal(r.stdout, 'CONFIGSEARCH "MACHINE/WEBROOT/APPHOST/ftp.example.com"\n');
  const attr = appcmd(['search', 'config', '-section:firewallSupport', '/lowDataChannelPort:50000', `/apphostconfig:${fixture}`]);
  assert.equal(attr.stdout, 'CONFIGSEARCH "MACHINE/WEBROOT/APPHOST"\n');
  const none = appcmd(['search', 'config', '-section:firewallSupport', '/lowDataChannelPort:1', `/apphostconfig:${fixture}`]);
  assert.equal(none.stdout, '');
});

test('a section without a schema is listed as stored but cannot be set', () => {
  const file = tempCopy(corpusFile('07'));
  const list = appcmd(['list', 'config', '-section:system.webServer/rewrite/globalRules', `/apphostconfig:${file}`]);
  assert.equal(list.code, 0, list.stderr);
  assert.match(list.stderr, /Note: no schema describes section "system.webServer\/rewrite\/globalRules"; it is shown as stored, unvalidated\./);
  const set = run(file, 'set', 'config', '-section:system.webServer/rewrite/globalRules', '/useOriginalURLEncoding:false');
  assert.equal(set.code, 87);
  assert.match(set.stderr, /no schema describes it/);
  assert.deepEqual(set.change.added, []);
});
